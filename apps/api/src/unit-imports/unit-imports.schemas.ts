// Written by scripts/generate-openapi-schemas.ts (npm run openapi:schemas) from the types the
// controllers return; do not edit by hand: change the view type and run it again.
import type { OpenApiAnswers, OpenApiSchemas } from '../common/openapi-types';

export const unitImportsSchemas: OpenApiSchemas = {};

export const unitImportsAnswers: OpenApiAnswers = {
  "UnitImportsController_upload": {"statuses":[202],"schema":{"$ref":"#/components/schemas/UnitImportRow"}},
  "UnitImportsController_list": {
    "statuses": [200],
    "schema": {
      "type": "object",
      "properties": {
        "items": {"type":"array","items":{"$ref":"#/components/schemas/UnitImportRow"}},
        "total": {"type":"number"}
      },
      "required": ["items","total"]
    },
    "file": true,
    "produces": ["application/json","text/csv","application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]
  },
  "UnitImportsController_get": {"statuses":[200],"schema":{"$ref":"#/components/schemas/UnitImportRow"}},
  "UnitImportsController_errors": {
    "statuses": [200],
    "schema": {
      "anyOf": [
        {"$ref":"#/components/schemas/ExportTable"},
        {
          "type": "object",
          "properties": {
            "items": {"type":"array","items":{"$ref":"#/components/schemas/UnitImportError"}},
            "total": {"type":"number"},
            "importId": {"type":"string"}
          },
          "required": ["items","total","importId"]
        }
      ]
    },
    "file": true,
    "produces": ["application/json","text/csv","application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]
  }
};
