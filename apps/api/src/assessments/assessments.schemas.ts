// Written by scripts/generate-openapi-schemas.ts (npm run openapi:schemas) from the types the
// controllers return; do not edit by hand: change the view type and run it again.
import type { OpenApiAnswers, OpenApiSchemas } from '../common/openapi-types';

export const assessmentsSchemas: OpenApiSchemas = {
  "AssessmentRulesView": {
    "type": "object",
    "properties": {
      "campaignId": {"type":"string"},
      "rules": {"$ref":"#/components/schemas/AssessmentRules"},
      "isDefault": {"type":"boolean"}
    },
    "required": ["campaignId","rules","isDefault"],
    "description": "GET/PUT /campaigns/:id/assessment-rules: the rules, or the defaults when none were set."
  },
  "AssessmentUnit": {
    "type": "object",
    "properties": {
      "unitId": {"type":"string"},
      "unitKind": {"type":"string","enum":["department","district"]},
      "unitCode": {"type":"string"},
      "unitName": {"type":"string"},
      "scorecard": {"$ref":"#/components/schemas/Scorecard"},
      "proposedOutcomes": {"$ref":"#/components/schemas/AssessmentOutcomes"},
      "outcomes": {"$ref":"#/components/schemas/AssessmentOutcomes"},
      "subsidyBaseYuan": {"type":"number","nullable":true,"description":"Yuan to the fen; null: the unit has no subsidy base."},
      "subsidyAdjustmentYuan": {"type":"number","nullable":true},
      "reviewedBy": {"type":"string","nullable":true},
      "reviewedByUsername": {"type":"string","nullable":true},
      "reviewedAt": {"type":"string","format":"date-time","nullable":true},
      "reviewReason": {"type":"string","nullable":true}
    },
    "required": [
      "unitId",
      "unitKind",
      "unitCode",
      "unitName",
      "scorecard",
      "proposedOutcomes",
      "outcomes",
      "subsidyBaseYuan",
      "subsidyAdjustmentYuan",
      "reviewedBy",
      "reviewedByUsername",
      "reviewedAt",
      "reviewReason"
    ],
    "description": "One district's or member department's scorecard, the outcomes proposed and those the office set."
  },
  "AssessmentView": {
    "type": "object",
    "properties": {
      "id": {"type":"string"},
      "campaignId": {"type":"string"},
      "campaignName": {"type":"string"},
      "status": {"type":"string","enum":["draft","finalised"]},
      "rules": {"$ref":"#/components/schemas/AssessmentRules"},
      "asOf": {"type":"string","description":"The day the record is read for (YYYY-MM-DD, Beijing)."},
      "computedAt": {"type":"string","format":"date-time"},
      "createdBy": {"type":"string"},
      "createdAt": {"type":"string","format":"date-time"},
      "finalisedBy": {"type":"string","nullable":true},
      "finalisedByUsername": {"type":"string","nullable":true},
      "finalisedAt": {"type":"string","format":"date-time","nullable":true},
      "finaliseReason": {"type":"string","nullable":true},
      "workflowId": {"type":"string"},
      "units": {"type":"array","items":{"$ref":"#/components/schemas/AssessmentUnit"}}
    },
    "required": [
      "id",
      "campaignId",
      "campaignName",
      "status",
      "rules",
      "asOf",
      "computedAt",
      "createdBy",
      "createdAt",
      "finalisedBy",
      "finalisedByUsername",
      "finalisedAt",
      "finaliseReason",
      "workflowId",
      "units"
    ],
    "description": "A campaign's assessment: every unit for the office and viewers, an officer's own unit's row."
  }
};

export const assessmentsAnswers: OpenApiAnswers = {
  "AssessmentsController_rules": {"statuses":[200],"schema":{"$ref":"#/components/schemas/AssessmentRulesView"}},
  "AssessmentsController_setRules": {"statuses":[200],"schema":{"$ref":"#/components/schemas/AssessmentRulesView"}},
  "AssessmentsController_start": {"statuses":[200,201],"schema":{"$ref":"#/components/schemas/AssessmentView"}},
  "AssessmentsController_ofCampaign": {
    "statuses": [200],
    "schema": {"$ref":"#/components/schemas/AssessmentView"},
    "file": true,
    "produces": ["application/json","text/csv","application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]
  },
  "AssessmentsController_get": {
    "statuses": [200],
    "schema": {"$ref":"#/components/schemas/AssessmentView"},
    "file": true,
    "produces": ["application/json","text/csv","application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]
  },
  "AssessmentsController_review": {"statuses":[200],"schema":{"$ref":"#/components/schemas/AssessmentView"}},
  "AssessmentsController_finalise": {"statuses":[200],"schema":{"$ref":"#/components/schemas/AssessmentView"}}
};
