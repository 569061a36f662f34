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
    "required": ["items","total","limit","offset"],
    "description": "GET /audit-log, newest first."
  },
  "AuditRecord": {
    "type": "object",
    "properties": {
      "id": {"type":"string"},
      "at": {"type":"string","format":"date-time"},
      "actorId": {"type":"string","nullable":true},
      "actorUsername": {"type":"string","nullable":true},
      "action": {
        "type": "string",
        "description": "sign_in.succeeded, user.created, department.deactivated … (AUDIT_ACTIONS of the domain)."
      },
      "targetType": {"type":"string","nullable":true},
      "targetId": {"type":"string","nullable":true},
      "targetLabel": {"type":"string","nullable":true},
      "from": {},
      "to": {},
      "reason": {"type":"string","nullable":true},
      "clientAddress": {"type":"string","nullable":true}
    },
    "required": [
      "id",
      "at",
      "actorId",
      "actorUsername",
      "action",
      "targetType",
      "targetId",
      "targetLabel",
      "from",
      "to",
      "reason",
      "clientAddress"
    ]
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
