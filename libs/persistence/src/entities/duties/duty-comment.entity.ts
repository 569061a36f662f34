import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '@duban/domain';

/** One message of a duty's comment thread: not a change of state, but attributable. */
@Entity({ name: 'duty_comments' })
export class DutyCommentEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'duty_id', type: 'uuid' })
  dutyId: string;

  @Column({ name: 'author_user_id', type: 'uuid' })
  authorUserId: string;

  @Column({ name: 'author_username', type: 'varchar', length: 64 })
  authorUsername: string;

  @Column({ name: 'author_role', type: 'varchar', length: 32 })
  authorRole: Role;

  /** The department the author spoke for, if a department officer. */
  @Column({ name: 'author_department_id', type: 'uuid', nullable: true })
  authorDepartmentId: string | null;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
