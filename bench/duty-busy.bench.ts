/**
 * A busy duty: rounds of N concurrent progress notes on one duty through the API, against the
 * real services, beside a baseline in the same run: the same number of concurrent updates on a
 * trivial workflow (its own worker and task queue on the same Temporal server) whose handler
 * returns at once (the serialised handler there, one no-op activity per update, is kept for
 * manual comparison). Reports answers/s, p50/p99 of the
 * answer times, and the longest history among the duty's runs (it continues as new at 2,000).
 *
 *   npx jest -c bench/jest.config.js bench/duty-busy.bench.ts                    (50 notes, 8 rounds)
 *   BENCH_NOTES=50 BENCH_ROUNDS=4 BENCH_BASELINE_ROUNDS=1 npx jest -c bench/jest.config.js bench/duty-busy.bench.ts
 */
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { NativeConnection, Worker } from '@temporalio/worker';
import { dutyWorkflowId } from '@duban/workflows';
import { TestStack } from '../test/support/test-stack';
import { waitFor } from '../test/support/wait-for';
import { bareUpdate, stopSignal } from './support/trivial-update.workflow';

const NOTES = Number(process.env.BENCH_NOTES ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);
const BASELINE_ROUNDS = Number(process.env.BENCH_BASELINE_ROUNDS ?? 2);

interface Figures {
  perSecond: number;
  p50: number;
  p99: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** `rounds` rounds of `n` concurrent calls; every call's answer time, and the rate over all. */
async function measure(rounds: number, n: number, call: (i: number) => Promise<void>): Promise<Figures> {
  const times: number[] = [];
  const started = Date.now();
  for (let round = 0; round < rounds; round++) {
    await Promise.all(
      Array.from({ length: n }, async (_, i) => {
        const t = Date.now();
        await call(round * n + i);
        times.push(Date.now() - t);
      }),
    );
  }
  const elapsed = (Date.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return { perSecond: times.length / elapsed, p50: percentile(times, 50), p99: percentile(times, 99) };
}

let resent = 0;

/** The server aborts an update now and then under load (UNAVAILABLE); a client sends it again. */
async function again<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= 10) throw error;
      resent++;
    }
  }
}

it('measures a duty under a burst of progress notes against a bare update baseline', async () => {
  const stack = await TestStack.start();
  const connection = await NativeConnection.connect({ address: stack.config.temporal.address });
  const taskQueue = `bench-trivial-${randomUUID()}`;
  const worker = await Worker.create({
    connection,
    taskQueue,
    workflowsPath: path.join(__dirname, 'support/trivial-update.workflow.ts'),
    activities: { noop: async (n: number) => n },
  });
  const running = worker.run();
  try {
    const trivial = await stack.temporal.workflow.start('TrivialUpdateWorkflow', { taskQueue, workflowId: `trivial-${randomUUID()}` });
    console.log('baseline started');
    const bare = await measure(BASELINE_ROUNDS, NOTES, async (i) => {
      await again(() => trivial.executeUpdate(bareUpdate, { args: [i] }));
    });
    console.log('baseline done', JSON.stringify({ bare }));
    await trivial.signal(stopSignal);

    const office = await stack.userWithToken('office');
    const department = await stack.department(office.token);
    const officer = await stack.userWithToken('department_officer', department.id);
    const { body: duty } = await stack.http('POST', '/duties', {
      token: office.token,
      body: { departmentId: department.id, title: '繁忙事项基准', description: '', dueAt: new Date(Date.now() + 30 * 86400_000).toISOString() },
    });
    const failures: number[] = [];
    const notes = await measure(ROUNDS, NOTES, async (i) => {
      const answer = await stack.http('POST', `/duties/${duty.id}/progress`, { token: officer.token, body: { note: `进展 ${i}` } });
      if (answer.status !== 200) failures.push(answer.status);
    });
    if (failures.length > 0) throw new Error(`notes refused: ${failures.join(', ')}`);
    const got = await stack.http('GET', `/duties/${duty.id}`, { token: office.token });
    const recorded = got.body.history.filter((h: { action: string }) => h.action === 'record_progress').length;
    if (recorded !== ROUNDS * NOTES) throw new Error(`expected ${ROUNDS * NOTES} notes, recorded ${recorded}`);
    await waitFor(
      'the outbox drained',
      async () => {
        const live = (await stack.temporal.workflow.getHandle(dutyWorkflowId(duty.id)).query('dutyLiveState')) as { pendingNotifications: number };
        return live.pendingNotifications === 0;
      },
      { timeoutMs: 10 * 60_000 },
    );
    const lengths: number[] = [];
    for await (const run of stack.temporal.workflow.list({ query: `WorkflowId = '${dutyWorkflowId(duty.id)}'` })) {
      const history = await stack.temporal.workflow.getHandle(run.workflowId, run.runId).fetchHistory();
      lengths.push(history.events?.length ?? 0);
    }

    const row = (name: string, f: Figures, history: string) =>
      `| ${name} | ${f.perSecond.toFixed(1)} | ${f.p50} ms | ${f.p99} ms | ${(notes.perSecond / f.perSecond).toFixed(2)} | ${(notes.p99 / f.p99).toFixed(1)} | ${history} |`;
    console.log(
      [
        `duty: ${ROUNDS} rounds of ${NOTES} concurrent notes (${ROUNDS * NOTES} in all); baseline: ${BASELINE_ROUNDS} rounds; baseline updates sent again after an abort: ${resent}`,
        "| calls | answers/s | p50 | p99 | duty's answers/s ÷ this | duty's p99 ÷ this | longest history (runs) |",
        '|---|---|---|---|---|---|---|',
        row('progress notes on one duty (API)', notes, `${Math.max(...lengths)} (${lengths.length})`),
        row('bare update, trivial workflow', bare, '–'),
      ].join('\n'),
    );
  } finally {
    worker.shutdown();
    await running;
    await connection.close();
    await stack.stop();
  }
});
