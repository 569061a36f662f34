import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DEFAULT_DUTY_CLOCK_POLICY, type Actor, type DutyState } from '@duban/domain';
import {
  DUTY_ROLLING_OVER,
  dutyActionUpdate,
  dutyLiveStateQuery,
  dutyWorkflowId,
  type DutyActionRequest,
  type DutyActivities,
  type DutyRecordView,
  type DutyWorkflowInput,
} from '@duban/workflows';
import { waitFor } from '../support/wait-for';
import { WorkflowHarness, workerLog } from '../support/workflow-harness';

/**
 * The duty workflow's clock, one branch per test, against stub activities: the default ladder
 * (remind two working days ahead, overdue at the due time, the head a working day later, the
 * leading group three) with a working day compressed to a fraction of a second, as
 * DUBAN_WORKING_DAY_SECONDS does for the integration tests.
 */
/** The workflow's signature (the bundle's entry point is not exported to tests). */
type DutyWorkflow = (input: DutyWorkflowInput) => Promise<{ state: DutyState }>;

const DEPARTMENT = 'department-a';
const office: Actor = { userId: 'user-office', username: 'office', role: 'office', departmentId: null };
const officer: Actor = { userId: 'user-officer', username: 'liaison', role: 'department_officer', departmentId: DEPARTMENT };

const stubAnswers = (): DutyActivities => ({
  recordDutyAssigned: async () => undefined,
  recordDutyTransition: async (input) => ({ id: input.dutyId, state: input.to, lastSeq: input.seq }),
  recordDutyReminded: async () => undefined,
  recordDutyEscalation: async () => undefined,
  sendDutyNotification: async () => undefined,
});

/** The database's refusal as the worker reports it (apps/worker/src/common/activity-failures.ts). */
const refusedInput = () => ApplicationFailure.create({ type: 'InvalidInput', nonRetryable: true, message: 'The database refused the input (SQLSTATE 22021)' });

