// Written by scripts/generate-openapi-schemas.ts (npm run openapi:schemas) from the types the
// controllers return; do not edit by hand: change the view type and run it again.
import type { OpenApiAnswers, OpenApiSchemas } from '../common/openapi-types';

export const dutyViewsSchemas: OpenApiSchemas = {
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
          "cancelled": {"type":"number"},
          "assigned": {"type":"number"},
          "acknowledged": {"type":"number"},
          "in_progress": {"type":"number"},
          "submitted": {"type":"number"},
          "returned": {"type":"number"},
          "accepted": {"type":"number"}
        },
        "required": ["cancelled","assigned","acknowledged","in_progress","submitted","returned","accepted"],
        "description": "For the same filters with the state filter left out."
      }
    },
    "required": ["items","total","limit","offset","sort","countsByState"]
  },
  "DutyListItem": {
    "type": "object",
    "properties": {
      "id": {"type":"string"},
      "campaignId": {"type":"string","nullable":true},
      "late": {"type":"boolean"},
      "phaseId": {"type":"string","nullable":true},
      "departmentId": {"type":"string"},
      "state": {
        "type": "string",
        "enum": ["cancelled","assigned","acknowledged","in_progress","submitted","returned","accepted"]
      },
      "title": {"type":"string"},
      "departmentCode": {"type":"string"},
      "departmentName": {"type":"string"},
      "campaignName": {"type":"string","nullable":true},
      "phaseName": {"type":"string","nullable":true},
      "districtId": {"type":"string","nullable":true},
      "districtName": {"type":"string","nullable":true},
      "sectorKey": {"type":"string","nullable":true},
      "returnCount": {"type":"number"},
      "dueAt": {"type":"string","format":"date-time"},
      "assignedAt": {"type":"string","format":"date-time"},
      "updatedAt": {"type":"string","format":"date-time"},
      "closedAt": {"type":"string","format":"date-time","nullable":true},
      "overdue": {"type":"boolean"},
      "overdueSince": {"type":"string","format":"date-time","nullable":true}
    },
    "required": [
      "id",
      "campaignId",
      "late",
      "phaseId",
      "departmentId",
      "state",
      "title",
      "departmentCode",
      "departmentName",
      "campaignName",
      "phaseName",
      "districtId",
      "districtName",
      "sectorKey",
      "returnCount",
      "dueAt",
      "assignedAt",
      "updatedAt",
      "closedAt",
      "overdue",
      "overdueSince"
    ],
    "description": "A duty as every list shows it (issue 3, item 6): the stored row with times as ISO text and the overdue mark."
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
      "campaignId": {"type":"string","nullable":true},
      "late": {"type":"boolean"},
      "phaseId": {"type":"string","nullable":true},
      "departmentId": {"type":"string"},
      "state": {
        "type": "string",
        "enum": ["cancelled","assigned","acknowledged","in_progress","submitted","returned","accepted"]
      },
      "title": {"type":"string"},
      "departmentCode": {"type":"string"},
      "departmentName": {"type":"string"},
      "campaignName": {"type":"string","nullable":true},
      "phaseName": {"type":"string","nullable":true},
      "districtId": {"type":"string","nullable":true},
      "districtName": {"type":"string","nullable":true},
      "sectorKey": {"type":"string","nullable":true},
      "returnCount": {"type":"number"},
      "dueAt": {"type":"string","format":"date-time"},
      "assignedAt": {"type":"string","format":"date-time"},
      "updatedAt": {"type":"string","format":"date-time"},
      "closedAt": {"type":"string","format":"date-time","nullable":true},
      "overdue": {"type":"boolean"},
      "overdueSince": {"type":"string","format":"date-time","nullable":true}
    },
    "required": [
      "overdueForMs",
      "lastEscalation",
      "id",
      "campaignId",
      "late",
      "phaseId",
      "departmentId",
      "state",
      "title",
      "departmentCode",
      "departmentName",
      "campaignName",
      "phaseName",
      "districtId",
      "districtName",
      "sectorKey",
      "returnCount",
      "dueAt",
      "assignedAt",
      "updatedAt",
      "closedAt",
      "overdue",
      "overdueSince"
    ]
  }
};

export const dutyViewsAnswers: OpenApiAnswers = {
  "DutyViewsController_inbox": {
    "statuses": [200],
    "schema": {
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
            "cancelled": {"type":"number"},
            "assigned": {"type":"number"},
            "acknowledged": {"type":"number"},
            "in_progress": {"type":"number"},
            "submitted": {"type":"number"},
            "returned": {"type":"number"},
            "accepted": {"type":"number"}
          },
          "required": ["cancelled","assigned","acknowledged","in_progress","submitted","returned","accepted"],
          "description": "For the same filters with the state filter left out."
        },
        "department": {
          "type": "object",
          "properties": {"id":{"type":"string"},"code":{"type":"string"},"name":{"type":"string"}},
          "required": ["id","code","name"]
        }
      },
      "required": ["items","total","limit","offset","sort","countsByState","department"]
    },
    "file": true
  },
  "DutyViewsController_duties": {"statuses":[200],"schema":{"$ref":"#/components/schemas/DutyList"},"file":true},
  "DutyViewsController_departments": {
    "statuses": [200],
    "schema": {
      "type": "object",
      "properties": {
        "groupBy": {"type":"string","enum":["department","district"]},
        "rows": {"type":"array","items":{"$ref":"#/components/schemas/DutyGroupStats"}},
        "totals": {"$ref":"#/components/schemas/DutyGroupCounts"}
      },
      "required": ["groupBy","rows","totals"]
    },
    "file": true
  },
  "DutyViewsController_overdue": {
    "statuses": [200],
    "schema": {
      "type": "object",
      "properties": {
        "items": {"type":"array","items":{"$ref":"#/components/schemas/OverdueListItem"}},
        "total": {"type":"number"},
        "limit": {"type":"number"},
        "offset": {"type":"number"}
      },
      "required": ["items","total","limit","offset"]
    },
    "file": true
  },
  "DutyBulkActionsController_remindOverdue": {
    "statuses": [200],
    "schema": {
      "type": "object",
      "properties": {
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
                    "enum": ["cancelled","assigned","acknowledged","in_progress","submitted","returned","accepted"]
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
        },
        "departmentId": {"type":"string"}
      },
      "required": ["total","succeeded","failed","results","departmentId"]
    }
  },
  "DutyBulkActionsController_extend": {
    "statuses": [200],
    "schema": {
      "type": "object",
      "properties": {
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
                    "enum": ["cancelled","assigned","acknowledged","in_progress","submitted","returned","accepted"]
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
        },
        "dueAt": {"type":"string","format":"date-time"}
      },
      "required": ["total","succeeded","failed","results","dueAt"]
    }
  }
};
