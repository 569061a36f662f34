import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DutyState } from '@duban/domain';

/** The record of a duty. Its lifecycle runs in DutyWorkflow; this row is what the workflow wrote. */
@Entity({ name: 'duties' })
export class DutyEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'department_id', type: 'uuid' })
  departmentId: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'varchar', length: 20 })
  state: DutyState;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ name: 'assigned_at', type: 'timestamptz' })
  assignedAt: Date;

  @Column({ name: 'assigned_by', type: 'uuid' })
  assignedBy: string;

  @Column({ name: 'workflow_id', type: 'varchar', length: 100, unique: true })
  workflowId: string;

  /** Sequence number of the latest history entry; guards against applying an entry twice. */
  @Column({ name: 'last_seq', type: 'integer' })
  lastSeq: number;

  @Column({ type: 'text', nullable: true })
  result: string | null;

  @Column({ name: 'return_count', type: 'integer', default: 0 })
  returnCount: number;

  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true })
  remindedAt: Date | null;

  @Column({ name: 'overdue_since', type: 'timestamptz', nullable: true })
  overdueSince: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  /** Set for duties a campaign phase fanned out; null for duties the office assigned by hand. */
  @Column({ name: 'campaign_id', type: 'uuid', nullable: true })
  campaignId: string | null;

  @Column({ name: 'phase_id', type: 'uuid', nullable: true })
  phaseId: string | null;

  /** The district the duty concerns (a per-district template), if any. */
  @Column({ name: 'district_id', type: 'uuid', nullable: true })
  districtId: string | null;

  @Column({ name: 'template_id', type: 'uuid', nullable: true })
  templateId: string | null;

  @Column({ name: 'sector_key', type: 'varchar', length: 64, nullable: true })
  sectorKey: string | null;

  /** Still open when its phase closed: counts against the department. */
  @Column({ type: 'boolean', default: false })
  late: boolean;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
