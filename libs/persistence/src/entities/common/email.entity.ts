import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type EmailStatus = 'pending' | 'sent';

/**
 * Every e-mail Duban sends. `idempotencyKey` is unique: a retried activity finds the row and
 * does not send again once it is marked sent.
 */
@Entity({ name: 'emails' })
export class EmailEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 200, unique: true })
  idempotencyKey: string;

  @Column({ name: 'duty_id', type: 'uuid', nullable: true })
  dutyId: string | null;

  @Column({ type: 'text', array: true })
  recipients: string[];

  @Column({ type: 'varchar', length: 300 })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 16 })
  status: EmailStatus;

  @Column({ name: 'message_id', type: 'varchar', length: 300 })
  messageId: string;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** The attempt that holds the claim (see EmailLedger), and until when. */
  @Column({ name: 'claimed_by', type: 'varchar', length: 300, nullable: true })
  claimedBy: string | null;

  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
