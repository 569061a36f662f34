import { randomUUID } from 'node:crypto';
import { Context } from '@temporalio/activity';
import { Client, Connection, type WorkflowHandle, type WorkflowStartOptions } from '@temporalio/client';
import type { Workflow } from '@temporalio/common';
import { DefaultLogger, NativeConnection, Runtime, Worker, type LogEntry } from '@temporalio/worker';
import { waitFor } from './wait-for';

/** What the worker logged at WARN and above in this process (workflow `log` calls included). */
export const workerLog: LogEntry[] = [];
/** Failures the stubs were told to throw: the worker's "Activity failed" about them is expected. */
const scriptedFailures = new WeakSet<Error>();
let runtimeInstalled = false;

function installQuietRuntime(): void {
  if (runtimeInstalled) return;
  Runtime.install({
    logger: new DefaultLogger('WARN', (entry) => {
      workerLog.push(entry);
      const error = entry.meta?.error;
      if (error instanceof Error && scriptedFailures.has(error)) return;
      console.warn(`[worker ${entry.level}] ${entry.message}`);
    }),
  });
  runtimeInstalled = true;
}

/** One call a workflow made to a stub activity, as the stub received it. */
export interface ActivityCall {
  name: string;
  input: unknown;
  /** Temporal's attempt number: 2 and up are retries. */
  attempt: number;
  at: number;
}

/** A stub activity's answer: what the real one would return, or a thrown failure. */
type Answer = (input: any) => unknown;
type Answers<A> = { [K in keyof A]: A[K] };

/**
 * Stub activities: plain functions that record each call, answer from a script the test can
 * change, and fail when told to (an ApplicationFailure, retryable or not, as a real activity
 * would throw it).
 */
export class StubActivities<A extends object> {
  readonly calls: ActivityCall[] = [];
  private readonly answers = new Map<string, Answer>();
  private readonly failures = new Map<string, Array<{ when: (input: any) => boolean; failure: Error; times: number }>>();

  constructor(answers: Answers<A>) {
    for (const [name, answer] of Object.entries(answers)) this.answers.set(name, answer as Answer);
  }

  /** Replaces the answer of one activity from now on. */
  answer<K extends keyof A & string>(name: K, answer: A[K]): void {
    this.answers.set(name, answer as Answer);
  }

  /** The next `times` calls of `name` whose input `when` accepts throw `failure`. */
  fail<K extends keyof A & string>(name: K, failure: Error, options: { times?: number; when?: (input: Parameters<Extract<A[K], Answer>>[0]) => boolean } = {}): void {
    scriptedFailures.add(failure);
    const queue = this.failures.get(name) ?? [];
    queue.push({ when: options.when ?? (() => true), failure, times: options.times ?? 1 });
    this.failures.set(name, queue);
  }

  /** The inputs of every call of `name`, in order (retries included). */
  inputsOf<K extends keyof A & string>(name: K): Array<Parameters<Extract<A[K], Answer>>[0]> {
    return this.calls.filter((call) => call.name === name).map((call) => call.input as never);
  }

  /** Every activity called, by name, in order. */
  names(): string[] {
    return this.calls.map((call) => call.name);
  }

  /** Waits until `name` has been called `count` times (by default once) and returns those calls' inputs. */
  async waitForCalls<K extends keyof A & string>(name: K, count = 1, timeoutMs = 15_000): Promise<Array<Parameters<Extract<A[K], Answer>>[0]>> {
    try {
      return await waitFor(
        `${count} call(s) of ${name}`,
        () => {
          const inputs = this.inputsOf(name);
          return inputs.length >= count && inputs;
        },
        { timeoutMs, intervalMs: 20 },
      );
    } catch (error) {
      // What the workflow did instead is what a failing test needs.
      throw new Error(`${(error as Error).message}; the calls made: ${this.names().join(', ') || 'none'}`);
    }
  }

  /** The functions the worker registers. */
  implementations(): Record<string, (input: unknown) => Promise<unknown>> {
    return Object.fromEntries(
      [...this.answers.keys()].map((name) => [
        name,
        async (input: unknown) => {
          this.calls.push({ name, input, attempt: Context.current().info.attempt, at: Date.now() });
          const queue = this.failures.get(name) ?? [];
          const failing = queue.find((f) => f.times > 0 && f.when(input));
          if (failing) {
            failing.times--;
            throw failing.failure;
          }
          return this.answers.get(name)!(input);
        },
      ]),
    );
  }
}

/**
 * One test's workflow worker: the run's real workflow bundle (global setup) on the run's
 * Temporal dev server, on a fresh task queue, with stub activities in place of the worker's.
 * Time is real: tests keep it small through the durations in the workflow's input (a
 * compressed working day, a near due time), exactly as the integration tests do.
 */
export class WorkflowHarness<A extends object> {
  readonly taskQueue = `workflow-test-${randomUUID()}`;
  client!: Client;
  private connection!: Connection;
  private nativeConnection!: NativeConnection;
  private worker!: Worker;
  private running!: Promise<void>;

  private constructor(readonly stubs: StubActivities<A>) {}

  static async start<A extends object>(answers: Answers<A>): Promise<WorkflowHarness<A>> {
    const address = process.env.TEMPORAL_ADDRESS;
    const bundlePath = process.env.WORKFLOW_BUNDLE_PATH;
    if (!address || !bundlePath) throw new Error('TEMPORAL_ADDRESS and WORKFLOW_BUNDLE_PATH come from the integration project’s global setup');
    installQuietRuntime();
    const harness = new WorkflowHarness(new StubActivities(answers));
    harness.nativeConnection = await NativeConnection.connect({ address });
    harness.worker = await Worker.create({
      connection: harness.nativeConnection,
      taskQueue: harness.taskQueue,
      workflowBundle: { codePath: bundlePath },
      activities: harness.stubs.implementations(),
      // Workflows in this thread rather than a pool of workers: the same sandbox, without
      // loading the 3 MB bundle into new threads (about 0.5 s a test instead of 2 to 5).
      debugMode: true,
    });
    harness.running = harness.worker.run();
    harness.connection = await Connection.connect({ address });
    harness.client = new Client({ connection: harness.connection });
    return harness;
  }

  /** Starts a workflow on this harness's task queue under a fresh id. */
  startWorkflow<W extends Workflow>(
    workflowType: string,
    options: Omit<WorkflowStartOptions<W>, 'taskQueue' | 'workflowId'> & { workflowId?: string },
  ): Promise<WorkflowHandle<W>> {
    return this.client.workflow.start<W>(workflowType, {
      ...options,
      taskQueue: this.taskQueue,
      workflowId: options.workflowId ?? `workflow-test-${randomUUID()}`,
    } as WorkflowStartOptions<W>);
  }

  /**
   * Terminates what is still running on this task queue (children included: a case's duties
   * are abandoned, not closed, with it), then stops the worker.
   */
  async stop(): Promise<void> {
    try {
      if (this.client) {
        for await (const execution of this.client.workflow.list({ query: `TaskQueue = '${this.taskQueue}' AND ExecutionStatus = 'Running'` })) {
          await this.client.workflow
            .getHandle(execution.workflowId, execution.runId)
            .terminate('the workflow test is over')
            .catch(() => undefined);
        }
      }
    } finally {
      if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
      await this.running;
      await this.nativeConnection?.close();
      await this.connection?.close();
    }
  }
}
