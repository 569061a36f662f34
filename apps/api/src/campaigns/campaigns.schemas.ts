// Written by scripts/generate-openapi-schemas.ts (npm run openapi:schemas) from the types the
// controllers return; do not edit by hand: change the view type and run it again.
import type { OpenApiAnswers, OpenApiSchemas } from '../common/openapi-types';

export const campaignsSchemas: OpenApiSchemas = {
  "CampaignDetail": {
    "type": "object",
    "properties": {
      "jurisdiction": {
        "type": "object",
        "properties": {
          "name": {"type":"string"},
          "level": {"type":"string","enum":["city","province"]},
          "districts": {"type":"array","items":{"$ref":"#/components/schemas/CampaignDistrict"}}
        },
        "required": ["name","level","districts"]
      },
      "targets": {"type":"array","items":{"$ref":"#/components/schemas/CampaignTarget"}},
      "leadingGroup": {"$ref":"#/components/schemas/LeadingGroup"},
      "escalationLadder": {"$ref":"#/components/schemas/EscalationLadderPolicy"},
      "phases": {"type":"array","items":{"$ref":"#/components/schemas/PhaseWithTemplates"}},
      "id": {"type":"string"},
      "name": {"type":"string"},
      "period": {
        "type": "object",
        "properties": {"start":{"type":"string"},"end":{"type":"string"}},
        "required": ["start","end"],
        "description": "Calendar dates (YYYY-MM-DD)."
      },
      "legalBasis": {
        "type": "object",
        "properties": {"title":{"type":"string"},"number":{"type":"string"}},
        "required": ["title","number"]
      },
      "status": {"type":"string","enum":["planned","active","completed"]},
      "version": {"type":"number"},
      "workflowId": {"type":"string"},
      "createdBy": {"type":"string"},
      "createdAt": {"type":"string","format":"date-time"},
      "updatedAt": {"type":"string","format":"date-time"}
    },
    "required": [
      "jurisdiction",
      "targets",
      "leadingGroup",
      "escalationLadder",
      "phases",
      "id",
      "name",
      "period",
      "legalBasis",
      "status",
      "version",
      "workflowId",
      "createdBy",
      "createdAt",
      "updatedAt"
    ]
  },
  "CampaignDistrict": {"type":"object","properties":{"id":{"type":"string"},"name":{"type":"string"}},"required":["id","name"]},
  "CampaignEventView": {
    "type": "object",
    "properties": {
      "id": {"type":"string"},
      "action": {"type":"string"},
      "phaseId": {"type":"string","nullable":true},
      "actorUserId": {"type":"string"},
      "actorUsername": {"type":"string"},
      "actorRole": {"type":"string"},
      "reason": {"type":"string","nullable":true},
      "details": {"type":"object","additionalProperties":{},"nullable":true},
      "occurredAt": {"type":"string","format":"date-time"}
    },
    "required": ["id","action","phaseId","actorUserId","actorUsername","actorRole","reason","details","occurredAt"],
    "description": "GET /campaigns/:id/events: who did what to the campaign."
  },
  "CampaignListItem": {
    "type": "object",
    "properties": {
      "phaseCount": {"type":"number"},
      "currentPhase": {
        "type": "object",
        "properties": {
          "id": {"type":"string"},
          "seq": {"type":"number"},
          "kind": {"type":"string","enum":["mobilisation","special_operation","acceptance"]},
          "round": {"type":"number","nullable":true},
          "name": {"type":"string"},
          "status": {"type":"string","enum":["planned","open","closed"]}
        },
        "required": ["id","seq","kind","round","name","status"],
        "nullable": true
      },
      "id": {"type":"string"},
      "name": {"type":"string"},
      "jurisdiction": {
        "type": "object",
        "properties": {"name":{"type":"string"},"level":{"type":"string","enum":["city","province"]}},
        "required": ["name","level"]
      },
      "period": {
        "type": "object",
        "properties": {"start":{"type":"string"},"end":{"type":"string"}},
        "required": ["start","end"],
        "description": "Calendar dates (YYYY-MM-DD)."
      },
      "legalBasis": {
        "type": "object",
        "properties": {"title":{"type":"string"},"number":{"type":"string"}},
        "required": ["title","number"]
      },
      "status": {"type":"string","enum":["planned","active","completed"]},
      "version": {"type":"number"},
      "workflowId": {"type":"string"},
      "createdBy": {"type":"string"},
      "createdAt": {"type":"string","format":"date-time"},
      "updatedAt": {"type":"string","format":"date-time"}
    },
    "required": [
      "phaseCount",
      "currentPhase",
      "id",
      "name",
      "jurisdiction",
      "period",
      "legalBasis",
      "status",
      "version",
      "workflowId",
      "createdBy",
      "createdAt",
      "updatedAt"
    ],
    "description": "GET /campaigns: each campaign with the phase it is in (the last launched, else the first planned)."
  },
  "CampaignLive": {
    "type": "object",
    "properties": {
      "campaignId": {"type":"string"},
      "status": {"type":"string","enum":["planned","active","completed"]},
      "workflow": {"nullable":true,"allOf":[{"$ref":"#/components/schemas/CampaignLiveStateView"}]},
      "phases": {"type":"array","items":{"$ref":"#/components/schemas/PhaseView"}}
    },
    "required": ["campaignId","status","workflow","phases"],
    "description": "GET /campaigns/:id/live: the workflow's state (null once the workflow is gone) beside the stored phases."
  },
  "CampaignLiveStateView": {
    "type": "object",
    "properties": {
      "campaignId": {"type":"string"},
      "phases": {"type":"array","items":{"$ref":"#/components/schemas/CampaignPhaseProgressView"}},
      "completed": {"type":"boolean"}
    },
    "required": ["campaignId","phases","completed"],
    "description": "The campaign workflow's live state, its instants as ISO text."
  },
  "CampaignPhaseProgressView": {
    "type": "object",
    "properties": {
      "phaseId": {"type":"string"},
      "name": {"type":"string"},
      "status": {"type":"string","enum":["planned","open","closed"]},
      "launchedAt": {"type":"string","format":"date-time","nullable":true},
      "forced": {"type":"boolean"},
      "dutyCount": {"type":"number","nullable":true},
      "closedAt": {"type":"string","format":"date-time","nullable":true},
      "failure": {
        "type": "string",
        "nullable": true,
        "description": "Set when the phase's workflow ended without closing the phase (terminated or cancelled)."
      }
    },
    "required": ["phaseId","name","status","launchedAt","forced","dutyCount","closedAt","failure"],
    "description": "One phase as the campaign's workflow tracks it."
  },
  "CampaignRoute": {
    "type": "object",
    "properties": {
      "kind": {"type":"string","enum":["function","sector"]},
      "key": {"type":"string"},
      "label": {"type":"string"},
      "departmentId": {"type":"string"},
      "departmentCode": {"type":"string"},
      "departmentName": {"type":"string"}
    },
    "required": ["kind","key","label","departmentId","departmentCode","departmentName"],
    "description": "A route of the campaign's own duty matrix."
  },
  "DutyRoute": {
    "type": "object",
    "properties": {
      "kind": {"type":"string","enum":["function","sector"]},
      "key": {"type":"string"},
      "label": {"type":"string"},
      "departmentId": {"type":"string"},
      "departmentCode": {"type":"string"},
      "departmentName": {"type":"string"},
      "updatedBy": {"type":"string","nullable":true},
      "updatedAt": {"type":"string","format":"date-time"}
    },
    "required": ["kind","key","label","departmentId","departmentCode","departmentName","updatedBy","updatedAt"]
  },
  "DutyRouteChange": {
    "type": "object",
    "properties": {
      "kind": {"type":"string","enum":["function","sector"]},
      "key": {"type":"string"},
      "label": {"type":"string"},
      "fromDepartmentId": {"type":"string","nullable":true},
      "toDepartmentId": {"type":"string"},
      "reason": {"type":"string","nullable":true},
      "changedBy": {"type":"string","nullable":true},
      "changedAt": {"type":"string","format":"date-time"}
    },
    "required": ["kind","key","label","fromDepartmentId","toDepartmentId","reason","changedBy","changedAt"],
    "description": "One change of a route, as logged."
  },
  "LaunchAnswer": {
    "type": "object",
    "properties": {
      "phaseId": {"type":"string"},
      "dutyCount": {"type":"number"},
      "windowEndsAt": {"type":"string","format":"date-time"},
      "forced": {"type":"boolean"},
      "phase": {"$ref":"#/components/schemas/PhaseWithTemplates"}
    },
    "required": ["phaseId","dutyCount","windowEndsAt","forced","phase"],
    "description": "POST /campaigns/:id/phases/:phaseId/launch."
  },
  "LaunchPreview": {
    "type": "object",
    "properties": {
      "phase": {"$ref":"#/components/schemas/PhaseView"},
      "asOf": {"type":"string","format":"date-time"},
      "windowEndsAt": {"type":"string","format":"date-time"},
      "windowOpensAt": {
        "type": "string",
        "format": "date-time",
        "nullable": true,
        "description": "When the window opens (null with compressed time)."
      },
      "earlyLaunch": {
        "type": "object",
        "properties": {
          "required": {"type":"boolean","enum":[true]},
          "code": {"type":"string"},
          "message": {"type":"string"},
          "windowStart": {"type":"string"},
          "windowEnd": {"type":"string"}
        },
        "required": ["required","code","message","windowStart","windowEnd"],
        "nullable": true,
        "description": "Set when the launch now would come before the window: it needs early and a reason."
      },
      "dutyCount": {"type":"number"},
      "refusal": {
        "type": "object",
        "properties": {"code":{"type":"string"},"message":{"type":"string"}},
        "required": ["code","message"],
        "nullable": true
      },
      "duties": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "templateId": {"type":"string"},
            "title": {"type":"string"},
            "description": {"type":"string"},
            "department": {
              "type": "object",
              "properties": {
                "id": {"type":"string"},
                "code": {"type":"string","nullable":true},
                "name": {"type":"string","nullable":true},
                "kind": {"type":"string","nullable":true}
              },
              "required": ["id","code","name","kind"]
            },
            "district": {
              "type": "object",
              "properties": {"id":{"type":"string"},"name":{"type":"string","nullable":true}},
              "required": ["id","name"],
              "nullable": true
            },
            "sectorKey": {"type":"string","nullable":true},
            "dueAt": {"type":"string","format":"date-time"}
          },
          "required": ["templateId","title","description","department","district","sectorKey","dueAt"]
        }
      }
    },
    "required": ["phase","asOf","windowEndsAt","windowOpensAt","earlyLaunch","dutyCount","refusal","duties"],
    "description": "GET /campaigns/:id/phases/:phaseId/launch-preview: what launching now would create."
  },
  "LeadingGroup": {
    "type": "object",
    "properties": {
      "chair": {"$ref":"#/components/schemas/LeadingGroupPerson"},
      "viceChairs": {"type":"array","items":{"$ref":"#/components/schemas/LeadingGroupPerson"}},
      "members": {"type":"array","items":{"$ref":"#/components/schemas/LeadingGroupMember"}}
    },
    "required": ["chair","viceChairs","members"],
    "description": "The campaign's leading group (领导小组): as sent in the plan, stored and answered."
  },
  "LeadingGroupContact": {
    "type": "object",
    "properties": {"name":{"type":"string"},"phone":{"type":"string"},"email":{"type":"string"}},
    "required": ["name"]
  },
  "LeadingGroupMember": {
    "type": "object",
    "properties": {
      "departmentId": {"type":"string"},
      "liaison": {"$ref":"#/components/schemas/LeadingGroupContact"},
      "head": {"$ref":"#/components/schemas/LeadingGroupContact"}
    },
    "required": ["departmentId","liaison","head"]
  },
  "LeadingGroupPerson": {
    "type": "object",
    "properties": {"name":{"type":"string"},"title":{"type":"string"}},
    "required": ["name","title"]
  },
  "PhaseLive": {
    "type": "object",
    "properties": {
      "workflow": {"nullable":true,"allOf":[{"$ref":"#/components/schemas/PhaseLiveStateView"}]},
      "id": {"type":"string"},
      "seq": {"type":"number"},
      "kind": {"type":"string","enum":["mobilisation","special_operation","acceptance"]},
      "round": {"type":"number","nullable":true},
      "name": {"type":"string"},
      "window": {
        "type": "object",
        "properties": {"start":{"type":"string"},"end":{"type":"string"}},
        "required": ["start","end"],
        "description": "Calendar dates (YYYY-MM-DD)."
      },
      "focusSectors": {"type":"array","items":{"type":"string"}},
      "status": {"type":"string","enum":["planned","open","closed"]},
      "workflowId": {"type":"string"},
      "launchedAt": {"type":"string","format":"date-time","nullable":true},
      "launchedBy": {"type":"string","nullable":true},
      "launchForced": {"type":"boolean","nullable":true},
      "launchReason": {"type":"string","nullable":true},
      "launchedEarly": {
        "type": "boolean",
        "description": "Launched before its window opened, by the office's choice; earlyReason says why."
      },
      "earlyReason": {"type":"string","nullable":true},
      "windowEndsAt": {"type":"string","format":"date-time","nullable":true},
      "dutyCount": {"type":"number","nullable":true},
      "closedAt": {"type":"string","format":"date-time","nullable":true},
      "closeReason": {"type":"string","enum":["all_duties_closed","window_ended"],"nullable":true},
      "summary": {"nullable":true,"allOf":[{"$ref":"#/components/schemas/PhaseSummaryView"}]}
    },
    "required": [
      "workflow",
      "id",
      "seq",
      "kind",
      "round",
      "name",
      "window",
      "focusSectors",
      "status",
      "workflowId",
      "launchedAt",
      "launchedBy",
      "launchForced",
      "launchReason",
      "launchedEarly",
      "earlyReason",
      "windowEndsAt",
      "dutyCount",
      "closedAt",
      "closeReason",
      "summary"
    ],
    "description": "GET /campaigns/:id/phases/:phaseId/live: null workflow for a phase not launched (or whose workflow is gone)."
  },
  "PhaseLiveStateView": {
    "type": "object",
    "properties": {
      "phaseId": {"type":"string"},
      "dutyCount": {"type":"number"},
      "batches": {"type":"number"},
      "batchesStarted": {"type":"number"},
      "batchesClosed": {"type":"number"},
      "windowEndsAt": {"type":"string","format":"date-time"},
      "closed": {"type":"boolean"}
    },
    "required": ["phaseId","dutyCount","batches","batchesStarted","batchesClosed","windowEndsAt","closed"],
    "description": "The phase workflow's live state, its window's end as ISO text."
  },
  "PhaseSummaryAnswer": {
    "type": "object",
    "properties": {
      "phase": {"$ref":"#/components/schemas/PhaseView"},
      "rows": {"type":"array","items":{"$ref":"#/components/schemas/PhaseSummaryRow"}}
    },
    "required": ["phase","rows"],
    "description": "GET /campaigns/:id/phases/:phaseId/summary."
  },
  "PhaseSummaryRow": {
    "type": "object",
    "properties": {
      "scope": {"type":"string","enum":["department","district"]},
      "unitId": {"type":"string"},
      "unitCode": {"type":"string","nullable":true},
      "unitName": {"type":"string","nullable":true},
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
      "onTime": {"type":"number","description":"Accepted at or before the due time."},
      "late": {"type":"number","description":"Accepted after the due time, or still open when the phase closed."},
      "openAtClose": {"type":"number","description":"Still open when the phase closed (they stay open, marked late)."},
      "cancelled": {"type":"number"}
    },
    "required": ["scope","unitId","unitCode","unitName","total","byState","onTime","late","openAtClose","cancelled"],
    "description": "One department's or district's counts in a closed phase's summary."
  },
  "PhaseSummaryView": {
    "type": "object",
    "properties": {
      "closedAt": {"type":"string","format":"date-time"},
      "closeReason": {"type":"string","enum":["all_duties_closed","window_ended"]},
      "byDepartment": {"type":"object","additionalProperties":{"$ref":"#/components/schemas/OutcomeCounts"}},
      "byDistrict": {"type":"object","additionalProperties":{"$ref":"#/components/schemas/OutcomeCounts"}},
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
      "onTime": {"type":"number","description":"Accepted at or before the due time."},
      "late": {"type":"number","description":"Accepted after the due time, or still open when the phase closed."},
      "openAtClose": {"type":"number","description":"Still open when the phase closed (they stay open, marked late)."},
      "cancelled": {"type":"number"}
    },
    "required": [
      "closedAt",
      "closeReason",
      "byDepartment",
      "byDistrict",
      "total",
      "byState",
      "onTime",
      "late",
      "openAtClose",
      "cancelled"
    ],
    "description": "A closed phase's summary (the domain's PhaseSummary), its close time as ISO text."
  },
  "PhaseView": {
    "type": "object",
    "properties": {
      "id": {"type":"string"},
      "seq": {"type":"number"},
      "kind": {"type":"string","enum":["mobilisation","special_operation","acceptance"]},
      "round": {"type":"number","nullable":true},
      "name": {"type":"string"},
      "window": {
        "type": "object",
        "properties": {"start":{"type":"string"},"end":{"type":"string"}},
        "required": ["start","end"],
        "description": "Calendar dates (YYYY-MM-DD)."
      },
      "focusSectors": {"type":"array","items":{"type":"string"}},
      "status": {"type":"string","enum":["planned","open","closed"]},
      "workflowId": {"type":"string"},
      "launchedAt": {"type":"string","format":"date-time","nullable":true},
      "launchedBy": {"type":"string","nullable":true},
      "launchForced": {"type":"boolean","nullable":true},
      "launchReason": {"type":"string","nullable":true},
      "launchedEarly": {
        "type": "boolean",
        "description": "Launched before its window opened, by the office's choice; earlyReason says why."
      },
      "earlyReason": {"type":"string","nullable":true},
      "windowEndsAt": {"type":"string","format":"date-time","nullable":true},
      "dutyCount": {"type":"number","nullable":true},
      "closedAt": {"type":"string","format":"date-time","nullable":true},
      "closeReason": {"type":"string","enum":["all_duties_closed","window_ended"],"nullable":true},
      "summary": {"nullable":true,"allOf":[{"$ref":"#/components/schemas/PhaseSummaryView"}]}
    },
    "required": [
      "id",
      "seq",
      "kind",
      "round",
      "name",
      "window",
      "focusSectors",
      "status",
      "workflowId",
      "launchedAt",
      "launchedBy",
      "launchForced",
      "launchReason",
      "launchedEarly",
      "earlyReason",
      "windowEndsAt",
      "dutyCount",
      "closedAt",
      "closeReason",
      "summary"
    ]
  },
  "PhaseWithTemplates": {
    "type": "object",
    "properties": {
      "templates": {"type":"array","items":{"$ref":"#/components/schemas/TemplateView"}},
      "id": {"type":"string"},
      "seq": {"type":"number"},
      "kind": {"type":"string","enum":["mobilisation","special_operation","acceptance"]},
      "round": {"type":"number","nullable":true},
      "name": {"type":"string"},
      "window": {
        "type": "object",
        "properties": {"start":{"type":"string"},"end":{"type":"string"}},
        "required": ["start","end"],
        "description": "Calendar dates (YYYY-MM-DD)."
      },
      "focusSectors": {"type":"array","items":{"type":"string"}},
      "status": {"type":"string","enum":["planned","open","closed"]},
      "workflowId": {"type":"string"},
      "launchedAt": {"type":"string","format":"date-time","nullable":true},
      "launchedBy": {"type":"string","nullable":true},
      "launchForced": {"type":"boolean","nullable":true},
      "launchReason": {"type":"string","nullable":true},
      "launchedEarly": {
        "type": "boolean",
        "description": "Launched before its window opened, by the office's choice; earlyReason says why."
      },
      "earlyReason": {"type":"string","nullable":true},
      "windowEndsAt": {"type":"string","format":"date-time","nullable":true},
      "dutyCount": {"type":"number","nullable":true},
      "closedAt": {"type":"string","format":"date-time","nullable":true},
      "closeReason": {"type":"string","enum":["all_duties_closed","window_ended"],"nullable":true},
      "summary": {"nullable":true,"allOf":[{"$ref":"#/components/schemas/PhaseSummaryView"}]}
    },
    "required": [
      "templates",
      "id",
      "seq",
      "kind",
      "round",
      "name",
      "window",
      "focusSectors",
      "status",
      "workflowId",
      "launchedAt",
      "launchedBy",
      "launchForced",
      "launchReason",
      "launchedEarly",
      "earlyReason",
      "windowEndsAt",
      "dutyCount",
      "closedAt",
      "closeReason",
      "summary"
    ],
    "description": "GET /campaigns/:id/phases/:phaseId and the phases of a campaign's detail."
  },
  "TemplateView": {
    "type": "object",
    "properties": {
      "id": {"type":"string"},
      "title": {"type":"string"},
      "description": {"type":"string"},
      "route": {
        "anyOf": [
          {
            "type": "object",
            "properties": {"kind":{"type":"string","enum":["function"]},"key":{"type":"string"}},
            "required": ["kind","key"]
          },
          {
            "type": "object",
            "properties": {"kind":{"type":"string","enum":["sector"]},"key":{"type":"string"}},
            "required": ["kind","key"]
          },
          {
            "type": "object",
            "properties": {"kind":{"type":"string","enum":["focus_sectors"]}},
            "required": ["kind"]
          },
          {"type":"object","properties":{"kind":{"type":"string","enum":["district"]}},"required":["kind"]}
        ]
      },
      "scope": {"type":"string","enum":["once","per_district"]},
      "due": {
        "anyOf": [
          {"type":"object","properties":{"at":{"type":"string","format":"date-time"}},"required":["at"]},
          {
            "type": "object",
            "properties": {"workingDaysAfterLaunch":{"type":"number"}},
            "required": ["workingDaysAfterLaunch"]
          }
        ]
      }
    },
    "required": ["id","title","description","route","scope","due"],
    "description": "A duty template of a phase, its fixed due time as ISO text."
  }
};

