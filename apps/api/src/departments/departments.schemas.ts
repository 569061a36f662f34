// Written by scripts/generate-openapi-schemas.ts (npm run openapi:schemas) from the types the
// controllers return; do not edit by hand: change the view type and run it again.
import type { OpenApiAnswers, OpenApiSchemas } from '../common/openapi-types';

export const departmentsSchemas: OpenApiSchemas = {};

export const departmentsAnswers: OpenApiAnswers = {
  "DepartmentsController_register": {
    "statuses": [201],
    "schema": {
      "type": "object",
      "properties": {
        "id": {"type":"string"},
        "code": {"type":"string"},
        "name": {"type":"string"},
        "kind": {"type":"string","enum":["department","district","inspection_team"]},
        "liaisonEmail": {"type":"string"},
        "headEmail": {"type":"string"},
        "createdBy": {"type":"string","nullable":true},
        "createdAt": {"type":"string","format":"date-time"},
        "districtIds": {"type":"array","items":{"type":"string"}}
      },
      "required": ["id","code","name","kind","liaisonEmail","headEmail","createdBy","createdAt"]
    }
  },
  "DepartmentsController_list": {"statuses":[200],"schema":{"type":"array","items":{"$ref":"#/components/schemas/DepartmentEntity"}}},
  "DepartmentsController_get": {"statuses":[200],"schema":{"$ref":"#/components/schemas/DepartmentEntity"}}
};
