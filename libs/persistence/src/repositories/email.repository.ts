import type { DataSource, Repository } from 'typeorm';
import { EmailEntity } from '../entities/email.entity';

export interface EmailDraft {
  idempotencyKey: string;
  dutyId: string | null;
  recipients: string[];
  subject: string;
  body: string;
  messageId: string;
}

export class EmailRepository {
  private readonly repo: Repository<EmailEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.repo = dataSource.getRepository(EmailEntity);
  }

  /**
   * Records the e-mail as pending unless its key is known, and counts an attempt. Returns the
   * stored row: when it is already `sent`, the caller must not send it again.
   */
  async claim(draft: EmailDraft): Promise<EmailEntity> {
    await this.dataSource.query(
      `INSERT INTO emails (idempotency_key, duty_id, recipients, subject, body, status, message_id)
       VALUES ($1, $2, $3, $4, $5, 'pending', $6)
       ON CONFLICT (idempotency_key) DO NOTHING`,
      [draft.idempotencyKey, draft.dutyId, draft.recipients, draft.subject, draft.body, draft.messageId],
    );
    await this.dataSource.query(
      `UPDATE emails SET attempts = attempts + 1 WHERE idempotency_key = $1 AND status = 'pending'`,
      [draft.idempotencyKey],
    );
    return this.repo.findOneByOrFail({ idempotencyKey: draft.idempotencyKey });
  }

  async markSent(idempotencyKey: string, sentAt: Date): Promise<void> {
    await this.repo.update({ idempotencyKey }, { status: 'sent', sentAt, lastError: null });
  }

  async recordFailure(idempotencyKey: string, error: string): Promise<void> {
    await this.repo.update({ idempotencyKey, status: 'pending' }, { lastError: error.slice(0, 2000) });
  }

  forDuty(dutyId: string): Promise<EmailEntity[]> {
    return this.repo.find({ where: { dutyId }, order: { id: 'ASC' } });
  }
}
