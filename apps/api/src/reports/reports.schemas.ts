// Written by scripts/generate-openapi-schemas.ts (npm run openapi:schemas) from the types the
// controllers return; do not edit by hand: change the view type and run it again.
import type { OpenApiAnswers, OpenApiSchemas } from '../common/openapi-types';

export const reportsSchemas: OpenApiSchemas = {
  "FlaggedFiling": {
    "type": "object",
    "properties": {
      "roundKey": {"type":"string"},
      "unitId": {"type":"string"},
      "unitName": {"type":"string"},
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
      "filedAt": {"type":"string","format":"date-time"}
    },
    "required": [
      "roundKey",
      "unitId",
      "unitName",
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
      "filedAt"
    ],
    "description": "A filing whose figures disagree with the resource library."
  },
  "ReportDetail": {
    "type": "object",
    "properties": {
      "filings": {"type":"array","items":{"$ref":"#/components/schemas/ReportFiling"}},
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
    ],
    "description": "GET /reports/:id and the answer to a filing."
  },
  "ReportFiling": {
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
      "filedAt": {"type":"string","format":"date-time"}
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
      "filedAt"
    ],
    "description": "One version of a report as filed."
  },
  "ReportFlagsView": {
    "type": "object",
    "properties": {
      "campaignId": {"type":"string"},
      "items": {"type":"array","items":{"$ref":"#/components/schemas/FlaggedFiling"}}
    },
    "required": ["campaignId","items"],
    "description": "GET /campaigns/:id/report-flags."
  },
  "ReportList": {
    "type": "object",
    "properties": {
      "total": {"type":"number"},
      "page": {"type":"number"},
      "pageSize": {"type":"number"},
      "items": {"type":"array","items":{"$ref":"#/components/schemas/ReportSummary"}}
    },
    "required": ["total","page","pageSize","items"],
    "description": "GET /reports."
  },
  "ReportPlanView": {
    "type": "object",
    "properties": {
      "campaignId": {"type":"string"},
      "plan": {"$ref":"#/components/schemas/ReportPlan"},
      "isDefault": {"type":"boolean"}
    },
    "required": ["campaignId","plan","isDefault"],
    "description": "GET/PUT /campaigns/:id/report-plan: the plan, or the default one when none was set."
  },
  "ReportRoundsView": {
    "type": "object",
    "properties": {
      "campaignId": {"type":"string"},
      "items": {
        "type": "array",
        "items": {"$ref":"#/components/schemas/ReportRoundView"},
        "description": "Rounds opened, with their reports' counts."
      },
      "upcoming": {
        "type": "array",
        "items": {"$ref":"#/components/schemas/UpcomingReportRoundView"},
        "description": "With `include=upcoming`: the rounds still to open, in the order they will open (plan and calendar as they stand now)."
      }
    },
    "required": ["campaignId","items"],
    "description": "GET /campaigns/:id/report-rounds."
  },
  "ReportRoundView": {
    "type": "object",
    "properties": {
      "id": {"type":"string"},
      "kind": {"type":"string","enum":["quarterly","ten_day","monthly","year_end"]},
      "roundKey": {"type":"string"},
      "periodStart": {"type":"string"},
      "periodEnd": {"type":"string"},
      "dueDate": {"type":"string"},
      "dueAt": {"type":"string","format":"date-time"},
      "openedAt": {"type":"string","format":"date-time"},
      "reportCount": {"type":"number"},
      "filed": {"type":"number"},
      "accepted": {"type":"number"},
      "late": {"type":"number"}
    },
    "required": [
      "id",
      "kind",
      "roundKey",
      "periodStart",
      "periodEnd",
      "dueDate",
      "dueAt",
      "openedAt",
      "reportCount",
      "filed",
      "accepted",
      "late"
    ],
    "description": "A round the reporting workflow opened, with its reports' counts."
  },
  "ReportSummary": {
    "type": "object",
    "properties": {
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
    ],
    "description": "A report a unit owes for a round."
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
  "ReportsController_plan": {"statuses":[200],"schema":{"$ref":"#/components/schemas/ReportPlanView"}},
  "ReportsController_setPlan": {"statuses":[200],"schema":{"$ref":"#/components/schemas/ReportPlanView"}},
  "ReportsController_rounds": {
    "statuses": [200],
    "schema": {"$ref":"#/components/schemas/ReportRoundsView"},
    "file": true,
    "produces": ["application/json","text/csv","application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]
  },
  "ReportsController_flags": {
    "statuses": [200],
    "schema": {"$ref":"#/components/schemas/ReportFlagsView"},
    "file": true,
    "produces": ["application/json","text/csv","application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]
  },
  "ReportsController_list": {
    "statuses": [200],
    "schema": {"$ref":"#/components/schemas/ReportList"},
    "file": true,
    "produces": ["application/json","text/csv","application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]
  },
  "ReportsController_get": {"statuses":[200],"schema":{"$ref":"#/components/schemas/ReportDetail"}},
  "ReportsController_file": {"statuses":[201],"schema":{"$ref":"#/components/schemas/ReportDetail"}}
};
