// Written by scripts/generate-openapi-schemas.ts (npm run openapi:schemas) from the types the
// controllers return; do not edit by hand: change the view type and run it again.
import type { OpenApiAnswers, OpenApiSchemas } from '../common/openapi-types';

export const campaignsSchemas: OpenApiSchemas = {
  "CampaignLiveStateView": {
    "type": "object",
    "properties": {
      "campaignId": {"type":"string"},
      "completed": {"type":"boolean"},
      "phases": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "status": {"type":"string","enum":["planned","open","closed"]},
            "forced": {"type":"boolean"},
            "dutyCount": {"type":"number","nullable":true},
            "failure": {
              "type": "string",
              "nullable": true,
              "description": "Set when the phase's workflow ended without closing the phase (terminated or cancelled)."
            },
            "phaseId": {"type":"string"},
            "name": {"type":"string"},
            "launchedAt": {"type":"string","format":"date-time","nullable":true},
            "closedAt": {"type":"string","format":"date-time","nullable":true}
          },
          "required": ["status","forced","dutyCount","failure","phaseId","name","launchedAt","closedAt"]
        }
      }
    },
    "required": ["campaignId","completed","phases"],
    "description": "The campaign workflow's live state (CampaignLiveState), its instants as ISO text."
  },
  "PhaseLiveStateView": {
    "type": "object",
    "properties": {
      "closed": {"type":"boolean"},
      "dutyCount": {"type":"number"},
      "phaseId": {"type":"string"},
      "batches": {"type":"number"},
      "batchesStarted": {"type":"number"},
      "batchesClosed": {"type":"number"},
      "windowEndsAt": {"type":"string","format":"date-time"}
    },
    "required": ["closed","dutyCount","phaseId","batches","batchesStarted","batchesClosed","windowEndsAt"],
    "description": "The phase workflow's live state (PhaseLiveState), its window's end as ISO text."
  },
  "PhaseSummaryView": {
    "type": "object",
    "properties": {
      "closeReason": {"type":"string","enum":["all_duties_closed","window_ended"]},
      "byDepartment": {"type":"object","additionalProperties":{"$ref":"#/components/schemas/OutcomeCounts"}},
      "byDistrict": {"type":"object","additionalProperties":{"$ref":"#/components/schemas/OutcomeCounts"}},
      "total": {"type":"number"},
      "byState": {
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
        "required": ["cancelled","assigned","acknowledged","in_progress","submitted","returned","accepted"]
      },
      "onTime": {"type":"number","description":"Accepted at or before the due time."},
      "late": {"type":"number","description":"Accepted after the due time, or still open when the phase closed."},
      "openAtClose": {"type":"number","description":"Still open when the phase closed (they stay open, marked late)."},
      "cancelled": {"type":"number"},
      "closedAt": {"type":"string","format":"date-time"}
    },
    "required": [
      "closeReason",
      "byDepartment",
      "byDistrict",
      "total",
      "byState",
      "onTime",
      "late",
      "openAtClose",
      "cancelled",
      "closedAt"
    ],
    "description": "A closed phase's summary (PhaseSummary), its close time as ISO text."
  }
};

