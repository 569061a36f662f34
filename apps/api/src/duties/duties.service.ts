import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import { DUBAN_CONFIG, type DubanConfig } from '@duban/config';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import {
  allowedDutyActions,
  assertDutyActionInput,
  assertMay,
  DEFAULT_DUTY_CLOCK_POLICY,
  DomainError,
  DomainErrorCode,
  DUTY_ACTION_CAPABILITY,
  commentRefusal,
  dutyActionRefusal,
  dutyListDepartment,
  evidenceUploadRefusal,
  isDutyClosed,
  isDutyWithDepartment,
  inactiveUnitsRefusal,
  isValidNewDueTime,
  transitionDuty,
  type Actor,
  type DutyAction,
  type DutyClockPolicy,
} from '@duban/domain';
import {
  assertUnitsActive,
  DepartmentRepository,
  DutyCommentRepository,
  DutyEvidenceRepository,
  DutyRepository,
  EmailRepository,
  WorkingCalendarRepository,
  type DepartmentEntity,
  type DutyEntity,
} from '@duban/persistence';
import { DUTY_ROLLING_OVER, dutyActionUpdate, dutyLiveStateQuery, dutyWorkflowId, type DutyAssignment, type DutyWorkflowInput } from '@duban/workflows';
import { startWorkflow } from '@duban/temporal-client';
import { callTemporal, temporalClient } from '../temporal/temporal-calls';
import { TemporalClientProvider } from '../temporal/temporal-client.provider';
import type { AssignDutyDto, ListDutiesQuery } from './duty.dto';
import type { DutyTimeline, Page } from '@duban/contracts';
import { buildDutyTimeline } from './duty-timeline';
import { isoInstant, isoInstantOrNull } from '../common/instants';
import { toDutyDetail, toDutySummary, type DutyDetail, type DutyLiveStateView, type DutySummary } from './duty.views';

/** The workflow refused an action because it is continuing as new (or has just done so). */
function isRollingOver(error: unknown): boolean {
  return error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure && error.cause.type === DUTY_ROLLING_OVER;
}

