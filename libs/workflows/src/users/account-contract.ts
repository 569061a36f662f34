/** A message about a user's account (a one-time link to set a password), sent once. */
export interface AccountMailInput {
  /** The message's idempotency key: a retry or a second start sends nothing new. */
  key: string;
  recipients: string[];
  subject: string;
  body: string;
}

/** One workflow per link: starting it twice for the same link is refused by Temporal. */
export function accountMailWorkflowId(key: string): string {
  return `account-mail-${key}`;
}

export interface SignInHousekeepingInput {
  /** How long it sleeps between two clean-ups (DUBAN_HOUSEKEEPING_INTERVAL_SECONDS, a day by default). */
  intervalSeconds: number;
}

/** One housekeeping workflow per task queue (a deployment), whoever starts it. */
export function signInHousekeepingWorkflowId(taskQueue: string): string {
  return `sign-in-housekeeping-${taskQueue}`;
}

export interface SignInPurgeResult {
  sessions: number;
  links: number;
  failures: number;
}
