// Written by scripts/generate-openapi-schemas.ts (npm run openapi:schemas) from the types the
// controllers return; do not edit by hand: change the view type and run it again.
import type { OpenApiAnswers, OpenApiSchemas } from '../common/openapi-types';

export const inspectionCasesSchemas: OpenApiSchemas = {};

export const inspectionCasesAnswers: OpenApiAnswers = {
  "InspectionCasesController_teams": {
    "statuses": [200],
    "schema": {
      "type": "array",
      "items": {
        "type": "object",
        "properties": {
          "id": {"type":"string"},
          "code": {"type":"string"},
          "name": {"type":"string"},
          "liaisonEmail": {"type":"string"},
          "cityWide": {"type":"boolean"},
          "districtIds": {"type":"array","items":{"type":"string"}},
          "districts": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {"id":{"type":"string"},"code":{"type":"string"},"name":{"type":"string"}},
              "required": ["id","code","name"]
            }
          }
        },
        "required": ["id","code","name","liaisonEmail","cityWide","districtIds","districts"]
      }
    }
  },
  "InspectionCasesController_list": {
    "statuses": [200],
    "schema": {
      "type": "object",
      "properties": {
        "countsByStatus": {
          "type": "object",
          "properties": {"open":{"type":"number"},"closed":{"type":"number"}},
          "required": ["open","closed"]
        },
        "limit": {"type":"number"},
        "offset": {"type":"number"},
        "items": {"type":"array","items":{"$ref":"#/components/schemas/InspectionCaseRow"}},
        "total": {"type":"number"}
      },
      "required": ["countsByStatus","limit","offset","items","total"]
    },
    "file": true,
    "produces": ["application/json","text/csv","application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]
  },
  "InspectionCasesController_get": {
    "statuses": [200],
    "schema": {
      "type": "object",
      "properties": {
        "actions": {"type":"array","items":{"$ref":"#/components/schemas/EnforcementActionRow"}},
        "id": {"type":"string"},
        "caseId": {"type":"string"},
        "creditCode": {"type":"string"},
        "unitName": {"type":"string","nullable":true},
        "sectorKey": {"type":"string","nullable":true},
        "districtId": {"type":"string","nullable":true},
        "districtName": {"type":"string","nullable":true},
        "finding": {"type":"string"},
        "caseState": {"type":"string"},
        "noticeNumber": {"type":"string","nullable":true},
        "noticeDeadline": {"type":"string","format":"date-time","nullable":true},
        "teamId": {"type":"string","nullable":true},
        "teamName": {"type":"string","nullable":true},
        "status": {"type":"string","enum":["open","closed"]},
        "openedAt": {"type":"string","format":"date-time"},
        "closedAt": {"type":"string","format":"date-time","nullable":true},
        "closeReason": {"type":"string","nullable":true},
        "exposureStatus": {"type":"string","nullable":true},
        "lastActionType": {
          "type": "string",
          "enum": ["exposure","court_referral","on_site_inspection","rectification_order","penalty","credit_record"],
          "nullable": true
        },
        "lastActionDate": {"type":"string","nullable":true},
        "actionCount": {"type":"number"}
      },
      "required": [
        "actions",
        "id",
        "caseId",
        "creditCode",
        "unitName",
        "sectorKey",
        "districtId",
        "districtName",
        "finding",
        "caseState",
        "noticeNumber",
        "noticeDeadline",
        "teamId",
        "teamName",
        "status",
        "openedAt",
        "closedAt",
        "closeReason",
        "exposureStatus",
        "lastActionType",
        "lastActionDate",
        "actionCount"
      ]
    }
  },
  "InspectionCasesController_logAction": {"statuses":[201],"schema":{"$ref":"#/components/schemas/EnforcementActionRow"}}
};