export const campaignsAnswers: OpenApiAnswers = {
  "CampaignsController_create": {"statuses":[201],"schema":{"$ref":"#/components/schemas/CampaignDetail"}},
  "CampaignsController_list": {"statuses":[200],"schema":{"type":"array","items":{"$ref":"#/components/schemas/CampaignListItem"}}},
  "CampaignsController_get": {"statuses":[200],"schema":{"$ref":"#/components/schemas/CampaignDetail"}},
  "CampaignsController_live": {"statuses":[200],"schema":{"$ref":"#/components/schemas/CampaignLive"}},
  "CampaignsController_events": {"statuses":[200],"schema":{"type":"array","items":{"$ref":"#/components/schemas/CampaignEventView"}}},
  "CampaignsController_routes": {"statuses":[200],"schema":{"type":"array","items":{"$ref":"#/components/schemas/CampaignRoute"}}},
  "CampaignsController_setRoute": {"statuses":[200],"schema":{"type":"array","items":{"$ref":"#/components/schemas/CampaignRoute"}}},
  "CampaignsController_setLadder": {"statuses":[200],"schema":{"$ref":"#/components/schemas/EscalationLadderPolicy"}},
  "CampaignsController_phase": {"statuses":[200],"schema":{"$ref":"#/components/schemas/PhaseWithTemplates"}},
  "CampaignsController_setTargets": {"statuses":[200],"schema":{"$ref":"#/components/schemas/CampaignDetail"}},
  "CampaignsController_setLeadingGroup": {"statuses":[200],"schema":{"$ref":"#/components/schemas/CampaignDetail"}},
  "CampaignsController_phaseSummary": {
    "statuses": [200],
    "schema": {"$ref":"#/components/schemas/PhaseSummaryAnswer"},
    "file": true,
    "produces": ["application/json","text/csv","application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]
  },
  "CampaignsController_phaseLive": {"statuses":[200],"schema":{"$ref":"#/components/schemas/PhaseLive"}},
  "CampaignsController_launchPreview": {"statuses":[200],"schema":{"$ref":"#/components/schemas/LaunchPreview"}},
  "CampaignsController_revisePhase": {"statuses":[200],"schema":{"$ref":"#/components/schemas/PhaseWithTemplates"}},
  "CampaignsController_launch": {"statuses":[200],"schema":{"$ref":"#/components/schemas/LaunchAnswer"}},
  "DutyMatrixController_list": {"statuses":[200],"schema":{"type":"array","items":{"$ref":"#/components/schemas/DutyRoute"}}},
  "DutyMatrixController_changes": {"statuses":[200],"schema":{"type":"array","items":{"$ref":"#/components/schemas/DutyRouteChange"}}},
  "DutyMatrixController_setRoute": {"statuses":[200],"schema":{"$ref":"#/components/schemas/DutyRoute"}}
};
