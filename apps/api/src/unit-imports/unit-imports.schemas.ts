// Written by scripts/generate-openapi-schemas.ts (npm run openapi:schemas) from the types the
// controllers return; do not edit by hand: change the view type and run it again.
import type { OpenApiAnswers, OpenApiSchemas } from '../common/openapi-types';

export const unitImportsSchemas: OpenApiSchemas = {
  "UnitImport": {
    "type": "object",
    "properties": {
      "id": {"type":"string"},
      "dataset": {
        "type": "string",
        "enum": ["market_registration","tax_registration","social_insurance_registration","employment"]
      },
      "format": {"type":"string","enum":["xlsx","csv"],"nullable":true},
      "fileName": {"type":"string"},
      "sizeBytes": {"type":"string","nullable":true,"description":"The file's size as decimal text (a bigint column)."},
      "sha256": {"type":"string","nullable":true},
      "sourceDepartmentId": {"type":"string"},
      "sourceDepartmentName": {"type":"string"},
      "sourceDate": {"type":"string","description":"The data's local date (YYYY-MM-DD)."},
      "status": {"type":"string","enum":["completed","running","failed","uploading","queued"]},
      "rowsRead": {"type":"number"},
      "rowsImported": {"type":"number"},
      "rowsChanged": {"type":"number"},
      "rowsUnchanged": {"type":"number"},
      "rowsRejected": {"type":"number"},
      "ignoredColumns": {"type":"array","items":{"type":"string"},"description":"Columns of the file the import does not read."},
      "error": {"type":"string","nullable":true},
      "requestedBy": {"type":"string"},
      "requesterUsername": {"type":"string"},
      "createdAt": {"type":"string","format":"date-time"},
      "startedAt": {"type":"string","format":"date-time","nullable":true},
      "finishedAt": {"type":"string","format":"date-time","nullable":true}
    },
    "required": [
      "id",
      "dataset",
      "format",
      "fileName",
      "sizeBytes",
      "sha256",
      "sourceDepartmentId",
      "sourceDepartmentName",
      "sourceDate",
      "status",
      "rowsRead",
      "rowsImported",
      "rowsChanged",
      "rowsUnchanged",
      "rowsRejected",
      "ignoredColumns",
      "error",
      "requestedBy",
      "requesterUsername",
      "createdAt",
      "startedAt",
      "finishedAt"
    ],
    "description": "POST /unit-imports (202), GET /unit-imports/:id: an import and how far it got."
  },
  "UnitImportErrors": {
    "type": "object",
    "properties": {
      "importId": {"type":"string"},
      "items": {"type":"array","items":{"$ref":"#/components/schemas/UnitImportRowError"}},
      "total": {"type":"number"}
    },
    "required": ["importId","items","total"],
    "description": "GET /unit-imports/:id/errors."
  },
  "UnitImportList": {
    "type": "object",
    "properties": {"items":{"type":"array","items":{"$ref":"#/components/schemas/UnitImport"}},"total":{"type":"number"}},
    "required": ["items","total"],
    "description": "GET /unit-imports."
  },
  "UnitImportRowError": {
    "type": "object",
    "properties": {"rowNumber":{"type":"number"},"field":{"type":"string"},"reason":{"type":"string"}},
    "required": ["rowNumber","field","reason"],
    "description": "A row the import rejected: its number in the file, the field, why."
  }
};

export const unitImportsAnswers: OpenApiAnswers = {
  "UnitImportsController_upload": {"statuses":[202],"schema":{"$ref":"#/components/schemas/UnitImport"}},
  "UnitImportsController_list": {
    "statuses": [200],
    "schema": {"$ref":"#/components/schemas/UnitImportList"},
    "file": true,
    "produces": ["application/json","text/csv","application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]
  },
  "UnitImportsController_get": {"statuses":[200],"schema":{"$ref":"#/components/schemas/UnitImport"}},
  "UnitImportsController_errors": {
    "statuses": [200],
    "schema": {"$ref":"#/components/schemas/UnitImportErrors"},
    "file": true,
    "produces": ["application/json","text/csv","application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]
  }
};
