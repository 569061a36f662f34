// Written by scripts/generate-openapi-schemas.ts (npm run openapi:schemas) from the types the
// controllers return; do not edit by hand: change the view type and run it again.
import type { OpenApiAnswers, OpenApiSchemas } from '../common/openapi-types';

export const auditLogSchemas: OpenApiSchemas = {
  "AuditLogPage": {
    "type": "object",
    "properties": {
      "items": {"type":"array","items":{"$ref":"#/components/schemas/AuditRecord"}},
      "total": {"type":"number"},
      "limit": {"type":"number"},
      "offset": {"type":"number"}
    },
    "required": ["items","total","limit","offset"]
  }
};

export const auditLogAnswers: OpenApiAnswers = {
  "AuditLogController_list": {
    "statuses": [200],
    "schema": {"$ref":"#/components/schemas/AuditLogPage"},
    "file": true,
    "produces": ["application/json","text/csv","application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]
  }
};
