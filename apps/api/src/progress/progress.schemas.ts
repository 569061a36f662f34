// Written by scripts/generate-openapi-schemas.ts (npm run openapi:schemas) from the types the
// controllers return; do not edit by hand: change the view type and run it again.
import type { OpenApiAnswers, OpenApiSchemas } from '../common/openapi-types';

export const progressSchemas: OpenApiSchemas = {
  "HistoryTarget": {
    "type": "object",
    "properties": {
      "light": {"type":"string","enum":["green","yellow","red"]},
      "value": {"type":"number"},
      "stretch": {"type":"number"},
      "actual": {"type":"number","nullable":true,"description":"Null when no unit has reported the figure yet."},
      "reachedShare": {"type":"number"},
      "stretchShare": {"type":"number","description":"Funds with a stretch figure: the share of the stretch reached."},
      "expectedByNow": {
        "type": "number",
        "description": "What the pace of the plan expects by `asOf` (value × share of time used; a rate: the rate)."
      },
      "reportingUnits": {"type":"number"},
      "insuranceType": {"type":"string","enum":["pension","unemployment","medical","work_injury","maternity"]},
      "kind": {"type":"string","enum":["persons","contribution_rate","funds"]},
      "measure": {"type":"string","enum":["newly_insured","total_insured"]}
    },
    "required": ["light","value","actual","reachedShare","expectedByNow","reportingUnits","insuranceType","kind"]
  },
  "HistoryView": {
    "type": "object",
    "properties": {
      "campaignId": {"type":"string"},
      "campaignName": {"type":"string"},
      "from": {"type":"string"},
      "to": {"type":"string"},
      "step": {"type":"string","enum":["round","month"]},
      "scope": {
        "type": "string",
        "enum": ["campaign","own_unit"],
        "description": "Always the campaign's figures; `own_unit` says the caller is a department officer (who sees the totals too)."
      },
      "pointsAt": {
        "type": "string",
        "enum": ["round_due_dates","month_ends"],
        "description": "What the points are: report rounds' due dates, or month ends (also when asked by round and no round is due)."
      },
      "points": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "date": {"type":"string"},
            "dueRounds": {"type":"array","items":{"type":"string"}},
            "timeShare": {"type":"number"},
            "targets": {"type":"array","items":{"$ref":"#/components/schemas/HistoryTarget"}}
          },
          "required": ["date","dueRounds","timeShare","targets"]
        }
      }
    },
    "required": ["campaignId","campaignName","from","to","step","scope","pointsAt","points"]
  },
  "LatestReportRef": {
    "type": "object",
    "properties": {
      "reportId": {"type":"string"},
      "roundKey": {"type":"string"},
      "periodEnd": {"type":"string"},
      "version": {"type":"number"},
      "filedAt": {"type":"string","format":"date-time"}
    },
    "required": ["reportId","roundKey","periodEnd","version","filedAt"]
  },
  "ProgressThresholds": {
    "type": "object",
    "properties": {"yellowBelow":{"type":"number"},"redBelow":{"type":"number"}},
    "required": ["yellowBelow","redBelow"],
    "description": "Below which share of the time-proportional expectation a light turns yellow, and red."
  },
  "ProgressView": {
    "type": "object",
    "properties": {
      "campaignId": {"type":"string"},
      "campaignName": {"type":"string"},
      "asOf": {"type":"string","description":"A calendar date (YYYY-MM-DD)."},
      "period": {
        "type": "object",
        "properties": {"start":{"type":"string"},"end":{"type":"string"}},
        "required": ["start","end"]
      },
      "timeShare": {"type":"number"},
      "thresholds": {"$ref":"#/components/schemas/ProgressThresholds"},
      "scope": {
        "type": "string",
        "enum": ["campaign","own_unit"],
        "description": "`own_unit`: a department officer's answer, with the totals and their own unit's lines only."
      },
      "targets": {"type":"array","items":{"$ref":"#/components/schemas/TargetProgress"}},
      "byInsuranceType": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "insuranceType": {"type":"string","enum":["pension","unemployment","medical","work_injury","maternity"]},
            "light": {"type":"string","enum":["green","yellow","red"]},
            "targets": {"type":"array","items":{"$ref":"#/components/schemas/TargetProgress"}}
          },
          "required": ["insuranceType","light","targets"]
        }
      },
      "districts": {"type":"array","items":{"$ref":"#/components/schemas/UnitProgressView"}},
      "departments": {"type":"array","items":{"$ref":"#/components/schemas/UnitProgressView"}}
    },
    "required": [
      "campaignId",
      "campaignName",
      "asOf",
      "period",
      "timeShare",
      "thresholds",
      "scope",
      "targets",
      "byInsuranceType",
      "districts",
      "departments"
    ]
  },
  "RankingsView": {
    "type": "object",
    "properties": {
      "campaignId": {"type":"string"},
      "campaignName": {"type":"string"},
      "asOf": {"type":"string"},
      "timeShare": {"type":"number"},
      "kind": {"type":"string","enum":["department","district"]},
      "scope": {"type":"string","enum":["campaign","own_unit"]},
      "rankings": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "unitId": {"type":"string"},
            "unitKind": {"type":"string","enum":["department","district"]},
            "code": {"type":"string"},
            "name": {"type":"string"},
            "reported": {
              "type": "boolean",
              "description": "Whether the unit has a counted report as of the day (a returned one does not count)."
            },
            "hasFiled": {
              "type": "boolean",
              "description": "Whether it filed any report by the day, counted or not: `hasFiled` without `reported` = all it filed was returned."
            },
            "latestReport": {
              "nullable": true,
              "allOf": [{"$ref":"#/components/schemas/LatestReportRef"}],
              "description": "The report its figures come from: the latest counted one as of the day."
            },
            "attainment": {"type":"number","nullable":true},
            "light": {"type":"string","enum":["green","yellow","red"],"nullable":true},
            "rank": {"type":"number","nullable":true}
          },
          "required": ["unitId","unitKind","code","name","reported","hasFiled","latestReport","attainment","light","rank"]
        }
      }
    },
    "required": ["campaignId","campaignName","asOf","timeShare","kind","scope","rankings"]
  },
  "UnitProgressView": {
    "type": "object",
    "properties": {
      "unitId": {"type":"string"},
      "unitKind": {"type":"string","enum":["department","district"]},
      "code": {"type":"string"},
      "name": {"type":"string"},
      "reported": {
        "type": "boolean",
        "description": "Whether the unit has a counted report as of the day (a returned one does not count)."
      },
      "hasFiled": {
        "type": "boolean",
        "description": "Whether it filed any report by the day, counted or not: `hasFiled` without `reported` = all it filed was returned."
      },
      "latestReport": {
        "nullable": true,
        "allOf": [{"$ref":"#/components/schemas/LatestReportRef"}],
        "description": "The report its figures come from: the latest counted one as of the day."
      },
      "attainment": {"type":"number","nullable":true},
      "light": {"type":"string","enum":["green","yellow","red"],"nullable":true},
      "rank": {"type":"number","nullable":true},
      "targets": {"type":"array","items":{"$ref":"#/components/schemas/UnitTargetProgress"}}
    },
    "required": [
      "unitId",
      "unitKind",
      "code",
      "name",
      "reported",
      "hasFiled",
      "latestReport",
      "attainment",
      "light",
      "rank",
      "targets"
    ]
  }
};

export const progressAnswers: OpenApiAnswers = {
  "ProgressController_dashboard": {
    "statuses": [200],
    "schema": {"$ref":"#/components/schemas/ProgressView"},
    "file": true,
    "produces": ["application/json","text/csv","application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]
  },
  "ProgressController_rankings": {
    "statuses": [200],
    "schema": {"$ref":"#/components/schemas/RankingsView"},
    "file": true,
    "produces": ["application/json","text/csv","application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]
  },
  "ProgressController_history": {
    "statuses": [200],
    "schema": {"$ref":"#/components/schemas/HistoryView"},
    "file": true,
    "produces": ["application/json","text/csv","application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]
  }
};
