import type { AccountMailInput, SignInPurgeResult } from './account-contract';

export interface AccountActivities {
  /** Sends the message through the e-mail ledger (once per key). */
  sendAccountMail(input: AccountMailInput): Promise<{ sent: boolean }>;
  /** Deletes sessions ended or expired 30 days ago, links spent 30 days ago, and failure counts the policy has forgotten. */
  purgeSignInRecords(): Promise<SignInPurgeResult>;
}
