// Written by scripts/generate-openapi-schemas.ts (npm run openapi:schemas) from the types the
// controllers return; do not edit by hand: change the view type and run it again.
import type { OpenApiAnswers, OpenApiSchemas } from '../common/openapi-types';

export const complianceSchemas: OpenApiSchemas = {
  "ComplianceCaseLiveStateView": {
    "type": "object",
    "properties": {
      "state": {"type":"string","enum":["closed","identified","notified","escalated"]},
      "inspectionTeamId": {"type":"string","nullable":true},
      "stepsTaken": {
        "type": "array",
        "items": {"type":"string","enum":["exposure","inspection","bidding_ban","court_referral"]}
      },
      "exposure": {"type":"string","enum":["withdrawn","proposed","approved","rejected","none"]},
      "dutyIds": {"type":"array","items":{"type":"string"}},
      "caseId": {"type":"string"},
      "outcome": {"type":"string","enum":["rectified","dismissed"],"nullable":true},
      "lastSeq": {"type":"number"},
      "noticeDeadline": {"type":"string","format":"date-time","nullable":true},
      "nextStep": {
        "type": "object",
        "properties": {
          "step": {"type":"string","enum":["exposure","inspection","bidding_ban","court_referral"]},
          "dueAt": {"type":"string","format":"date-time"}
        },
        "required": ["step","dueAt"],
        "nullable": true
      }
    },
    "required": [
      "state",
      "inspectionTeamId",
      "stepsTaken",
      "exposure",
      "dutyIds",
      "caseId",
      "outcome",
      "lastSeq",
      "noticeDeadline",
      "nextStep"
    ],
    "description": "The case workflow's live state (ComplianceCaseLiveState), its instants as ISO text."
  },
  "StatusCounts": {
    "type": "object",
    "properties": {
      "rectified": {"type":"number"},
      "no_findings": {"type":"number"},
      "identified": {"type":"number"},
      "notified": {"type":"number"},
      "escalated": {"type":"number"},
      "dismissed": {"type":"number"}
    },
    "required": ["rectified","no_findings","identified","notified","escalated","dismissed"]
  }
};

