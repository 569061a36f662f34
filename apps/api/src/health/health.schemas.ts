// Written by scripts/generate-openapi-schemas.ts (npm run openapi:schemas) from the types the
// controllers return; do not edit by hand: change the view type and run it again.
import type { OpenApiAnswers, OpenApiSchemas } from '../common/openapi-types';

export const healthSchemas: OpenApiSchemas = {};

export const healthAnswers: OpenApiAnswers = {
  "HealthController_check": {
    "statuses": [200],
    "schema": {
      "type": "object",
      "properties": {
        "status": {"type":"string"},
        "database": {"type":"string","enum":["up","down"]},
        "temporal": {"type":"string","enum":["up","down"]}
      },
      "required": ["status","database","temporal"]
    }
  }
};
