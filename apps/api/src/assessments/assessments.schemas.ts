// Written by scripts/generate-openapi-schemas.ts (npm run openapi:schemas) from the types the
// controllers return; do not edit by hand: change the view type and run it again.
import type { OpenApiAnswers, OpenApiSchemas } from '../common/openapi-types';

export const assessmentsSchemas: OpenApiSchemas = {
  "AssessmentView": {
    "type": "object",
    "properties": {
      "campaignName": {"type":"string"},
      "createdBy": {"type":"string"},
      "units": {"type":"array","items":{"$ref":"#/components/schemas/AssessmentScoreRow"}},
      "id": {"type":"string"},
      "campaignId": {"type":"string"},
      "status": {"type":"string","enum":["draft","finalised"]},
      "rules": {"$ref":"#/components/schemas/AssessmentRules"},
      "asOf": {"type":"string"},
      "computedAt": {"type":"string","format":"date-time"},
      "createdAt": {"type":"string","format":"date-time"},
      "finalisedBy": {"type":"string","nullable":true},
      "finalisedByUsername": {"type":"string","nullable":true},
      "finalisedAt": {"type":"string","format":"date-time","nullable":true},
      "finaliseReason": {"type":"string","nullable":true},
      "workflowId": {"type":"string"}
    },
    "required": [
      "campaignName",
      "createdBy",
      "units",
      "id",
      "campaignId",
      "status",
      "rules",
      "asOf",
      "computedAt",
      "createdAt",
      "finalisedBy",
      "finalisedByUsername",
      "finalisedAt",
      "finaliseReason",
      "workflowId"
    ]
  }
};

export const assessmentsAnswers: OpenApiAnswers = {
  "AssessmentsController_rules": {
    "statuses": [200],
    "schema": {
      "type": "object",
      "properties": {
        "campaignId": {"type":"string"},
        "rules": {"$ref":"#/components/schemas/AssessmentRules"},
        "isDefault": {"type":"boolean"}
      },
      "required": ["campaignId","rules","isDefault"]
    }
  },
  "AssessmentsController_setRules": {
    "statuses": [200],
    "schema": {
      "type": "object",
      "properties": {
        "campaignId": {"type":"string"},
        "rules": {"$ref":"#/components/schemas/AssessmentRules"},
        "isDefault": {"type":"boolean"}
      },
      "required": ["campaignId","rules","isDefault"]
    }
  },
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
