// Written by scripts/generate-openapi-schemas.ts (npm run openapi:schemas) from the types the
// controllers return; do not edit by hand: change the view type and run it again.
import type { OpenApiAnswers, OpenApiSchemas } from '../common/openapi-types';

export const complianceSchemas: OpenApiSchemas = {
  "CaseEvidence": {
    "type": "object",
    "properties": {
      "id": {"type":"string"},
      "caseId": {"type":"string"},
      "sha256": {"type":"string"},
      "sizeBytes": {"type":"number"},
      "kind": {"type":"string","enum":["pdf","png","jpeg","docx","xlsx","doc","xls","txt","csv"]},
      "contentType": {"type":"string"},
      "fileName": {"type":"string"},
      "uploadedBy": {"type":"string"},
      "uploaderUsername": {"type":"string"},
      "uploaderRole": {"type":"string"},
      "uploaderDepartmentId": {"type":"string","nullable":true},
      "uploadedAt": {"type":"string","format":"date-time"},
      "downloadPath": {"type":"string"}
    },
    "required": [
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
      "uploadedAt",
      "downloadPath"
    ],
    "description": "A file of a case: what shows the unit registered or paid, what an inspection found."
  },
  "CasesOverview": {
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
    "required": ["stages","steps","total"],
    "description": "GET /compliance/overview/cases: cases by stage (finding × state, closed by outcome) and escalation steps by status."
  },
  "CaseStep": {
    "type": "object",
    "properties": {
      "step": {"type":"string","enum":["inspection","exposure","bidding_ban","court_referral"]},
      "status": {"type":"string","enum":["cancelled","taken"]},
      "dueAt": {"type":"string","format":"date-time"},
      "takenAt": {"type":"string","format":"date-time","nullable":true},
      "cancelledAt": {"type":"string","format":"date-time","nullable":true},
      "dutyId": {"type":"string","nullable":true},
      "details": {"type":"object","additionalProperties":{}}
    },
    "required": ["step","status","dueAt","takenAt","cancelledAt","dutyId","details"]
  },
  "CaseTransition": {
    "type": "object",
    "properties": {
      "seq": {"type":"number"},
      "action": {"type":"string"},
      "fromState": {"type":"string","enum":["closed","identified","notified","escalated"],"nullable":true},
      "toState": {"type":"string","enum":["closed","identified","notified","escalated"]},
      "actorUserId": {"type":"string"},
      "actorUsername": {"type":"string"},
      "actorRole": {"type":"string"},
      "actorDepartmentId": {"type":"string","nullable":true},
      "reason": {"type":"string","nullable":true},
      "details": {"type":"object","additionalProperties":{}},
      "occurredAt": {"type":"string","format":"date-time"}
    },
    "required": [
      "seq",
      "action",
      "fromState",
      "toState",
      "actorUserId",
      "actorUsername",
      "actorRole",
      "actorDepartmentId",
      "reason",
      "details",
      "occurredAt"
    ]
  },
  "ComplianceCaseDetail": {
    "type": "object",
    "properties": {
      "transitions": {"type":"array","items":{"$ref":"#/components/schemas/CaseTransition"}},
      "steps": {"type":"array","items":{"$ref":"#/components/schemas/CaseStep"}},
      "noticeOpenings": {"type":"array","items":{"$ref":"#/components/schemas/NoticeOpening"}},
      "workflow": {
        "nullable": true,
        "allOf": [{"$ref":"#/components/schemas/ComplianceCaseLiveState"}],
        "description": "null once the case is closed, or for the moment before its workflow starts."
      },
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
      "exposureStatus": {
        "type": "string",
        "enum": ["withdrawn","proposed","approved","rejected"],
        "nullable": true,
        "description": "The exposure proposal's status; null: none was made."
      },
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
    ],
    "description": "GET /compliance-cases/:id, and the answer to an action on it."
  },
  "ComplianceCaseList": {
    "type": "object",
    "properties": {
      "items": {"type":"array","items":{"$ref":"#/components/schemas/ComplianceCaseSummary"}},
      "total": {"type":"number"}
    },
    "required": ["items","total"]
  },
  "ComplianceCaseLiveState": {
    "type": "object",
    "properties": {
      "caseId": {"type":"string"},
      "state": {"type":"string","enum":["closed","identified","notified","escalated"]},
      "outcome": {"type":"string","enum":["rectified","dismissed"],"nullable":true},
      "lastSeq": {"type":"number"},
      "noticeDeadline": {"type":"string","format":"date-time","nullable":true},
      "inspectionTeamId": {"type":"string","nullable":true},
      "stepsTaken": {
        "type": "array",
        "items": {"type":"string","enum":["inspection","exposure","bidding_ban","court_referral"]}
      },
      "nextStep": {
        "type": "object",
        "properties": {
          "step": {"type":"string","enum":["inspection","exposure","bidding_ban","court_referral"]},
          "dueAt": {"type":"string","format":"date-time"}
        },
        "required": ["step","dueAt"],
        "nullable": true,
        "description": "The next escalation step and when it is due, while the case is open."
      },
      "exposure": {"type":"string","enum":["withdrawn","proposed","approved","rejected","none"]},
      "dutyIds": {"type":"array","items":{"type":"string"}}
    },
    "required": [
      "caseId",
      "state",
      "outcome",
      "lastSeq",
      "noticeDeadline",
      "inspectionTeamId",
      "stepsTaken",
      "nextStep",
      "exposure",
      "dutyIds"
    ],
    "description": "The case workflow's live state, its instants as ISO text."
  },
  "ComplianceCaseSummary": {
    "type": "object",
    "properties": {
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
      "exposureStatus": {
        "type": "string",
        "enum": ["withdrawn","proposed","approved","rejected"],
        "nullable": true,
        "description": "The exposure proposal's status; null: none was made."
      },
      "exposureProposalId": {"type":"string","nullable":true},
      "createdAt": {"type":"string","format":"date-time"},
      "updatedAt": {"type":"string","format":"date-time"},
      "closedAt": {"type":"string","format":"date-time","nullable":true}
    },
    "required": [
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
    ],
    "description": "A case in the list (GET /compliance-cases) and in a unit's enforcement history."
  },
  "ComplianceRun": {
    "type": "object",
    "properties": {
      "id": {"type":"string"},
      "campaignId": {"type":"string"},
      "status": {"type":"string","enum":["completed","running","failed"]},
      "requestedBy": {"type":"string"},
      "requesterUsername": {"type":"string"},
      "reason": {"type":"string","nullable":true},
      "requestedAt": {"type":"string","format":"date-time"},
      "finishedAt": {"type":"string","format":"date-time","nullable":true},
      "unitsCompared": {"type":"number","nullable":true},
      "findingsNew": {"type":"number","nullable":true},
      "findingsOpenAlready": {"type":"number","nullable":true}
    },
    "required": [
      "id",
      "campaignId",
      "status",
      "requestedBy",
      "requesterUsername",
      "reason",
      "requestedAt",
      "finishedAt",
      "unitsCompared",
      "findingsNew",
      "findingsOpenAlready"
    ],
    "description": "POST /compliance-runs, GET /compliance-runs/:id."
  },
  "ExposureDecisionAnswer": {
    "type": "object",
    "properties": {
      "proposalId": {"type":"string"},
      "caseId": {"type":"string"},
      "exposure": {"type":"string","enum":["withdrawn","proposed","approved","rejected","none"]},
      "dutyIds": {"type":"array","items":{"type":"string"}}
    },
    "required": ["proposalId","caseId","exposure","dutyIds"],
    "description": "POST /exposure-proposals/:id/decision."
  },
  "ExposureListEntry": {
    "type": "object",
    "properties": {
      "proposalId": {"type":"string"},
      "caseId": {"type":"string"},
      "creditCode": {"type":"string"},
      "unitName": {"type":"string","nullable":true},
      "sectorKey": {"type":"string","nullable":true},
      "districtName": {"type":"string","nullable":true},
      "finding": {"type":"string","enum":["not_registered","under_insured","in_arrears"]},
      "noticeNumber": {"type":"string","nullable":true},
      "noticeDeadline": {"type":"string","format":"date-time","nullable":true},
      "approvedAt": {"type":"string","format":"date-time"},
      "approvedBy": {"type":"string"},
      "mediaDutyId": {"type":"string","nullable":true},
      "mediaDutyState": {"type":"string","nullable":true},
      "listing": {
        "type": "string",
        "enum": ["listed","rectified","withdrawn"],
        "description": "listed: on the public list; rectified or withdrawn: taken off it."
      },
      "delistedAt": {
        "type": "string",
        "format": "date-time",
        "nullable": true,
        "description": "When the unit left the public list, who closed its case and why; null while it is listed."
      },
      "delistedBy": {"type":"string","nullable":true},
      "delistedReason": {"type":"string","nullable":true}
    },
    "required": [
      "proposalId",
      "caseId",
      "creditCode",
      "unitName",
      "sectorKey",
      "districtName",
      "finding",
      "noticeNumber",
      "noticeDeadline",
      "approvedAt",
      "approvedBy",
      "mediaDutyId",
      "mediaDutyState",
      "listing",
      "delistedAt",
      "delistedBy",
      "delistedReason"
    ],
    "description": "GET /exposure-list: a unit the office approved to expose, on the list or (include=delisted) taken off it."
  },
  "ExposureProposal": {
    "type": "object",
    "properties": {
      "id": {"type":"string"},
      "caseId": {"type":"string"},
      "creditCode": {"type":"string"},
      "unitName": {"type":"string","nullable":true},
      "sectorKey": {"type":"string","nullable":true},
      "districtName": {"type":"string","nullable":true},
      "finding": {"type":"string","enum":["not_registered","under_insured","in_arrears"]},
      "caseState": {"type":"string","enum":["closed","identified","notified","escalated"]},
      "departmentName": {"type":"string"},
      "noticeNumber": {"type":"string","nullable":true},
      "noticeDeadline": {"type":"string","format":"date-time","nullable":true},
      "status": {"type":"string","enum":["withdrawn","proposed","approved","rejected"]},
      "proposedAt": {"type":"string","format":"date-time"},
      "decidedAt": {"type":"string","format":"date-time","nullable":true},
      "decidedBy": {"type":"string","nullable":true},
      "deciderUsername": {"type":"string","nullable":true},
      "decisionReason": {"type":"string","nullable":true},
      "mediaDutyId": {"type":"string","nullable":true},
      "mediaDutyState": {"type":"string","nullable":true},
      "approvedAt": {
        "type": "string",
        "format": "date-time",
        "nullable": true,
        "description": "When the office approved it (null: it never did)."
      },
      "withdrawnAt": {
        "type": "string",
        "format": "date-time",
        "nullable": true,
        "description": "Withdrawn (the case closed): when, by whom the case was closed, why."
      },
      "withdrawerUsername": {"type":"string","nullable":true},
      "withdrawalReason": {"type":"string","nullable":true}
    },
    "required": [
      "id",
      "caseId",
      "creditCode",
      "unitName",
      "sectorKey",
      "districtName",
      "finding",
      "caseState",
      "departmentName",
      "noticeNumber",
      "noticeDeadline",
      "status",
      "proposedAt",
      "decidedAt",
      "decidedBy",
      "deciderUsername",
      "decisionReason",
      "mediaDutyId",
      "mediaDutyState",
      "approvedAt",
      "withdrawnAt",
      "withdrawerUsername",
      "withdrawalReason"
    ],
    "description": "A proposal to expose a unit, with its case and, once decided, who decided, when and why."
  },
  "ExposureProposalList": {
    "type": "object",
    "properties": {
      "items": {"type":"array","items":{"$ref":"#/components/schemas/ExposureProposal"}},
      "total": {"type":"number"},
      "limit": {"type":"number"},
      "offset": {"type":"number"},
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
    "required": ["items","total","limit","offset","countsByStatus"],
    "description": "GET /exposure-proposals."
  },
  "NoticeOpening": {
    "type": "object",
    "properties": {
      "openedAt": {"type":"string","format":"date-time"},
      "clientAddress": {"type":"string","nullable":true},
      "userAgent": {"type":"string","nullable":true},
      "linkExpiresAt": {"type":"string","format":"date-time"}
    },
    "required": ["openedAt","clientAddress","userAgent","linkExpiresAt"],
    "description": "The employer opened its notice through the e-mail's link (no account): when, from where, with what."
  },
  "UnitsOverview": {
    "type": "object",
    "properties": {
      "groupBy": {"type":"string","enum":["district","sector"]},
      "scoped": {"type":"boolean","description":"Counted over the caller's department's or team's cases only."},
      "groups": {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "groupKey": {"type":"string","nullable":true},
            "groupName": {"type":"string","nullable":true},
            "total": {"type":"number"},
            "byStatus": {"$ref":"#/components/schemas/UnitStatusCounts"}
          },
          "required": ["groupKey","groupName","total","byStatus"]
        }
      },
      "totals": {
        "type": "object",
        "properties": {"units":{"type":"number"},"byStatus":{"$ref":"#/components/schemas/UnitStatusCounts"}},
        "required": ["units","byStatus"]
      }
    },
    "required": ["groupBy","scoped","groups","totals"],
    "description": "GET /compliance/overview/units: units by compliance status per sector or district."
  },
  "UnitStatusCounts": {
    "type": "object",
    "properties": {
      "rectified": {"type":"number"},
      "identified": {"type":"number"},
      "notified": {"type":"number"},
      "escalated": {"type":"number"},
      "no_findings": {"type":"number"},
      "dismissed": {"type":"number"}
    },
    "required": ["rectified","identified","notified","escalated","no_findings","dismissed"]
  }
};

