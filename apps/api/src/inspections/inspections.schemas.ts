// Written by scripts/generate-openapi-schemas.ts (npm run openapi:schemas) from the types the
// controllers return; do not edit by hand: change the view type and run it again.
import type { OpenApiAnswers, OpenApiSchemas } from '../common/openapi-types';

export const inspectionsSchemas: OpenApiSchemas = {
  "EnforcementAction": {
    "type": "object",
    "properties": {
      "id": {"type":"string"},
      "inspectionCaseId": {"type":"string"},
      "creditCode": {"type":"string"},
      "type": {
        "type": "string",
        "enum": ["exposure","court_referral","on_site_inspection","rectification_order","penalty","credit_record"]
      },
      "actionDate": {"type":"string","description":"The calendar date the action was taken (YYYY-MM-DD)."},
      "findings": {"type":"string"},
      "outcome": {"type":"string","nullable":true},
      "penaltyYuan": {"type":"number","nullable":true,"description":"Yuan to the fen, as every answer gives money."},
      "evidenceIds": {"type":"array","items":{"type":"string"}},
      "recordedBy": {"type":"string"},
      "recorderUsername": {"type":"string"},
      "recorderTeamId": {"type":"string","nullable":true},
      "recordedAt": {"type":"string","format":"date-time"}
    },
    "required": [
      "id",
      "inspectionCaseId",
      "creditCode",
      "type",
      "actionDate",
      "findings",
      "outcome",
      "penaltyYuan",
      "evidenceIds",
      "recordedBy",
      "recorderUsername",
      "recorderTeamId",
      "recordedAt"
    ]
  },
  "EnforcementHistory": {
    "type": "object",
    "properties": {
      "creditCode": {"type":"string"},
      "cases": {"type":"array","items":{"$ref":"#/components/schemas/ComplianceCaseSummary"}},
      "inspectionCases": {"type":"array","items":{"$ref":"#/components/schemas/InspectionCaseSummary"}},
      "actions": {"type":"array","items":{"$ref":"#/components/schemas/EnforcementAction"}},
      "events": {"type":"array","items":{"$ref":"#/components/schemas/HistoryEvent"}}
    },
    "required": ["creditCode","cases","inspectionCases","actions","events"],
    "description": "GET /units/:creditCode/enforcement-history: what the caller may read of it, oldest event first."
  },
  "HistoryEvent": {
    "type": "object",
    "properties": {
      "at": {"type":"string","format":"date-time"},
      "kind": {
        "type": "string",
        "enum": ["exposure","transition","escalation_step","enforcement_action","notice_opened"]
      },
      "caseId": {"type":"string"},
      "what": {"type":"string"},
      "who": {"type":"string","nullable":true},
      "details": {"type":"object","additionalProperties":{}}
    },
    "required": ["at","kind","caseId","what","who","details"],
    "description": "One thing done about a unit, in its enforcement history."
  },
  "InspectionCaseDetail": {
    "type": "object",
    "properties": {
      "actions": {"type":"array","items":{"$ref":"#/components/schemas/EnforcementAction"}},
      "id": {"type":"string"},
      "caseId": {"type":"string"},
      "creditCode": {"type":"string"},
      "unitName": {"type":"string","nullable":true},
      "sectorKey": {"type":"string","nullable":true},
      "districtId": {"type":"string","nullable":true},
      "districtName": {"type":"string","nullable":true},
      "finding": {"type":"string","enum":["not_registered","under_insured","in_arrears"]},
      "caseState": {"type":"string","enum":["closed","identified","notified","escalated"]},
      "noticeNumber": {"type":"string","nullable":true},
      "noticeDeadline": {"type":"string","format":"date-time","nullable":true},
      "teamId": {"type":"string","nullable":true},
      "teamName": {"type":"string","nullable":true},
      "status": {"type":"string","enum":["open","closed"]},
      "openedAt": {"type":"string","format":"date-time"},
      "closedAt": {"type":"string","format":"date-time","nullable":true},
      "closeReason": {"type":"string","nullable":true},
      "exposureStatus": {
        "type": "string",
        "enum": ["withdrawn","proposed","approved","rejected"],
        "nullable": true,
        "description": "The exposure proposal's status; null: none was made."
      },
      "lastActionType": {
        "type": "string",
        "enum": ["exposure","court_referral","on_site_inspection","rectification_order","penalty","credit_record"],
        "nullable": true
      },
      "lastActionDate": {"type":"string","nullable":true,"description":"The latest action's calendar date (YYYY-MM-DD)."},
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
    ],
    "description": "GET /inspection-cases/:id."
  },
  "InspectionCaseList": {
    "type": "object",
    "properties": {
      "items": {"type":"array","items":{"$ref":"#/components/schemas/InspectionCaseSummary"}},
      "total": {"type":"number"},
      "limit": {"type":"number"},
      "offset": {"type":"number"},
      "countsByStatus": {
        "type": "object",
        "properties": {"open":{"type":"number"},"closed":{"type":"number"}},
        "required": ["open","closed"]
      }
    },
    "required": ["items","total","limit","offset","countsByStatus"],
    "description": "GET /inspection-cases: with the open/closed counts of the filter without its status."
  },
  "InspectionCaseSummary": {
    "type": "object",
    "properties": {
      "id": {"type":"string"},
      "caseId": {"type":"string"},
      "creditCode": {"type":"string"},
      "unitName": {"type":"string","nullable":true},
      "sectorKey": {"type":"string","nullable":true},
      "districtId": {"type":"string","nullable":true},
      "districtName": {"type":"string","nullable":true},
      "finding": {"type":"string","enum":["not_registered","under_insured","in_arrears"]},
      "caseState": {"type":"string","enum":["closed","identified","notified","escalated"]},
      "noticeNumber": {"type":"string","nullable":true},
      "noticeDeadline": {"type":"string","format":"date-time","nullable":true},
      "teamId": {"type":"string","nullable":true},
      "teamName": {"type":"string","nullable":true},
      "status": {"type":"string","enum":["open","closed"]},
      "openedAt": {"type":"string","format":"date-time"},
      "closedAt": {"type":"string","format":"date-time","nullable":true},
      "closeReason": {"type":"string","nullable":true},
      "exposureStatus": {
        "type": "string",
        "enum": ["withdrawn","proposed","approved","rejected"],
        "nullable": true,
        "description": "The exposure proposal's status; null: none was made."
      },
      "lastActionType": {
        "type": "string",
        "enum": ["exposure","court_referral","on_site_inspection","rectification_order","penalty","credit_record"],
        "nullable": true
      },
      "lastActionDate": {"type":"string","nullable":true,"description":"The latest action's calendar date (YYYY-MM-DD)."},
      "actionCount": {"type":"number"}
    },
    "required": [
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
  },
  "InspectionTeam": {
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
    "required": ["id","code","name","liaisonEmail","cityWide","districtIds","districts"],
    "description": "GET /inspection-teams: a team with the districts it answers for (none: city-wide)."
  }
};

export const inspectionsAnswers: OpenApiAnswers = {
  "InspectionCasesController_teams": {"statuses":[200],"schema":{"type":"array","items":{"$ref":"#/components/schemas/InspectionTeam"}}},
  "InspectionCasesController_list": {
    "statuses": [200],
    "schema": {"$ref":"#/components/schemas/InspectionCaseList"},
    "file": true,
    "produces": ["application/json","text/csv","application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]
  },
  "InspectionCasesController_get": {"statuses":[200],"schema":{"$ref":"#/components/schemas/InspectionCaseDetail"}},
  "InspectionCasesController_logAction": {"statuses":[201],"schema":{"$ref":"#/components/schemas/EnforcementAction"}}
};
