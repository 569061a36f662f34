import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A reminder the clock sent before a due time; one per duty and due time. */
@Entity({ name: 'duty_reminders' })
export class DutyReminderEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'duty_id', type: 'uuid' })
  dutyId: string;

  /** Null for a reminder recorded before reminders had rows of their own. */
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  @Column({ name: 'reminded_at', type: 'timestamptz' })
  remindedAt: Date;

  /** The department reminded (the duty may have been reassigned since). */
  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId: string | null;
}
