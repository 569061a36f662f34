import { continueAsNew, proxyActivities, sleep } from '@temporalio/workflow';
import type { AccountActivities } from './account-activities';
import type { SignInHousekeepingInput } from './account-contract';

const activities = proxyActivities<AccountActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '10 seconds', maximumInterval: '10 minutes', backoffCoefficient: 2 },
});

/**
 * Clears what sign-in leaves behind and nobody reads any more — ended sessions, spent links,
 * failure counts the policy has forgotten — then sleeps for the interval and starts afresh
 * (continue-as-new: the history never grows). One per task queue, started by the worker.
 */
export async function SignInHousekeepingWorkflow(input: SignInHousekeepingInput): Promise<void> {
  await activities.purgeSignInRecords();
  await sleep(input.intervalSeconds * 1000);
  await continueAsNew<typeof SignInHousekeepingWorkflow>(input);
}
