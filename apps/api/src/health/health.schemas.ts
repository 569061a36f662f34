// Written by scripts/generate-openapi-schemas.ts (npm run openapi:schemas) from the types the
// controllers return; do not edit by hand: change the view type and run it again.
import type { OpenApiAnswers, OpenApiSchemas } from '../common/openapi-types';

export const healthSchemas: OpenApiSchemas = {
  "Health": {
    "type": "object",
    "properties": {
      "status": {"type":"string","enum":["ok","degraded"]},
      "database": {"type":"string","enum":["up","down"]},
      "temporal": {"type":"string","enum":["up","down"]}
    },
    "required": ["status","database","temporal"],
    "description": "200 with status ok; 503 with status degraded and the part that is down."
  }
};

export const healthAnswers: OpenApiAnswers = {"HealthController_check":{"statuses":[200],"schema":{"$ref":"#/components/schemas/Health"}}};