describe('the duty workflow on its ladder, against stub activities', () => {
  let harness: WorkflowHarness<DutyActivities>;

  beforeEach(async () => {
    harness = await WorkflowHarness.start(stubAnswers());
  });

  afterEach(async () => {
    await harness?.stop();
  });

  function dutyInput(options: { dueInMs: number; workingDayMs: number; historyEventsBound?: number }): DutyWorkflowInput {
    const assignedAt = Date.now();
    return {
      assignment: {
        dutyId: randomUUID(),
        departmentId: DEPARTMENT,
        title: '摸底登记未参保单位',
        description: '',
        assignedAt,
        dueAt: assignedAt + options.dueInMs,
        assignedBy: office,
      },
      policy: { ...DEFAULT_DUTY_CLOCK_POLICY, workingDayMs: options.workingDayMs },
      ...(options.historyEventsBound === undefined ? {} : { historyEventsBound: options.historyEventsBound }),
    };
  }

  async function startDuty(input: DutyWorkflowInput): Promise<WorkflowHandle<DutyWorkflow>> {
    await harness.startWorkflow<DutyWorkflow>('DutyWorkflow', { workflowId: dutyWorkflowId(input.assignment.dutyId), args: [input] });
    // By id only: the handle follows the duty across continue-as-new.
    return harness.client.workflow.getHandle<DutyWorkflow>(dutyWorkflowId(input.assignment.dutyId));
  }

  /** An action as the API sends it: sent again while the duty is continuing as new. */
  async function act(handle: WorkflowHandle, request: DutyActionRequest): Promise<DutyRecordView> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await handle.executeUpdate(dutyActionUpdate, { args: [request] });
      } catch (error) {
        const rollingOver = error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure && error.cause.type === DUTY_ROLLING_OVER;
        if (!rollingOver || attempt >= 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
      }
    }
  }

  /** The update's refusal: the failure type the workflow gave it. */
  async function refusal(handle: WorkflowHandle, request: DutyActionRequest): Promise<string | undefined> {
    const error = await handle.executeUpdate(dutyActionUpdate, { args: [request] }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    return ((error as WorkflowUpdateFailedError).cause as ApplicationFailure).type ?? undefined;
  }

  const notifications = () => harness.stubs.inputsOf('sendDutyNotification').map((n) => [n.kind, n.detail ?? null, n.audience]);
  const live = (handle: WorkflowHandle) => handle.query(dutyLiveStateQuery);
  const until = (at: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));

  it('is taken through to acceptance before the reminder is due: no reminder and no escalation', async () => {
    // Reminder at max(half-way, due − 2 days) = 2.6 s; overdue at 3 s, the head at 3.2 s.
    const input = dutyInput({ dueInMs: 3_000, workingDayMs: 200 });
    const handle = await startDuty(input);
    await act(handle, { action: 'acknowledge', actor: officer });
    await act(handle, { action: 'start', actor: officer });
    await act(handle, { action: 'submit', actor: officer, result: '已摸底 120 户' });

    // Past the due time and the head's step: a submitted duty waits on the office, the clock stopped.
    await until(input.assignment.dueAt + 400);
    expect(await live(handle)).toMatchObject({ state: 'submitted', lastSeq: 4, overdue: false, remindedForDueAt: null, firedEscalationSteps: [] });
    await act(handle, { action: 'accept', actor: office });
    expect(await handle.result()).toEqual({ state: 'accepted' });

    expect(harness.stubs.names().filter((name) => name !== 'sendDutyNotification')).toEqual([
      'recordDutyAssigned',
      'recordDutyTransition',
      'recordDutyTransition',
      'recordDutyTransition',
      'recordDutyTransition',
    ]);
    expect(harness.stubs.inputsOf('recordDutyTransition').map((t) => [t.seq, t.action, t.from, t.to])).toEqual([
      [2, 'acknowledge', 'assigned', 'acknowledged'],
      [3, 'start', 'acknowledged', 'in_progress'],
      [4, 'submit', 'in_progress', 'submitted'],
      [5, 'accept', 'submitted', 'accepted'],
    ]);
    expect(notifications()).toEqual([
      ['assigned', null, ['department_liaison']],
      ['transition', 'acknowledge', ['department_liaison']],
      ['transition', 'start', ['department_liaison']],
      // The department's submission is news for the office.
      ['transition', 'submit', ['office']],
      ['transition', 'accept', ['department_liaison']],
    ]);
  });

  it('reminds the liaison, then the duty is submitted before its due time and escalates nothing', async () => {
    // Reminder at max(half-way, due − 2 days) = 1.5 s; overdue at 3 s, the head at 3.75 s.
    const input = dutyInput({ dueInMs: 3_000, workingDayMs: 750 });
    const { dueAt, assignedAt, dutyId } = input.assignment;
    const handle = await startDuty(input);
    const [reminded] = await harness.stubs.waitForCalls('recordDutyReminded');
    expect(reminded).toMatchObject({ dutyId, dueAt });
    expect(reminded.remindedAt).toBeGreaterThanOrEqual(assignedAt + 1_500);
    expect(reminded.remindedAt).toBeLessThan(dueAt);
    await waitFor('the reminder e-mail', () => notifications().length === 2);
    expect(harness.stubs.inputsOf('sendDutyNotification')[1]).toEqual({
      key: `duty:${dutyId}:reminder:${dueAt}`,
      kind: 'reminder',
      dutyId,
      audience: ['department_liaison'],
      departmentId: DEPARTMENT,
    });
    expect(await live(handle)).toMatchObject({ state: 'assigned', remindedForDueAt: dueAt, overdue: false });

    await act(handle, { action: 'acknowledge', actor: officer });
    await act(handle, { action: 'start', actor: officer });
    await act(handle, { action: 'submit', actor: officer, result: '已完成' });
    await until(dueAt + 950);
    expect(harness.stubs.inputsOf('recordDutyEscalation')).toEqual([]);
    expect(await live(handle)).toMatchObject({ state: 'submitted', overdue: false, firedEscalationSteps: [] });
    await act(handle, { action: 'accept', actor: office });
    expect(await handle.result()).toEqual({ state: 'accepted' });
    expect(harness.stubs.inputsOf('recordDutyReminded')).toHaveLength(1);
    expect(notifications().map(([kind, detail]) => [kind, detail])).toEqual([
      ['assigned', null],
      ['reminder', null],
      ['transition', 'acknowledge'],
      ['transition', 'start'],
      ['transition', 'submit'],
      ['transition', 'accept'],
    ]);
  });

  it('left alone, climbs every step of the ladder in order, each at its offset and to its audience', async () => {
    // A working day of 400 ms: reminder at 600 ms (half-way), overdue at 1.2 s, the head at 1.6 s, the leading group at 2.4 s.
    const input = dutyInput({ dueInMs: 1_200, workingDayMs: 400 });
    const { dueAt, dutyId } = input.assignment;
    const handle = await startDuty(input);
    const steps = await harness.stubs.waitForCalls('recordDutyEscalation', 3);
    await waitFor('the five e-mails', () => notifications().length === 5);

    expect(harness.stubs.names()).toEqual([
      'recordDutyAssigned',
      'sendDutyNotification',
      'recordDutyReminded',
      'sendDutyNotification',
      'recordDutyEscalation',
      'sendDutyNotification',
      'recordDutyEscalation',
      'sendDutyNotification',
      'recordDutyEscalation',
      'sendDutyNotification',
    ]);
    expect(steps.map((s) => [s.step, s.notified, s.dueAt])).toEqual([
      ['overdue', ['department_liaison', 'office'], dueAt],
      ['chase_head', ['department_head', 'department_liaison'], dueAt],
      ['leading_group', ['office', 'department_head'], dueAt],
    ]);
    // Each step at its offset from the due time: 0, 1 and 3 working days.
    const lateness = steps.map((s) => s.firedAt - dueAt);
    expect(lateness[0]).toBeGreaterThanOrEqual(0);
    expect(lateness[1]).toBeGreaterThanOrEqual(400);
    expect(lateness[2]).toBeGreaterThanOrEqual(1_200);

    const escalations = harness.stubs.inputsOf('sendDutyNotification').filter((n) => n.kind === 'escalation');
    expect(escalations).toEqual([
      {
        key: `duty:${dutyId}:escalation:overdue:${dueAt}`,
        kind: 'escalation',
        dutyId,
        audience: ['department_liaison', 'office'],
        detail: 'overdue',
        departmentId: DEPARTMENT,
        stepTiming: { after: { workingDays: 0 }, next: { step: 'chase_head', after: { workingDays: 1 } } },
      },
      {
        key: `duty:${dutyId}:escalation:chase_head:${dueAt}`,
        kind: 'escalation',
        dutyId,
        audience: ['department_head', 'department_liaison'],
        detail: 'chase_head',
        departmentId: DEPARTMENT,
        stepTiming: { after: { workingDays: 1 }, next: { step: 'leading_group', after: { workingDays: 3 } } },
      },
      {
        key: `duty:${dutyId}:escalation:leading_group:${dueAt}`,
        kind: 'escalation',
        dutyId,
        audience: ['office', 'department_head'],
        detail: 'leading_group',
        departmentId: DEPARTMENT,
        stepTiming: { after: { workingDays: 3 }, next: null },
      },
    ]);
    expect(await live(handle)).toMatchObject({
      state: 'assigned',
      overdue: true,
      firedEscalationSteps: ['overdue', 'chase_head', 'leading_group'],
      pendingNotifications: 0,
    });

    // The top of the ladder: nothing more fires; the office closes it.
    await act(handle, { action: 'cancel', actor: office, reason: '并入其他事项' });
    expect(await handle.result()).toEqual({ state: 'cancelled' });
    expect(harness.stubs.inputsOf('recordDutyEscalation')).toHaveLength(3);
  });

  it('an extension moves the due time: the overdue mark lifts, a fresh reminder, the ladder again from its first step', async () => {
    const input = dutyInput({ dueInMs: 600, workingDayMs: 400 });
    const firstDue = input.assignment.dueAt;
    const handle = await startDuty(input);
    await harness.stubs.waitForCalls('recordDutyEscalation');
    expect(await live(handle)).toMatchObject({ overdue: true, firedEscalationSteps: ['overdue'] });

    // Only the office extends, with a reason, into the future.
    const newDue = Date.now() + 1_600;
    expect(await refusal(handle, { action: 'extend', actor: officer, reason: '等待税务数据', dueAt: newDue })).toBe('ACTION_NOT_PERMITTED');
    expect(await refusal(handle, { action: 'extend', actor: office, dueAt: newDue })).toBe('DUTY_ACTION_INPUT_MISSING');
    expect(await refusal(handle, { action: 'extend', actor: office, reason: '等待税务数据', dueAt: Date.now() - 1_000 })).toBe('DUE_TIME_NOT_IN_FUTURE');

    const extended = await act(handle, { action: 'extend', actor: office, reason: '等待税务数据', dueAt: newDue });
    expect(extended).toEqual({ id: input.assignment.dutyId, state: 'assigned', lastSeq: 2 });
    expect(await live(handle)).toMatchObject({ dueAt: newDue, overdue: false, firedEscalationSteps: [], lastSeq: 2 });
    expect(harness.stubs.inputsOf('recordDutyTransition')).toEqual([
      expect.objectContaining({ seq: 2, action: 'extend', from: 'assigned', to: 'assigned', reason: '等待税务数据', dueAt: newDue }),
    ]);

    // A reminder for the new due time, then overdue counted from it.
    const reminders = await harness.stubs.waitForCalls('recordDutyReminded', 2);
    const steps = await harness.stubs.waitForCalls('recordDutyEscalation', 2);
    expect(reminders.map((r) => r.dueAt)).toEqual([firstDue, newDue]);
    expect(reminders[1].remindedAt).toBeLessThan(newDue);
    expect(steps.map((s) => [s.step, s.dueAt])).toEqual([
      ['overdue', firstDue],
      ['overdue', newDue],
    ]);
    expect(steps[1].firedAt).toBeGreaterThanOrEqual(newDue);
    await act(handle, { action: 'cancel', actor: office, reason: '并入其他事项' });
    expect(await handle.result()).toEqual({ state: 'cancelled' });
    expect(notifications().map(([kind, detail]) => [kind, detail])).toEqual(
      expect.arrayContaining([
        ['transition', 'extend'],
        ['transition', 'cancel'],
      ]),
    );
    // The e-mails are keyed by due time, so the second round is not taken for a repeat of the first.
    const keys = harness.stubs.inputsOf('sendDutyNotification').map((n) => n.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        `duty:${input.assignment.dutyId}:reminder:${firstDue}`,
        `duty:${input.assignment.dutyId}:reminder:${newDue}`,
        `duty:${input.assignment.dutyId}:escalation:overdue:${firstDue}`,
        `duty:${input.assignment.dutyId}:escalation:overdue:${newDue}`,
      ]),
    );
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('cancelled mid-ladder: the steps above are never taken and the workflow ends cancelled', async () => {
    // Overdue at 600 ms, the head at 1.6 s.
    const input = dutyInput({ dueInMs: 600, workingDayMs: 1_000 });
    const handle = await startDuty(input);
    await harness.stubs.waitForCalls('recordDutyEscalation');
    expect(await refusal(handle, { action: 'cancel', actor: office })).toBe('DUTY_ACTION_INPUT_MISSING');
    await act(handle, { action: 'cancel', actor: office, reason: '任务调整' });
    expect(await handle.result()).toEqual({ state: 'cancelled' });
    expect(harness.stubs.inputsOf('recordDutyEscalation').map((s) => s.step)).toEqual(['overdue']);
    expect(harness.stubs.inputsOf('recordDutyTransition').map((t) => [t.action, t.from, t.to, t.reason])).toEqual([['cancel', 'assigned', 'cancelled', '任务调整']]);
    expect(notifications()).toEqual([
      ['assigned', null, ['department_liaison']],
      ['reminder', null, ['department_liaison']],
      ['escalation', 'overdue', ['department_liaison', 'office']],
      ['transition', 'cancel', ['department_liaison']],
    ]);
    // A closed duty takes no further action.
    expect(await live(handle)).toMatchObject({ state: 'cancelled', overdue: false, firedEscalationSteps: ['overdue'] });
  });

  it('drops a notification the database refuses (not retried) and goes on with its clock', async () => {
    const input = dutyInput({ dueInMs: 1_000, workingDayMs: 400 });
    harness.stubs.fail('sendDutyNotification', refusedInput(), { when: (n) => n.kind === 'assigned' });
    const handle = await startDuty(input);
    await harness.stubs.waitForCalls('recordDutyReminded');
    await waitFor('the reminder e-mail', () => notifications().length === 2);
    // One attempt at the refused e-mail, then the next one: the duty did not freeze on it.
    expect(harness.stubs.calls.filter((c) => c.name === 'sendDutyNotification').map((c) => [(c.input as { kind: string }).kind, c.attempt])).toEqual([
      ['assigned', 1],
      ['reminder', 1],
    ]);
    expect(workerLog.some((entry) => entry.message.includes('Notification dropped'))).toBe(true);
    expect(await live(handle)).toMatchObject({ state: 'assigned', pendingNotifications: 0, remindedForDueAt: input.assignment.dueAt });
    expect(await act(handle, { action: 'acknowledge', actor: officer })).toMatchObject({ state: 'acknowledged', lastSeq: 2 });
    await act(handle, { action: 'cancel', actor: office, reason: '测试结束' });
    expect(await handle.result()).toEqual({ state: 'cancelled' });
  });

  it('fails an action whose record the database refuses at once, leaving the duty as it was for the next one', async () => {
    // A distant due time: no timer fires during the test.
    const input = dutyInput({ dueInMs: 600_000, workingDayMs: 100_000 });
    harness.stubs.fail('recordDutyTransition', refusedInput());
    const handle = await startDuty(input);
    const started = Date.now();
    const error = await handle.executeUpdate(dutyActionUpdate, { args: [{ action: 'acknowledge', actor: officer }] }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    expect((error as WorkflowUpdateFailedError).cause?.cause).toMatchObject({ type: 'InvalidInput', nonRetryable: true });
    // Not retried with the activity's 1 s backoff.
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(harness.stubs.calls.filter((c) => c.name === 'recordDutyTransition').map((c) => c.attempt)).toEqual([1]);
    expect(await live(handle)).toMatchObject({ state: 'assigned', lastSeq: 1 });

    expect(await act(handle, { action: 'acknowledge', actor: officer })).toEqual({ id: input.assignment.dutyId, state: 'acknowledged', lastSeq: 2 });
    expect(harness.stubs.inputsOf('recordDutyTransition').map((t) => [t.seq, t.action])).toEqual([
      [2, 'acknowledge'],
      [2, 'acknowledge'],
    ]);
    await waitFor('the acknowledgement e-mail', () => notifications().length === 2);
    // The refused attempt sent nothing.
    expect(notifications().map(([kind, detail]) => [kind, detail])).toEqual([
      ['assigned', null],
      ['transition', 'acknowledge'],
    ]);
  });

  it('retries an activity that fails with a retryable error until it succeeds, sending the e-mail once', async () => {
    const input = dutyInput({ dueInMs: 600_000, workingDayMs: 100_000 });
    harness.stubs.fail('sendDutyNotification', ApplicationFailure.create({ message: 'SMTP server busy', nonRetryable: false }));
    const handle = await startDuty(input);
    await harness.stubs.waitForCalls('sendDutyNotification', 2);
    expect(harness.stubs.calls.filter((c) => c.name === 'sendDutyNotification').map((c) => [(c.input as { kind: string }).kind, c.attempt])).toEqual([
      ['assigned', 1],
      ['assigned', 2],
    ]);
    await waitFor('the outbox empty', async () => (await live(handle)).pendingNotifications === 0);
  });

  it('continues as new at its history bound, carrying its clock, its sequence and the e-mails it owes', async () => {
    // Overdue at 300 ms, the head a second later; a bound low enough that a dozen notes cross it.
    const input = dutyInput({ dueInMs: 300, workingDayMs: 1_000, historyEventsBound: 60 });
    const { dutyId } = input.assignment;
    const handle = await startDuty(input);
    await harness.stubs.waitForCalls('recordDutyEscalation');
    const notes = 12;
    for (let n = 1; n <= notes; n++) await act(handle, { action: 'record_progress', actor: officer, reason: `进展 ${n}` });
    await harness.stubs.waitForCalls('recordDutyEscalation', 2);
    await waitFor('the outbox empty', async () => (await live(handle)).pendingNotifications === 0);

    const runs: string[] = [];
    for await (const run of harness.client.workflow.list({ query: `WorkflowId = '${dutyWorkflowId(dutyId)}'` })) runs.push(run.runId);
    expect(runs.length).toBeGreaterThan(1);
    // Each note recorded once, under consecutive sequence numbers across the runs.
    expect(harness.stubs.inputsOf('recordDutyTransition').map((t) => [t.seq, t.reason])).toEqual(Array.from({ length: notes }, (_, i) => [i + 2, `进展 ${i + 1}`]));
    expect(await live(handle)).toMatchObject({ state: 'assigned', lastSeq: notes + 1, overdue: true });
    // The new run knew the overdue step was taken: the head's step next, the overdue one not again.
    const steps = harness.stubs.inputsOf('recordDutyEscalation').map((s) => s.step);
    expect(steps.slice(0, 2)).toEqual(['overdue', 'chase_head']);
    expect(new Set(steps).size).toBe(steps.length);
    // Every e-mail owed was sent once, whichever run sent it.
    const keys = harness.stubs.inputsOf('sendDutyNotification').map((n) => n.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (let seq = 2; seq <= notes + 1; seq++) expect(keys).toContain(`duty:${dutyId}:transition:${seq}`);
    await act(handle, { action: 'cancel', actor: office, reason: '测试结束' });
    expect(await handle.result()).toEqual({ state: 'cancelled' });
  });
});
