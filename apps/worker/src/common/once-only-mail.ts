import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { Pool } from 'pg';
import { DUBAN_CONFIG, type DubanConfig } from '@duban/config';
import { MailTransport } from '@duban/mail';
import { EmailLedger } from '@duban/persistence';

export interface OnceOnlyMessage {
  /** What makes the message one: a retry with the same key sends nothing new. */
  key: string;
  recipients: string[];
  subject: string;
  body: string;
  /** The duty the message is about, if any (kept with the record of it). */
  dutyId?: string | null;
}

/**
 * How long a claim keeps other attempts away: longer than a send may take (the SMTP timeouts
 * bound it), shorter than the activities' 30 s start-to-close timeout, so the retry Temporal
 * starts after a dead worker's attempt timed out finds the lease run out and sends at once.
 */
export const EMAIL_LEASE_MS = 25_000;

/** The Message-ID of a key: the same on every attempt, so a resend folds into the first copy. */
export function messageIdFor(key: string): string {
  return `<${createHash('sha256').update(key).digest('hex').slice(0, 40)}@duban>`;
}

/**
 * The one way activities send e-mail: claim (record the message under its key and lease it to
 * this attempt), send the recorded message, mark it sent — one SQL statement each, all three on
 * one connection taken for the message from a small pool of the mail's own. So the mark never
 * waits for a connection: during a fan-out of hundreds of duties the shared pool (10
 * connections, up to 100 activities at once) kept it waiting for tenths of a second after the
 * server had accepted the message, and a worker killed in that wait had sent a message it had
 * not marked. What is left: a worker that dies between the server's acceptance and the mark's
 * one round trip sends the message again, with the same Message-ID, when Temporal retries the
 * activity.
 */
@Injectable()
export class OnceOnlyMail implements OnModuleDestroy {
  private readonly pool: Pool;

  constructor(
    @Inject(DUBAN_CONFIG) private readonly config: DubanConfig,
    private readonly mail: MailTransport,
  ) {
    // Sends wait for a connection before they claim, never between the send and the mark.
    this.pool = new Pool({ connectionString: config.databaseUrl, max: 4, application_name: 'duban-worker-mail', connectionTimeoutMillis: 15_000 });
    // An idle connection dropped by the server (a restart) must not take the worker down.
    this.pool.on('error', () => {});
  }

  /** True when the message is out (now or before). */
  async send(message: OnceOnlyMessage): Promise<boolean> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    client.on('error', () => {});
    try {
      const ledger = new EmailLedger(async (sql, params) => {
        try {
          return (await client.query(sql, params)).rows;
        } catch (error) {
          broken = error as Error;
          throw error;
        }
      });
      return await this.sendOn(ledger, message);
    } finally {
      // A connection that failed a query may be dead: drop it rather than hand it on.
      client.release(broken);
    }
  }

  private async sendOn(ledger: EmailLedger, message: OnceOnlyMessage): Promise<boolean> {
    const token = attemptToken();
    const claim = await ledger.claim(
      {
        idempotencyKey: message.key,
        dutyId: message.dutyId ?? null,
        recipients: message.recipients,
        subject: message.subject,
        body: message.body,
        messageId: messageIdFor(message.key),
      },
      { token, ms: EMAIL_LEASE_MS },
    );
    if (claim.outcome === 'sent') return true;
    if (claim.outcome === 'leased') {
      // Another attempt may be in the middle of sending it: try again once its lease is over.
      throw ApplicationFailure.create({
        message: `E-mail ${message.key} is being sent by another attempt (lease ends in ${claim.leaseMsLeft} ms)`,
        type: 'EmailLeased',
        nextRetryDelay: Math.max(1_000, claim.leaseMsLeft + 500),
      });
    }
    const { email } = claim;
    try {
      await this.mail.send({ from: this.config.smtp.from, to: email.recipients, subject: email.subject, text: email.body, messageId: email.messageId });
    } catch (error) {
      await ledger.release(message.key, token, String(error)).catch(() => {});
      throw error;
    }
    await ledger.markSent(message.key);
    return true;
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.end();
  }
}

/** Names the activity attempt that holds a claim (unique even outside an activity). */
/** Names the attempt and the worker process that holds the lease (`claimed_by`), for a reader of the ledger. */
function attemptToken(): string {
  const suffix = `pid${process.pid}-${randomUUID().slice(0, 8)}`;
  try {
    const info = Context.current().info;
    return `${info.workflowExecution?.workflowId ?? info.activityType}/${info.activityId}#${info.attempt}/${suffix}`;
  } catch {
    return `direct/${suffix}`;
  }
}
