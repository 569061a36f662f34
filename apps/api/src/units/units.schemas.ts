// Written by scripts/generate-openapi-schemas.ts (npm run openapi:schemas) from the types the
// controllers return; do not edit by hand: change the view type and run it again.
import type { OpenApiAnswers, OpenApiSchemas } from '../common/openapi-types';

export const unitsSchemas: OpenApiSchemas = {};

export const unitsAnswers: OpenApiAnswers = {
  "UnitsController_record": {
    "statuses": [200,201],
    "schema": {
      "type": "object",
      "properties": {
        "facts": {"type":"array","items":{"$ref":"#/components/schemas/UnitFactRow"}},
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
      ]
    }
  },
  "UnitsController_list": {
    "statuses": [200],
    "schema": {
      "type": "object",
      "properties": {"items":{"type":"array","items":{"$ref":"#/components/schemas/UnitRow"}},"total":{"type":"number"}},
      "required": ["items","total"]
    }
  },
  "UnitsController_get": {
    "statuses": [200],
    "schema": {
      "type": "object",
      "properties": {
        "facts": {"type":"array","items":{"$ref":"#/components/schemas/UnitFactRow"}},
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
      ]
    }
  },
  "UnitsController_enforcementHistory": {
    "statuses": [200],
    "schema": {
      "type": "object",
      "properties": {
        "creditCode": {"type":"string"},
        "cases": {"type":"array","items":{"$ref":"#/components/schemas/ComplianceCaseRow"}},
        "inspectionCases": {"type":"array","items":{"$ref":"#/components/schemas/InspectionCaseRow"}},
        "actions": {"type":"array","items":{"$ref":"#/components/schemas/EnforcementActionRow"}},
        "events": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "at": {"type":"string","format":"date-time"},
              "kind": {"type":"string"},
              "caseId": {"type":"string"},
              "what": {"type":"string"},
              "who": {"type":"string","nullable":true},
              "details": {"type":"object","additionalProperties":{}}
            },
            "required": ["at","kind","caseId","what","who","details"]
          }
        }
      },
      "required": ["creditCode","cases","inspectionCases","actions","events"]
    }
  }
};
