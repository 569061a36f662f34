import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A step of the escalation ladder that fired for a duty. */
@Entity({ name: 'duty_escalations' })
export class DutyEscalationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'duty_id', type: 'uuid' })
  dutyId: string;

  @Column({ type: 'varchar', length: 64 })
  step: string;

  /** The due time the step was counted from; a later extension starts a fresh ladder. */
  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ name: 'fired_at', type: 'timestamptz' })
  firedAt: Date;

  /** Audiences told (department_liaison, department_head, office). */
  @Column({ type: 'text', array: true })
  notified: string[];
}
