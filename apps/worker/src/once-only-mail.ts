import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DUBAN_CONFIG, type DubanConfig } from '@duban/config';
import { MailTransport } from '@duban/mail';
import { EmailRepository } from '@duban/persistence';

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
 * The one way activities send e-mail: the message is recorded under its key first, then the
 * recorded message (not a freshly rendered one) is sent and marked sent, so a retried activity
 * sends the same message to the same people once.
 */
@Injectable()
export class OnceOnlyMail {
  constructor(
    @Inject(DUBAN_CONFIG) private readonly config: DubanConfig,
    private readonly emails: EmailRepository,
    private readonly mail: MailTransport,
  ) {}

  /** True when the message is out (now or before). */
  async send(message: OnceOnlyMessage): Promise<boolean> {
    const stored = await this.emails.claim({
      idempotencyKey: message.key,
      dutyId: message.dutyId ?? null,
      recipients: message.recipients,
      subject: message.subject,
      body: message.body,
      messageId: `<${createHash('sha256').update(message.key).digest('hex').slice(0, 40)}@duban>`,
    });
    if (stored.status === 'sent') return true;
    try {
      await this.mail.send({ from: this.config.smtp.from, to: stored.recipients, subject: stored.subject, text: stored.body, messageId: stored.messageId });
    } catch (error) {
      await this.emails.recordFailure(message.key, String(error));
      throw error;
    }
    await this.emails.markSent(message.key, new Date());
    return true;
  }
}
