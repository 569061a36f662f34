import { ApplicationFailure, allHandlersFinished, condition, ParentClosePolicy, proxyActivities, setHandler, startChild } from '@temporalio/workflow';
import {
  applyClockOffset,
  complianceActionInputProblems,
  complianceCaseActionRefusal,
  complianceCaseTarget,
  DomainError,
  DomainErrorCode,
  escalationStepsFor,
  exposureDecisionProblems,
  exposureDecisionRefusal,
  outcomeOf,
  SYSTEM_ACTOR,
  SYSTEM_REASONS,
  type ComplianceCaseOutcome,
  type ComplianceCaseState,
  type ComplianceEscalationStep,
} from '@duban/domain';
import { DutyWorkflow } from '../duties/duty.workflow';
import { dutyWorkflowId, type DutyWorkflowInput } from '../duties/duty-contract';
import { refusal } from '../common/workflow-failures';
import type { ComplianceActivities } from './compliance-activities';
import {
  complianceCaseActionUpdate,
  complianceCaseLiveStateQuery,
  exposureDecisionUpdate,
  type ComplianceCaseActionRequest,
  type ComplianceCaseInput,
  type ComplianceCaseLiveState,
  type ComplianceCaseView,
  type ExposureDecisionRequest,
  type ExposureStatus,
} from './compliance-contract';

const activities = proxyActivities<ComplianceActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

/**
 * One unit and one finding, from identification to closure (docs/domain.md, "The compliance
 * chain"). The responsible department (or the office) issues a rectification order with a
 * deadline; the unit is e-mailed when it has an address. Past the deadline the case escalates
 * and the policy's steps follow at their times: an inspection case for the labour inspectors,
 * an exposure proposal for the office to decide (approved: a duty for the media department), a
 * bidding ban duty for builders, a referral to the court. A rectification (or the office's
 * dismissal) closes the case at any point and stops every step still pending.
 *
 * The history stays short (a handful of transitions, at most four steps and two duties), so
 * the workflow never continues as new.
 */
