// Written by scripts/generate-openapi-schemas.ts (npm run openapi:schemas) from the types the
// controllers return; do not edit by hand: change the view type and run it again.
import type { OpenApiAnswers, OpenApiSchemas } from './openapi-types';

export const sharedSchemas: OpenApiSchemas = {
  "AssessmentOutcomes": {
    "type": "object",
    "properties": {
      "commendation": {"type":"boolean"},
      "criticism": {"type":"boolean"},
      "awardIneligible": {"type":"boolean"},
      "subsidyAdjustmentYuan": {
        "type": "number",
        "nullable": true,
        "description": "Yuan to the fen, + raised / − cut; null when the unit has no subsidy base (or no targets)."
      }
    },
    "required": ["commendation","criticism","awardIneligible","subsidyAdjustmentYuan"]
  },
  "AssessmentRules": {
    "type": "object",
    "properties": {
      "weights": {
        "type": "object",
        "properties": {"targets":{"type":"number"},"dutiesOnTime":{"type":"number"},"reportsOnTime":{"type":"number"}},
        "required": ["targets","dutiesOnTime","reportsOnTime"],
        "description": "Points of 100 for each component; they add up to 100."
      },
      "returnPenaltyPoints": {"type":"number","description":"Points taken off per returned duty (report duties included)…"},
      "maxReturnPenalty": {"type":"number","description":"…up to this many in all."},
      "commendationMinScore": {
        "type": "number",
        "description": "Commended at or above this score, when every target share is reached (attainment ≥ 1)."
      },
      "criticismBelowScore": {"type":"number","description":"Criticised (通报批评) below this score."},
      "awardIneligibleBelowScore": {
        "type": "number",
        "description": "Not eligible for \"advanced unit\" awards below this score; criticised units are not either."
      },
      "subsidy": {"$ref":"#/components/schemas/SubsidyRule"}
    },
    "required": [
      "weights",
      "returnPenaltyPoints",
      "maxReturnPenalty",
      "commendationMinScore",
      "criticismBelowScore",
      "awardIneligibleBelowScore",
      "subsidy"
    ],
    "description": "The acceptance assessment (docs/domain.md, \"Assessment and circulars\"): each district and\ndepartment is scored on targets reached, duties done on time and reports on time, less a\npenalty for returned work; the score proposes the outcomes — commendation, circulated criticism (通报批评), loss of\neligibility for \"advanced unit\" awards (取消评先评优资格) — and the fund-gap subsidy is raised or\ncut in proportion to over- or under-achievement. The office reviews each proposal and then\nfinalises. The rules are a campaign setting (null: DEFAULT_ASSESSMENT_RULES)."
  },
  "CampaignTarget": {
    "type": "object",
    "properties": {
      "insuranceType": {"type":"string","enum":["pension","unemployment","medical","work_injury","maternity"]},
      "kind": {"type":"string","enum":["persons","contribution_rate","funds"]},
      "measure": {"type":"string","enum":["newly_insured","total_insured"],"description":"Persons only."},
      "value": {
        "type": "number",
        "description": "Persons: a head count; contribution_rate: percent (0–100); funds: yuan (the floor)."
      },
      "stretch": {"type":"number","description":"Funds only: the stretch goal, at least the floor."},
      "districtShares": {
        "type": "array",
        "items": {"$ref":"#/components/schemas/TargetShare"},
        "description": "Shares by district; for persons and funds they must add up to the whole."
      },
      "departmentShares": {
        "type": "array",
        "items": {"$ref":"#/components/schemas/TargetShare"},
        "description": "Shares by department; for persons and funds they must add up to the whole."
      }
    },
    "required": ["insuranceType","kind","value"]
  },
  "CensusFigures": {
    "type": "object",
    "properties": {
      "unitsSurveyed": {"type":"number"},
      "uninsuredUnitsFound": {"type":"number"},
      "uninsuredPersonsFound": {"type":"number"},
      "unitsNewlyInsured": {"type":"number","description":"Units that registered for insurance in the campaign."}
    },
    "required": ["unitsSurveyed","uninsuredUnitsFound","uninsuredPersonsFound","unitsNewlyInsured"],
    "description": "Census progress (资源普查), cumulative since the campaign began."
  },
  "CircularAssessmentLine": {
    "type": "object",
    "properties": {
      "unitId": {"type":"string"},
      "name": {"type":"string"},
      "unitKind": {"type":"string","enum":["department","district"]},
      "score": {"type":"number"},
      "outcomes": {"$ref":"#/components/schemas/AssessmentOutcomes"}
    },
    "required": ["unitId","name","unitKind","score","outcomes"]
  },
  "CircularData": {
    "type": "object",
    "properties": {
      "kind": {"type":"string","enum":["quarterly","final"]},
      "periodKey": {"type":"string"},
      "campaignName": {"type":"string"},
      "period": {
        "type": "object",
        "properties": {"start":{"type":"string"},"end":{"type":"string"}},
        "required": ["start","end"],
        "description": "The days the circular covers (a quarter; the campaign's period for the final one)."
      },
      "asOf": {"type":"string","description":"The day the figures are read for."},
      "draftedOn": {"type":"string","description":"The day the draft was made (the date under the signature)."},
      "timeShare": {"type":"number"},
      "targets": {"type":"array","items":{"$ref":"#/components/schemas/CircularTargetLine"}},
      "districts": {"type":"array","items":{"$ref":"#/components/schemas/CircularUnitLine"}},
      "departments": {"type":"array","items":{"$ref":"#/components/schemas/CircularUnitLine"}},
      "lateReports": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {"unitId":{"type":"string"},"name":{"type":"string"},"late":{"type":"number"}},
          "required": ["unitId","name","late"]
        },
        "description": "Units with reports late (or not filed) among those due in the period, most late first."
      },
      "assessment": {
        "type": "object",
        "properties": {
          "asOf": {"type":"string"},
          "units": {"type":"array","items":{"$ref":"#/components/schemas/CircularAssessmentLine"}}
        },
        "required": ["asOf","units"]
      }
    },
    "required": [
      "kind",
      "periodKey",
      "campaignName",
      "period",
      "asOf",
      "draftedOn",
      "timeShare",
      "targets",
      "districts",
      "departments",
      "lateReports"
    ],
    "description": "What a circular is drafted from; kept with it (`data`) so the text can be checked against it."
  },
  "CircularTargetLine": {
    "type": "object",
    "properties": {
      "value": {"type":"number"},
      "actual": {"type":"number","nullable":true},
      "reachedShare": {"type":"number"},
      "expectedByNow": {"type":"number"},
      "light": {"type":"string","enum":["green","yellow","red"]},
      "insuranceType": {"type":"string","enum":["pension","unemployment","medical","work_injury","maternity"]},
      "kind": {"type":"string","enum":["persons","contribution_rate","funds"]},
      "measure": {"type":"string","enum":["newly_insured","total_insured"]}
    },
    "required": ["value","actual","reachedShare","expectedByNow","light","insuranceType","kind"]
  },
  "CircularUnitLine": {
    "type": "object",
    "properties": {
      "unitId": {"type":"string"},
      "name": {"type":"string"},
      "attainment": {"type":"number","nullable":true},
      "rank": {"type":"number","nullable":true},
      "light": {"type":"string","enum":["green","yellow","red"],"nullable":true}
    },
    "required": ["unitId","name","attainment","rank","light"]
  },
  "EscalationLadderPolicy": {
    "type": "object",
    "properties": {
      "reminderBefore": {
        "anyOf": [
          {"type":"object","properties":{"workingDays":{"type":"number"}},"required":["workingDays"]},
          {"type":"object","properties":{"ms":{"type":"number"}},"required":["ms"]}
        ]
      },
      "escalationLadder": {
        "type": "array",
        "items": {"$ref":"#/components/schemas/EscalationStep"},
        "description": "Steps in the order they fire; each fires at most once per due time."
      }
    },
    "required": ["reminderBefore","escalationLadder"],
    "description": "A campaign's ladder: the policy without the calendar, which is the office's and read at launch."
  },
  "EscalationStep": {
    "type": "object",
    "properties": {
      "step": {
        "type": "string",
        "description": "Stable name; recorded on the duty and part of the e-mail's idempotency key."
      },
      "after": {
        "anyOf": [
          {"type":"object","properties":{"workingDays":{"type":"number"}},"required":["workingDays"]},
          {"type":"object","properties":{"ms":{"type":"number"}},"required":["ms"]}
        ],
        "description": "How long after the due time the step fires."
      },
      "notify": {"type":"array","items":{"type":"string","enum":["office","department_liaison","department_head"]}}
    },
    "required": ["step","after","notify"]
  },
  "InsuranceFigures": {
    "type": "object",
    "properties": {
      "newlyInsured": {"type":"number","description":"Persons newly insured since the campaign began (cumulative)."},
      "totalInsured": {"type":"number","description":"Persons insured now (a stock: may fall without a correction)."},
      "contributionRate": {"type":"number","description":"Contribution (payment) rate now, percent 0–100."},
      "fundsCollectedYuan": {"type":"number","description":"Funds collected since the campaign began, yuan (cumulative)."}
    },
    "description": "One insurance type's figures; each optional (a unit reports what it has)."
  },
  "OutcomeCounts": {
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
      "onTime": {"type":"number","description":"Accepted at or before the due time."},
      "late": {"type":"number","description":"Accepted after the due time, or still open when the phase closed."},
      "openAtClose": {"type":"number","description":"Still open when the phase closed (they stay open, marked late)."},
      "cancelled": {"type":"number"}
    },
    "required": ["total","byState","onTime","late","openAtClose","cancelled"]
  },
  "ReportFigures": {
    "type": "object",
    "properties": {
      "census": {"$ref":"#/components/schemas/CensusFigures"},
      "insurance": {
        "type": "object",
        "properties": {
          "pension": {"$ref":"#/components/schemas/InsuranceFigures"},
          "unemployment": {"$ref":"#/components/schemas/InsuranceFigures"},
          "medical": {"$ref":"#/components/schemas/InsuranceFigures"},
          "work_injury": {"$ref":"#/components/schemas/InsuranceFigures"},
          "maternity": {"$ref":"#/components/schemas/InsuranceFigures"}
        }
      }
    },
    "required": ["census","insurance"],
    "description": "What a report carries (docs/domain.md, \"Reports\"): census, persons insured, rate, funds; the texts are stored beside."
  },
  "ReportFlag": {
    "type": "object",
    "properties": {
      "field": {"type":"string"},
      "message": {"type":"string"},
      "reported": {"type":"number"},
      "library": {"type":"number"}
    },
    "required": ["field","message","reported","library"],
    "description": "A figure the office should look at: it does not match what the resource library holds."
  },
  "ReportPlan": {
    "type": "object",
    "properties": {
      "kinds": {"type":"array","items":{"$ref":"#/components/schemas/ReportPlanEntry"}},
      "dueOnDayOff": {
        "type": "string",
        "enum": ["keep","next_working_day"],
        "description": "A due date on a day off stays (keep) or moves to the next working day (顺延)."
      }
    },
    "required": ["kinds","dueOnDayOff"],
    "description": "A campaign's reporting rhythm (docs/domain.md, \"Reports\")."
  },
  "ReportPlanEntry": {
    "type": "object",
    "properties": {
      "kind": {"type":"string","enum":["quarterly","ten_day","monthly","year_end"]},
      "owedBy": {"type":"array","items":{"type":"string","enum":["department","district"]}},
      "dueDay": {
        "type": "number",
        "description": "monthly: day of the next month (default 5); quarterly: day of the month after the quarter\n(default 10); year_end: day of January of the next year (default 15). Ten-day reports are\ndue on the 10th, the 20th and the 30th (or the month's last day) by the seeds' rule."
      }
    },
    "required": ["kind","owedBy"],
    "description": "One kind of report the plan asks for, who owes it, and (except ten-day reports) its due day."
  },
  "Scorecard": {
    "type": "object",
    "properties": {
      "targetsScore": {
        "type": "number",
        "nullable": true,
        "description": "min(attainment, 1) × 100; null without target shares (the other weights are scaled up to 100)."
      },
      "dutiesOnTimeRate": {"type":"number","description":"Percent of due duties submitted on time; 100 when none was due."},
      "reportsOnTimeRate": {"type":"number"},
      "returnPenalty": {"type":"number"},
      "score": {"type":"number","description":"Weighted components less the penalty, 0–100, one decimal."},
      "attainment": {
        "type": "number",
        "nullable": true,
        "description": "Mean share of its targets reached (campaignProgress); null when the unit has no target shares."
      },
      "dutiesDue": {"type":"number"},
      "dutiesOnTime": {"type":"number"},
      "reportsDue": {"type":"number"},
      "reportsOnTime": {"type":"number"},
      "returns": {
        "type": "number",
        "description": "Times the office returned the unit's campaign duties (report duties included)."
      }
    },
    "required": [
      "targetsScore",
      "dutiesOnTimeRate",
      "reportsOnTimeRate",
      "returnPenalty",
      "score",
      "attainment",
      "dutiesDue",
      "dutiesOnTime",
      "reportsDue",
      "reportsOnTime",
      "returns"
    ]
  },
  "SubsidyRule": {
    "type": "object",
    "properties": {
      "rule": {"type":"string","enum":["proportional"]},
      "ratePercent": {"type":"number"},
      "capPercent": {"type":"number"},
      "baseYuan": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {"unitId":{"type":"string"},"yuan":{"type":"number"}},
          "required": ["unitId","yuan"]
        }
      }
    },
    "required": ["rule","ratePercent","capPercent","baseYuan"],
    "description": "'proportional': the subsidy moves by `ratePercent` % of its base per 1 % over or under the\ntarget (100: one for one), at most `capPercent` % of the base either way. Units without a base\nget no subsidy and no adjustment."
  },
  "TargetProgress": {
    "type": "object",
    "properties": {
      "value": {"type":"number"},
      "stretch": {"type":"number"},
      "actual": {"type":"number","nullable":true,"description":"Null when no unit has reported the figure yet."},
      "reachedShare": {"type":"number"},
      "stretchShare": {"type":"number","description":"Funds with a stretch figure: the share of the stretch reached."},
      "expectedByNow": {
        "type": "number",
        "description": "What the pace of the plan expects by `asOf` (value × share of time used; a rate: the rate)."
      },
      "light": {"type":"string","enum":["green","yellow","red"]},
      "countedFrom": {
        "type": "string",
        "enum": ["department","district"],
        "description": "Whose reports make up the actual: districts or departments."
      },
      "reportingUnits": {"type":"number"},
      "insuranceType": {"type":"string","enum":["pension","unemployment","medical","work_injury","maternity"]},
      "kind": {"type":"string","enum":["persons","contribution_rate","funds"]},
      "measure": {"type":"string","enum":["newly_insured","total_insured"]}
    },
    "required": [
      "value",
      "actual",
      "reachedShare",
      "expectedByNow",
      "light",
      "countedFrom",
      "reportingUnits",
      "insuranceType",
      "kind"
    ]
  },
  "TargetShare": {
    "type": "object",
    "properties": {
      "unitId": {"type":"string"},
      "value": {"type":"number"},
      "stretch": {"type":"number","description":"Funds only: the share of the stretch figure."}
    },
    "required": ["unitId","value"],
    "description": "A district's or a department's share of a target."
  },
  "UnitTargetProgress": {
    "type": "object",
    "properties": {
      "share": {"type":"number"},
      "actual": {"type":"number","nullable":true},
      "reachedShare": {"type":"number"},
      "expectedByNow": {
        "type": "number",
        "description": "What the pace of the plan expects of the share by `asOf` (as for the whole)."
      },
      "light": {"type":"string","enum":["green","yellow","red"]},
      "insuranceType": {"type":"string","enum":["pension","unemployment","medical","work_injury","maternity"]},
      "kind": {"type":"string","enum":["persons","contribution_rate","funds"]},
      "measure": {"type":"string","enum":["newly_insured","total_insured"]}
    },
    "required": ["share","actual","reachedShare","expectedByNow","light","insuranceType","kind"]
  }
};

export const sharedAnswers: OpenApiAnswers = {};
