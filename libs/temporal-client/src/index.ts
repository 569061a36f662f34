// The one Temporal client of the API and the worker: connected from the configuration, lazily,
// and workflows started by their type name, checked against the workflow function it names.
// Workflow code is imported as types only: the apps never load it (the worker's bundle runs it).
import { Client, Connection, type WorkflowHandle, type WorkflowSignalWithStartOptions, type WorkflowStartOptions } from '@temporalio/client';
import type { SignalDefinition } from '@temporalio/common';
import type { DubanConfig } from '@duban/config';
import type { workflowFunctions } from '@duban/workflows';

/** Every workflow the worker runs, by its type name (the function's name). */
export type DubanWorkflows = typeof workflowFunctions;
export type DubanWorkflowType = keyof DubanWorkflows;

/** A Temporal client for one namespace, connected on first use; a failed connect is retried on the next. */
export class TemporalClientConnection {
  private connection?: Promise<Connection>;
  private client?: Promise<Client>;

  constructor(
    private readonly settings: DubanConfig['temporal'],
    private readonly options: { connectTimeout?: string } = {},
  ) {}

  get taskQueue(): string {
    return this.settings.taskQueue;
  }

  get(): Promise<Client> {
    this.connection ??= Connection.connect({
      address: this.settings.address,
      ...(this.options.connectTimeout ? { connectTimeout: this.options.connectTimeout as `${number} seconds` } : {}),
    });
    this.client ??= this.connection.then(
      (connection) => new Client({ connection, namespace: this.settings.namespace }),
      (error: unknown) => {
        // Not remembered: the next call connects again.
        this.connection = undefined;
        this.client = undefined;
        throw error;
      },
    );
    return this.client;
  }

  async close(): Promise<void> {
    const connection = await this.connection?.catch(() => undefined);
    this.connection = undefined;
    this.client = undefined;
    await connection?.close();
  }
}

/** Starts a workflow by its type, its arguments checked against that workflow function's. */
export function startWorkflow<T extends DubanWorkflowType>(client: Client, type: T, options: WorkflowStartOptions<DubanWorkflows[T]>): Promise<WorkflowHandle<DubanWorkflows[T]>> {
  return client.workflow.start<DubanWorkflows[T]>(type, options);
}

/** Signals a workflow, starting it first when it does not run, by its type. */
export function signalWithStartWorkflow<T extends DubanWorkflowType, SignalArgs extends unknown[]>(
  client: Client,
  type: T,
  options: WorkflowSignalWithStartOptions<SignalArgs> & WorkflowStartOptions<DubanWorkflows[T]> & { signal: SignalDefinition<SignalArgs> | string },
): Promise<WorkflowHandle<DubanWorkflows[T]>> {
  return client.workflow.signalWithStart<DubanWorkflows[T], SignalArgs>(type, options);
}
