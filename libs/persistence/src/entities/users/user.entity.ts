import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '@duban/domain';

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  username: string;

  @Column({ name: 'display_name', type: 'varchar', length: 200 })
  displayName: string;

  @Column({ type: 'varchar', length: 320, nullable: true })
  email: string | null;

  /** scrypt, self-describing: see password-hasher.ts. Null: no local password (single sign-on only). */
  @Column({ name: 'password_hash', type: 'varchar', length: 255, nullable: true })
  passwordHash: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  phone?: string | null;

  /** Deactivated users keep their row: history names them. They cannot sign in. */
  @Column({ type: 'boolean', default: true })
  active?: boolean;

  /** Set by an administrator's reset: the next sign-in may do nothing but change the password. */
  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword?: boolean;

  @Column({ name: 'password_changed_at', type: 'timestamptz', nullable: true })
  passwordChangedAt?: Date | null;

  /** Single sign-on: `<issuer>#<sub>` of the person at the identity platform, linked at their first sign-in. */
  @Column({ name: 'external_subject', type: 'varchar', length: 255, nullable: true })
  externalSubject?: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt?: Date;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy?: string | null;

  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true })
  deactivatedAt?: Date | null;

  @Column({ type: 'varchar', length: 32 })
  role: Role;

  /** Set for department officers only (a check constraint holds this). */
  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
