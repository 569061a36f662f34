import { WorkflowUpdateFailedError } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { dutyActionUpdate, dutyWorkflowId } from '@duban/workflows';
import { recordHistoryIfAsked } from '../support/recorded-histories';
import { TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait-for';

/** Lowered for this file so that a few dozen actions cross it (the default is 2,000). */
const HISTORY_BOUND = 150;
/**
 * What one run may go past its bound: the action in flight, and the actions of the callers
 * already admitted when it is reached (each may have cost a workflow task, its acceptance and
 * its answer: about five events). So the margin grows with the callers acting at once, never
 * with the actions a duty has taken: CALLERS × 5 plus the action in flight stays within it.
 */
const HISTORY_MARGIN = 100;
/** Callers acting on the busy duty at once, each sending its notes one after another. */
const CALLERS = 12;
const NOTES_PER_CALLER = 10;

/**
 * A duty under pressure: an input the database refuses (a poison pill), a burst of actions on
 * one duty (its history stays bounded), and users racing each other.
 */
describe('a duty under pressure', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start({ DUBAN_DUTY_HISTORY_EVENTS: String(HISTORY_BOUND) });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  /** A POST that also returns the answer's headers. */
  async function post(path: string, token: string, body: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${stack.baseUrl}${path}`, {
      method: 'POST',
      headers: { ...headers, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: Object.fromEntries(response.headers) as Record<string, string> };
  }

  async function newDuty(title: string) {
    const office = await stack.userWithToken('office');
    const department = await stack.department(office.token);
    const officer = await stack.userWithToken('department_officer', department.id);
    const { body: duty, status } = await stack.http('POST', '/duties', {
      token: office.token,
      body: { departmentId: department.id, title, description: '', dueAt: new Date(Date.now() + 5 * 86400_000).toISOString() },
    });
    expect(status).toBe(201);
    return { office, department, officer, duty };
  }

  it('fails an action whose input the database refuses at once, with the reason, and takes the next one', async () => {
    const { office, department, officer, duty } = await newDuty('毒丸输入');
    const handle = stack.temporal.workflow.getHandle(dutyWorkflowId(duty.id));
    const actor = { userId: office.user.id, username: office.user.username, role: 'office' as const, departmentId: null };
    const started = Date.now();
    // Past the API's front door: straight to the workflow, a NUL PostgreSQL cannot store.
    const refused = await handle
      .executeUpdate(dutyActionUpdate, {
        args: [{ action: 'extend', actor, reason: 'bad\u0000reason', dueAt: Date.now() + 10 * 86400_000 }],
      })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
    // The activity's failure, inside the update's.
    const failure = (refused as WorkflowUpdateFailedError).cause?.cause as { type?: string; message?: string; nonRetryable?: boolean };
    expect(failure).toMatchObject({ type: 'InvalidInput', nonRetryable: true });
    expect(failure.message).toMatch(/database refused the input \(SQLSTATE 22021\)/);
    // Not retried with the activity's 1 s .. 1 min backoff: one attempt, then the answer.
    expect(Date.now() - started).toBeLessThan(5_000);

    // The duty is as it was and takes the next action, through the API.
    const live = await handle.query('dutyLiveState');
    expect(live).toMatchObject({ state: 'assigned', lastSeq: 1 });
    const extended = await stack.http('POST', `/duties/${duty.id}/extend`, {
      token: office.token,
      body: { reason: '材料补充', dueAt: new Date(Date.now() + 10 * 86400_000).toISOString() },
    });
    expect(extended.status).toBe(200);
    const acknowledged = await stack.http('POST', `/duties/${duty.id}/acknowledge`, { token: officer.token, body: {} });
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body.history.map((h: { action: string }) => h.action)).toEqual(['assign', 'extend', 'acknowledge']);
    void department;
  });

  it('keeps each run of a busy duty within its history bound and loses no action', async () => {
    const { office, officer, duty } = await newDuty('繁忙事项');
    const notes = CALLERS * NOTES_PER_CALLER;
    const lanes = await Promise.all(
      Array.from({ length: CALLERS }, async (_, caller) => {
        const statuses: number[] = [];
        for (let n = 0; n < NOTES_PER_CALLER; n++) {
          const answer = await stack.http('POST', `/duties/${duty.id}/progress`, { token: officer.token, body: { note: `进展 ${caller}-${n}` } });
          statuses.push(answer.status);
        }
        return statuses;
      }),
    );
    expect(lanes.flat()).toEqual(Array(notes).fill(200));

    const got = await stack.http('GET', `/duties/${duty.id}`, { token: office.token });
    const recorded = got.body.history.filter((h: { action: string }) => h.action === 'record_progress');
    expect(recorded).toHaveLength(notes);
    expect(new Set(recorded.map((h: { reason?: string; note?: string }) => h.reason ?? h.note)).size).toBe(notes);

    // Every run of the workflow (closed ones continued as new), each within bound + margin.
    await waitFor(
      'the outbox drained',
      async () => ((await stack.temporal.workflow.getHandle(dutyWorkflowId(duty.id)).query('dutyLiveState')) as { pendingNotifications: number }).pendingNotifications === 0,
    );
    const lengths: number[] = [];
    let longest: Record<string, number> = {};
    let longestRunId = '';
    let drainedRunId: string | undefined;
    for await (const run of stack.temporal.workflow.list({ query: `WorkflowId = '${dutyWorkflowId(duty.id)}'` })) {
      const history = await stack.temporal.workflow.getHandle(run.workflowId, run.runId).fetchHistory();
      const events = history.events ?? [];
      if (events.length > Math.max(0, ...lengths)) {
        // What the longest run spent its events on: the figure a failure needs.
        longest = {};
        longestRunId = run.runId;
        for (const event of events) longest[String(event.eventType)] = (longest[String(event.eventType)] ?? 0) + 1;
      }
      lengths.push(events.length);
      // A run that rolled over while it drained its notifications is the one worth replaying.
      const patches = events.flatMap((event) =>
        Object.values(event.markerRecordedEventAttributes?.details ?? {}).flatMap((d) => (d.payloads ?? []).map((p) => defaultPayloadConverter.fromPayload(p) as { id?: string })),
      );
      if (patches.some((patch) => patch?.id === 'duty-bounded-outbox')) drainedRunId = run.runId;
    }
    console.log(`busy duty: ${lengths.length} runs, lengths ${lengths.join(' ')}; the longest by event type ${JSON.stringify(longest)}`);
    expect(lengths.length).toBeGreaterThan(1);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(HISTORY_BOUND + HISTORY_MARGIN);
    // Busy runs that rolled over at their bound, for the replay tests.
    await recordHistoryIfAsked(stack.temporal.workflow.getHandle(dutyWorkflowId(duty.id), longestRunId), 'duty-workflow.busy-run-rolled-over');
    if (drainedRunId) await recordHistoryIfAsked(stack.temporal.workflow.getHandle(dutyWorkflowId(duty.id), drainedRunId), 'duty-workflow.rolled-over-while-notifying');
  });

  it('lets one of 50 simultaneous acknowledgements through and answers the 49 others with a clear 409', async () => {
    const { office, officer, duty } = await newDuty('五十人同时签收');
    const results = await Promise.all(Array.from({ length: 50 }, () => stack.http('POST', `/duties/${duty.id}/acknowledge`, { token: officer.token, body: {} })));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    for (const refused of results.filter((r) => r.status === 409)) {
      expect(refused.body).toMatchObject({ code: expect.stringMatching(/DUTY_TRANSITION_FORBIDDEN/) });
    }
    const got = await stack.http('GET', `/duties/${duty.id}`, { token: office.token });
    expect(got.body.history.map((h: { action: string }) => h.action)).toEqual(['assign', 'acknowledge']);
  });

  it('records one comment for 50 identical retries with one Idempotency-Key, and replays its answer', async () => {
    const { office, officer, duty } = await newDuty('重试评论');
    const headers = { 'idempotency-key': `comment-${duty.id}` };
    const body = { text: '请补充各街道分工。' };
    const results = await Promise.all(Array.from({ length: 50 }, () => post(`/duties/${duty.id}/comments`, office.token, body, headers)));
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(results.filter((r) => r.headers['idempotency-replayed'] === 'true')).toHaveLength(49);
    const rows = await stack.dataSource.query('SELECT count(*) AS n FROM duty_comments WHERE duty_id = $1', [duty.id]);
    expect(Number(rows[0].n)).toBe(1);

    // The same key with another body is a mistake; a bad key is refused before anything runs.
    const other = await stack.http('POST', `/duties/${duty.id}/comments`, { token: office.token, body: { text: '另一条' }, headers });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const tooLong = await stack.http('POST', `/duties/${duty.id}/comments`, {
      token: office.token,
      body: { text: '另一条' },
      headers: { 'idempotency-key': 'k'.repeat(256) },
    });
    expect(tooLong.status).toBe(400);
    // Another user's identical key is their own request.
    const theirs = await stack.http('POST', `/duties/${duty.id}/comments`, { token: officer.token, body, headers });
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(results[0].body.id);

    // A retried progress note (the answer was lost) is recorded once.
    const noteHeaders = { 'idempotency-key': `note-${duty.id}` };
    const first = await post(`/duties/${duty.id}/progress`, officer.token, { note: '已完成一半' }, noteHeaders);
    const again = await post(`/duties/${duty.id}/progress`, officer.token, { note: '已完成一半' }, noteHeaders);
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotency-replayed']).toBe('true');
    const history = await stack.http('GET', `/duties/${duty.id}`, { token: office.token });
    expect(history.body.history.filter((h: { action: string }) => h.action === 'record_progress')).toHaveLength(1);
  });

  it('waits for a duty whose workflow is not started yet instead of calling it closed', async () => {
    // As a report round just opened: the duty's row is written, its workflow starts a moment later.
    const { officer, duty } = await newDuty('工作流稍后启动');
    const handle = stack.temporal.workflow.getHandle(dutyWorkflowId(duty.id));
    const history = await handle.fetchHistory();
    const input = defaultPayloadConverter.fromPayload(history.events![0].workflowExecutionStartedEventAttributes!.input!.payloads![0]);
    await handle.terminate('the test starts it again later');
    const acknowledged = post(`/duties/${duty.id}/acknowledge`, officer.token, {});
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await stack.temporal.workflow.start('DutyWorkflow', { taskQueue: stack.config.temporal.taskQueue, workflowId: dutyWorkflowId(duty.id), args: [input] });
    const answer = await acknowledged;
    expect({ status: answer.status, state: answer.body?.state }).toEqual({ status: 200, state: 'acknowledged' });
  });
});
