/**
 * Baselines measured on the same Temporal server in the same run as what they are compared
 * with, by bare workers of their own (child processes, their own task queue, nothing of Duban):
 *
 * - B0: N client starts of a no-op workflow, starts/s until the last has completed;
 * - B1: the same with one no-op activity in each workflow;
 * - the phase's shape: a root workflow, batch workflows of 200, N child workflows (no-op, or
 *   with the duty's two activities, no-ops here), workflows/s until the root has completed;
 * - bare updates: N updates, each on a trivial workflow of its own whose handler returns at
 *   once, answer time p50/p99 at a given concurrency.
 *
 * Any bench file may use it: `const baselines = await Baselines.start({ address, workers: 1 })`,
 * then `await baselines.starts(2000, 0)`, …, `await baselines.stop()`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode } from '@temporalio/worker';
import { freePort, stopProcess } from '../../scripts/lib/processes';
import { waitFor } from '../../test/support/wait-for';
import { cpuMeter, percentile } from './proc';
import { bareUpdate, stopSignal } from './trivial-update.workflow';

const REPO = path.resolve(__dirname, '../..');

export interface Throughput {
  /** Workflows (or duties, cases) per second from the first start to the last completion. */
  perSecond: number;
  elapsedMs: number;
  count: number;
  /** CPU seconds used meanwhile, by process group (workers, Temporal, …). */
  cpu: Record<string, number>;
}

export interface Latencies {
  p50: number;
  p99: number;
  perSecond: number;
  count: number;
  /** Calls sent again after the server aborted them (UNAVAILABLE under load). */
  resent: number;
}

let bundled: Promise<string> | undefined;
/** The baseline workflows, bundled once per process. */
export function baselineBundle(): Promise<string> {
  bundled ??= (async () => {
    const code = await bundleWorkflowCode({ workflowsPath: path.join(__dirname, 'baseline.workflows.ts'), logger: quietBundler });
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'duban-bench-')), 'baseline-bundle.js');
    await writeFile(file, code.code);
    return file;
  })();
  return bundled;
}

const quietBundler = { trace() {}, debug() {}, info() {}, warn() {}, error: (message: string) => console.error(message), log() {} };

/** `n` calls, at most `concurrency` at a time; resolves with every call's answer time (ms). */
export async function pool(n: number, concurrency: number, call: (i: number) => Promise<void>): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, n) }, async () => {
      while (next < n) {
        const i = next++;
        const started = Date.now();
        await call(i);
        times.push(Date.now() - started);
      }
    }),
  );
  return times;
}

