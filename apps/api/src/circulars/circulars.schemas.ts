// Written by scripts/generate-openapi-schemas.ts (npm run openapi:schemas) from the types the
// controllers return; do not edit by hand: change the view type and run it again.
import type { OpenApiAnswers, OpenApiSchemas } from '../common/openapi-types';

export const circularsSchemas: OpenApiSchemas = {};

export const circularsAnswers: OpenApiAnswers = {
  "CircularsController_draft": {"statuses":[201],"schema":{"$ref":"#/components/schemas/CircularRow"}},
  "CircularsController_list": {"statuses":[200],"schema":{"type":"array","items":{"$ref":"#/components/schemas/CircularRow"}}},
  "CircularsController_get": {"statuses":[200],"schema":{"$ref":"#/components/schemas/CircularRow"}},
  "CircularsController_page": {"statuses":[200],"text":true,"produces":["text/html"]},
  "CircularsController_revise": {"statuses":[200],"schema":{"$ref":"#/components/schemas/CircularRow"}},
  "CircularsController_publish": {"statuses":[200],"schema":{"$ref":"#/components/schemas/CircularRow"}}
};
