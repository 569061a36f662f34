// Compliance: the resource library's comparison runs, the cases they open, their evidence, the
// exposure proposals and list, and the office's overviews (apps/api/src/compliance).
import type {
  ComplianceCaseOutcome,
  ComplianceCaseState,
  ComplianceEscalationStep,
  EvidenceKind,
  ExposureDecision,
  ExposureListing,
  ExposureProposalStatus,
  Finding,
  RectificationKind,
  UnitComplianceStatus,
} from '@duban/domain';
import type { IsoInstant } from './common';

/** Where a case's exposure stands; none: no proposal (the case workflow's live state). */
export type ExposureStatus = 'none' | 'proposed' | 'approved' | 'rejected' | 'withdrawn';

/** POST /compliance-runs, GET /compliance-runs/:id. */
export interface ComplianceRun {
  id: string;
  campaignId: string;
  status: 'running' | 'completed' | 'failed';
  requestedBy: string;
  requesterUsername: string;
  reason: string | null;
  requestedAt: IsoInstant;
  finishedAt: IsoInstant | null;
  unitsCompared: number | null;
  findingsNew: number | null;
  findingsOpenAlready: number | null;
}

/** A case in the list (GET /compliance-cases) and in a unit's enforcement history. */
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
  noticeIssuedAt: IsoInstant | null;
  noticeDeadline: IsoInstant | null;
  lastSeq: number;
  inspectionTeamId: string | null;
  inspectionCaseId: string | null;
  /** The exposure proposal's status; null: none was made. */
  exposureStatus: ExposureProposalStatus | null;
  exposureProposalId: string | null;
  createdAt: IsoInstant;
  updatedAt: IsoInstant;
  closedAt: IsoInstant | null;
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
  occurredAt: IsoInstant;
}

export interface CaseStep {
  step: ComplianceEscalationStep;
  status: 'taken' | 'cancelled';
  dueAt: IsoInstant;
  takenAt: IsoInstant | null;
  cancelledAt: IsoInstant | null;
  dutyId: string | null;
  details: Record<string, unknown>;
}

/** The employer opened its notice through the e-mail's link (no account): when, from where, with what. */
export interface NoticeOpening {
  openedAt: IsoInstant;
  clientAddress: string | null;
  userAgent: string | null;
  linkExpiresAt: IsoInstant;
}

/** The case workflow's live state, its instants as ISO text. */
export interface ComplianceCaseLiveState {
  caseId: string;
  state: ComplianceCaseState;
  outcome: ComplianceCaseOutcome | null;
  lastSeq: number;
  noticeDeadline: IsoInstant | null;
  inspectionTeamId: string | null;
  stepsTaken: ComplianceEscalationStep[];
  /** The next escalation step and when it is due, while the case is open. */
  nextStep: { step: ComplianceEscalationStep; dueAt: IsoInstant } | null;
  exposure: ExposureStatus;
  dutyIds: string[];
}

/** GET /compliance-cases/:id, and the answer to an action on it. */
export interface ComplianceCaseDetail extends ComplianceCaseSummary {
  transitions: CaseTransition[];
  steps: CaseStep[];
  noticeOpenings: NoticeOpening[];
  /** null once the case is closed, or for the moment before its workflow starts. */
  workflow: ComplianceCaseLiveState | null;
}

export interface ComplianceCaseList {
  items: ComplianceCaseSummary[];
  total: number;
}

/** A file of a case: what shows the unit registered or paid, what an inspection found. */
export interface CaseEvidence {
  id: string;
  caseId: string;
  sha256: string;
  sizeBytes: number;
  kind: EvidenceKind;
  contentType: string;
  fileName: string;
  uploadedBy: string;
  uploaderUsername: string;
  uploaderRole: string;
  uploaderDepartmentId: string | null;
  uploadedAt: IsoInstant;
  downloadPath: string;
}

/** POST /exposure-proposals/:id/decision. */
export interface ExposureDecisionAnswer {
  proposalId: string;
  caseId: string;
  exposure: ExposureStatus;
  dutyIds: string[];
}

/** GET /exposure-list: a unit the office approved to expose, on the list or (include=delisted) taken off it. */
export interface ExposureListEntry {
  proposalId: string;
  caseId: string;
  creditCode: string;
  unitName: string | null;
  sectorKey: string | null;
  districtName: string | null;
  finding: Finding;
  noticeNumber: string | null;
  noticeDeadline: IsoInstant | null;
  approvedAt: IsoInstant;
  approvedBy: string;
  mediaDutyId: string | null;
  mediaDutyState: string | null;
  /** listed: on the public list; rectified or withdrawn: taken off it. */
  listing: ExposureListing;
  /** When the unit left the public list, who closed its case and why; null while it is listed. */
  delistedAt: IsoInstant | null;
  delistedBy: string | null;
  delistedReason: string | null;
}

/** A proposal to expose a unit, with its case and, once decided, who decided, when and why. */
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
  noticeDeadline: IsoInstant | null;
  status: ExposureProposalStatus;
  proposedAt: IsoInstant;
  decidedAt: IsoInstant | null;
  decidedBy: string | null;
  deciderUsername: string | null;
  decisionReason: string | null;
  mediaDutyId: string | null;
  mediaDutyState: string | null;
  /** When the office approved it (null: it never did). */
  approvedAt: IsoInstant | null;
  /** Withdrawn (the case closed): when, by whom the case was closed, why. */
  withdrawnAt: IsoInstant | null;
  withdrawerUsername: string | null;
  withdrawalReason: string | null;
}

/** GET /exposure-proposals. */
export interface ExposureProposalList {
  items: ExposureProposal[];
  total: number;
  limit: number;
  offset: number;
  countsByStatus: Record<ExposureProposalStatus, number>;
}

export type UnitStatusCounts = Record<UnitComplianceStatus, number>;

/** GET /compliance/overview/units: units by compliance status per sector or district. */
export interface UnitsOverview {
  groupBy: 'sector' | 'district';
  /** Counted over the caller's department's or team's cases only. */
  scoped: boolean;
  groups: Array<{ groupKey: string | null; groupName: string | null; total: number; byStatus: UnitStatusCounts }>;
  totals: { units: number; byStatus: UnitStatusCounts };
}

/** GET /compliance/overview/cases: cases by stage (finding × state, closed by outcome) and escalation steps by status. */
export interface CasesOverview {
  stages: Array<{ finding: string; stage: string; cases: number }>;
  steps: Array<{ step: string; status: string; cases: number }>;
  total: number;
}

/** POST /compliance-runs. */
export interface StartComplianceRunBody {
  campaignId: string;
  reason?: string;
}

/** POST /compliance-cases/:id/actions. */
export interface ComplianceCaseActionBody {
  action: 'issue_notice' | 'record_rectification' | 'dismiss';
  reason?: string;
  /** issue_notice: ISO 8601 with a time zone. */
  deadline?: string;
  rectification?: { kind: RectificationKind; evidenceIds: string[] };
}

/** POST /exposure-proposals/:id/decision. */
export interface ExposureDecisionBody {
  decision: ExposureDecision;
  reason?: string;
}
