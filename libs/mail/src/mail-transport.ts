import { createTransport, type Transporter } from 'nodemailer';

export interface OutgoingEmail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  /** Stable per idempotency key, so a receiver can drop a rare duplicate. */
  messageId: string;
}

/**
 * The longest a send may take: the connection, greeting and idle timeouts below add up to it,
 * and a send that is still not through by then is abandoned (it fails, the lease it holds
 * stays until it runs out, and the next attempt sends the same message).
 */
export const SMTP_SEND_BUDGET_MS = 20_000;
const SMTP_TIMEOUTS = { connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 10_000 };

/** SMTP from SMTP_URL (smtp://user:pass@host:port, or smtps:// for TLS from the first byte). */
export class MailTransport {
  private readonly transporter: Transporter;

  constructor(smtpUrl: string) {
    // The URL's own query parameters win over the default timeouts.
    const url = new URL(smtpUrl);
    for (const [name, ms] of Object.entries(SMTP_TIMEOUTS)) {
      if (!url.searchParams.has(name)) url.searchParams.set(name, String(ms));
    }
    this.transporter = createTransport(url.toString());
  }

  async send(email: OutgoingEmail): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`SMTP send not through within ${SMTP_SEND_BUDGET_MS} ms`)), SMTP_SEND_BUDGET_MS);
    });
    try {
      await Promise.race([
        this.transporter.sendMail({
          from: email.from,
          to: email.to,
          subject: email.subject,
          text: email.text,
          messageId: email.messageId,
          headers: { 'Content-Language': 'zh-CN' },
        }),
        deadline,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  async verify(): Promise<void> {
    await this.transporter.verify();
  }

  close(): void {
    this.transporter.close();
  }
}