export async function ComplianceCaseWorkflow(input: ComplianceCaseInput): Promise<ComplianceCaseView> {
  let state: ComplianceCaseState = 'identified';
  let outcome: ComplianceCaseOutcome | null = null;
  // Transition 1 (identified) was written with the case by the comparison run.
  let lastSeq = 1;
  let noticeDeadline: number | null = null;
  let inspectionTeamId: string | null = null;
  let exposure: ExposureStatus = 'none';
  let nextStep: ComplianceCaseLiveState['nextStep'] = null;
  let actionInFlight = false;
  let stepInFlight: ComplianceEscalationStep | null = null;
  const stepsTaken: ComplianceEscalationStep[] = [];
  const dutyIds: string[] = [];
  const dutiesToStart: DutyWorkflowInput[] = [];
  const rules = escalationStepsFor(input.policy, input.sectorKey);

  const view = (): ComplianceCaseView => ({ caseId: input.caseId, state, outcome, lastSeq, noticeDeadline });
  const liveState = (): ComplianceCaseLiveState => ({
    ...view(),
    inspectionTeamId,
    stepsTaken: [...stepsTaken],
    nextStep,
    exposure,
    dutyIds: [...dutyIds],
  });

  /** One action at a time: an update and the deadline's escalation never interleave. */
  async function exclusively<T>(body: () => Promise<T>): Promise<T> {
    while (actionInFlight) await condition(() => !actionInFlight);
    actionInFlight = true;
    try {
      return await body();
    } finally {
      actionInFlight = false;
    }
  }

  function checkAction(request: ComplianceCaseActionRequest): ComplianceCaseState {
    const denied = complianceCaseActionRefusal(request.actor, request.action, { departmentId: input.departmentId, inspectionTeamId }, false);
    if (denied) throw refusal(new DomainError(DomainErrorCode.ActionNotPermitted, denied));
    const fields = complianceActionInputProblems(request.action, request, Date.now());
    if (Object.keys(fields).length > 0) {
      throw refusal(new DomainError(DomainErrorCode.InvalidComplianceAction, `The ${request.action.replace(/_/g, ' ')} is incomplete`, { fields }));
    }
    const to = complianceCaseTarget(state, request.action);
    if (!to) {
      throw refusal(
        new DomainError(DomainErrorCode.ComplianceTransitionForbidden, `A case that is ${state} cannot take the action ${request.action}`, {
          state,
          action: request.action,
        }),
      );
    }
    return to;
  }

  function checkExposureDecision(request: ExposureDecisionRequest, proposalMayBeUnderWay = false): void {
    const denied = exposureDecisionRefusal(request.actor);
    if (denied) throw refusal(new DomainError(DomainErrorCode.ActionNotPermitted, denied));
    const fields = exposureDecisionProblems(request.decision, request.reason);
    if (Object.keys(fields).length > 0) throw refusal(new DomainError(DomainErrorCode.InvalidComplianceAction, 'A rejection says why', { fields }));
    // The proposal is recorded a moment before the workflow hears back: a decision arriving
    // then is admitted and waits for the step (the handler checks again).
    if (exposure === 'none' && !(proposalMayBeUnderWay && stepInFlight === 'exposure')) {
      throw refusal(new DomainError(DomainErrorCode.ComplianceTransitionForbidden, 'No exposure has been proposed for this case'));
    }
    if (exposure !== 'proposed' && exposure !== 'none') {
      throw refusal(new DomainError(DomainErrorCode.ExposureAlreadyDecided, `The exposure proposal is already ${exposure}`, { status: exposure }));
    }
  }

  setHandler(complianceCaseLiveStateQuery, liveState);

  setHandler(
    complianceCaseActionUpdate,
    (request) =>
      exclusively(async () => {
        const to = checkAction(request);
        const seq = lastSeq + 1;
        const now = Date.now();
        const deadline = request.action === 'issue_notice' ? (request.deadline ?? applyClockOffset(now, input.policy.noticePeriod, 1, input.policy)) : undefined;
        const recorded = await activities.recordCaseTransition({
          caseId: input.caseId,
          seq,
          action: request.action,
          from: state,
          to,
          actor: request.actor,
          reason: request.reason,
          deadline,
          rectification: request.rectification,
          occurredAt: now,
        });
        lastSeq = seq;
        state = to;
        outcome = outcomeOf(request.action);
        if (deadline !== undefined) noticeDeadline = deadline;
        return recorded;
      }),
    { validator: (request) => void checkAction(request) },
  );

  setHandler(
    exposureDecisionUpdate,
    (request) =>
      exclusively(async () => {
        checkExposureDecision(request);
        const { duty } = await activities.recordExposureDecision({
          caseId: input.caseId,
          decision: request.decision,
          actor: request.actor,
          reason: request.reason,
          decidedAt: Date.now(),
        });
        exposure = request.decision === 'approve' ? 'approved' : 'rejected';
        if (duty) dutiesToStart.push(duty);
        return liveState();
      }),
    { validator: (request) => checkExposureDecision(request, true) },
  );

  /** Starts the duties the case has given (their ids are derived, so each starts once). */
  async function startDuties(): Promise<void> {
    while (dutiesToStart.length > 0) {
      const duty = dutiesToStart[0];
      await startChild(DutyWorkflow, {
        workflowId: dutyWorkflowId(duty.assignment.dutyId),
        args: [duty],
        // A duty outlives the case: it is cancelled, not killed, when the unit rectifies.
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
      dutyIds.push(duty.assignment.dutyId);
      dutiesToStart.shift();
    }
  }

  /** Waits until `at` (or for good when null), starting duties as they come; true when the case closed first. */
  async function closedBefore(at: number | null): Promise<boolean> {
    for (;;) {
      await startDuties();
      if (state === 'closed') return true;
      const woken = () => state === 'closed' || dutiesToStart.length > 0;
      if (at === null) {
        await condition(woken);
        continue;
      }
      if (at - Date.now() <= 0) return false;
      // condition() treats a zero timeout as "no timeout"; a timer already due waits 1 ms.
      await condition(woken, Math.max(1, at - Date.now()));
    }
  }

  // Handlers change the state; read it through a call so the compiler does not narrow it.
  const current = (): ComplianceCaseState => state;
  await condition(() => current() !== 'identified');
  if (current() === 'notified') {
    await activities.sendRectificationNotice({ caseId: input.caseId });
    const deadline = noticeDeadline!;
    if (!(await closedBefore(deadline))) {
      await exclusively(async () => {
        if (current() !== 'notified') return;
        const seq = lastSeq + 1;
        await activities.recordCaseTransition({
          caseId: input.caseId,
          seq,
          action: 'escalate',
          from: state,
          to: 'escalated',
          actor: SYSTEM_ACTOR,
          // The same text as before (histories replay unchanged); the console words it by its code.
          reason: SYSTEM_REASONS.rectification_deadline_passed,
          occurredAt: Date.now(),
        });
        lastSeq = seq;
        state = 'escalated';
      });
      const escalatedFrom = deadline;
      const schedule = rules.map((rule) => ({ step: rule.step, dueAt: applyClockOffset(escalatedFrom, rule.after, 1, input.policy) }));
      for (const { step, dueAt } of schedule) {
        nextStep = { step, dueAt };
        if (await closedBefore(dueAt)) break;
        const taken = await exclusively(async () => {
          if (current() === 'closed') return false;
          stepInFlight = step;
          try {
            const result = await activities.takeEscalationStep({ caseId: input.caseId, step, dueAt, takenAt: Date.now() });
            // Within the lock: an action waiting for it sees the step's outcome.
            stepsTaken.push(step);
            if (result.inspectionTeamId) inspectionTeamId = result.inspectionTeamId;
            if (step === 'exposure') exposure = 'proposed';
            if (result.duty) dutiesToStart.push(result.duty);
            return true;
          } finally {
            stepInFlight = null;
          }
        });
        if (!taken) break;
      }
      nextStep = null;
      await closedBefore(null);
      const pending = schedule.filter((s) => !stepsTaken.includes(s.step));
      await activities.stopPendingSteps({
        caseId: input.caseId,
        pending,
        stoppedAt: Date.now(),
        reason: outcome === 'rectified' ? SYSTEM_REASONS.unit_rectified : SYSTEM_REASONS.case_dismissed,
      });
      if ((exposure as ExposureStatus) === 'proposed') exposure = 'withdrawn';
    }
  }
  await condition(() => allHandlersFinished() && !actionInFlight);
  if (current() !== 'closed') throw ApplicationFailure.nonRetryable(`Case ${input.caseId} ended while ${state}`);
  return view();
}
