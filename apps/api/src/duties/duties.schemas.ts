// Written by scripts/generate-openapi-schemas.ts (npm run openapi:schemas) from the types the
// controllers return; do not edit by hand: change the view type and run it again.
import type { OpenApiAnswers, OpenApiSchemas } from '../common/openapi-types';

export const dutiesSchemas: OpenApiSchemas = {
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
  "CommentView": {
    "type": "object",
    "properties": {
      "id": {"type":"string"},
      "dutyId": {"type":"string"},
      "text": {"type":"string"},
      "author": {
        "type": "object",
        "properties": {
          "id": {"type":"string"},
          "username": {"type":"string"},
          "role": {"type":"string","enum":["admin","office","department_officer","inspector","viewer"]},
          "departmentId": {"type":"string","nullable":true}
        },
        "required": ["id","username","role","departmentId"]
      },
      "createdAt": {"type":"string","format":"date-time"}
    },
    "required": ["id","dutyId","text","author","createdAt"],
    "description": "A message in the thread between the office and the duty's department."
  },
  "DutyDetail": {
    "type": "object",
    "properties": {
      "description": {"type":"string"},
      "department": {
        "type": "object",
        "properties": {"id":{"type":"string"},"code":{"type":"string"},"name":{"type":"string"}},
        "required": ["id","code","name"]
      },
      "result": {"type":"string","nullable":true},
      "remindedAt": {"type":"string","format":"date-time","nullable":true},
      "allowedActions": {
        "type": "array",
        "items": {
          "type": "string",
          "enum": [
            "acknowledge",
            "start",
            "submit",
            "accept",
            "return",
            "cancel",
            "extend",
            "remind",
            "record_progress",
            "reassign"
          ]
        },
        "description": "What the caller may do next."
      },
      "mayComment": {
        "type": "boolean",
        "description": "Whether the caller may write in the comment thread, and add evidence now."
      },
      "mayAddEvidence": {"type":"boolean"},
      "history": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "seq": {"type":"number"},
            "action": {"type":"string"},
            "from": {
              "type": "string",
              "enum": ["assigned","acknowledged","in_progress","submitted","returned","accepted","cancelled"],
              "nullable": true
            },
            "to": {
              "type": "string",
              "enum": ["assigned","acknowledged","in_progress","submitted","returned","accepted","cancelled"]
            },
            "actor": {
              "type": "object",
              "properties": {
                "id": {"type":"string"},
                "username": {"type":"string"},
                "role": {"type":"string","enum":["admin","office","department_officer","inspector","viewer"]}
              },
              "required": ["id","username","role"]
            },
            "reason": {"type":"string","nullable":true},
            "result": {"type":"string","nullable":true},
            "dueAt": {
              "type": "string",
              "format": "date-time",
              "nullable": true,
              "description": "The new due time, on an extension."
            },
            "fromDepartmentId": {
              "type": "string",
              "nullable": true,
              "description": "A reassignment: the department the duty left and the one it went to."
            },
            "toDepartmentId": {"type":"string","nullable":true},
            "evidenceIds": {
              "type": "array",
              "items": {"type":"string"},
              "description": "A submission: the evidence files it names."
            },
            "occurredAt": {"type":"string","format":"date-time"}
          },
          "required": [
            "seq",
            "action",
            "from",
            "to",
            "actor",
            "reason",
            "result",
            "dueAt",
            "fromDepartmentId",
            "toDepartmentId",
            "evidenceIds",
            "occurredAt"
          ]
        }
      },
      "escalations": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "step": {"type":"string"},
            "dueAt": {"type":"string","format":"date-time"},
            "firedAt": {"type":"string","format":"date-time"},
            "notified": {"type":"array","items":{"type":"string"}}
          },
          "required": ["step","dueAt","firedAt","notified"]
        }
      },
      "emails": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "key": {"type":"string"},
            "recipients": {"type":"array","items":{"type":"string"}},
            "subject": {"type":"string"},
            "status": {"type":"string"},
            "sentAt": {"type":"string","format":"date-time","nullable":true}
          },
          "required": ["key","recipients","subject","status","sentAt"]
        }
      },
      "id": {"type":"string"},
      "departmentId": {"type":"string"},
      "title": {"type":"string"},
      "state": {
        "type": "string",
        "enum": ["assigned","acknowledged","in_progress","submitted","returned","accepted","cancelled"]
      },
      "dueAt": {"type":"string","format":"date-time"},
      "assignedAt": {"type":"string","format":"date-time"},
      "overdue": {"type":"boolean"},
      "overdueSince": {"type":"string","format":"date-time","nullable":true},
      "returnCount": {"type":"number"},
      "closedAt": {"type":"string","format":"date-time","nullable":true},
      "updatedAt": {"type":"string","format":"date-time"},
      "campaignId": {
        "type": "string",
        "nullable": true,
        "description": "Where a fanned-out duty comes from (null for duties the office assigned by hand)."
      },
      "phaseId": {"type":"string","nullable":true},
      "districtId": {"type":"string","nullable":true},
      "late": {"type":"boolean","description":"Still open when its phase closed."}
    },
    "required": [
      "description",
      "department",
      "result",
      "remindedAt",
      "allowedActions",
      "mayComment",
      "mayAddEvidence",
      "history",
      "escalations",
      "emails",
      "id",
      "departmentId",
      "title",
      "state",
      "dueAt",
      "assignedAt",
      "overdue",
      "overdueSince",
      "returnCount",
      "closedAt",
      "updatedAt",
      "campaignId",
      "phaseId",
      "districtId",
      "late"
    ]
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
  "DutyLiveStateView": {
    "type": "object",
    "properties": {
      "dutyId": {"type":"string"},
      "departmentId": {"type":"string","description":"The department holding the duty (it changes on a reassignment)."},
      "state": {
        "type": "string",
        "enum": ["assigned","acknowledged","in_progress","submitted","returned","accepted","cancelled"]
      },
      "dueAt": {"type":"string","format":"date-time"},
      "lastSeq": {"type":"number"},
      "overdue": {"type":"boolean"},
      "remindedForDueAt": {"type":"string","format":"date-time","nullable":true},
      "firedEscalationSteps": {"type":"array","items":{"type":"string"}},
      "pendingNotifications": {"type":"number"}
    },
    "required": [
      "dutyId",
      "departmentId",
      "state",
      "dueAt",
      "lastSeq",
      "overdue",
      "remindedForDueAt",
      "firedEscalationSteps",
      "pendingNotifications"
    ],
    "description": "The duty workflow's live state (a Temporal query), with its instants as ISO text."
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
  "DutySummary": {
    "type": "object",
    "properties": {
      "id": {"type":"string"},
      "departmentId": {"type":"string"},
      "title": {"type":"string"},
      "state": {
        "type": "string",
        "enum": ["assigned","acknowledged","in_progress","submitted","returned","accepted","cancelled"]
      },
      "dueAt": {"type":"string","format":"date-time"},
      "assignedAt": {"type":"string","format":"date-time"},
      "overdue": {"type":"boolean"},
      "overdueSince": {"type":"string","format":"date-time","nullable":true},
      "returnCount": {"type":"number"},
      "closedAt": {"type":"string","format":"date-time","nullable":true},
      "updatedAt": {"type":"string","format":"date-time"},
      "campaignId": {
        "type": "string",
        "nullable": true,
        "description": "Where a fanned-out duty comes from (null for duties the office assigned by hand)."
      },
      "phaseId": {"type":"string","nullable":true},
      "districtId": {"type":"string","nullable":true},
      "late": {"type":"boolean","description":"Still open when its phase closed."}
    },
    "required": [
      "id",
      "departmentId",
      "title",
      "state",
      "dueAt",
      "assignedAt",
      "overdue",
      "overdueSince",
      "returnCount",
      "closedAt",
      "updatedAt",
      "campaignId",
      "phaseId",
      "districtId",
      "late"
    ]
  },
  "DutyTimeline": {
    "type": "object",
    "properties": {
      "dutyId": {"type":"string"},
      "entries": {"type":"array","items":{"$ref":"#/components/schemas/DutyTimelineEntry"}}
    },
    "required": ["dutyId","entries"],
    "description": "GET /duties/:id/timeline."
  },
  "DutyTimelineEntry": {
    "type": "object",
    "properties": {
      "at": {"type":"string","format":"date-time"},
      "kind": {"type":"string","enum":["transition","reminder","escalation","email","comment","evidence"]},
      "what": {
        "type": "string",
        "description": "The action (assign, acknowledge, …, record_progress, reassign), reminder, email_sent,\nemail_pending, comment, evidence_added (DUTY_TIMELINE_EVENTS), or the escalation step's name."
      },
      "who": {
        "type": "object",
        "properties": {"id":{"type":"string"},"username":{"type":"string"},"role":{"type":"string"}},
        "required": ["id","username","role"]
      },
      "from": {
        "type": "string",
        "enum": ["assigned","acknowledged","in_progress","submitted","returned","accepted","cancelled"],
        "nullable": true
      },
      "to": {
        "type": "string",
        "enum": ["assigned","acknowledged","in_progress","submitted","returned","accepted","cancelled"],
        "nullable": true
      },
      "fromDepartment": {"nullable":true,"allOf":[{"$ref":"#/components/schemas/TimelineDepartment"}]},
      "toDepartment": {"nullable":true,"allOf":[{"$ref":"#/components/schemas/TimelineDepartment"}]},
      "why": {"type":"string","nullable":true},
      "whyCode": {
        "type": "string",
        "enum": [
          "window_ended",
          "due_time_near",
          "past_due_time",
          "rectification_deadline_passed",
          "unit_rectified",
          "case_dismissed",
          "duty_cancelled_unit_rectified",
          "duty_cancelled_case_dismissed",
          "every_duty_closed",
          "every_phase_closed",
          "single_sign_on_provisioned",
          "created_at_command_line"
        ],
        "nullable": true,
        "description": "When the system wrote `why`, its code (SYSTEM_REASONS): the console words it, `why` stays for API clients."
      },
      "details": {"type":"object","additionalProperties":{}}
    },
    "required": ["at","kind","what","who","from","to","fromDepartment","toDepartment","why","whyCode","details"],
    "description": "One thing that happened to a duty: when, what, who (the clock is `system`), from and to\n(states; departments on a reassignment), why (the reason given), and what else belongs to it."
  },
  "EvidenceView": {
    "type": "object",
    "properties": {
      "id": {"type":"string"},
      "dutyId": {"type":"string"},
      "fileName": {"type":"string"},
      "contentType": {"type":"string"},
      "kind": {"type":"string"},
      "sizeBytes": {"type":"number"},
      "sha256": {"type":"string"},
      "uploadedBy": {
        "type": "object",
        "properties": {
          "id": {"type":"string"},
          "username": {"type":"string"},
          "role": {"type":"string"},
          "departmentId": {"type":"string","nullable":true}
        },
        "required": ["id","username","role","departmentId"]
      },
      "uploadedAt": {"type":"string","format":"date-time"},
      "downloadPath": {"type":"string"}
    },
    "required": [
      "id",
      "dutyId",
      "fileName",
      "contentType",
      "kind",
      "sizeBytes",
      "sha256",
      "uploadedBy",
      "uploadedAt",
      "downloadPath"
    ],
    "description": "An evidence file of a duty."
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
  },
  "TimelineDepartment": {
    "type": "object",
    "properties": {"id":{"type":"string"},"code":{"type":"string","nullable":true},"name":{"type":"string","nullable":true}},
    "required": ["id","code","name"]
  }
};