export const complianceAnswers: OpenApiAnswers = {
  "ComplianceEvidenceController_upload": {
    "statuses": [200,201],
    "schema": {
      "type": "object",
      "properties": {
        "downloadPath": {"type":"string"},
        "id": {"type":"string"},
        "caseId": {"type":"string"},
        "sha256": {"type":"string"},
        "sizeBytes": {"type":"number"},
        "kind": {"type":"string","enum":["csv","xlsx","pdf","png","jpeg","docx","doc","xls","txt"]},
        "contentType": {"type":"string"},
        "fileName": {"type":"string"},
        "uploadedBy": {"type":"string"},
        "uploaderUsername": {"type":"string"},
        "uploaderRole": {"type":"string"},
        "uploaderDepartmentId": {"type":"string","nullable":true},
        "uploadedAt": {"type":"string","format":"date-time"}
      },
      "required": [
        "downloadPath",
        "id",
        "caseId",
        "sha256",
        "sizeBytes",
        "kind",
        "contentType",
        "fileName",
        "uploadedBy",
        "uploaderUsername",
        "uploaderRole",
        "uploaderDepartmentId",
        "uploadedAt"
      ]
    }
  },
  "ComplianceEvidenceController_list": {
    "statuses": [200],
    "schema": {
      "type": "array",
      "items": {
        "type": "object",
        "properties": {
          "downloadPath": {"type":"string"},
          "id": {"type":"string"},
          "caseId": {"type":"string"},
          "sha256": {"type":"string"},
          "sizeBytes": {"type":"number"},
          "kind": {"type":"string","enum":["csv","xlsx","pdf","png","jpeg","docx","doc","xls","txt"]},
          "contentType": {"type":"string"},
          "fileName": {"type":"string"},
          "uploadedBy": {"type":"string"},
          "uploaderUsername": {"type":"string"},
          "uploaderRole": {"type":"string"},
          "uploaderDepartmentId": {"type":"string","nullable":true},
          "uploadedAt": {"type":"string","format":"date-time"}
        },
        "required": [
          "downloadPath",
          "id",
          "caseId",
          "sha256",
          "sizeBytes",
          "kind",
          "contentType",
          "fileName",
          "uploadedBy",
          "uploaderUsername",
          "uploaderRole",
          "uploaderDepartmentId",
          "uploadedAt"
        ]
      }
    }
  },
  "ComplianceEvidenceController_download": {"statuses":[200],"file":true},
  "ComplianceViewsController_exposureList": {
    "statuses": [200],
    "schema": {"type":"array","items":{"$ref":"#/components/schemas/ExposureListRow"}},
    "file": true,
    "text": true,
    "produces": [
      "application/json",
      "text/csv",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "text/html"
    ]
  },
  "ComplianceViewsController_exposureProposals": {
    "statuses": [200],
    "schema": {
      "type": "object",
      "properties": {
        "limit": {"type":"number"},
        "offset": {"type":"number"},
        "items": {"type":"array","items":{"$ref":"#/components/schemas/ExposureProposalRow"}},
        "total": {"type":"number"},
        "countsByStatus": {
          "type": "object",
          "properties": {
            "withdrawn": {"type":"number"},
            "proposed": {"type":"number"},
            "approved": {"type":"number"},
            "rejected": {"type":"number"}
          },
          "required": ["withdrawn","proposed","approved","rejected"]
        }
      },
      "required": ["limit","offset","items","total","countsByStatus"]
    }
  },
  "ComplianceViewsController_unitsOverview": {
    "statuses": [200],
    "schema": {
      "type": "object",
      "properties": {
        "groupBy": {"type":"string","enum":["district","sector"]},
        "scoped": {"type":"boolean"},
        "groups": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {
              "groupKey": {"type":"string","nullable":true},
              "groupName": {"type":"string","nullable":true},
              "total": {"type":"number"},
              "byStatus": {"$ref":"#/components/schemas/StatusCounts"}
            },
            "required": ["groupKey","groupName","total","byStatus"]
          }
        },
        "totals": {
          "type": "object",
          "properties": {"units":{"type":"number"},"byStatus":{"$ref":"#/components/schemas/StatusCounts"}},
          "required": ["units","byStatus"]
        }
      },
      "required": ["groupBy","scoped","groups","totals"]
    },
    "file": true,
    "produces": ["application/json","text/csv","application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]
  },
  "ComplianceViewsController_casesOverview": {
    "statuses": [200],
    "schema": {
      "type": "object",
      "properties": {
        "stages": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {"finding":{"type":"string"},"stage":{"type":"string"},"cases":{"type":"number"}},
            "required": ["finding","stage","cases"]
          }
        },
        "steps": {
          "type": "array",
          "items": {
            "type": "object",
            "properties": {"step":{"type":"string"},"status":{"type":"string"},"cases":{"type":"number"}},
            "required": ["step","status","cases"]
          }
        },
        "total": {"type":"number"}
      },
      "required": ["stages","steps","total"]
    },
    "file": true,
    "produces": ["application/json","text/csv","application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]
  },
  "ComplianceController_startRun": {"statuses":[202],"schema":{"$ref":"#/components/schemas/ComplianceRunRow"}},
  "ComplianceController_run": {"statuses":[200],"schema":{"$ref":"#/components/schemas/ComplianceRunRow"}},
  "ComplianceController_list": {
    "statuses": [200],
    "schema": {
      "type": "object",
      "properties": {
        "items": {"type":"array","items":{"$ref":"#/components/schemas/ComplianceCaseRow"}},
        "total": {"type":"number"}
      },
      "required": ["items","total"]
    },
    "file": true,
    "produces": ["application/json","text/csv","application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]
  },
  "ComplianceController_get": {
    "statuses": [200],
    "schema": {
      "type": "object",
      "properties": {
        "transitions": {"type":"array","items":{"$ref":"#/components/schemas/CaseTransitionRow"}},
        "steps": {"type":"array","items":{"$ref":"#/components/schemas/CaseStepRow"}},
        "noticeOpenings": {"type":"array","items":{"$ref":"#/components/schemas/NoticeOpeningRow"}},
        "workflow": {"nullable":true,"allOf":[{"$ref":"#/components/schemas/ComplianceCaseLiveStateView"}]},
        "id": {"type":"string"},
        "creditCode": {"type":"string"},
        "unitName": {"type":"string","nullable":true},
        "contactEmail": {"type":"string","nullable":true},
        "finding": {"type":"string","enum":["not_registered","under_insured","in_arrears"]},
        "evidenceOfFinding": {"type":"object","additionalProperties":{}},
        "campaignId": {"type":"string"},
        "runId": {"type":"string"},
        "departmentId": {"type":"string"},
        "departmentName": {"type":"string"},
        "routeKind": {"type":"string"},
        "routeKey": {"type":"string"},
        "sectorKey": {"type":"string","nullable":true},
        "districtId": {"type":"string","nullable":true},
        "districtName": {"type":"string","nullable":true},
        "state": {"type":"string","enum":["closed","identified","notified","escalated"]},
        "outcome": {"type":"string","enum":["rectified","dismissed"],"nullable":true},
        "noticeNumber": {"type":"string","nullable":true},
        "noticeIssuedAt": {"type":"string","format":"date-time","nullable":true},
        "noticeDeadline": {"type":"string","format":"date-time","nullable":true},
        "lastSeq": {"type":"number"},
        "inspectionTeamId": {"type":"string","nullable":true},
        "inspectionCaseId": {"type":"string","nullable":true},
        "exposureStatus": {"type":"string","nullable":true},
        "exposureProposalId": {"type":"string","nullable":true},
        "createdAt": {"type":"string","format":"date-time"},
        "updatedAt": {"type":"string","format":"date-time"},
        "closedAt": {"type":"string","format":"date-time","nullable":true}
      },
      "required": [
        "transitions",
        "steps",
        "noticeOpenings",
        "workflow",
        "id",
        "creditCode",
        "unitName",
        "contactEmail",
        "finding",
        "evidenceOfFinding",
        "campaignId",
        "runId",
        "departmentId",
        "departmentName",
        "routeKind",
        "routeKey",
        "sectorKey",
        "districtId",
        "districtName",
        "state",
        "outcome",
        "noticeNumber",
        "noticeIssuedAt",
        "noticeDeadline",
        "lastSeq",
        "inspectionTeamId",
        "inspectionCaseId",
        "exposureStatus",
        "exposureProposalId",
        "createdAt",
        "updatedAt",
        "closedAt"
      ]
    }
  },
  "ComplianceController_act": {
    "statuses": [200],
    "schema": {
      "type": "object",
      "properties": {
        "transitions": {"type":"array","items":{"$ref":"#/components/schemas/CaseTransitionRow"}},
        "steps": {"type":"array","items":{"$ref":"#/components/schemas/CaseStepRow"}},
        "noticeOpenings": {"type":"array","items":{"$ref":"#/components/schemas/NoticeOpeningRow"}},
        "workflow": {"nullable":true,"allOf":[{"$ref":"#/components/schemas/ComplianceCaseLiveStateView"}]},
        "id": {"type":"string"},
        "creditCode": {"type":"string"},
        "unitName": {"type":"string","nullable":true},
        "contactEmail": {"type":"string","nullable":true},
        "finding": {"type":"string","enum":["not_registered","under_insured","in_arrears"]},
        "evidenceOfFinding": {"type":"object","additionalProperties":{}},
        "campaignId": {"type":"string"},
        "runId": {"type":"string"},
        "departmentId": {"type":"string"},
        "departmentName": {"type":"string"},
        "routeKind": {"type":"string"},
        "routeKey": {"type":"string"},
        "sectorKey": {"type":"string","nullable":true},
        "districtId": {"type":"string","nullable":true},
        "districtName": {"type":"string","nullable":true},
        "state": {"type":"string","enum":["closed","identified","notified","escalated"]},
        "outcome": {"type":"string","enum":["rectified","dismissed"],"nullable":true},
        "noticeNumber": {"type":"string","nullable":true},
        "noticeIssuedAt": {"type":"string","format":"date-time","nullable":true},
        "noticeDeadline": {"type":"string","format":"date-time","nullable":true},
        "lastSeq": {"type":"number"},
        "inspectionTeamId": {"type":"string","nullable":true},
        "inspectionCaseId": {"type":"string","nullable":true},
        "exposureStatus": {"type":"string","nullable":true},
        "exposureProposalId": {"type":"string","nullable":true},
        "createdAt": {"type":"string","format":"date-time"},
        "updatedAt": {"type":"string","format":"date-time"},
        "closedAt": {"type":"string","format":"date-time","nullable":true}
      },
      "required": [
        "transitions",
        "steps",
        "noticeOpenings",
        "workflow",
        "id",
        "creditCode",
        "unitName",
        "contactEmail",
        "finding",
        "evidenceOfFinding",
        "campaignId",
        "runId",
        "departmentId",
        "departmentName",
        "routeKind",
        "routeKey",
        "sectorKey",
        "districtId",
        "districtName",
        "state",
        "outcome",
        "noticeNumber",
        "noticeIssuedAt",
        "noticeDeadline",
        "lastSeq",
        "inspectionTeamId",
        "inspectionCaseId",
        "exposureStatus",
        "exposureProposalId",
        "createdAt",
        "updatedAt",
        "closedAt"
      ]
    }
  },
  "ComplianceController_notice": {"statuses":[200],"text":true,"produces":["text/html"]},
  "ComplianceController_decideExposure": {
    "statuses": [200],
    "schema": {
      "type": "object",
      "properties": {
        "proposalId": {"type":"string"},
        "caseId": {"type":"string"},
        "exposure": {"type":"string","enum":["withdrawn","proposed","approved","rejected","none"]},
        "dutyIds": {"type":"array","items":{"type":"string"}}
      },
      "required": ["proposalId","caseId","exposure","dutyIds"]
    }
  },
  "NoticeLinksController_open": {"statuses":[200],"text":true,"produces":["text/html"]}
};
