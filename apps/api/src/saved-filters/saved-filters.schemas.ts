// Written by scripts/generate-openapi-schemas.ts (npm run openapi:schemas) from the types the
// controllers return; do not edit by hand: change the view type and run it again.
import type { OpenApiAnswers, OpenApiSchemas } from '../common/openapi-types';

export const savedFiltersSchemas: OpenApiSchemas = {
  "SavedFilterAnswer": {
    "type": "object",
    "properties": {
      "id": {"type":"string"},
      "view": {"type":"string"},
      "name": {"type":"string"},
      "filters": {"type":"object","additionalProperties":{"type":"string"}},
      "owner": {
        "type": "object",
        "properties": {"id":{"type":"string"},"username":{"type":"string","nullable":true}},
        "required": ["id","username"]
      },
      "sharedWithRole": {"type":"string","nullable":true,"description":"null: private to its owner."},
      "mine": {"type":"boolean","description":"The caller owns it."},
      "mayDelete": {"type":"boolean","description":"The caller may delete it: its owner, or the office when it is shared."},
      "createdAt": {"type":"string","format":"date-time"},
      "updatedAt": {"type":"string","format":"date-time"}
    },
    "required": ["id","view","name","filters","owner","sharedWithRole","mine","mayDelete","createdAt","updatedAt"]
  },
  "SavedFilterList": {
    "type": "object",
    "properties": {"items":{"type":"array","items":{"$ref":"#/components/schemas/SavedFilterAnswer"}}},
    "required": ["items"],
    "description": "GET /saved-filters."
  }
};

export const savedFiltersAnswers: OpenApiAnswers = {
  "SavedFiltersController_list": {"statuses":[200],"schema":{"$ref":"#/components/schemas/SavedFilterList"}},
  "SavedFiltersController_save": {"statuses":[200,201],"schema":{"$ref":"#/components/schemas/SavedFilterAnswer"}},
  "SavedFiltersController_remove": {"statuses":[204]}
};
