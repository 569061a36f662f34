// Written by scripts/generate-openapi-schemas.ts (npm run openapi:schemas) from the types the
// controllers return; do not edit by hand: change the view type and run it again.
import type { OpenApiAnswers, OpenApiSchemas } from '../common/openapi-types';

export const dutyViewsSchemas: OpenApiSchemas = {
  "BulkExtendResult": {
    "type": "object",
    "properties": {
      "dueAt": {"type":"string","format":"date-time"},
      "total": {"type":"number"},
      "succeeded": {"type":"number"},
      "failed": {"type":"number"},
      "results": {
        "type": "array",
        "items": {
          "anyOf": [
            {
              "type": "object",
              "properties": {
                "dutyId": {"type":"string"},
                "ok": {"type":"boolean","enum":[true]},
                "state": {
                  "type": "string",
                  "enum": ["assigned","acknowledged","in_progress","submitted","returned","accepted","cancelled"]
                },
                "dueAt": {"type":"string","format":"date-time"}
              },
              "required": ["dutyId","ok","state","dueAt"]
            },
            {
              "type": "object",
              "properties": {
                "dutyId": {"type":"string"},
                "ok": {"type":"boolean","enum":[false]},
                "code": {"type":"string"},
                "message": {"type":"string"}
              },
              "required": ["dutyId","ok","code","message"]
            }
          ]
        }
      }
    },
    "required": ["dueAt","total","succeeded","failed","results"],
    "description": "POST /bulk-actions/extend."
  },
  "DutyGroupCounts": {
    "type": "object",
    "properties": {
      "total": {"type":"number"},
      "byState": {
        "type": "object",
        "properties": {
          "assigned": {"type":"number"},
          "acknowledged": {"type":"number"},
          "in_progress": {"type":"number"},
          "submitted": {"type":"number"},
          "returned": {"type":"number"},
          "accepted": {"type":"number"},
          "cancelled": {"type":"number"}
        },
        "required": ["assigned","acknowledged","in_progress","submitted","returned","accepted","cancelled"]
      },
      "open": {"type":"number"},
      "overdue": {"type":"number"},
      "late": {"type":"number"},
      "returns": {"type":"number","description":"Sum of return counts: how often the office sent results back."},
      "closedOnTime": {"type":"number","description":"Accepted at or before the due time."},
      "closedLate": {"type":"number","description":"Accepted after the due time."}
    },
    "required": ["total","byState","open","overdue","late","returns","closedOnTime","closedLate"],
    "description": "A group's duties counted: by state, open, overdue, late, returns, closed on time or late."
  },
  "DutyGroupStats": {
    "type": "object",
    "properties": {
      "id": {"type":"string"},
      "code": {"type":"string"},
      "name": {"type":"string"},
      "kind": {"type":"string","enum":["department","district"]},
      "total": {"type":"number"},
      "byState": {
        "type": "object",
        "properties": {
          "assigned": {"type":"number"},
          "acknowledged": {"type":"number"},
          "in_progress": {"type":"number"},
          "submitted": {"type":"number"},
          "returned": {"type":"number"},
          "accepted": {"type":"number"},
          "cancelled": {"type":"number"}
        },
        "required": ["assigned","acknowledged","in_progress","submitted","returned","accepted","cancelled"]
      },
      "open": {"type":"number"},
      "overdue": {"type":"number"},
      "late": {"type":"number"},
      "returns": {"type":"number","description":"Sum of return counts: how often the office sent results back."},
      "closedOnTime": {"type":"number","description":"Accepted at or before the due time."},
      "closedLate": {"type":"number","description":"Accepted after the due time."}
    },
    "required": [
      "id",
      "code",
      "name",
      "kind",
      "total",
      "byState",
      "open",
      "overdue",
      "late",
      "returns",
      "closedOnTime",
      "closedLate"
    ],
    "description": "One department's (or district's) counts."
  },
  "DutyInbox": {
    "type": "object",
    "properties": {
      "department": {
        "type": "object",
        "properties": {"id":{"type":"string"},"code":{"type":"string"},"name":{"type":"string"}},
        "required": ["id","code","name"]
      },
      "items": {"type":"array","items":{"$ref":"#/components/schemas/DutyListItem"}},
      "total": {"type":"number"},
      "limit": {"type":"number"},
      "offset": {"type":"number"},
      "sort": {
        "type": "object",
        "properties": {"key":{"type":"string"},"order":{"type":"string"}},
        "required": ["key","order"]
      },
      "countsByState": {
        "type": "object",
        "properties": {
          "assigned": {"type":"number"},
          "acknowledged": {"type":"number"},
          "in_progress": {"type":"number"},
          "submitted": {"type":"number"},
          "returned": {"type":"number"},
          "accepted": {"type":"number"},
          "cancelled": {"type":"number"}
        },
        "required": ["assigned","acknowledged","in_progress","submitted","returned","accepted","cancelled"],
        "description": "For the same filters with the state filter left out."
      }
    },
    "required": ["department","items","total","limit","offset","sort","countsByState"],
    "description": "GET /inbox: a department's duties, and which department."
  },
  "DutyList": {
    "type": "object",
    "properties": {
      "items": {"type":"array","items":{"$ref":"#/components/schemas/DutyListItem"}},
      "total": {"type":"number"},
      "limit": {"type":"number"},
      "offset": {"type":"number"},
      "sort": {
        "type": "object",
        "properties": {"key":{"type":"string"},"order":{"type":"string"}},
        "required": ["key","order"]
      },
      "countsByState": {
        "type": "object",
        "properties": {
          "assigned": {"type":"number"},
          "acknowledged": {"type":"number"},
          "in_progress": {"type":"number"},
          "submitted": {"type":"number"},
          "returned": {"type":"number"},
          "accepted": {"type":"number"},
          "cancelled": {"type":"number"}
        },
        "required": ["assigned","acknowledged","in_progress","submitted","returned","accepted","cancelled"],
        "description": "For the same filters with the state filter left out."
      }
    },
    "required": ["items","total","limit","offset","sort","countsByState"],
    "description": "GET /overview/duties: one page, sorted, with counts per state."
  },
  "DutyListItem": {
    "type": "object",
    "properties": {
      "id": {"type":"string"},
      "title": {"type":"string"},
      "state": {
        "type": "string",
        "enum": ["assigned","acknowledged","in_progress","submitted","returned","accepted","cancelled"]
      },
      "departmentId": {"type":"string"},
      "departmentCode": {"type":"string"},
      "departmentName": {"type":"string"},
      "campaignId": {"type":"string","nullable":true},
      "campaignName": {"type":"string","nullable":true},
      "phaseId": {"type":"string","nullable":true},
      "phaseName": {"type":"string","nullable":true},
      "districtId": {"type":"string","nullable":true},
      "districtName": {"type":"string","nullable":true},
      "sectorKey": {"type":"string","nullable":true},
      "dueAt": {"type":"string","format":"date-time"},
      "assignedAt": {"type":"string","format":"date-time"},
      "updatedAt": {"type":"string","format":"date-time"},
      "closedAt": {"type":"string","format":"date-time","nullable":true},
      "overdue": {"type":"boolean"},
      "overdueSince": {"type":"string","format":"date-time","nullable":true},
      "returnCount": {"type":"number"},
      "late": {"type":"boolean"}
    },
    "required": [
      "id",
      "title",
      "state",
      "departmentId",
      "departmentCode",
      "departmentName",
      "campaignId",
      "campaignName",
      "phaseId",
      "phaseName",
      "districtId",
      "districtName",
      "sectorKey",
      "dueAt",
      "assignedAt",
      "updatedAt",
      "closedAt",
      "overdue",
      "overdueSince",
      "returnCount",
      "late"
    ],
    "description": "A duty as every list shows it (issue 3, item 6): with its department, campaign, phase and district named, and the overdue mark."
  },
  "DutyStats": {
    "type": "object",
    "properties": {
      "groupBy": {"type":"string","enum":["department","district"]},
      "rows": {"type":"array","items":{"$ref":"#/components/schemas/DutyGroupStats"}},
      "totals": {"$ref":"#/components/schemas/DutyGroupCounts"}
    },
    "required": ["groupBy","rows","totals"],
    "description": "GET /overview/departments."
  },
  "OverdueList": {
    "type": "object",
    "properties": {
      "items": {"type":"array","items":{"$ref":"#/components/schemas/OverdueListItem"}},
      "total": {"type":"number"},
      "limit": {"type":"number"},
      "offset": {"type":"number"}
    },
    "required": ["items","total","limit","offset"],
    "description": "GET /overview/overdue."
  },
  "OverdueListItem": {
    "type": "object",
    "properties": {
      "overdueForMs": {"type":"number","description":"How long past the due time, in milliseconds, when the answer was made."},
      "lastEscalation": {
        "type": "object",
        "properties": {"step":{"type":"string"},"firedAt":{"type":"string","format":"date-time"}},
        "required": ["step","firedAt"],
        "nullable": true
      },
      "id": {"type":"string"},
      "title": {"type":"string"},
      "state": {
        "type": "string",
        "enum": ["assigned","acknowledged","in_progress","submitted","returned","accepted","cancelled"]
      },
      "departmentId": {"type":"string"},
      "departmentCode": {"type":"string"},
      "departmentName": {"type":"string"},
      "campaignId": {"type":"string","nullable":true},
      "campaignName": {"type":"string","nullable":true},
      "phaseId": {"type":"string","nullable":true},
      "phaseName": {"type":"string","nullable":true},
      "districtId": {"type":"string","nullable":true},
      "districtName": {"type":"string","nullable":true},
      "sectorKey": {"type":"string","nullable":true},
      "dueAt": {"type":"string","format":"date-time"},
      "assignedAt": {"type":"string","format":"date-time"},
      "updatedAt": {"type":"string","format":"date-time"},
      "closedAt": {"type":"string","format":"date-time","nullable":true},
      "overdue": {"type":"boolean"},
      "overdueSince": {"type":"string","format":"date-time","nullable":true},
      "returnCount": {"type":"number"},
      "late": {"type":"boolean"}
    },
    "required": [
      "overdueForMs",
      "lastEscalation",
      "id",
      "title",
      "state",
      "departmentId",
      "departmentCode",
      "departmentName",
      "campaignId",
      "campaignName",
      "phaseId",
      "phaseName",
      "districtId",
      "districtName",
      "sectorKey",
      "dueAt",
      "assignedAt",
      "updatedAt",
      "closedAt",
      "overdue",
      "overdueSince",
      "returnCount",
      "late"
    ]
  },
  "RemindOverdueResult": {
    "type": "object",
    "properties": {
      "departmentId": {"type":"string"},
      "total": {"type":"number"},
      "succeeded": {"type":"number"},
      "failed": {"type":"number"},
      "results": {
        "type": "array",
        "items": {
          "anyOf": [
            {
              "type": "object",
              "properties": {
                "dutyId": {"type":"string"},
                "ok": {"type":"boolean","enum":[true]},
                "state": {
                  "type": "string",
                  "enum": ["assigned","acknowledged","in_progress","submitted","returned","accepted","cancelled"]
                },
                "dueAt": {"type":"string","format":"date-time"}
              },
              "required": ["dutyId","ok","state","dueAt"]
            },
            {
              "type": "object",
              "properties": {
                "dutyId": {"type":"string"},
                "ok": {"type":"boolean","enum":[false]},
                "code": {"type":"string"},
                "message": {"type":"string"}
              },
              "required": ["dutyId","ok","code","message"]
            }
          ]
        }
      }
    },
    "required": ["departmentId","total","succeeded","failed","results"],
    "description": "POST /bulk-actions/remind-overdue."
  }
};

export const dutyViewsAnswers: OpenApiAnswers = {
  "DutyViewsController_inbox": {"statuses":[200],"schema":{"$ref":"#/components/schemas/DutyInbox"},"file":true},
  "DutyViewsController_duties": {"statuses":[200],"schema":{"$ref":"#/components/schemas/DutyList"},"file":true},
  "DutyViewsController_departments": {"statuses":[200],"schema":{"$ref":"#/components/schemas/DutyStats"},"file":true},
  "DutyViewsController_overdue": {"statuses":[200],"schema":{"$ref":"#/components/schemas/OverdueList"},"file":true},
  "DutyBulkActionsController_remindOverdue": {"statuses":[200],"schema":{"$ref":"#/components/schemas/RemindOverdueResult"}},
  "DutyBulkActionsController_extend": {"statuses":[200],"schema":{"$ref":"#/components/schemas/BulkExtendResult"}}
};
