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

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
