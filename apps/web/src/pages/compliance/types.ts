// The API's answers about units, compliance cases, inspection cases, exposures and imports, as
// the compliance pages read them (see apps/api/src/compliance, inspection-cases, units, unit-imports).
import type {
  ComplianceCaseOutcome,
  ComplianceCaseState,
  ComplianceEscalationStep,
  EnforcementActionType,
  Finding,
  ImportDataset,
  RectificationKind,
} from '@duban/domain';

export type { ComplianceCaseOutcome, ComplianceCaseState, ComplianceEscalationStep, EnforcementActionType, Finding, ImportDataset, RectificationKind };

export type ExposureStatus = 'none' | 'proposed' | 'approved' | 'rejected' | 'withdrawn';

export interface InspectionCaseSummary {
  id: string;
  caseId: string;
  creditCode: string;
  unitName: string | null;
  sectorKey: string | null;
  districtId: string | null;
  districtName: string | null;
  finding: Finding;
  caseState: ComplianceCaseState;
  noticeNumber: string | null;
  noticeDeadline: string | null;
  teamId: string | null;
  teamName: string | null;
  status: 'open' | 'closed';
  openedAt: string;
  closedAt: string | null;
  closeReason: string | null;
  exposureStatus: ExposureStatus | null;
  lastActionType: EnforcementActionType | null;
  lastActionDate: string | null;
  actionCount: number;
}

export interface InspectionCaseList {
  items: InspectionCaseSummary[];
  total: number;
  limit: number;
  offset: number;
  countsByStatus: { open: number; closed: number };
}

export interface EnforcementAction {
  id: string;
  inspectionCaseId: string;
  creditCode: string;
  type: EnforcementActionType;
  actionDate: string;
  findings: string;
  outcome: string | null;
  /** Numeric text (two decimals), or null. */
  penaltyYuan: number | null;
  evidenceIds: string[];
  recordedBy: string;
  recorderUsername: string;
  recorderTeamId: string | null;
  recordedAt: string;
}

export interface InspectionCaseDetail extends InspectionCaseSummary {
  actions: EnforcementAction[];
}

export interface InspectionTeam {
  id: string;
  code: string;
  name: string;
  cityWide: boolean;
  districtIds: string[];
}

export interface CaseEvidence {
  id: string;
  caseId: string;
  sha256: string;
  sizeBytes: number;
  kind: string;
  contentType: string;
  fileName: string;
  uploadedBy: string;
  uploaderUsername: string;
  uploaderRole: string;
  uploaderDepartmentId: string | null;
  uploadedAt: string;
  downloadPath: string;
}

