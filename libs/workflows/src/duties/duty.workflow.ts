import {
  ActivityFailure,
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  currentUpdateInfo,
  log,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import {
  assertDutyActionInput,
  assertMay,
  DomainError,
  DUTY_ACTION_CAPABILITY,
  escalationStepTiming,
  isDutyClosed,
  isDutyWithDepartment,
  nextDutyTimer,
  normalizeDutyClockPolicy,
  transitionDuty,
  type DutyState,
} from '@duban/domain';
import type { DutyActivities } from './duty-activities';
import {
  DUTY_ROLLING_OVER,
  dutyActionUpdate,
  dutyLiveStateQuery,
  type DutyActionRequest,
  type DutyNotification,
  type DutyRecordView,
  type DutyWorkflowInput,
} from './duty-contract';

const activities = proxyActivities<DutyActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

/** Well under Temporal's limits; a duty with a long comment or return history rolls over. */
export const HISTORY_EVENTS_BEFORE_CONTINUE_AS_NEW = 2_000;

/** Patch id: checking the bound after every action changes the commands a busy duty issues. */
const BOUNDED_HISTORY_PATCH = 'duty-bounded-history';
/**
 * The notifications still owed are sent one by one, and a burst of actions can leave dozens of
 * them: the bound is checked after each send too, so that a long drain continues as new with
 * the rest carried over instead of growing one run past its bound (CI saw 513 events at 150).
 */
const BOUNDED_OUTBOX_PATCH = 'duty-bounded-outbox';

/** How many answers (by update id) a duty carries into its next run. */
const ANSWERS_CARRIED = 200;

/** The failure type the worker gives an activity whose input the database refused. */
const INVALID_INPUT_FAILURE = 'InvalidInput';

function isInputFailure(error: unknown): boolean {
  const failure = error instanceof ActivityFailure ? error.cause : error;
  return failure instanceof ApplicationFailure && failure.type === INVALID_INPUT_FAILURE;
}

/**
 * The lifecycle of one duty: record it, tell the department, then wait for the department and
 * the office to move it along while the clock reminds and escalates. Ends when the duty is
 * accepted or cancelled.
 */
export async function DutyWorkflow(input: DutyWorkflowInput): Promise<{ state: DutyState }> {
  const { assignment } = input;
  const policy = normalizeDutyClockPolicy(input.policy);
  const carried = input.carried;
  let dueAt = carried?.dueAt ?? assignment.dueAt;
  let state: DutyState = carried?.state ?? 'assigned';
  let lastSeq = carried?.lastSeq ?? 1;
  let remindedForDueAt = carried?.remindedForDueAt ?? null;
  // Who holds the duty: a reassignment moves it, and permissions and e-mails follow. Changing
  // it issues no command, so histories without a reassignment replay as before (no patch).
  let departmentId = carried?.departmentId ?? assignment.departmentId;
  const firedEscalationSteps = [...(carried?.firedEscalationSteps ?? [])];
  const outbox: DutyNotification[] = [...(carried?.outbox ?? [])];
  // Bumped on every change the clock cares about, so the timer wait wakes up and re-plans.
  let version = 0;
  // Update handlers run one at a time: each validates against the state the previous one left.
  let actionInFlight = false;
  // Set once the history has reached its bound: no new action is admitted, the ones queued are
  // sent back to be retried on the next run, and the main loop continues as new.
  let rollingOver = false;
  const historyBound = input.historyEventsBound ?? HISTORY_EVENTS_BEFORE_CONTINUE_AS_NEW;
  // Temporal deduplicates an update's id within a run, not across continue-as-new: a client that
  // sends an update again with the same id (its answer lost in the rollover) would record it
  // twice. The last answers, by update id, are carried over and given again.
  const answered = new Map<string, DutyRecordView>(carried?.answeredUpdates ?? []);
  const overBound = () => workflowInfo().continueAsNewSuggested || workflowInfo().historyLength >= historyBound;
  const refuseWhileRollingOver = () => {
    if (rollingOver) {
      throw ApplicationFailure.create({ message: 'The duty is continuing as new; send the action again', type: DUTY_ROLLING_OVER });
    }
  };

  setHandler(dutyLiveStateQuery, () => ({
    dutyId: assignment.dutyId,
    departmentId,
    state,
    dueAt,
    lastSeq,
    overdue: firedEscalationSteps.length > 0 && !isDutyClosed(state),
    remindedForDueAt,
    firedEscalationSteps: [...firedEscalationSteps],
    pendingNotifications: outbox.length,
  }));

  setHandler(
    dutyActionUpdate,
    async (request) => {
      // Check-and-take with nothing awaited in between: handlers admitted in the same
      // activation all see the flag clear after one `await condition`, so loop until ours.
      const updateId = currentUpdateInfo()?.id;
      const earlier = updateId === undefined ? undefined : answered.get(updateId);
      if (earlier) return earlier;
      while (actionInFlight && !rollingOver) await condition(() => !actionInFlight || rollingOver);
      refuseWhileRollingOver();
      actionInFlight = true;
      try {
        const to = checkDutyAction(state, departmentId, request, Date.now());
        const seq = lastSeq + 1;
        const reassignedTo = request.action === 'reassign' ? request.departmentId : undefined;
        // Not a local activity: its write would happen before the workflow task that holds it
        // is committed, and a lost task would replay the action under another seq (a duplicate).
        const view = await activities.recordDutyTransition({
          dutyId: assignment.dutyId,
          seq,
          action: request.action,
          from: state,
          to,
          actor: request.actor,
          reason: request.reason,
          result: request.result,
          dueAt: request.action === 'extend' ? request.dueAt : undefined,
          fromDepartmentId: reassignedTo ? departmentId : undefined,
          toDepartmentId: reassignedTo,
          evidenceIds: request.action === 'submit' && request.evidenceIds?.length ? request.evidenceIds : undefined,
          occurredAt: Date.now(),
        });
        lastSeq = seq;
        state = to;
        if (request.action === 'extend' && request.dueAt !== undefined) {
          // A new due time starts a fresh clock: a new reminder, and the ladder from its first step.
          dueAt = request.dueAt;
          firedEscalationSteps.length = 0;
        }
        version++;
        if (reassignedTo) {
          // The new liaison is asked to acknowledge; the old one learns the duty is no longer theirs.
          const previous = departmentId;
          departmentId = reassignedTo;
          const key = `duty:${assignment.dutyId}:transition:${seq}`;
          const notice = { dutyId: assignment.dutyId, audience: ['department_liaison' as const], reason: request.reason };
          outbox.push({ ...notice, key, kind: 'reassigned', departmentId: reassignedTo, otherDepartmentId: previous });
          outbox.push({
            ...notice,
            key: `${key}:previous`,
            kind: 'reassigned_away',
            departmentId: previous,
            otherDepartmentId: reassignedTo,
          });
        } else {
          outbox.push({
            key: `duty:${assignment.dutyId}:transition:${seq}`,
            kind: 'transition',
            dutyId: assignment.dutyId,
            // The department's own steps (a submission, a progress note) are news for the office.
            audience: request.action === 'submit' || request.action === 'record_progress' ? ['office'] : ['department_liaison'],
            detail: request.action,
            reason: request.reason,
            departmentId,
          });
        }
        if (updateId !== undefined) {
          answered.set(updateId, view);
          if (answered.size > ANSWERS_CARRIED) answered.delete(answered.keys().next().value as string);
        }
        return view;
      } finally {
        // Released whatever happened: a failed action (its input refused) leaves the state as it
        // was and the duty open to the next one.
        actionInFlight = false;
        // The bound is checked after every handled message, not only when the main loop gets
        // round to it: a busy duty would otherwise never reach that check.
        if (!rollingOver && overBound() && patched(BOUNDED_HISTORY_PATCH)) rollingOver = true;
      }
    },
    {
      // Rejects early, before anything is written to history.
      validator: (request) => {
        const updateId = currentUpdateInfo()?.id;
        if (updateId !== undefined && answered.has(updateId)) return;
        refuseWhileRollingOver();
        checkDutyAction(state, departmentId, request, Date.now());
      },
    },
  );

  if (!carried) {
    await activities.recordDutyAssigned(assignment);
    outbox.push({
      key: `duty:${assignment.dutyId}:assigned`,
      kind: 'assigned',
      dutyId: assignment.dutyId,
      audience: ['department_liaison'],
      departmentId,
    });
  }

  for (;;) {
    // A rollover carries the notifications still owed to the next run.
    while (outbox.length > 0 && !rollingOver) {
      try {
        await activities.sendDutyNotification(outbox[0]);
      } catch (error) {
        // A notification the database refuses would be refused for ever: it is dropped, loudly,
        // rather than failing the duty.
        if (!isInputFailure(error)) throw error;
        log.error('Notification dropped: its input was refused', { key: outbox[0].key, error: String(error) });
      }
      outbox.shift();
      if (!rollingOver && outbox.length > 0 && overBound() && patched(BOUNDED_OUTBOX_PATCH)) rollingOver = true;
    }
    if (isDutyClosed(state) && !rollingOver) break;
    if (rollingOver || workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > historyBound) {
      await condition(() => allHandlersFinished() && !actionInFlight);
      if (isDutyClosed(state) && outbox.length === 0) break;
      await continueAsNew<typeof DutyWorkflow>({
        assignment,
        policy,
        ...(input.historyEventsBound === undefined ? {} : { historyEventsBound: input.historyEventsBound }),
        carried: {
          state,
          lastSeq,
          remindedForDueAt,
          firedEscalationSteps,
          outbox,
          dueAt,
          departmentId,
          ...(answered.size > 0 ? { answeredUpdates: [...answered] } : {}),
        },
      });
    }

    const seenVersion = version;
    const woken = () => version !== seenVersion || outbox.length > 0 || rollingOver;
    const timer = nextDutyTimer({ state, assignedAt: assignment.assignedAt, dueAt, remindedForDueAt, firedEscalationSteps }, Date.now(), policy);
    if (!timer) {
      await condition(woken);
      continue;
    }
    // condition() treats a zero timeout as "no timeout"; a timer already due waits 1 ms.
    const wokenEarly = await condition(woken, Math.max(1, timer.at - Date.now()));
    if (wokenEarly || !isDutyWithDepartment(state)) continue;

    if (timer.kind === 'reminder') {
      await activities.recordDutyReminded({ dutyId: assignment.dutyId, dueAt, remindedAt: Date.now() });
      remindedForDueAt = dueAt;
      outbox.push({
        key: `duty:${assignment.dutyId}:reminder:${dueAt}`,
        kind: 'reminder',
        dutyId: assignment.dutyId,
        audience: ['department_liaison'],
        departmentId,
      });
    } else {
      await activities.recordDutyEscalation({
        dutyId: assignment.dutyId,
        step: timer.step.step,
        dueAt,
        firedAt: Date.now(),
        notified: [...timer.step.notify],
      });
      firedEscalationSteps.push(timer.step.step);
      const stepTiming = escalationStepTiming(policy, timer.step.step);
      outbox.push({
        key: `duty:${assignment.dutyId}:escalation:${timer.step.step}:${dueAt}`,
        kind: 'escalation',
        dutyId: assignment.dutyId,
        audience: [...timer.step.notify],
        detail: timer.step.step,
        departmentId,
        // Data for the e-mail's words only: the activity's input is not part of what replay compares.
        ...(stepTiming ? { stepTiming } : {}),
      });
    }
  }

  await condition(allHandlersFinished);
  return { state };
}

/**
 * The state machine and the permission rules decide, against the department holding the duty
 * now; a refusal carries the domain's code.
 */
function checkDutyAction(state: DutyState, departmentId: string, request: DutyActionRequest, now: number): DutyState {
  try {
    assertMay(request.actor, DUTY_ACTION_CAPABILITY[request.action], { departmentId });
    assertDutyActionInput(request.action, request, { departmentId, now });
    return transitionDuty(state, request.action);
  } catch (error) {
    if (error instanceof DomainError) {
      throw ApplicationFailure.create({
        message: error.message,
        type: error.code,
        nonRetryable: true,
        details: error.details ? [error.details] : [],
      });
    }
    throw error;
  }
}