export const complianceAnswers: OpenApiAnswers = {
  "ComplianceEvidenceController_upload": {"statuses":[200,201],"schema":{"$ref":"#/components/schemas/CaseEvidence"}},
  "ComplianceEvidenceController_list": {"statuses":[200],"schema":{"type":"array","items":{"$ref":"#/components/schemas/CaseEvidence"}}},
  "ComplianceEvidenceController_download": {"statuses":[200],"file":true},
  "ComplianceViewsController_exposureList": {
    "statuses": [200],
    "schema": {"type":"array","items":{"$ref":"#/components/schemas/ExposureListEntry"}},
    "file": true,
    "text": true,
    "produces": [
      "application/json",
      "text/csv",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "text/html"
    ]
  },
  "ComplianceViewsController_exposureProposals": {"statuses":[200],"schema":{"$ref":"#/components/schemas/ExposureProposalList"}},
  "ComplianceViewsController_unitsOverview": {
    "statuses": [200],
    "schema": {"$ref":"#/components/schemas/UnitsOverview"},
    "file": true,
    "produces": ["application/json","text/csv","application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]
  },
  "ComplianceViewsController_casesOverview": {
    "statuses": [200],
    "schema": {"$ref":"#/components/schemas/CasesOverview"},
    "file": true,
    "produces": ["application/json","text/csv","application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]
  },
  "ComplianceController_startRun": {"statuses":[202],"schema":{"$ref":"#/components/schemas/ComplianceRun"}},
  "ComplianceController_run": {"statuses":[200],"schema":{"$ref":"#/components/schemas/ComplianceRun"}},
  "ComplianceController_list": {
    "statuses": [200],
    "schema": {"$ref":"#/components/schemas/ComplianceCaseList"},
    "file": true,
    "produces": ["application/json","text/csv","application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]
  },
  "ComplianceController_get": {"statuses":[200],"schema":{"$ref":"#/components/schemas/ComplianceCaseDetail"}},
  "ComplianceController_act": {"statuses":[200],"schema":{"$ref":"#/components/schemas/ComplianceCaseDetail"}},
  "ComplianceController_notice": {"statuses":[200],"text":true,"produces":["text/html"]},
  "ComplianceController_decideExposure": {"statuses":[200],"schema":{"$ref":"#/components/schemas/ExposureDecisionAnswer"}},
  "NoticeLinksController_open": {"statuses":[200],"text":true,"produces":["text/html"]}
};
