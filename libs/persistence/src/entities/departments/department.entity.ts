import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * 'district': a district or county government (a city in a province's campaign);
 * 'inspection_team': a labour-inspection team, whose inspectors belong to it.
 */
export type DepartmentKind = 'department' | 'district' | 'inspection_team';

/** A member department (or district) of the leading group, with the people Duban writes to. */
@Entity({ name: 'departments' })
export class DepartmentEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'varchar', length: 32, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 16, default: 'department' })
  kind: DepartmentKind;

  @Column({ name: 'liaison_email', type: 'varchar', length: 320 })
  liaisonEmail: string;

  @Column({ name: 'head_email', type: 'varchar', length: 320 })
  headEmail: string;

  /** A deactivated department gets no new duties; its history stays. */
  @Column({ type: 'boolean', default: true })
  active?: boolean;

  @Column({ name: 'liaison_name', type: 'varchar', length: 100, nullable: true })
  liaisonName?: string | null;

  @Column({ name: 'liaison_phone', type: 'varchar', length: 32, nullable: true })
  liaisonPhone?: string | null;

  @Column({ name: 'head_name', type: 'varchar', length: 100, nullable: true })
  headName?: string | null;

  @Column({ name: 'head_phone', type: 'varchar', length: 32, nullable: true })
  headPhone?: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt?: Date;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy?: string | null;

  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true })
  deactivatedAt?: Date | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
