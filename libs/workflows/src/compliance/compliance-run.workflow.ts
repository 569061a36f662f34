import { ParentClosePolicy, proxyActivities, startChild } from '@temporalio/workflow';
import type { ComplianceActivities } from './compliance-activities';
import { ComplianceCaseWorkflow } from './compliance-case.workflow';
import { complianceCaseBatchWorkflowId, complianceCaseWorkflowId, type ComplianceCaseBatchInput, type ComplianceRunInput, type ComplianceRunResult } from './compliance-contract';

const activities = proxyActivities<ComplianceActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

// Comparing the whole library pages through every unit: allow it time, and hear from it.
const comparison = proxyActivities<ComplianceActivities>({
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

/** Batches started per workflow task: keeps each task small. */
const BATCHES_STARTED_TOGETHER = 20;

/**
 * One comparison of the resource library for a running campaign: the comparison opens a case
 * per new finding (routed by the campaign's duty matrix), then batch workflows start one
 * ComplianceCaseWorkflow per case. The run ends when every case has started; the cases run on
 * (their parent-close policy is ABANDON). The run's history grows by a few events per batch
 * of up to DUBAN_PHASE_BATCH_SIZE cases.
 */
export async function ComplianceRunWorkflow(input: ComplianceRunInput): Promise<ComplianceRunResult> {
  const compared = await comparison.compareUnitsForRun({ runId: input.runId });
  const batchSize = Math.max(1, compared.batchSize);
  const batches = Math.ceil(compared.findingsNew / batchSize);
  for (let first = 0; first < batches; first += BATCHES_STARTED_TOGETHER) {
    const started = [];
    for (let batch = first; batch < Math.min(batches, first + BATCHES_STARTED_TOGETHER); batch++) {
      started.push(
        startChild(ComplianceCaseBatchWorkflow, {
          workflowId: complianceCaseBatchWorkflowId(input.runId, batch),
          args: [{ runId: input.runId, batch, offset: batch * batchSize, limit: batchSize }],
        }),
      );
    }
    const children = await Promise.all(started);
    await Promise.all(children.map((child) => child.result()));
  }
  const result: ComplianceRunResult = {
    unitsCompared: compared.unitsCompared,
    findingsNew: compared.findingsNew,
    findingsOpenAlready: compared.findingsOpenAlready,
  };
  await activities.finishComplianceRun({ runId: input.runId, finishedAt: Date.now(), result });
  return result;
}

/** Starts the case workflows of one batch of a run's new cases and returns. */
export async function ComplianceCaseBatchWorkflow(input: ComplianceCaseBatchInput): Promise<{ cases: number }> {
  const inputs = await activities.complianceCaseInputs({ runId: input.runId, offset: input.offset, limit: input.limit });
  await Promise.all(
    inputs.map((caseInput) =>
      startChild(ComplianceCaseWorkflow, {
        workflowId: complianceCaseWorkflowId(caseInput.caseId),
        args: [caseInput],
        parentClosePolicy: ParentClosePolicy.ABANDON,
      }),
    ),
  );
  return { cases: inputs.length };
}
