// Written by scripts/generate-openapi-schemas.ts (npm run openapi:schemas) from the types the
// controllers return; do not edit by hand: change the view type and run it again.
import type { OpenApiAnswers, OpenApiSchemas } from '../common/openapi-types';

export const circularsSchemas: OpenApiSchemas = {
  "CircularView": {
    "type": "object",
    "properties": {
      "id": {"type":"string"},
      "campaignId": {"type":"string"},
      "kind": {"type":"string","enum":["quarterly","final"]},
      "periodKey": {"type":"string","description":"2026-Q3, or final."},
      "serialNumber": {"type":"string","nullable":true,"description":"Given at publication; null for a draft."},
      "title": {"type":"string"},
      "body": {"type":"string"},
      "data": {"$ref":"#/components/schemas/CircularData"},
      "status": {"type":"string","enum":["draft","published"]},
      "draftedBy": {"type":"string"},
      "draftedByUsername": {"type":"string","nullable":true},
      "draftedAt": {"type":"string","format":"date-time"},
      "revisedBy": {"type":"string","nullable":true},
      "revisedByUsername": {"type":"string","nullable":true},
      "revisedAt": {"type":"string","format":"date-time","nullable":true},
      "revisionReason": {"type":"string","nullable":true},
      "publishedBy": {"type":"string","nullable":true},
      "publishedByUsername": {"type":"string","nullable":true},
      "publishedAt": {"type":"string","format":"date-time","nullable":true}
    },
    "required": [
      "id",
      "campaignId",
      "kind",
      "periodKey",
      "serialNumber",
      "title",
      "body",
      "data",
      "status",
      "draftedBy",
      "draftedByUsername",
      "draftedAt",
      "revisedBy",
      "revisedByUsername",
      "revisedAt",
      "revisionReason",
      "publishedBy",
      "publishedByUsername",
      "publishedAt"
    ],
    "description": "A circular: its text, the data it was drafted from, who drafted, revised and published it."
  }
};

export const circularsAnswers: OpenApiAnswers = {
  "CircularsController_draft": {"statuses":[201],"schema":{"$ref":"#/components/schemas/CircularView"}},
  "CircularsController_list": {"statuses":[200],"schema":{"type":"array","items":{"$ref":"#/components/schemas/CircularView"}}},
  "CircularsController_get": {"statuses":[200],"schema":{"$ref":"#/components/schemas/CircularView"}},
  "CircularsController_page": {"statuses":[200],"text":true,"produces":["text/html"]},
  "CircularsController_revise": {"statuses":[200],"schema":{"$ref":"#/components/schemas/CircularView"}},
  "CircularsController_publish": {"statuses":[200],"schema":{"$ref":"#/components/schemas/CircularView"}}
};
