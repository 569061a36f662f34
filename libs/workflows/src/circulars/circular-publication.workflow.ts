import { proxyActivities } from '@temporalio/workflow';
import type { AssessmentActivities } from '../assessments/assessment-activities';
import type { CircularPublicationInput, CircularPublicationResult } from '../assessments/assessment-contract';

const activities = proxyActivities<AssessmentActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

/**
 * Publishing a circular: the serial number is allocated and the circular marked published
 * (once), then every member department's liaison and head and every district's liaison is
 * e-mailed, each address under its own idempotency key. A worker that dies part-way retries the
 * sending activity: those already sent are skipped, the rest are sent — nobody twice, nobody missed.
 */
export async function CircularPublicationWorkflow(input: CircularPublicationInput): Promise<CircularPublicationResult> {
  const { serialNumber } = await activities.publishCircular({ circularId: input.circularId, actor: input.actor, publishedAt: Date.now() });
  const { emails } = await activities.sendCircular({ circularId: input.circularId });
  return { serialNumber, emails };
}
