import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DutyState, Role } from '@duban/domain';

/** One entry of a duty's history: who moved it, when, from what, to what, and why. */
@Entity({ name: 'duty_transitions' })
export class DutyTransitionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'duty_id', type: 'uuid' })
  dutyId: string;

  @Column({ type: 'integer' })
  seq: number;

  /** 'assign' for the first entry, otherwise a DutyAction. */
  @Column({ type: 'varchar', length: 32 })
  action: string;

  @Column({ name: 'from_state', type: 'varchar', length: 20, nullable: true })
  fromState: DutyState | null;

  @Column({ name: 'to_state', type: 'varchar', length: 20 })
  toState: DutyState;

  @Column({ name: 'actor_user_id', type: 'uuid' })
  actorUserId: string;

  @Column({ name: 'actor_username', type: 'varchar', length: 64 })
  actorUsername: string;

  @Column({ name: 'actor_role', type: 'varchar', length: 32 })
  actorRole: Role;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'text', nullable: true })
  result: string | null;

  /** The new due time, for an extension. */
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  /** A reassignment: the department the duty left and the one it went to. */
  @Column({ name: 'from_department_id', type: 'uuid', nullable: true })
  fromDepartmentId: string | null;

  @Column({ name: 'to_department_id', type: 'uuid', nullable: true })
  toDepartmentId: string | null;

  /** A submission: the evidence files it names. */
  @Column({ name: 'evidence_ids', type: 'uuid', array: true, nullable: true })
  evidenceIds: string[] | null;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
