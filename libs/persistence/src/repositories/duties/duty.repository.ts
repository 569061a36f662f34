import type { DataSource, EntityManager, Repository } from 'typeorm';
import { isDutyClosed, type DutyState } from '@duban/domain';
import { dutyWorkflowId, type DutyAssignment, type DutyRecordView, type RecordDutyEscalationInput, type RecordDutyTransitionInput } from '@duban/workflows';
import { DutyEscalationEntity } from '../../entities/duties/duty-escalation.entity';
import { DutyReminderEntity } from '../../entities/duties/duty-reminder.entity';
import { DutyTransitionEntity } from '../../entities/duties/duty-transition.entity';
import { DutyEntity } from '../../entities/duties/duty.entity';

export interface DutyListFilter {
  departmentId?: string;
  state?: DutyState;
  overdue?: boolean;
  limit: number;
  offset: number;
}

/**
 * The duty record. Every write is idempotent: a history entry is keyed by (duty, seq), the duty
 * row only moves forward in seq, and escalations are keyed by (duty, step, due time), so an
 * activity that runs twice changes nothing the second time.
 */
export class DutyRepository {
  private readonly duties: Repository<DutyEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.duties = dataSource.getRepository(DutyEntity);
  }

  /**
   * Writes the duty (state assigned) and its first history entry, unless already written.
   * `ON CONFLICT DO NOTHING` without a target: two writers of the same duty at once (the API's
   * keyed retry, the workflow's own upsert) may meet on `workflow_id`'s unique index before the
   * primary key's, which a targeted `ON CONFLICT (id)` answers with a unique violation. Both keys
   * derive from the duty's id, so either conflict means this duty is written.
   */
  async recordAssigned(assignment: DutyAssignment, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const assignedAt = new Date(assignment.assignedAt);
    await manager.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO duties (id, department_id, title, description, state, due_at, assigned_at, assigned_by,
                             workflow_id, last_seq, updated_at, campaign_id, phase_id, template_id,
                             district_id, sector_key)
         VALUES ($1, $2, $3, $4, 'assigned', $5, $6, $7, $8, 1, $6, $9, $10, $11, $12, $13)
         ON CONFLICT DO NOTHING`,
        [
          assignment.dutyId,
          assignment.departmentId,
          assignment.title,
          assignment.description,
          new Date(assignment.dueAt),
          assignedAt,
          assignment.assignedBy.userId,
          dutyWorkflowId(assignment.dutyId),
          assignment.campaign?.campaignId ?? null,
          assignment.campaign?.phaseId ?? null,
          assignment.campaign?.templateId ?? null,
          assignment.campaign?.districtId ?? null,
          assignment.campaign?.sectorKey ?? null,
        ],
      );
      await tx.query(
        `INSERT INTO duty_transitions (duty_id, seq, action, from_state, to_state, actor_user_id, actor_username,
                                       actor_role, reason, occurred_at)
         VALUES ($1, 1, 'assign', NULL, 'assigned', $2, $3, $4, NULL, $5)
         ON CONFLICT (duty_id, seq) DO NOTHING`,
        [assignment.dutyId, assignment.assignedBy.userId, assignment.assignedBy.username, assignment.assignedBy.role, assignedAt],
      );
    });
  }

  async recordTransition(input: RecordDutyTransitionInput): Promise<DutyRecordView> {
    const occurredAt = new Date(input.occurredAt);
    const newDueAt = input.dueAt !== undefined ? new Date(input.dueAt) : null;
    return this.dataSource.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO duty_transitions (duty_id, seq, action, from_state, to_state, actor_user_id, actor_username,
                                       actor_role, reason, result, occurred_at, due_at, from_department_id,
                                       to_department_id, evidence_ids)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
         ON CONFLICT (duty_id, seq) DO NOTHING`,
        [
          input.dutyId,
          input.seq,
          input.action,
          input.from,
          input.to,
          input.actor.userId,
          input.actor.username,
          input.actor.role,
          input.reason ?? null,
          input.result ?? null,
          occurredAt,
          newDueAt,
          input.fromDepartmentId ?? null,
          input.toDepartmentId ?? null,
          input.evidenceIds ?? null,
        ],
      );
      await tx.query(
        `UPDATE duties SET
           state = $3,
           last_seq = $2,
           -- A reassigned duty starts afresh with its new department: an earlier result was not theirs.
           result = CASE WHEN $4::text IS NOT NULL THEN $4 WHEN $9::uuid IS NOT NULL THEN NULL ELSE result END,
           department_id = COALESCE($9, department_id),
           return_count = return_count + CASE WHEN $5 THEN 1 ELSE 0 END,
           closed_at = CASE WHEN $6 THEN $7::timestamptz ELSE closed_at END,
           -- An extension moves the due time and, the new time being ahead, lifts the overdue mark.
           due_at = COALESCE($8, due_at),
           overdue_since = CASE WHEN $8::timestamptz IS NOT NULL THEN NULL ELSE overdue_since END,
           updated_at = $7
         WHERE id = $1 AND last_seq < $2`,
        [
          input.dutyId,
          input.seq,
          input.to,
          input.action === 'submit' ? (input.result ?? null) : null,
          input.action === 'return',
          isDutyClosed(input.to),
          occurredAt,
          newDueAt,
          input.toDepartmentId ?? null,
        ],
      );
      const row = await tx.getRepository(DutyEntity).findOneByOrFail({ id: input.dutyId });
      return { id: row.id, state: row.state, lastSeq: row.lastSeq };
    });
  }

  /** One row per reminder (per duty and due time), naming the department reminded. */
  async recordReminded(dutyId: string, remindedAt: number, dueAt: number): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO duty_reminders (duty_id, due_at, reminded_at, department_id)
         SELECT id, $2, $3, department_id FROM duties WHERE id = $1
         ON CONFLICT (duty_id, due_at) DO NOTHING`,
        [dutyId, new Date(dueAt), new Date(remindedAt)],
      );
      await tx.query(`UPDATE duties SET reminded_at = $2 WHERE id = $1 AND reminded_at IS DISTINCT FROM $2`, [dutyId, new Date(remindedAt)]);
    });
  }

  /** Records the step and, for the first step past the due time, marks the duty overdue. */
  async recordEscalation(input: RecordDutyEscalationInput): Promise<void> {
    const firedAt = new Date(input.firedAt);
    await this.dataSource.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO duty_escalations (duty_id, step, due_at, fired_at, notified)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (duty_id, step, due_at) DO NOTHING`,
        [input.dutyId, input.step, new Date(input.dueAt), firedAt, input.notified],
      );
      await tx.query(`UPDATE duties SET overdue_since = $2 WHERE id = $1 AND overdue_since IS NULL`, [input.dutyId, firedAt]);
    });
  }

  findById(id: string): Promise<DutyEntity | null> {
    return this.duties.findOneBy({ id });
  }

  history(dutyId: string): Promise<DutyTransitionEntity[]> {
    return this.dataSource.getRepository(DutyTransitionEntity).find({ where: { dutyId }, order: { seq: 'ASC' } });
  }

  reminders(dutyId: string): Promise<DutyReminderEntity[]> {
    return this.dataSource.getRepository(DutyReminderEntity).find({ where: { dutyId }, order: { remindedAt: 'ASC', id: 'ASC' } });
  }

  escalations(dutyId: string): Promise<DutyEscalationEntity[]> {
    return this.dataSource.getRepository(DutyEscalationEntity).find({ where: { dutyId }, order: { firedAt: 'ASC', id: 'ASC' } });
  }

  async list(filter: DutyListFilter): Promise<{ items: DutyEntity[]; total: number }> {
    const query = this.duties.createQueryBuilder('d');
    if (filter.departmentId) query.andWhere('d.department_id = :departmentId', { departmentId: filter.departmentId });
    if (filter.state) query.andWhere('d.state = :state', { state: filter.state });
    if (filter.overdue !== undefined) {
      query.andWhere(filter.overdue ? 'd.overdue_since IS NOT NULL AND d.closed_at IS NULL' : 'd.overdue_since IS NULL');
    }
    const [items, total] = await query.orderBy('d.due_at', 'ASC').addOrderBy('d.id', 'ASC').take(filter.limit).skip(filter.offset).getManyAndCount();
    return { items, total };
  }
}
