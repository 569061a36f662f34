import { ParentClosePolicy, proxyActivities, startChild, workflowInfo } from '@temporalio/workflow';

export { TrivialUpdateWorkflow } from './trivial-update.workflow';

/**
 * The baselines' workflows: the least a workflow can cost on a Temporal server and a worker,
 * without Duban's database, e-mail or domain rules. Bundled once per run for the bare workers
 * (bench/support/bare-worker.ts).
 */
const { noop } = proxyActivities<{ noop(n: number): Promise<number> }>({ startToCloseTimeout: '1 minute' });

/** B0 with `activities` 0 (one workflow task, then done); B1 with 1; the duty's shape with 2. */
export async function ActivitiesWorkflow(activities: number): Promise<void> {
  for (let i = 0; i < activities; i++) await noop(i);
}

export interface TreeInput {
  children: number;
  /** Children per batch workflow (Duban's DUBAN_PHASE_BATCH_SIZE, 200 by default). */
  batchSize: number;
  /** Batches started per workflow task (Duban's phase starts 20 at a time). */
  batchesTogether: number;
  /** Activities each child runs (ActivitiesWorkflow). */
  activities: number;
}

/**
 * The phase's fan-out shape with nothing of Duban in it: a root starts batch workflows, each
 * starts its children (ActivitiesWorkflow) and waits for them; the root waits for the batches.
 */
export async function TreeWorkflow(input: TreeInput): Promise<void> {
  const { workflowId } = workflowInfo();
  const batches = Math.ceil(input.children / input.batchSize);
  const running: Array<Promise<unknown>> = [];
  for (let b = 0; b < batches; b += input.batchesTogether) {
    const group = [];
    for (let i = b; i < Math.min(batches, b + input.batchesTogether); i++) {
      const children = Math.min(input.batchSize, input.children - i * input.batchSize);
      group.push(startChild(TreeBatchWorkflow, { workflowId: `${workflowId}-b${i}`, args: [{ children, activities: input.activities }] }));
    }
    for (const handle of await Promise.all(group)) running.push(handle.result());
  }
  await Promise.all(running);
}

export async function TreeBatchWorkflow(input: { children: number; activities: number }): Promise<void> {
  const { workflowId } = workflowInfo();
  const children = await Promise.all(
    Array.from({ length: input.children }, (_, i) =>
      startChild(ActivitiesWorkflow, { workflowId: `${workflowId}-c${i}`, args: [input.activities], parentClosePolicy: ParentClosePolicy.ABANDON }),
    ),
  );
  await Promise.all(children.map((child) => child.result()));
}
