// Written by scripts/generate-openapi-schemas.ts (npm run openapi:schemas) from the types the
// controllers return; do not edit by hand: change the view type and run it again.
import type { OpenApiAnswers, OpenApiSchemas } from '../common/openapi-types';

export const unitsSchemas: OpenApiSchemas = {
  "UnitDetail": {
    "type": "object",
    "properties": {
      "facts": {"type":"array","items":{"$ref":"#/components/schemas/UnitFact"}},
      "creditCode": {"type":"string"},
      "name": {"type":"string","nullable":true},
      "sectorKey": {"type":"string","nullable":true},
      "districtId": {"type":"string","nullable":true},
      "address": {"type":"string","nullable":true},
      "contactEmail": {"type":"string","nullable":true},
      "employees": {"type":"number","nullable":true},
      "insured": {"type":"object","additionalProperties":{"type":"number"}},
      "registrations": {
        "type": "object",
        "additionalProperties": {"type":"boolean"},
        "description": "Registries known to hold the unit (registry → true)."
      },
      "arrears": {"type":"number","nullable":true,"description":"Yuan to the fen, as every answer gives money."},
      "createdAt": {"type":"string","format":"date-time"},
      "updatedAt": {"type":"string","format":"date-time"}
    },
    "required": [
      "facts",
      "creditCode",
      "name",
      "sectorKey",
      "districtId",
      "address",
      "contactEmail",
      "employees",
      "insured",
      "registrations",
      "arrears",
      "createdAt",
      "updatedAt"
    ],
    "description": "GET /units/:creditCode, and the answer to POST /units."
  },
  "UnitFact": {
    "type": "object",
    "properties": {
      "field": {
        "type": "string",
        "enum": [
          "name",
          "sectorKey",
          "districtId",
          "address",
          "contactEmail",
          "employees",
          "insured",
          "arrears",
          "registeredWith"
        ]
      },
      "value": {},
      "sourceDepartmentId": {"type":"string"},
      "sourceFile": {"type":"string"},
      "sourceDate": {"type":"string","description":"The source file's local date (YYYY-MM-DD)."},
      "recordedBy": {"type":"string"},
      "recordedAt": {"type":"string","format":"date-time"}
    },
    "required": ["field","value","sourceDepartmentId","sourceFile","sourceDate","recordedBy","recordedAt"],
    "description": "What one source said about one field of the unit."
  },
  "UnitList": {
    "type": "object",
    "properties": {"items":{"type":"array","items":{"$ref":"#/components/schemas/UnitRecord"}},"total":{"type":"number"}},
    "required": ["items","total"],
    "description": "GET /units."
  },
  "UnitRecord": {
    "type": "object",
    "properties": {
      "creditCode": {"type":"string"},
      "name": {"type":"string","nullable":true},
      "sectorKey": {"type":"string","nullable":true},
      "districtId": {"type":"string","nullable":true},
      "address": {"type":"string","nullable":true},
      "contactEmail": {"type":"string","nullable":true},
      "employees": {"type":"number","nullable":true},
      "insured": {"type":"object","additionalProperties":{"type":"number"}},
      "registrations": {
        "type": "object",
        "additionalProperties": {"type":"boolean"},
        "description": "Registries known to hold the unit (registry → true)."
      },
      "arrears": {"type":"number","nullable":true,"description":"Yuan to the fen, as every answer gives money."},
      "createdAt": {"type":"string","format":"date-time"},
      "updatedAt": {"type":"string","format":"date-time"}
    },
    "required": [
      "creditCode",
      "name",
      "sectorKey",
      "districtId",
      "address",
      "contactEmail",
      "employees",
      "insured",
      "registrations",
      "arrears",
      "createdAt",
      "updatedAt"
    ]
  }
};

export const unitsAnswers: OpenApiAnswers = {
  "UnitsController_record": {"statuses":[200,201],"schema":{"$ref":"#/components/schemas/UnitDetail"}},
  "UnitsController_list": {"statuses":[200],"schema":{"$ref":"#/components/schemas/UnitList"}},
  "UnitsController_get": {"statuses":[200],"schema":{"$ref":"#/components/schemas/UnitDetail"}},
  "UnitsController_enforcementHistory": {"statuses":[200],"schema":{"$ref":"#/components/schemas/EnforcementHistory"}}
};
