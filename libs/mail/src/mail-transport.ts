import { createTransport, type Transporter } from 'nodemailer';

export interface OutgoingEmail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  /** Stable per idempotency key, so a receiver can drop a rare duplicate. */
  messageId: string;
}

/** SMTP from SMTP_URL (smtp://user:pass@host:port, or smtps:// for TLS from the first byte). */
export class MailTransport {
  private readonly transporter: Transporter;

  constructor(smtpUrl: string) {
    this.transporter = createTransport(smtpUrl);
  }

  async send(email: OutgoingEmail): Promise<void> {
    await this.transporter.sendMail({
      from: email.from,
      to: email.to,
      subject: email.subject,
      text: email.text,
      messageId: email.messageId,
      headers: { 'Content-Language': 'zh-CN' },
    });
  }

  async verify(): Promise<void> {
    await this.transporter.verify();
  }

  close(): void {
    this.transporter.close();
  }
}