export const campaignsAnswers: OpenApiAnswers = {
  "CampaignsController_create": {
    "statuses": [201],
    "schema": {
      "type": "object",
      "properties": {
        "jurisdiction": {
          "type": "object",
          "properties": {
            "name": {"type":"string"},
            "level": {"type":"string","enum":["city","province"]},
            "districts": {"type":"array","items":{"$ref":"#/components/schemas/DistrictRef"}}
          },
          "required": ["name","level","districts"]
        },
        "targets": {"type":"array","items":{"$ref":"#/components/schemas/CampaignTarget"}},
        "leadingGroup": {"$ref":"#/components/schemas/LeadingGroup"},
        "escalationLadder": {"$ref":"#/components/schemas/EscalationLadderPolicy"},
        "phases": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "templates": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {
                    "due": {
                      "anyOf": [
                        {
                          "type": "object",
                          "properties": {"workingDaysAfterLaunch":{"type":"number"}},
                          "required": ["workingDaysAfterLaunch"]
                        },
                        {
                          "type": "object",
                          "properties": {"at":{"type":"string","format":"date-time"}},
                          "required": ["at"]
                        }
                      ]
                    },
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
                        {
                          "type": "object",
                          "properties": {"kind":{"type":"string","enum":["district"]}},
                          "required": ["kind"]
                        }
                      ]
                    },
                    "scope": {"type":"string","enum":["once","per_district"]}
                  },
                  "required": ["due","id","title","description","route","scope"]
                }
              },
              "id": {"type":"string"},
              "seq": {"type":"number"},
              "kind": {"type":"string","enum":["mobilisation","special_operation","acceptance"]},
              "round": {"type":"number","nullable":true},
              "name": {"type":"string"},
              "window": {
                "type": "object",
                "properties": {"start":{"type":"string"},"end":{"type":"string"}},
                "required": ["start","end"]
              },
              "focusSectors": {"type":"array","items":{"type":"string"}},
              "status": {"type":"string","enum":["planned","open","closed"]},
              "workflowId": {"type":"string"},
              "launchedAt": {"type":"string","format":"date-time","nullable":true},
              "launchedBy": {"type":"string","nullable":true},
              "launchForced": {"type":"boolean","nullable":true},
              "launchReason": {"type":"string","nullable":true},
              "launchedEarly": {"type":"boolean"},
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
            ]
          }
        },
        "id": {"type":"string"},
        "name": {"type":"string"},
        "period": {
          "type": "object",
          "properties": {"start":{"type":"string"},"end":{"type":"string"}},
          "required": ["start","end"]
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
    }
  },
  "CampaignsController_list": {
    "statuses": [200],
    "schema": {
      "type": "array",
      "items": {
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
            "required": ["start","end"]
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
        ]
      }
    }
  },
  "CampaignsController_get": {
    "statuses": [200],
    "schema": {
      "type": "object",
      "properties": {
        "jurisdiction": {
          "type": "object",
          "properties": {
            "name": {"type":"string"},
            "level": {"type":"string","enum":["city","province"]},
            "districts": {"type":"array","items":{"$ref":"#/components/schemas/DistrictRef"}}
          },
          "required": ["name","level","districts"]
        },
        "targets": {"type":"array","items":{"$ref":"#/components/schemas/CampaignTarget"}},
        "leadingGroup": {"$ref":"#/components/schemas/LeadingGroup"},
        "escalationLadder": {"$ref":"#/components/schemas/EscalationLadderPolicy"},
        "phases": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "templates": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {
                    "due": {
                      "anyOf": [
                        {
                          "type": "object",
                          "properties": {"workingDaysAfterLaunch":{"type":"number"}},
                          "required": ["workingDaysAfterLaunch"]
                        },
                        {
                          "type": "object",
                          "properties": {"at":{"type":"string","format":"date-time"}},
                          "required": ["at"]
                        }
                      ]
                    },
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
                        {
                          "type": "object",
                          "properties": {"kind":{"type":"string","enum":["district"]}},
                          "required": ["kind"]
                        }
                      ]
                    },
                    "scope": {"type":"string","enum":["once","per_district"]}
                  },
                  "required": ["due","id","title","description","route","scope"]
                }
              },
              "id": {"type":"string"},
              "seq": {"type":"number"},
              "kind": {"type":"string","enum":["mobilisation","special_operation","acceptance"]},
              "round": {"type":"number","nullable":true},
              "name": {"type":"string"},
              "window": {
                "type": "object",
                "properties": {"start":{"type":"string"},"end":{"type":"string"}},
                "required": ["start","end"]
              },
              "focusSectors": {"type":"array","items":{"type":"string"}},
              "status": {"type":"string","enum":["planned","open","closed"]},
              "workflowId": {"type":"string"},
              "launchedAt": {"type":"string","format":"date-time","nullable":true},
              "launchedBy": {"type":"string","nullable":true},
              "launchForced": {"type":"boolean","nullable":true},
              "launchReason": {"type":"string","nullable":true},
              "launchedEarly": {"type":"boolean"},
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
            ]
          }
        },
        "id": {"type":"string"},
        "name": {"type":"string"},
        "period": {
          "type": "object",
          "properties": {"start":{"type":"string"},"end":{"type":"string"}},
          "required": ["start","end"]
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
    }
  },
  "CampaignsController_live": {
    "statuses": [200],
    "schema": {
      "type": "object",
      "properties": {
        "campaignId": {"type":"string"},
        "status": {"type":"string","enum":["planned","active","completed"]},
        "workflow": {"nullable":true,"allOf":[{"$ref":"#/components/schemas/CampaignLiveStateView"}]},
        "phases": {
          "type": "array",
          "items": {
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
                "required": ["start","end"]
              },
              "focusSectors": {"type":"array","items":{"type":"string"}},
              "status": {"type":"string","enum":["planned","open","closed"]},
              "workflowId": {"type":"string"},
              "launchedAt": {"type":"string","format":"date-time","nullable":true},
              "launchedBy": {"type":"string","nullable":true},
              "launchForced": {"type":"boolean","nullable":true},
              "launchReason": {"type":"string","nullable":true},
              "launchedEarly": {"type":"boolean"},
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
          }
        }
      },
      "required": ["campaignId","status","workflow","phases"]
    }
  },
  "CampaignsController_events": {"statuses":[200],"schema":{"type":"array","items":{"$ref":"#/components/schemas/CampaignEventRow"}}},
  "CampaignsController_routes": {
    "statuses": [200],
    "schema": {
      "type": "array",
      "items": {
        "type": "object",
        "properties": {
          "kind": {"type":"string","enum":["function","sector"]},
          "key": {"type":"string"},
          "label": {"type":"string"},
          "departmentId": {"type":"string"},
          "departmentCode": {"type":"string"},
          "departmentName": {"type":"string"}
        },
        "required": ["kind","key","label","departmentId","departmentCode","departmentName"]
      }
    }
  },
  "CampaignsController_setRoute": {
    "statuses": [200],
    "schema": {
      "type": "array",
      "items": {
        "type": "object",
        "properties": {
          "kind": {"type":"string","enum":["function","sector"]},
          "key": {"type":"string"},
          "label": {"type":"string"},
          "departmentId": {"type":"string"},
          "departmentCode": {"type":"string"},
          "departmentName": {"type":"string"}
        },
        "required": ["kind","key","label","departmentId","departmentCode","departmentName"]
      }
    }
  },
  "CampaignsController_setLadder": {"statuses":[200],"schema":{"$ref":"#/components/schemas/EscalationLadderPolicy"}},
  "CampaignsController_phase": {
    "statuses": [200],
    "schema": {
      "type": "object",
      "properties": {
        "templates": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "due": {
                "anyOf": [
                  {
                    "type": "object",
                    "properties": {"workingDaysAfterLaunch":{"type":"number"}},
                    "required": ["workingDaysAfterLaunch"]
                  },
                  {
                    "type": "object",
                    "properties": {"at":{"type":"string","format":"date-time"}},
                    "required": ["at"]
                  }
                ]
              },
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
                  {
                    "type": "object",
                    "properties": {"kind":{"type":"string","enum":["district"]}},
                    "required": ["kind"]
                  }
                ]
              },
              "scope": {"type":"string","enum":["once","per_district"]}
            },
            "required": ["due","id","title","description","route","scope"]
          }
        },
        "id": {"type":"string"},
        "seq": {"type":"number"},
        "kind": {"type":"string","enum":["mobilisation","special_operation","acceptance"]},
        "round": {"type":"number","nullable":true},
        "name": {"type":"string"},
        "window": {
          "type": "object",
          "properties": {"start":{"type":"string"},"end":{"type":"string"}},
          "required": ["start","end"]
        },
        "focusSectors": {"type":"array","items":{"type":"string"}},
        "status": {"type":"string","enum":["planned","open","closed"]},
        "workflowId": {"type":"string"},
        "launchedAt": {"type":"string","format":"date-time","nullable":true},
        "launchedBy": {"type":"string","nullable":true},
        "launchForced": {"type":"boolean","nullable":true},
        "launchReason": {"type":"string","nullable":true},
        "launchedEarly": {"type":"boolean"},
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
      ]
    }
  },
  "CampaignsController_setTargets": {
    "statuses": [200],
    "schema": {
      "type": "object",
      "properties": {
        "jurisdiction": {
          "type": "object",
          "properties": {
            "name": {"type":"string"},
            "level": {"type":"string","enum":["city","province"]},
            "districts": {"type":"array","items":{"$ref":"#/components/schemas/DistrictRef"}}
          },
          "required": ["name","level","districts"]
        },
        "targets": {"type":"array","items":{"$ref":"#/components/schemas/CampaignTarget"}},
        "leadingGroup": {"$ref":"#/components/schemas/LeadingGroup"},
        "escalationLadder": {"$ref":"#/components/schemas/EscalationLadderPolicy"},
        "phases": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "templates": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {
                    "due": {
                      "anyOf": [
                        {
                          "type": "object",
                          "properties": {"workingDaysAfterLaunch":{"type":"number"}},
                          "required": ["workingDaysAfterLaunch"]
                        },
                        {
                          "type": "object",
                          "properties": {"at":{"type":"string","format":"date-time"}},
                          "required": ["at"]
                        }
                      ]
                    },
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
                        {
                          "type": "object",
                          "properties": {"kind":{"type":"string","enum":["district"]}},
                          "required": ["kind"]
                        }
                      ]
                    },
                    "scope": {"type":"string","enum":["once","per_district"]}
                  },
                  "required": ["due","id","title","description","route","scope"]
                }
              },
              "id": {"type":"string"},
              "seq": {"type":"number"},
              "kind": {"type":"string","enum":["mobilisation","special_operation","acceptance"]},
              "round": {"type":"number","nullable":true},
              "name": {"type":"string"},
              "window": {
                "type": "object",
                "properties": {"start":{"type":"string"},"end":{"type":"string"}},
                "required": ["start","end"]
              },
              "focusSectors": {"type":"array","items":{"type":"string"}},
              "status": {"type":"string","enum":["planned","open","closed"]},
              "workflowId": {"type":"string"},
              "launchedAt": {"type":"string","format":"date-time","nullable":true},
              "launchedBy": {"type":"string","nullable":true},
              "launchForced": {"type":"boolean","nullable":true},
              "launchReason": {"type":"string","nullable":true},
              "launchedEarly": {"type":"boolean"},
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
            ]
          }
        },
        "id": {"type":"string"},
        "name": {"type":"string"},
        "period": {
          "type": "object",
          "properties": {"start":{"type":"string"},"end":{"type":"string"}},
          "required": ["start","end"]
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
    }
  },
  "CampaignsController_setLeadingGroup": {
    "statuses": [200],
    "schema": {
      "type": "object",
      "properties": {
        "jurisdiction": {
          "type": "object",
          "properties": {
            "name": {"type":"string"},
            "level": {"type":"string","enum":["city","province"]},
            "districts": {"type":"array","items":{"$ref":"#/components/schemas/DistrictRef"}}
          },
          "required": ["name","level","districts"]
        },
        "targets": {"type":"array","items":{"$ref":"#/components/schemas/CampaignTarget"}},
        "leadingGroup": {"$ref":"#/components/schemas/LeadingGroup"},
        "escalationLadder": {"$ref":"#/components/schemas/EscalationLadderPolicy"},
        "phases": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "templates": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {
                    "due": {
                      "anyOf": [
                        {
                          "type": "object",
                          "properties": {"workingDaysAfterLaunch":{"type":"number"}},
                          "required": ["workingDaysAfterLaunch"]
                        },
                        {
                          "type": "object",
                          "properties": {"at":{"type":"string","format":"date-time"}},
                          "required": ["at"]
                        }
                      ]
                    },
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
                        {
                          "type": "object",
                          "properties": {"kind":{"type":"string","enum":["district"]}},
                          "required": ["kind"]
                        }
                      ]
                    },
                    "scope": {"type":"string","enum":["once","per_district"]}
                  },
                  "required": ["due","id","title","description","route","scope"]
                }
              },
              "id": {"type":"string"},
              "seq": {"type":"number"},
              "kind": {"type":"string","enum":["mobilisation","special_operation","acceptance"]},
              "round": {"type":"number","nullable":true},
              "name": {"type":"string"},
              "window": {
                "type": "object",
                "properties": {"start":{"type":"string"},"end":{"type":"string"}},
                "required": ["start","end"]
              },
              "focusSectors": {"type":"array","items":{"type":"string"}},
              "status": {"type":"string","enum":["planned","open","closed"]},
              "workflowId": {"type":"string"},
              "launchedAt": {"type":"string","format":"date-time","nullable":true},
              "launchedBy": {"type":"string","nullable":true},
              "launchForced": {"type":"boolean","nullable":true},
              "launchReason": {"type":"string","nullable":true},
              "launchedEarly": {"type":"boolean"},
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
            ]
          }
        },
        "id": {"type":"string"},
        "name": {"type":"string"},
        "period": {
          "type": "object",
          "properties": {"start":{"type":"string"},"end":{"type":"string"}},
          "required": ["start","end"]
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
    }
  },
  "CampaignsController_phaseSummary": {
    "statuses": [200],
    "schema": {
      "type": "object",
      "properties": {
        "phase": {
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
              "required": ["start","end"]
            },
            "focusSectors": {"type":"array","items":{"type":"string"}},
            "status": {"type":"string","enum":["planned","open","closed"]},
            "workflowId": {"type":"string"},
            "launchedAt": {"type":"string","format":"date-time","nullable":true},
            "launchedBy": {"type":"string","nullable":true},
            "launchForced": {"type":"boolean","nullable":true},
            "launchReason": {"type":"string","nullable":true},
            "launchedEarly": {"type":"boolean"},
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
        "rows": {
          "type": "array",
          "items": {
            "anyOf": [
              {
                "type": "object",
                "properties": {
                  "unitCode": {"type":"string","nullable":true},
                  "unitName": {"type":"string","nullable":true},
                  "total": {"type":"number"},
                  "byState": {
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
                    "required": ["cancelled","assigned","acknowledged","in_progress","submitted","returned","accepted"]
                  },
                  "onTime": {"type":"number","description":"Accepted at or before the due time."},
                  "late": {
                    "type": "number",
                    "description": "Accepted after the due time, or still open when the phase closed."
                  },
                  "openAtClose": {
                    "type": "number",
                    "description": "Still open when the phase closed (they stay open, marked late)."
                  },
                  "cancelled": {"type":"number"},
                  "scope": {"type":"string","enum":["department"]},
                  "unitId": {"type":"string"}
                },
                "required": [
                  "unitCode",
                  "unitName",
                  "total",
                  "byState",
                  "onTime",
                  "late",
                  "openAtClose",
                  "cancelled",
                  "scope",
                  "unitId"
                ]
              },
              {
                "type": "object",
                "properties": {
                  "unitCode": {"type":"string","nullable":true},
                  "unitName": {"type":"string","nullable":true},
                  "total": {"type":"number"},
                  "byState": {
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
                    "required": ["cancelled","assigned","acknowledged","in_progress","submitted","returned","accepted"]
                  },
                  "onTime": {"type":"number","description":"Accepted at or before the due time."},
                  "late": {
                    "type": "number",
                    "description": "Accepted after the due time, or still open when the phase closed."
                  },
                  "openAtClose": {
                    "type": "number",
                    "description": "Still open when the phase closed (they stay open, marked late)."
                  },
                  "cancelled": {"type":"number"},
                  "scope": {"type":"string","enum":["district"]},
                  "unitId": {"type":"string"}
                },
                "required": [
                  "unitCode",
                  "unitName",
                  "total",
                  "byState",
                  "onTime",
                  "late",
                  "openAtClose",
                  "cancelled",
                  "scope",
                  "unitId"
                ]
              }
            ]
          }
        }
      },
      "required": ["phase","rows"]
    },
    "file": true,
    "produces": ["application/json","text/csv","application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]
  },
  "CampaignsController_phaseLive": {
    "statuses": [200],
    "schema": {
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
          "required": ["start","end"]
        },
        "focusSectors": {"type":"array","items":{"type":"string"}},
        "status": {"type":"string","enum":["planned","open","closed"]},
        "workflowId": {"type":"string"},
        "launchedAt": {"type":"string","format":"date-time","nullable":true},
        "launchedBy": {"type":"string","nullable":true},
        "launchForced": {"type":"boolean","nullable":true},
        "launchReason": {"type":"string","nullable":true},
        "launchedEarly": {"type":"boolean"},
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
      ]
    }
  },
  "CampaignsController_launchPreview": {
    "statuses": [200],
    "schema": {
      "type": "object",
      "properties": {
        "phase": {
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
              "required": ["start","end"]
            },
            "focusSectors": {"type":"array","items":{"type":"string"}},
            "status": {"type":"string","enum":["planned","open","closed"]},
            "workflowId": {"type":"string"},
            "launchedAt": {"type":"string","format":"date-time","nullable":true},
            "launchedBy": {"type":"string","nullable":true},
            "launchForced": {"type":"boolean","nullable":true},
            "launchReason": {"type":"string","nullable":true},
            "launchedEarly": {"type":"boolean"},
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
        "asOf": {"type":"string","format":"date-time"},
        "windowEndsAt": {"type":"string","format":"date-time"},
        "windowOpensAt": {"type":"string","format":"date-time","nullable":true},
        "earlyLaunch": {
          "type": "object",
          "properties": {
            "required": {"type":"boolean","enum":[true]},
            "code": {
              "type": "string",
              "enum": [
                "INVALID_CREDENTIALS",
                "ACTION_NOT_PERMITTED",
                "DEPARTMENT_NOT_FOUND",
                "DEPARTMENT_CODE_TAKEN",
                "DUTY_NOT_FOUND",
                "DUTY_TRANSITION_FORBIDDEN",
                "DUE_TIME_NOT_IN_FUTURE",
                "DUTY_ACTION_INPUT_MISSING",
                "DUTY_REASSIGN_TARGET_INVALID",
                "DUTY_NOT_WITH_DEPARTMENT",
                "EVIDENCE_INVALID",
                "EVIDENCE_TOO_LARGE",
                "EVIDENCE_TYPE_NOT_ALLOWED",
                "EVIDENCE_NOT_FOUND",
                "EVIDENCE_NOT_OF_DUTY",
                "INVALID_CALENDAR",
                "CALENDAR_CHANGED_MEANWHILE",
                "IDEMPOTENCY_KEY_REUSED",
                "NO_DUTY_ROUTE",
                "INVALID_DUTY_ROUTE_KEY",
                "INVALID_CAMPAIGN",
                "CAMPAIGN_NOT_FOUND",
                "PHASE_NOT_FOUND",
                "PHASE_ALREADY_LAUNCHED",
                "PHASE_OUT_OF_ORDER",
                "PREVIOUS_PHASE_OPEN",
                "FORCE_REASON_MISSING",
                "PHASE_NOT_EDITABLE",
                "PHASE_WINDOW_OVER",
                "PHASE_WINDOW_NOT_OPEN",
                "EARLY_LAUNCH_REASON_MISSING",
                "PHASE_NOT_CLOSED",
                "INVALID_UNIT_FACTS",
                "UNIT_NOT_FOUND",
                "COMPLIANCE_CASE_NOT_FOUND",
                "COMPLIANCE_TRANSITION_FORBIDDEN",
                "INVALID_COMPLIANCE_ACTION",
                "CAMPAIGN_NOT_RUNNING",
                "COMPLIANCE_RUN_NOT_FOUND",
                "EXPOSURE_PROPOSAL_NOT_FOUND",
                "EXPOSURE_ALREADY_DECIDED",
                "INSPECTION_CASE_NOT_FOUND",
                "INSPECTION_CASE_CLOSED",
                "INVALID_ENFORCEMENT_ACTION",
                "UNIT_IMPORT_NOT_FOUND",
                "UNIT_IMPORT_TOO_LARGE",
                "DISTRICT_COVERED_BY_ANOTHER_TEAM",
                "INVALID_DEPARTMENT",
                "EXPOSURE_NOT_APPROVED",
                "INVALID_ASSESSMENT_RULES",
                "ASSESSMENT_NOT_FOUND",
                "ASSESSMENT_UNIT_NOT_FOUND",
                "ASSESSMENT_FINALISED",
                "ASSESSMENT_NOT_FINALISED",
                "INVALID_ASSESSMENT_REVIEW",
                "CIRCULAR_NOT_FOUND",
                "CIRCULAR_PUBLISHED",
                "INVALID_CIRCULAR",
                "INVALID_REPORT_PLAN",
                "REPORT_NOT_FOUND",
                "INVALID_REPORT",
                "SAVED_FILTER_NOT_FOUND",
                "USER_NOT_FOUND",
                "USERNAME_TAKEN",
                "INVALID_USER",
                "PASSWORD_POLICY",
                "LAST_ADMINISTRATOR",
                "ACCOUNT_LOCKED",
                "SIGN_IN_THROTTLED",
                "PASSWORD_CHANGE_REQUIRED",
                "PASSWORD_RESET_LINK_INVALID",
                "USER_STATE_CONFLICT",
                "DEPARTMENT_INACTIVE",
                "DEPARTMENT_STATE_CONFLICT",
                "SINGLE_SIGN_ON_REFUSED",
                "LOCAL_PASSWORDS_DISABLED",
                "INVALID_EXPOSURE_LIST_QUERY",
                "NOTICE_LINK_NOT_FOUND",
                "NOTICE_LINK_EXPIRED"
              ]
            },
            "message": {"type":"string"},
            "windowStart": {"type":"string"},
            "windowEnd": {"type":"string"}
          },
          "required": ["required","code","message","windowStart","windowEnd"],
          "nullable": true
        },
        "dutyCount": {"type":"number"},
        "refusal": {
          "type": "object",
          "properties": {
            "code": {
              "type": "string",
              "enum": [
                "INVALID_CREDENTIALS",
                "ACTION_NOT_PERMITTED",
                "DEPARTMENT_NOT_FOUND",
                "DEPARTMENT_CODE_TAKEN",
                "DUTY_NOT_FOUND",
                "DUTY_TRANSITION_FORBIDDEN",
                "DUE_TIME_NOT_IN_FUTURE",
                "DUTY_ACTION_INPUT_MISSING",
                "DUTY_REASSIGN_TARGET_INVALID",
                "DUTY_NOT_WITH_DEPARTMENT",
                "EVIDENCE_INVALID",
                "EVIDENCE_TOO_LARGE",
                "EVIDENCE_TYPE_NOT_ALLOWED",
                "EVIDENCE_NOT_FOUND",
                "EVIDENCE_NOT_OF_DUTY",
                "INVALID_CALENDAR",
                "CALENDAR_CHANGED_MEANWHILE",
                "IDEMPOTENCY_KEY_REUSED",
                "NO_DUTY_ROUTE",
                "INVALID_DUTY_ROUTE_KEY",
                "INVALID_CAMPAIGN",
                "CAMPAIGN_NOT_FOUND",
                "PHASE_NOT_FOUND",
                "PHASE_ALREADY_LAUNCHED",
                "PHASE_OUT_OF_ORDER",
                "PREVIOUS_PHASE_OPEN",
                "FORCE_REASON_MISSING",
                "PHASE_NOT_EDITABLE",
                "PHASE_WINDOW_OVER",
                "PHASE_WINDOW_NOT_OPEN",
                "EARLY_LAUNCH_REASON_MISSING",
                "PHASE_NOT_CLOSED",
                "INVALID_UNIT_FACTS",
                "UNIT_NOT_FOUND",
                "COMPLIANCE_CASE_NOT_FOUND",
                "COMPLIANCE_TRANSITION_FORBIDDEN",
                "INVALID_COMPLIANCE_ACTION",
                "CAMPAIGN_NOT_RUNNING",
                "COMPLIANCE_RUN_NOT_FOUND",
                "EXPOSURE_PROPOSAL_NOT_FOUND",
                "EXPOSURE_ALREADY_DECIDED",
                "INSPECTION_CASE_NOT_FOUND",
                "INSPECTION_CASE_CLOSED",
                "INVALID_ENFORCEMENT_ACTION",
                "UNIT_IMPORT_NOT_FOUND",
                "UNIT_IMPORT_TOO_LARGE",
                "DISTRICT_COVERED_BY_ANOTHER_TEAM",
                "INVALID_DEPARTMENT",
                "EXPOSURE_NOT_APPROVED",
                "INVALID_ASSESSMENT_RULES",
                "ASSESSMENT_NOT_FOUND",
                "ASSESSMENT_UNIT_NOT_FOUND",
                "ASSESSMENT_FINALISED",
                "ASSESSMENT_NOT_FINALISED",
                "INVALID_ASSESSMENT_REVIEW",
                "CIRCULAR_NOT_FOUND",
                "CIRCULAR_PUBLISHED",
                "INVALID_CIRCULAR",
                "INVALID_REPORT_PLAN",
                "REPORT_NOT_FOUND",
                "INVALID_REPORT",
                "SAVED_FILTER_NOT_FOUND",
                "USER_NOT_FOUND",
                "USERNAME_TAKEN",
                "INVALID_USER",
                "PASSWORD_POLICY",
                "LAST_ADMINISTRATOR",
                "ACCOUNT_LOCKED",
                "SIGN_IN_THROTTLED",
                "PASSWORD_CHANGE_REQUIRED",
                "PASSWORD_RESET_LINK_INVALID",
                "USER_STATE_CONFLICT",
                "DEPARTMENT_INACTIVE",
                "DEPARTMENT_STATE_CONFLICT",
                "SINGLE_SIGN_ON_REFUSED",
                "LOCAL_PASSWORDS_DISABLED",
                "INVALID_EXPOSURE_LIST_QUERY",
                "NOTICE_LINK_NOT_FOUND",
                "NOTICE_LINK_EXPIRED"
              ]
            },
            "message": {"type":"string"}
          },
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
                  "kind": {"type":"string","enum":["department","district","inspection_team"],"nullable":true}
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
      "required": ["phase","asOf","windowEndsAt","windowOpensAt","earlyLaunch","dutyCount","refusal","duties"]
    }
  },
  "CampaignsController_revisePhase": {
    "statuses": [200],
    "schema": {
      "type": "object",
      "properties": {
        "templates": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "due": {
                "anyOf": [
                  {
                    "type": "object",
                    "properties": {"workingDaysAfterLaunch":{"type":"number"}},
                    "required": ["workingDaysAfterLaunch"]
                  },
                  {
                    "type": "object",
                    "properties": {"at":{"type":"string","format":"date-time"}},
                    "required": ["at"]
                  }
                ]
              },
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
                  {
                    "type": "object",
                    "properties": {"kind":{"type":"string","enum":["district"]}},
                    "required": ["kind"]
                  }
                ]
              },
              "scope": {"type":"string","enum":["once","per_district"]}
            },
            "required": ["due","id","title","description","route","scope"]
          }
        },
        "id": {"type":"string"},
        "seq": {"type":"number"},
        "kind": {"type":"string","enum":["mobilisation","special_operation","acceptance"]},
        "round": {"type":"number","nullable":true},
        "name": {"type":"string"},
        "window": {
          "type": "object",
          "properties": {"start":{"type":"string"},"end":{"type":"string"}},
          "required": ["start","end"]
        },
        "focusSectors": {"type":"array","items":{"type":"string"}},
        "status": {"type":"string","enum":["planned","open","closed"]},
        "workflowId": {"type":"string"},
        "launchedAt": {"type":"string","format":"date-time","nullable":true},
        "launchedBy": {"type":"string","nullable":true},
        "launchForced": {"type":"boolean","nullable":true},
        "launchReason": {"type":"string","nullable":true},
        "launchedEarly": {"type":"boolean"},
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
      ]
    }
  },
  "CampaignsController_launch": {
    "statuses": [200],
    "schema": {
      "type": "object",
      "properties": {
        "windowEndsAt": {"type":"string","format":"date-time"},
        "phase": {
          "type": "object",
          "properties": {
            "templates": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "due": {
                    "anyOf": [
                      {
                        "type": "object",
                        "properties": {"workingDaysAfterLaunch":{"type":"number"}},
                        "required": ["workingDaysAfterLaunch"]
                      },
                      {
                        "type": "object",
                        "properties": {"at":{"type":"string","format":"date-time"}},
                        "required": ["at"]
                      }
                    ]
                  },
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
                      {
                        "type": "object",
                        "properties": {"kind":{"type":"string","enum":["district"]}},
                        "required": ["kind"]
                      }
                    ]
                  },
                  "scope": {"type":"string","enum":["once","per_district"]}
                },
                "required": ["due","id","title","description","route","scope"]
              }
            },
            "id": {"type":"string"},
            "seq": {"type":"number"},
            "kind": {"type":"string","enum":["mobilisation","special_operation","acceptance"]},
            "round": {"type":"number","nullable":true},
            "name": {"type":"string"},
            "window": {
              "type": "object",
              "properties": {"start":{"type":"string"},"end":{"type":"string"}},
              "required": ["start","end"]
            },
            "focusSectors": {"type":"array","items":{"type":"string"}},
            "status": {"type":"string","enum":["planned","open","closed"]},
            "workflowId": {"type":"string"},
            "launchedAt": {"type":"string","format":"date-time","nullable":true},
            "launchedBy": {"type":"string","nullable":true},
            "launchForced": {"type":"boolean","nullable":true},
            "launchReason": {"type":"string","nullable":true},
            "launchedEarly": {"type":"boolean"},
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
          ]
        },
        "phaseId": {"type":"string"},
        "dutyCount": {"type":"number"},
        "forced": {"type":"boolean"}
      },
      "required": ["windowEndsAt","phase","phaseId","dutyCount","forced"]
    }
  }
};
