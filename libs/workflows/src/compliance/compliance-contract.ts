import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  Actor,
  ComplianceCaseAction,
  ComplianceCaseOutcome,
  ComplianceCaseState,
  ComplianceEscalationStep,
  CompliancePolicy,
  DutyClockPolicy,
  ExposureDecision,
  Finding,
  RectificationKind,
} from '@duban/domain';

/** Ids are derived from the record's ids, so a repeated start is a no-op. */
export const complianceRunWorkflowId = (runId: string) => `compliance-run-${runId}`;
export const complianceCaseWorkflowId = (caseId: string) => `compliance-case-${caseId}`;
export const complianceCaseBatchWorkflowId = (runId: string, batch: number) => `compliance-run-${runId}-batch-${batch}`;

export interface ComplianceRunInput {
  runId: string;
  campaignId: string;
  actor: Actor;
}

export interface ComplianceRunResult {
  unitsCompared: number;
  findingsNew: number;
  findingsOpenAlready: number;
}

export interface ComplianceCaseBatchInput {
  runId: string;
  batch: number;
  offset: number;
  limit: number;
}

/** Everything a case workflow needs to run without reading the record. */
export interface ComplianceCaseInput {
  caseId: string;
  creditCode: string;
  unitName: string | null;
  finding: Finding;
  campaignId: string;
  /** The department the campaign's matrix routed the finding to. */
  departmentId: string;
  sectorKey: string | null;
  districtId: string | null;
  identifiedAt: number;
  policy: CompliancePolicy;
  /** The ladder of the duties the case gives other departments (media, construction). */
  dutyPolicy: DutyClockPolicy;
}

export interface ComplianceCaseActionRequest {
  action: Exclude<ComplianceCaseAction, 'escalate'>;
  actor: Actor;
  reason?: string;
  /** issue_notice: a deadline of the office's choosing (epoch ms); the policy's notice period otherwise. */
  deadline?: number;
  /** record_rectification: registration or payment, and the evidence files of the case that show it. */
  rectification?: { kind: RectificationKind; evidenceIds: string[] };
}

export interface ExposureDecisionRequest {
  decision: ExposureDecision;
  actor: Actor;
  reason?: string;
}

/** The case as the record holds it after an action: the caller reads its own write. */
export interface ComplianceCaseView {
  caseId: string;
  state: ComplianceCaseState;
  outcome: ComplianceCaseOutcome | null;
  lastSeq: number;
  noticeDeadline: number | null;
}

export type ExposureStatus = 'none' | 'proposed' | 'approved' | 'rejected' | 'withdrawn';

export interface ComplianceCaseLiveState extends ComplianceCaseView {
  inspectionTeamId: string | null;
  stepsTaken: ComplianceEscalationStep[];
  /** The next escalation step and when it is due, while the case is open. */
  nextStep: { step: ComplianceEscalationStep; dueAt: number } | null;
  exposure: ExposureStatus;
  dutyIds: string[];
}

export const complianceCaseActionUpdate = defineUpdate<ComplianceCaseView, [ComplianceCaseActionRequest]>('complianceCaseAction');
export const exposureDecisionUpdate = defineUpdate<ComplianceCaseLiveState, [ExposureDecisionRequest]>('exposureDecision');
export const complianceCaseLiveStateQuery = defineQuery<ComplianceCaseLiveState>('complianceCaseLiveState');
