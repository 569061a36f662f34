import type { DataSource } from 'typeorm';
import { loadDubanConfig, type DubanConfig } from '@duban/config';
import { MailTransport } from '@duban/mail';
import { EmailRepository, openDatabase } from '@duban/persistence';
import { EMAIL_LEASE_MS, messageIdFor, OnceOnlyMail } from '../../apps/worker/src/common/once-only-mail';
import { SmtpCatcher } from '../support/smtp-catcher';

/**
 * The e-mail ledger's lease against the real PostgreSQL and SMTP server: a second attempt
 * while the first holds the claim sends nothing; once the claim's holder is dead and its lease
 * has run out, the resend carries the same Message-ID.
 */
describe('an e-mail is claimed with a lease, sent, and marked sent', () => {
  // No API or worker needed: the run's database, a real SMTP server, the class the worker uses.
  const smtp = new SmtpCatcher();
  let db: DataSource;
  let config: DubanConfig;
  let transport: MailTransport;
  let mail: OnceOnlyMail;

  beforeAll(async () => {
    await smtp.start();
    config = loadDubanConfig({ ...process.env, SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
    db = await openDatabase(config.databaseUrl, 'once-only-mail-test');
    transport = new MailTransport(config.smtp.url);
    mail = new OnceOnlyMail(config, transport);
  });

  afterAll(async () => {
    await mail?.onModuleDestroy();
    transport?.close();
    await db?.destroy();
    await smtp.stop();
  });

  const row = async (key: string) => (await db.query(`SELECT status, attempts, claimed_by, lease_until, message_id FROM emails WHERE idempotency_key = $1`, [key]))[0];
  const message = (key: string, to: string) => ({ key, recipients: [to], subject: `主题 ${key}`, body: '正文' });

  it('sends once when two attempts race; the loser is told to retry after the lease', async () => {
    const key = `lease-race-${Date.now()}`;
    const to = `${key}@duban.test`;
    const results = await Promise.allSettled([1, 2, 3].map(() => mail.send(message(key, to))));
    const refused = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason);
    expect(results.filter((r) => r.status === 'fulfilled').length).toBeGreaterThanOrEqual(1);
    for (const reason of refused) expect(reason).toMatchObject({ type: 'EmailLeased' });
    expect(smtp.to(to)).toHaveLength(1);
    expect((await row(key)).status).toBe('sent');
    // Later attempts find it sent and send nothing.
    await expect(mail.send(message(key, to))).resolves.toBe(true);
    expect(smtp.to(to)).toHaveLength(1);
  });

  it('waits while a dead attempt holds a live lease, then resends with the same Message-ID', async () => {
    const key = `lease-dead-${Date.now()}`;
    const to = `${key}@duban.test`;
    // An attempt that claimed and then died (before or after the server accepted: we cannot know).
    const ledger = new EmailRepository(db).ledger;
    const claimed = await ledger.claim(
      { idempotencyKey: key, dutyId: null, recipients: [to], subject: `主题 ${key}`, body: '正文', messageId: messageIdFor(key) },
      { token: 'dead-attempt', ms: EMAIL_LEASE_MS },
    );
    expect(claimed.outcome).toBe('claimed');
    const refused = await mail.send(message(key, to)).catch((error: unknown) => error);
    expect(refused).toMatchObject({ type: 'EmailLeased' });
    expect((refused as { nextRetryDelay: number }).nextRetryDelay).toBeGreaterThan(EMAIL_LEASE_MS - 5_000);
    expect(smtp.to(to)).toHaveLength(0);

    await db.query(`UPDATE emails SET lease_until = now() - interval '1 second' WHERE idempotency_key = $1`, [key]);
    await expect(mail.send(message(key, to))).resolves.toBe(true);
    expect(smtp.to(to).map((e) => e.messageId)).toEqual([messageIdFor(key)]);
    expect(await row(key)).toMatchObject({ status: 'sent', attempts: 2, lease_until: null });
  });

  it('frees the lease when the send fails, so the next attempt sends at once', async () => {
    const key = `lease-fail-${Date.now()}`;
    const to = `${key}@duban.test`;
    const broken = new MailTransport('smtp://127.0.0.1:1');
    const failing = new OnceOnlyMail(config, broken);
    try {
      await expect(failing.send(message(key, to))).rejects.toThrow();
    } finally {
      await failing.onModuleDestroy();
      broken.close();
    }
    const after = await row(key);
    expect(after).toMatchObject({ status: 'pending', lease_until: null });
    await expect(mail.send(message(key, to))).resolves.toBe(true);
    expect(smtp.to(to)).toHaveLength(1);
  });
});
