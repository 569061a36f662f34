import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtEmail {
  /** Envelope recipients: who the server was asked to deliver to. */
  to: string[];
  from: string;
  subject: string;
  text: string;
  messageId: string;
  /** When the server had it whole (ms since the epoch), just before it answers 250. */
  receivedAt: number;
}

/** A real SMTP server in the test process; the e-mails it receives, decoded. */
export class SmtpCatcher {
  readonly emails: CaughtEmail[] = [];
  private server?: SMTPServer;
  port = 0;

  async start(): Promise<this> {
    await this.listen(0);
    return this;
  }

  /** After stop(): listens again on the same port (to test a mail server that comes back). */
  async listenAgain(): Promise<void> {
    await this.listen(this.port);
  }

  private async listen(port: number): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            this.emails.push({
              to: session.envelope.rcptTo.map((r) => r.address),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              messageId: parsed.messageId ?? '',
              receivedAt: Date.now(),
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    // A client that dies mid-session (a killed worker) resets its connection: not the test's failure.
    this.server.on('error', () => {});
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', () => resolve()));
    const address = this.server.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
  }

  to(address: string): CaughtEmail[] {
    return this.emails.filter((email) => email.to.includes(address));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
