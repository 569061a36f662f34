import { proxyActivities } from '@temporalio/workflow';
import type { AccountActivities } from './account-activities';
import type { AccountMailInput } from './account-contract';

// An SMTP server that is down for a while: retried until the link would have expired anyway.
const activities = proxyActivities<AccountActivities>({
  startToCloseTimeout: '30 seconds',
  scheduleToCloseTimeout: '24 hours',
  retry: { initialInterval: '2 seconds', maximumInterval: '5 minutes', backoffCoefficient: 2 },
});

/**
 * E-mail about an account, out of the request that asked for it: the administrator's answer
 * does not wait on the SMTP server, and a server that is away delays the message, never loses it.
 */
export async function AccountMailWorkflow(input: AccountMailInput): Promise<{ sent: boolean }> {
  return activities.sendAccountMail(input);
}