export interface ComplianceCaseSummary {
  id: string;
  creditCode: string;
  unitName: string | null;
  contactEmail: string | null;
  finding: Finding;
  evidenceOfFinding: Record<string, unknown>;
  campaignId: string;
  runId: string;
  departmentId: string;
  departmentName: string;
  routeKind: string;
  routeKey: string;
  sectorKey: string | null;
  districtId: string | null;
  districtName: string | null;
  state: ComplianceCaseState;
  outcome: ComplianceCaseOutcome | null;
  noticeNumber: string | null;
  noticeIssuedAt: string | null;
  noticeDeadline: string | null;
  lastSeq: number;
  inspectionTeamId: string | null;
  inspectionCaseId: string | null;
  exposureStatus: ExposureStatus | null;
  exposureProposalId: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface CaseTransition {
  seq: number;
  action: string;
  fromState: ComplianceCaseState | null;
  toState: ComplianceCaseState;
  actorUserId: string;
  actorUsername: string;
  actorRole: string;
  actorDepartmentId: string | null;
  reason: string | null;
  details: Record<string, unknown>;
  occurredAt: string;
}

export interface CaseStep {
  step: ComplianceEscalationStep;
  status: 'taken' | 'cancelled';
  dueAt: string;
  takenAt: string | null;
  cancelledAt: string | null;
  dutyId: string | null;
  details: Record<string, unknown>;
}

export interface CaseLiveState {
  caseId: string;
  state: ComplianceCaseState;
  outcome: ComplianceCaseOutcome | null;
  lastSeq: number;
  /** ISO 8601, as every answer gives instants. */
  noticeDeadline: string | null;
  inspectionTeamId: string | null;
  stepsTaken: ComplianceEscalationStep[];
  nextStep: { step: ComplianceEscalationStep; dueAt: string } | null;
  exposure: ExposureStatus;
  dutyIds: string[];
}

export interface ComplianceCaseDetail extends ComplianceCaseSummary {
  transitions: CaseTransition[];
  steps: CaseStep[];
  /** The employer opened its notice by the e-mail's link: when, from where. */
  noticeOpenings: Array<{ openedAt: string; clientAddress: string | null; userAgent: string | null; linkExpiresAt: string }>;
  workflow: CaseLiveState | null;
}

export interface ExposureListEntry {
  proposalId: string;
  caseId: string;
  creditCode: string;
  unitName: string | null;
  sectorKey: string | null;
  districtName: string | null;
  finding: Finding;
  noticeNumber: string | null;
  noticeDeadline: string | null;
  approvedAt: string;
  approvedBy: string;
  mediaDutyId: string | null;
  mediaDutyState: string | null;
  /** listed: on the public list; rectified or withdrawn: taken off it. */
  listing: 'listed' | 'rectified' | 'withdrawn';
  delistedAt: string | null;
  delistedBy: string | null;
  delistedReason: string | null;
}

export interface UnitRecord {
  creditCode: string;
  name: string | null;
  sectorKey: string | null;
  districtId: string | null;
  address: string | null;
  contactEmail: string | null;
  employees: number | null;
  insured: Record<string, number>;
  registrations: Record<string, boolean>;
  arrears: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface UnitFact {
  field: string;
  value: unknown;
  sourceDepartmentId: string;
  sourceFile: string;
  sourceDate: string;
  recordedBy: string;
  recordedAt: string;
}

export interface UnitDetail extends UnitRecord {
  facts: UnitFact[];
}

export interface HistoryEvent {
  at: string;
  kind: 'transition' | 'escalation_step' | 'enforcement_action' | 'exposure' | 'notice_opened';
  caseId: string;
  what: string;
  who: string | null;
  details: Record<string, unknown>;
}

export interface EnforcementHistory {
  creditCode: string;
  cases: ComplianceCaseSummary[];
  inspectionCases: InspectionCaseSummary[];
  actions: EnforcementAction[];
  events: HistoryEvent[];
}

export type UnitImportStatus = 'uploading' | 'queued' | 'running' | 'completed' | 'failed';

export interface UnitImport {
  id: string;
  dataset: ImportDataset;
  format: 'csv' | 'xlsx' | null;
  fileName: string;
  sizeBytes: string | null;
  sha256: string | null;
  sourceDepartmentId: string;
  sourceDepartmentName: string;
  sourceDate: string;
  status: UnitImportStatus;
  rowsRead: number;
  rowsImported: number;
  rowsChanged: number;
  rowsUnchanged: number;
  rowsRejected: number;
  ignoredColumns: string[];
  error: string | null;
  requestedBy: string;
  requesterUsername: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface UnitImportErrors {
  importId: string;
  items: Array<{ rowNumber: number; field: string; reason: string }>;
  total: number;
}

export type ExposureProposalStatus = 'proposed' | 'approved' | 'rejected' | 'withdrawn';

export interface ExposureProposal {
  id: string;
  caseId: string;
  creditCode: string;
  unitName: string | null;
  sectorKey: string | null;
  districtName: string | null;
  finding: Finding;
  caseState: ComplianceCaseState;
  departmentName: string;
  noticeNumber: string | null;
  noticeDeadline: string | null;
  status: ExposureProposalStatus;
  proposedAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  deciderUsername: string | null;
  decisionReason: string | null;
  mediaDutyId: string | null;
  mediaDutyState: string | null;
  approvedAt: string | null;
  withdrawnAt: string | null;
  withdrawerUsername: string | null;
  withdrawalReason: string | null;
}

export interface ExposureProposalList {
  items: ExposureProposal[];
  total: number;
  limit: number;
  offset: number;
  countsByStatus: Record<ExposureProposalStatus, number>;
}
