import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEFAULT_SIGN_IN_POLICY } from '@duban/domain';
import { PasswordResetLinkRepository, SignInFailureRepository, SignInSessionRepository } from '@duban/persistence';
import type { AccountActivities, AccountMailInput, SignInPurgeResult } from '@duban/workflows';
import { OnceOnlyMail } from '../common/once-only-mail';

/** Kept this long after they end, for whoever looks into a recent incident; the audit log keeps the rest for good. */
const KEEP_ENDED_DAYS = 30;

/** Mail about accounts (one-time links to set a password), through the same ledger as every other e-mail; sign-in housekeeping. */
@Injectable()
export class AccountActivitiesService implements AccountActivities {
  private readonly logger = new Logger(AccountActivitiesService.name);

  constructor(
    private readonly mail: OnceOnlyMail,
    private readonly dataSource: DataSource,
  ) {}

  async sendAccountMail(input: AccountMailInput): Promise<{ sent: boolean }> {
    return { sent: await this.mail.send({ key: input.key, recipients: input.recipients, subject: input.subject, body: input.body }) };
  }

  async purgeSignInRecords(): Promise<SignInPurgeResult> {
    const result = {
      sessions: await new SignInSessionRepository(this.dataSource).purgeOlderThan(KEEP_ENDED_DAYS),
      links: await new PasswordResetLinkRepository(this.dataSource).purgeOlderThan(KEEP_ENDED_DAYS),
      failures: await new SignInFailureRepository(this.dataSource).purgeForgotten(DEFAULT_SIGN_IN_POLICY),
    };
    if (result.sessions + result.links + result.failures > 0) this.logger.log(`Sign-in housekeeping: ${JSON.stringify(result)}`);
    return result;
  }
}