/** A UUID (version 8, name-based) from the caller and their key: same request, same duty. */
export function dutyIdForIdempotencyKey(userId: string, key: string): string {
  const hex = createHash('sha256').update(`duban:duty:${userId}:${key}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

@Injectable()
export class DutiesService {
  private readonly logger = new Logger(DutiesService.name);

  constructor(
    @Inject(DUBAN_CONFIG) private readonly config: DubanConfig,
    private readonly dataSource: DataSource,
    private readonly duties: DutyRepository,
    private readonly departments: DepartmentRepository,
    private readonly emails: EmailRepository,
    private readonly evidence: DutyEvidenceRepository,
    private readonly comments: DutyCommentRepository,
    private readonly calendars: WorkingCalendarRepository,
    private readonly temporal: TemporalClientProvider,
  ) {}

  /**
   * Records the duty and starts its workflow in one step: the row is committed only once
   * Temporal has accepted the workflow, and the workflow re-records the row itself (an
   * upsert), so neither can exist without the other.
   */
  async assign(actor: Actor, dto: AssignDutyDto, idempotencyKey?: string): Promise<{ duty: DutyDetail; created: boolean }> {
    assertMay(actor, 'duty.assign');
    // A retried request with the same key names the same duty (and so the same workflow).
    const dutyId = idempotencyKey ? dutyIdForIdempotencyKey(actor.userId, idempotencyKey) : randomUUID();
    const existing = idempotencyKey ? await this.duties.findById(dutyId) : null;
    if (existing) {
      if (existing.departmentId !== dto.departmentId || existing.title !== dto.title || existing.dueAt.getTime() !== Date.parse(dto.dueAt)) {
        throw new DomainError(DomainErrorCode.IdempotencyKeyReused, 'This Idempotency-Key was used for a different duty');
      }
      return { duty: await this.get(actor, dutyId), created: false };
    }
    const department = await this.departments.findById(dto.departmentId);
    if (!department) throw new DomainError(DomainErrorCode.DepartmentNotFound, `No department with id ${dto.departmentId}`);
    const inactive = inactiveUnitsRefusal([{ ...department, active: department.active !== false }]);
    if (inactive) throw inactive;
    const now = Date.now();
    const dueAt = this.futureDueTime(dto.dueAt);
    const assignment: DutyAssignment = {
      dutyId,
      departmentId: department.id,
      title: dto.title,
      description: dto.description,
      assignedAt: now,
      dueAt,
      assignedBy: actor,
    };
    const client = await this.connected();
    const bound = this.config.dutyHistoryEventsBound;
    // Read before the transaction: a query on the pool while it holds a connection could starve it.
    const input: DutyWorkflowInput = { assignment, policy: await this.clockPolicy(), ...(bound === undefined ? {} : { historyEventsBound: bound }) };
    let created = true;
    await this.dataSource.transaction(async (tx) => {
      // Checked again under a shared lock: a deactivation at this moment waits, or refuses this.
      await assertUnitsActive(tx, [department.id]);
      await this.duties.recordAssigned(assignment, tx);
      try {
        await this.temporalCall(() =>
          startWorkflow(client, 'DutyWorkflow', {
            taskQueue: this.temporal.taskQueue,
            workflowId: dutyWorkflowId(assignment.dutyId),
            args: [input],
          }),
        );
      } catch (error) {
        // The same keyed request, running at the same moment, got there first.
        if (!(idempotencyKey && error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
        created = false;
      }
    });
    return { duty: await this.get(actor, assignment.dutyId), created };
  }

  async get(actor: Actor, dutyId: string): Promise<DutyDetail> {
    const duty = await this.visibleDuty(actor, dutyId);
    const [department, history, escalations, emails] = await Promise.all([
      this.departments.findById(duty.departmentId),
      this.duties.history(duty.id),
      this.duties.escalations(duty.id),
      this.emails.forDuty(duty.id),
    ]);
    return toDutyDetail(duty, department!, history, escalations, emails, this.actionsFor(actor, duty), {
      mayComment: commentRefusal(actor, duty.departmentId) === null,
      mayAddEvidence: evidenceUploadRefusal(actor, duty.departmentId) === null && isDutyWithDepartment(duty.state),
    });
  }

  /**
   * Everything that happened to the duty, oldest first: transitions (progress notes,
   * reassignments and extensions included), reminders, escalation steps, e-mails, comments
   * and evidence. Whoever may see the duty may see this.
   */
  async timeline(actor: Actor, dutyId: string): Promise<DutyTimeline> {
    const duty = await this.visibleDuty(actor, dutyId);
    const [history, reminders, escalations, emails, comments, evidence] = await Promise.all([
      this.duties.history(duty.id),
      this.duties.reminders(duty.id),
      this.duties.escalations(duty.id),
      this.emails.forDuty(duty.id),
      this.comments.list(duty.id),
      this.evidence.list(duty.id),
    ]);
    const departmentIds = new Set<string>([duty.departmentId]);
    for (const t of history) for (const id of [t.fromDepartmentId, t.toDepartmentId]) if (id) departmentIds.add(id);
    for (const r of reminders) if (r.departmentId) departmentIds.add(r.departmentId);
    // One to three departments: the one holding the duty and any it was reassigned from.
    const departments = (await Promise.all([...departmentIds].map((id) => this.departments.findById(id)))).filter((d): d is DepartmentEntity => d !== null);
    return {
      dutyId: duty.id,
      entries: buildDutyTimeline({ history, reminders, escalations, emails, comments, evidence, departments }),
    };
  }

  /** The duty if the caller may see it: 404 for an unknown id, 403 for another department's. */
  visible(actor: Actor, dutyId: string): Promise<DutyEntity> {
    return this.visibleDuty(actor, dutyId);
  }

  async list(actor: Actor, query: ListDutiesQuery): Promise<Page<DutySummary>> {
    const departmentId = dutyListDepartment(actor, query.departmentId);
    const { items, total } = await this.duties.list({ ...query, departmentId });
    return { items: items.map(toDutySummary), total, limit: query.limit, offset: query.offset };
  }

  /** What the workflow holds right now (a Temporal query), beside the stored record. */
  async live(actor: Actor, dutyId: string): Promise<DutyLiveStateView> {
    const duty = await this.visibleDuty(actor, dutyId);
    const client = await this.connected();
    const live = await this.temporalCall(() => client.workflow.getHandle(duty.workflowId).query(dutyLiveStateQuery));
    return { ...live, dueAt: isoInstant(live.dueAt), remindedForDueAt: isoInstantOrNull(live.remindedForDueAt) };
  }

  /**
   * A user's action on a duty. Access and the state machine are checked here for a fast,
   * clear answer; the workflow's update validator checks again against its own state, which
   * is the authority. The answer comes after the record is written.
   */
  async act(
    actor: Actor,
    dutyId: string,
    action: DutyAction,
    input: { reason?: string; result?: string; dueAt?: string; departmentId?: string; evidenceIds?: string[] },
  ): Promise<DutyDetail> {
    const duty = await this.visibleDuty(actor, dutyId);
    assertMay(actor, DUTY_ACTION_CAPABILITY[action], { departmentId: duty.departmentId });
    transitionDuty(duty.state, action);
    const dueAt = input.dueAt === undefined ? undefined : this.futureDueTime(input.dueAt);
    const { departmentId, evidenceIds } = input;
    assertDutyActionInput(action, { ...input, dueAt }, { departmentId: duty.departmentId, now: Date.now() });
    if (departmentId !== undefined) {
      const target = await this.departments.findById(departmentId);
      if (!target) throw new DomainError(DomainErrorCode.DepartmentNotFound, `No department with id ${departmentId}`);
      // A reassignment gives the unit a new duty: not to a deactivated one.
      const inactive = inactiveUnitsRefusal([{ ...target, active: target.active !== false }]);
      if (inactive) throw inactive;
    }
    if (evidenceIds?.length) await this.assertEvidenceOfDuty(duty.id, evidenceIds);
    const client = await this.connected();
    const request = { action, actor, reason: input.reason, result: input.result, dueAt, departmentId, evidenceIds };
    // A duty that is continuing as new sends the action back; the next run takes it. A duty
    // whose row is written but whose workflow is not started yet (a report round just opened:
    // its workflow starts the duties after recording them) is waited for the same way.
    // One update id for every attempt: an attempt whose answer was lost (its run continued as
    // new before the outcome was read, which answers "not found") may have been applied, and
    // the workflow gives the answer it gave that id (carried over the rollover) instead of
    // recording the action a second time under a new id.
    const updateId = randomUUID();
    for (let attempt = 1; ; attempt++) {
      try {
        await client.workflow.getHandle(duty.workflowId).executeUpdate(dutyActionUpdate, { args: [request], updateId });
        break;
      } catch (error) {
        const starting = error instanceof WorkflowNotFoundError && !isDutyClosed((await this.visibleDuty(actor, dutyId)).state);
        if (starting && attempt >= 50) {
          throw new ServiceUnavailableException({ statusCode: 503, error: 'SERVICE_UNAVAILABLE', message: 'The duty is still being set up; try again shortly' });
        }
        if (!(attempt < 50 && (isRollingOver(error) || starting))) {
          await this.temporalCall(() => Promise.reject(error));
        }
        await new Promise((resolve) => setTimeout(resolve, Math.min(20 * attempt, 200)));
      }
    }
    return this.get(actor, dutyId);
  }

  /** A submission may name only files uploaded to this very duty. */
  private async assertEvidenceOfDuty(dutyId: string, ids: string[]): Promise<void> {
    const known = await this.evidence.idsOfDuty(dutyId, ids);
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new DomainError(DomainErrorCode.EvidenceNotOfDuty, `Not evidence of this duty: ${unknown.join(', ')}`, { unknown });
    }
  }

  private futureDueTime(iso: string): number {
    const dueAt = Date.parse(iso);
    if (!isValidNewDueTime(dueAt, Date.now())) {
      throw new DomainError(DomainErrorCode.DueTimeNotInFuture, `dueAt must be in the future (got ${iso})`);
    }
    return dueAt;
  }

  /**
   * The ladder a new duty runs on, on the office's calendar as it stands now. Time is
   * compressed only where DUBAN_WORKING_DAY_SECONDS says so.
   */
  private async clockPolicy(): Promise<DutyClockPolicy> {
    const calendar = await this.calendars.allCurrentDays();
    const seconds = this.config.workingDaySeconds;
    return { ...DEFAULT_DUTY_CLOCK_POLICY, calendar, ...(seconds === undefined ? {} : { workingDayMs: seconds * 1000 }) };
  }

  private async visibleDuty(actor: Actor, dutyId: string): Promise<DutyEntity> {
    const duty = isUUID(dutyId) ? await this.duties.findById(dutyId) : null;
    if (!duty) throw new DomainError(DomainErrorCode.DutyNotFound, `No duty with id ${dutyId}`);
    assertMay(actor, 'duty.read', { departmentId: duty.departmentId });
    return duty;
  }

  private actionsFor(actor: Actor, duty: DutyEntity): DutyAction[] {
    return allowedDutyActions(duty.state).filter((action) => dutyActionRefusal(actor, duty.departmentId, action) === null);
  }

  private connected() {
    return temporalClient(this.temporal, this.logger);
  }

  /** As every Temporal call of the API (refusals → domain errors, no answer → 503), plus: a duty whose workflow has ended was just closed. */
  private async temporalCall<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await callTemporal(call, this.logger);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) {
        // The workflow ended between our read and the update: the duty has just been closed.
        throw new DomainError(DomainErrorCode.DutyTransitionForbidden, 'The duty has just been closed');
      }
      throw error;
    }
  }
}