/** The server aborts a call now and then under load; a client sends it again. */
export async function again<T>(call: () => Promise<T>, onRetry: () => void = () => {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= 10) throw error;
      onRetry();
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

export class Baselines {
  readonly taskQueue = `bench-bare-${randomUUID()}`;
  readonly children: ChildProcess[] = [];
  private output = '';

  private constructor(
    readonly client: Client,
    private readonly connection: Connection,
    /** Other processes whose CPU time each measurement reports (the Temporal server, say). */
    private readonly otherPids: () => Record<string, number[]>,
  ) {}

  static async start(options: { address: string; namespace?: string; workers: number; otherPids?: () => Record<string, number[]> }): Promise<Baselines> {
    const connection = await Connection.connect({ address: options.address });
    const baselines = new Baselines(new Client({ connection, namespace: options.namespace ?? 'default' }), connection, options.otherPids ?? (() => ({})));
    const bundle = await baselineBundle();
    for (let i = 0; i < options.workers; i++) {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'bare-worker.ts')], {
        cwd: REPO,
        env: {
          PATH: process.env.PATH,
          BENCH_TEMPORAL_ADDRESS: options.address,
          BENCH_TEMPORAL_NAMESPACE: options.namespace ?? 'default',
          BENCH_TASK_QUEUE: baselines.taskQueue,
          BENCH_BUNDLE_PATH: bundle,
          BENCH_METRICS_ADDRESS: `127.0.0.1:${await freePort()}`,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const keep = (chunk: Buffer) => (baselines.output = (baselines.output + chunk.toString()).slice(-8000));
      child.stdout?.on('data', keep);
      child.stderr?.on('data', keep);
      baselines.children.push(child);
    }
    await waitFor(
      'the bare workers',
      () => {
        const exited = baselines.children.find((c) => c.exitCode !== null);
        if (exited) throw new Error(`a bare worker exited: ${baselines.output}`);
        return baselines.output.split('bare worker polling').length - 1 >= options.workers;
      },
      { timeoutMs: 120_000, intervalMs: 200 },
    ).catch((error) => {
      throw new Error(`${String(error)}\n${baselines.output}`);
    });
    return baselines;
  }

  get pids(): number[] {
    return this.children.map((c) => c.pid!);
  }

  private meter() {
    return cpuMeter(() => ({ 'bare workers': this.pids, ...this.otherPids() }));
  }

  /**
   * B0 (`activities` 0) or B1 (1): `n` client starts, `concurrency` at a time, timed from the
   * first start to the last completion (its close time as the server recorded it).
   */
  async starts(n: number, activities: number, concurrency = 100): Promise<Throughput> {
    const run = randomUUID().slice(0, 8);
    const cpu = this.meter();
    const started = Date.now();
    let resent = 0;
    await pool(n, concurrency, async (i) => {
      await again(
        () => this.client.workflow.start('ActivitiesWorkflow', { taskQueue: this.taskQueue, workflowId: `bench-b${activities}-${run}-${i}`, args: [activities] }),
        () => resent++,
      );
    });
    const closed = await this.lastClose(`WorkflowId STARTS_WITH 'bench-b${activities}-${run}-'`, n);
    return { perSecond: n / ((closed - started) / 1000), elapsedMs: closed - started, count: n, cpu: cpu() };
  }

  /** The phase's shape: one root, batches of `batchSize`, `n` children of `activities` activities each. */
  async tree(n: number, activities: number, batchSize = 200): Promise<Throughput> {
    const workflowId = `bench-tree${activities}-${randomUUID().slice(0, 8)}`;
    const cpu = this.meter();
    const started = Date.now();
    const root = await this.client.workflow.start('TreeWorkflow', {
      taskQueue: this.taskQueue,
      workflowId,
      args: [{ children: n, batchSize, batchesTogether: 20, activities }],
    });
    await root.result();
    const described = await root.describe();
    const closed = described.closeTime?.getTime() ?? Date.now();
    return { perSecond: n / ((closed - started) / 1000), elapsedMs: closed - started, count: n, cpu: cpu() };
  }

  /** `n` bare updates, each on a trivial workflow of its own, `concurrency` at a time. */
  async updates(n: number, concurrency: number): Promise<Latencies> {
    const run = randomUUID().slice(0, 8);
    const handles = await Promise.all(
      Array.from({ length: n }, (_, i) => this.client.workflow.start('TrivialUpdateWorkflow', { taskQueue: this.taskQueue, workflowId: `bench-trivial-${run}-${i}` })),
    );
    // Every workflow has run its first task (and sits in the worker's cache) before the clock starts.
    await pool(n, 50, async (i) => {
      await again(() => handles[i].executeUpdate(bareUpdate, { args: [-1] }));
    });
    let resent = 0;
    const started = Date.now();
    const times = await pool(n, concurrency, async (i) => {
      await again(
        () => handles[i].executeUpdate(bareUpdate, { args: [i] }),
        () => resent++,
      );
    });
    const elapsed = Date.now() - started;
    await pool(n, 50, async (i) => {
      await handles[i].signal(stopSignal);
    });
    return { p50: percentile(times, 50), p99: percentile(times, 99), perSecond: n / (elapsed / 1000), count: n, resent };
  }

  /** Waits until `n` workflows matching `query` have completed; the latest close time among them. */
  private async lastClose(query: string, n: number): Promise<number> {
    const closed = `${query} AND ExecutionStatus = 'Completed'`;
    await waitFor('the baseline workflows to complete', async () => (await this.client.workflow.count(closed)).count >= n, { timeoutMs: 60 * 60_000, intervalMs: 200 });
    let last = 0;
    for await (const execution of this.client.workflow.list({ query: closed })) last = Math.max(last, execution.closeTime?.getTime() ?? 0);
    return last;
  }

  async stop(): Promise<void> {
    await Promise.all(this.children.map((child) => stopProcess(child, 10_000)));
    await this.connection.close();
  }
}
