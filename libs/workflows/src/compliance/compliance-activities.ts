import type { Actor, ComplianceCaseAction, ComplianceCaseState, ComplianceEscalationStep, ExposureDecision, RectificationKind } from '@duban/domain';
import type { DutyWorkflowInput } from '../duties/duty-contract';
import type { ComplianceCaseInput, ComplianceCaseView, ComplianceRunResult } from './compliance-contract';

export interface RecordCaseTransitionInput {
  caseId: string;
  /** Position in the case's history; (caseId, seq) is unique, so a retry writes nothing twice. */
  seq: number;
  action: ComplianceCaseAction;
  from: ComplianceCaseState;
  to: ComplianceCaseState;
  actor: Actor;
  reason?: string;
  /** issue_notice: the deadline (epoch ms). */
  deadline?: number;
  rectification?: { kind: RectificationKind; evidenceIds: string[] };
  occurredAt: number;
}

export interface TakeStepInput {
  caseId: string;
  step: ComplianceEscalationStep;
  dueAt: number;
  takenAt: number;
}

/** What taking a step produced: an inspection case and its team, a proposal, or a duty to start. */
export interface TakenStep {
  inspectionTeamId?: string;
  /** The duty the step gives a department (bidding ban), to be started by the case workflow. */
  duty?: DutyWorkflowInput;
}

/**
 * The I/O of the comparison run and the compliance case workflows; implemented by the worker.
 * Every method is idempotent: rows carry derived ids and unique keys.
 */
export interface ComplianceActivities {
  /** Compares every unit and opens a case per new finding (one open case per unit and finding). */
  compareUnitsForRun(input: { runId: string }): Promise<ComplianceRunResult & { batchSize: number }>;
  /** The case workflows' inputs of the run's new cases [offset, offset + limit), by case id. */
  complianceCaseInputs(input: { runId: string; offset: number; limit: number }): Promise<ComplianceCaseInput[]>;
  finishComplianceRun(input: { runId: string; finishedAt: number; result: ComplianceRunResult }): Promise<void>;

  recordCaseTransition(input: RecordCaseTransitionInput): Promise<ComplianceCaseView>;
  /** E-mails the rectification order to the unit when it has an address (once per case). */
  sendRectificationNotice(input: { caseId: string }): Promise<{ sent: boolean }>;
  takeEscalationStep(input: TakeStepInput): Promise<TakenStep>;
  /** Records the office's decision; on approval returns the media department's duty to start. */
  recordExposureDecision(input: { caseId: string; decision: ExposureDecision; actor: Actor; reason?: string; decidedAt: number }): Promise<{ duty?: DutyWorkflowInput }>;
  /**
   * After a rectification or dismissal: the steps not taken are recorded as cancelled, a
   * proposal still waiting is withdrawn, the inspection case is closed and the case's open
   * duties are cancelled.
   */
  stopPendingSteps(input: { caseId: string; pending: Array<{ step: ComplianceEscalationStep; dueAt: number }>; stoppedAt: number; reason: string }): Promise<void>;
}
