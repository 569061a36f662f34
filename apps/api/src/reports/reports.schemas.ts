// Written by scripts/generate-openapi-schemas.ts (npm run openapi:schemas) from the types the
// controllers return; do not edit by hand: change the view type and run it again.
import type { OpenApiAnswers, OpenApiSchemas } from '../common/openapi-types';

export const reportsSchemas: OpenApiSchemas = {
  "ReportRoundsView": {
    "type": "object",
    "properties": {
      "campaignId": {"type":"string"},
      "items": {
        "type": "array",
        "items": {"$ref":"#/components/schemas/ReportRoundRow"},
        "description": "Rounds opened, with their reports' counts."
      },
      "upcoming": {
        "type": "array",
        "items": {"$ref":"#/components/schemas/UpcomingReportRoundView"},
        "description": "With `include=upcoming`: the rounds still to open, in the order they will open (plan and calendar as they stand now)."
      }
    },
    "required": ["campaignId","items"]
  },
  "UpcomingReportRoundView": {
    "type": "object",
    "properties": {
      "kind": {"type":"string","enum":["quarterly","ten_day","monthly","year_end"]},
      "roundKey": {"type":"string"},
      "name": {"type":"string","description":"2026年6月中旬, 2026年第二季度: as the duty's title will name it."},
      "periodStart": {"type":"string"},
      "periodEnd": {"type":"string"},
      "dueDate": {"type":"string"},
      "dueAt": {"type":"string","format":"date-time"},
      "opensAt": {"type":"string","format":"date-time"},
      "owedBy": {"type":"array","items":{"type":"string","enum":["department","district"]}}
    },
    "required": ["kind","roundKey","name","periodStart","periodEnd","dueDate","dueAt","opensAt","owedBy"],
    "description": "A round the reporting workflow has not opened yet: what it will cover, when it opens and when it is due."
  }
};

export const reportsAnswers: OpenApiAnswers = {
  "ReportsController_plan": {
    "statuses": [200],
    "schema": {
      "type": "object",
      "properties": {
        "campaignId": {"type":"string"},
        "plan": {"$ref":"#/components/schemas/ReportPlan"},
        "isDefault": {"type":"boolean"}
      },
      "required": ["campaignId","plan","isDefault"]
    }
  },
  "ReportsController_setPlan": {
    "statuses": [200],
    "schema": {
      "type": "object",
      "properties": {
        "campaignId": {"type":"string"},
        "plan": {"$ref":"#/components/schemas/ReportPlan"},
        "isDefault": {"type":"boolean"}
      },
      "required": ["campaignId","plan","isDefault"]
    }
  },
  "ReportsController_rounds": {
    "statuses": [200],
    "schema": {"$ref":"#/components/schemas/ReportRoundsView"},
    "file": true,
    "produces": ["application/json","text/csv","application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]
  },
  "ReportsController_flags": {
    "statuses": [200],
    "schema": {
      "type": "object",
      "properties": {
        "campaignId": {"type":"string"},
        "items": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "id": {"type":"string"},
              "reportId": {"type":"string"},
              "version": {"type":"number"},
              "figures": {"$ref":"#/components/schemas/ReportFigures"},
              "problems": {"type":"string"},
              "proposals": {"type":"string"},
              "correctionNote": {"type":"string","nullable":true},
              "flags": {"type":"array","items":{"$ref":"#/components/schemas/ReportFlag"}},
              "filedBy": {"type":"string"},
              "filedByUsername": {"type":"string"},
              "filedAt": {"type":"string","format":"date-time"},
              "roundKey": {"type":"string"},
              "unitId": {"type":"string"},
              "unitName": {"type":"string"}
            },
            "required": [
              "id",
              "reportId",
              "version",
              "figures",
              "problems",
              "proposals",
              "correctionNote",
              "flags",
              "filedBy",
              "filedByUsername",
              "filedAt",
              "roundKey",
              "unitId",
              "unitName"
            ]
          }
        }
      },
      "required": ["campaignId","items"]
    },
    "file": true,
    "produces": ["application/json","text/csv","application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]
  },
  "ReportsController_list": {
    "statuses": [200],
    "schema": {
      "type": "object",
      "properties": {
        "total": {"type":"number"},
        "page": {"type":"number"},
        "pageSize": {"type":"number"},
        "items": {"type":"array","items":{"$ref":"#/components/schemas/ReportRow"}}
      },
      "required": ["total","page","pageSize","items"]
    },
    "file": true,
    "produces": ["application/json","text/csv","application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]
  },
  "ReportsController_get": {
    "statuses": [200],
    "schema": {
      "type": "object",
      "properties": {
        "filings": {"type":"array","items":{"$ref":"#/components/schemas/ReportFilingRow"}},
        "id": {"type":"string"},
        "campaignId": {"type":"string"},
        "campaignName": {"type":"string"},
        "roundId": {"type":"string"},
        "roundKey": {"type":"string"},
        "kind": {"type":"string","enum":["quarterly","ten_day","monthly","year_end"]},
        "periodStart": {"type":"string"},
        "periodEnd": {"type":"string"},
        "dueAt": {"type":"string","format":"date-time"},
        "unitId": {"type":"string"},
        "unitKind": {"type":"string","enum":["department","district"]},
        "unitName": {"type":"string"},
        "dutyId": {"type":"string"},
        "dutyState": {
          "type": "string",
          "enum": ["assigned","acknowledged","in_progress","submitted","returned","accepted","cancelled"]
        },
        "firstFiledAt": {"type":"string","format":"date-time","nullable":true},
        "latestVersion": {"type":"number","nullable":true},
        "flagged": {"type":"boolean"}
      },
      "required": [
        "filings",
        "id",
        "campaignId",
        "campaignName",
        "roundId",
        "roundKey",
        "kind",
        "periodStart",
        "periodEnd",
        "dueAt",
        "unitId",
        "unitKind",
        "unitName",
        "dutyId",
        "dutyState",
        "firstFiledAt",
        "latestVersion",
        "flagged"
      ]
    }
  },
  "ReportsController_file": {
    "statuses": [201],
    "schema": {
      "type": "object",
      "properties": {
        "filings": {"type":"array","items":{"$ref":"#/components/schemas/ReportFilingRow"}},
        "id": {"type":"string"},
        "campaignId": {"type":"string"},
        "campaignName": {"type":"string"},
        "roundId": {"type":"string"},
        "roundKey": {"type":"string"},
        "kind": {"type":"string","enum":["quarterly","ten_day","monthly","year_end"]},
        "periodStart": {"type":"string"},
        "periodEnd": {"type":"string"},
        "dueAt": {"type":"string","format":"date-time"},
        "unitId": {"type":"string"},
        "unitKind": {"type":"string","enum":["department","district"]},
        "unitName": {"type":"string"},
        "dutyId": {"type":"string"},
        "dutyState": {
          "type": "string",
          "enum": ["assigned","acknowledged","in_progress","submitted","returned","accepted","cancelled"]
        },
        "firstFiledAt": {"type":"string","format":"date-time","nullable":true},
        "latestVersion": {"type":"number","nullable":true},
        "flagged": {"type":"boolean"}
      },
      "required": [
        "filings",
        "id",
        "campaignId",
        "campaignName",
        "roundId",
        "roundKey",
        "kind",
        "periodStart",
        "periodEnd",
        "dueAt",
        "unitId",
        "unitKind",
        "unitName",
        "dutyId",
        "dutyState",
        "firstFiledAt",
        "latestVersion",
        "flagged"
      ]
    }
  }
};