export const dutiesAnswers: OpenApiAnswers = {
  "DutiesController_assign": {"statuses":[200,201],"schema":{"$ref":"#/components/schemas/DutyDetail"}},
  "DutiesController_list": {
    "statuses": [200],
    "schema": {
      "type": "object",
      "properties": {
        "items": {"type":"array","items":{"$ref":"#/components/schemas/DutySummary"}},
        "total": {"type":"number"},
        "limit": {"type":"number"},
        "offset": {"type":"number"}
      },
      "required": ["items","total"]
    }
  },
  "DutiesController_get": {"statuses":[200],"schema":{"$ref":"#/components/schemas/DutyDetail"}},
  "DutiesController_timeline": {"statuses":[200],"schema":{"$ref":"#/components/schemas/DutyTimeline"}},
  "DutiesController_live": {"statuses":[200],"schema":{"$ref":"#/components/schemas/DutyLiveStateView"}},
  "DutiesController_acknowledge": {"statuses":[200],"schema":{"$ref":"#/components/schemas/DutyDetail"}},
  "DutiesController_start": {"statuses":[200],"schema":{"$ref":"#/components/schemas/DutyDetail"}},
  "DutiesController_submit": {"statuses":[200],"schema":{"$ref":"#/components/schemas/DutyDetail"}},
  "DutiesController_progress": {"statuses":[200],"schema":{"$ref":"#/components/schemas/DutyDetail"}},
  "DutiesController_accept": {"statuses":[200],"schema":{"$ref":"#/components/schemas/DutyDetail"}},
  "DutiesController_returnToDepartment": {"statuses":[200],"schema":{"$ref":"#/components/schemas/DutyDetail"}},
  "DutiesController_cancel": {"statuses":[200],"schema":{"$ref":"#/components/schemas/DutyDetail"}},
  "DutiesController_reassign": {"statuses":[200],"schema":{"$ref":"#/components/schemas/DutyDetail"}},
  "DutiesController_extend": {"statuses":[200],"schema":{"$ref":"#/components/schemas/DutyDetail"}},
  "DutyCommentsController_add": {"statuses":[201],"schema":{"$ref":"#/components/schemas/CommentView"}},
  "DutyCommentsController_list": {"statuses":[200],"schema":{"type":"array","items":{"$ref":"#/components/schemas/CommentView"}}},
  "DutyEvidenceController_upload": {"statuses":[200,201],"schema":{"$ref":"#/components/schemas/EvidenceView"}},
  "DutyEvidenceController_list": {"statuses":[200],"schema":{"type":"array","items":{"$ref":"#/components/schemas/EvidenceView"}}},
  "DutyEvidenceController_download": {"statuses":[200],"file":true},
  "DutyViewsController_inbox": {"statuses":[200],"schema":{"$ref":"#/components/schemas/DutyInbox"},"file":true},
  "DutyViewsController_duties": {"statuses":[200],"schema":{"$ref":"#/components/schemas/DutyList"},"file":true},
  "DutyViewsController_departments": {"statuses":[200],"schema":{"$ref":"#/components/schemas/DutyStats"},"file":true},
  "DutyViewsController_overdue": {"statuses":[200],"schema":{"$ref":"#/components/schemas/OverdueList"},"file":true},
  "DutyBulkActionsController_remindOverdue": {"statuses":[200],"schema":{"$ref":"#/components/schemas/RemindOverdueResult"}},
  "DutyBulkActionsController_extend": {"statuses":[200],"schema":{"$ref":"#/components/schemas/BulkExtendResult"}}
};
