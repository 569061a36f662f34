import { condition, continueAsNew, getExternalWorkflowHandle, ParentClosePolicy, proxyActivities, setHandler, startChild, workflowInfo } from '@temporalio/workflow';
import type { PhaseSummary } from '@duban/domain';
import { DutyWorkflow } from '../duties/duty.workflow';
import { dutyWorkflowId } from '../duties/duty-contract';
import type { CampaignActivities } from './campaign-activities';
import { phaseBatchClosedSignal, phaseBatchWorkflowId, phaseLiveStateQuery, phaseWorkflowId, type PhaseDutyBatchInput, type PhaseWorkflowInput } from './campaign-contract';

const activities = proxyActivities<CampaignActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

/** Batches started per workflow task: keeps each task small. */
const BATCHES_STARTED_TOGETHER = 20;
/** Well below Temporal's limits; a phase with very many batches rolls over. */
const HISTORY_EVENTS_BEFORE_CONTINUE_AS_NEW = 4_000;

/**
 * One launched phase: fans its duties out as a tree (phase → batches of at most
 * `batchSize` duties → DutyWorkflows), then waits until every batch reports its duties
 * closed or the window ends, whichever is first, and closes the phase with a summary. Duties
 * still open at the window's end stay open (their batches and workflows run on), marked late.
 */
export async function PhaseWorkflow(input: PhaseWorkflowInput): Promise<PhaseSummary> {
  const batches = Math.ceil(input.dutyCount / input.batchSize);
  let batchesStarted = input.carried?.batchesStarted ?? 0;
  const batchesClosed = new Set<number>(input.carried?.batchesClosed ?? []);
  let closed = false;

  setHandler(phaseBatchClosedSignal, ({ batch }) => {
    batchesClosed.add(batch);
  });
  setHandler(phaseLiveStateQuery, () => ({
    phaseId: input.phaseId,
    dutyCount: input.dutyCount,
    batches,
    batchesStarted,
    batchesClosed: batchesClosed.size,
    windowEndsAt: input.windowEndsAt,
    closed,
  }));

  const rollOverIfLong = async () => {
    if (workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > HISTORY_EVENTS_BEFORE_CONTINUE_AS_NEW) {
      await continueAsNew<typeof PhaseWorkflow>({ ...input, carried: { batchesStarted, batchesClosed: [...batchesClosed] } });
    }
  };

  while (batchesStarted < batches) {
    const group: Promise<unknown>[] = [];
    for (let b = batchesStarted; b < Math.min(batches, batchesStarted + BATCHES_STARTED_TOGETHER); b++) {
      group.push(
        startChild(PhaseDutyBatchWorkflow, {
          workflowId: phaseBatchWorkflowId(input.phaseId, b),
          args: [{ campaignId: input.campaignId, phaseId: input.phaseId, batch: b, offset: b * input.batchSize, limit: input.batchSize }],
          // Duties outlive their phase's window: a closed phase leaves its late duties running.
          parentClosePolicy: ParentClosePolicy.ABANDON,
        }),
      );
    }
    await Promise.all(group);
    batchesStarted += group.length;
    await rollOverIfLong();
  }

  for (;;) {
    const allClosed = await condition(() => batchesClosed.size >= batches || workflowInfo().continueAsNewSuggested, Math.max(1, input.windowEndsAt - Date.now()));
    if (allClosed && batchesClosed.size < batches) {
      await rollOverIfLong();
      continue;
    }
    const summary = await activities.closeCampaignPhase({
      phaseId: input.phaseId,
      closedAt: Date.now(),
      reason: allClosed ? 'all_duties_closed' : 'window_ended',
    });
    closed = true;
    return summary;
  }
}

/**
 * A batch of a phase's duties: starts their DutyWorkflows as children (ids from the duty ids,
 * so a replay or a retry starts nothing twice), waits for all of them to close, and tells the
 * phase.
 */
export async function PhaseDutyBatchWorkflow(input: PhaseDutyBatchInput): Promise<{ duties: number }> {
  const inputs = await activities.phaseDutyInputs({ phaseId: input.phaseId, offset: input.offset, limit: input.limit });
  const children = await Promise.all(
    inputs.map((dutyInput) =>
      startChild(DutyWorkflow, {
        workflowId: dutyWorkflowId(dutyInput.assignment.dutyId),
        args: [dutyInput],
        parentClosePolicy: ParentClosePolicy.ABANDON,
      }),
    ),
  );
  // A duty that fails or is terminated by an operator is over for this batch as well.
  await Promise.allSettled(children.map((child) => child.result()));
  try {
    await getExternalWorkflowHandle(phaseWorkflowId(input.phaseId)).signal(phaseBatchClosedSignal, { batch: input.batch });
  } catch {
    // The phase has closed already (its window ended): nobody is waiting for this batch.
  }
  return { duties: inputs.length };
}
