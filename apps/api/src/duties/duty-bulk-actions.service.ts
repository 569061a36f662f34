import { HttpException, Injectable, Logger } from '@nestjs/common';
import { assertMay, DEPARTMENT_HOLDS_DUTY_STATES, DomainError, DomainErrorCode, type Actor, type DutyAction, type DutyState } from '@duban/domain';
import { DepartmentRepository, DutyQueryRepository } from '@duban/persistence';
import { DutiesService } from './duties.service';
import { mapBounded } from './bounded';
import type { BulkExtendDto, RemindOverdueDto } from './duty-views.dto';
import type { BulkExtendResult, BulkItemResult, BulkResult, RemindOverdueResult } from '@duban/contracts';

/** Temporal calls in flight at once for one bulk request. */
export const BULK_PARALLELISM = 10;

/**
 * The office's actions on many duties. Each duty goes through its own workflow update, the
 * same path as the single action (DutiesService.act: access, state machine, the workflow's
 * validator, the record written before the answer), so each is attributed to the caller and
 * each succeeds or fails on its own.
 */
@Injectable()
export class DutyBulkActionsService {
  private readonly logger = new Logger(DutyBulkActionsService.name);

  constructor(
    private readonly duties: DutiesService,
    private readonly queries: DutyQueryRepository,
    private readonly departments: DepartmentRepository,
  ) {}

  /** Reminds (催办) every overdue duty the department still holds. */
  async remindOverdue(actor: Actor, dto: RemindOverdueDto): Promise<RemindOverdueResult> {
    assertMay(actor, 'duty.bulk-act');
    const department = await this.departments.findById(dto.departmentId);
    if (!department) throw new DomainError(DomainErrorCode.DepartmentNotFound, `No department with id ${dto.departmentId}`);
    const targets = await this.queries.overdueWithDepartment(department.id, DEPARTMENT_HOLDS_DUTY_STATES);
    const results = await this.each(
      targets.map((t) => t.id),
      'remind',
      (dutyId) => this.duties.act(actor, dutyId, 'remind', { reason: dto.note }),
    );
    return { departmentId: department.id, ...summarise(results) };
  }

  /** Moves the due time of each listed duty (duplicates once), with one reason. */
  async extend(actor: Actor, dto: BulkExtendDto): Promise<BulkExtendResult> {
    assertMay(actor, 'duty.bulk-act');
    const dutyIds = [...new Set(dto.dutyIds)];
    const results = await this.each(dutyIds, 'extend', (dutyId) => this.duties.act(actor, dutyId, 'extend', { reason: dto.reason, dueAt: dto.dueAt }));
    return { dueAt: new Date(dto.dueAt).toISOString(), ...summarise(results) };
  }

  private each(dutyIds: string[], action: DutyAction, act: (dutyId: string) => Promise<{ state: DutyState; dueAt: string }>): Promise<BulkItemResult[]> {
    return mapBounded(dutyIds, BULK_PARALLELISM, async (dutyId): Promise<BulkItemResult> => {
      try {
        const duty = await act(dutyId);
        return { dutyId, ok: true, state: duty.state, dueAt: duty.dueAt };
      } catch (error) {
        return { dutyId, ok: false, ...this.failure(dutyId, action, error) };
      }
    });
  }

  /** One duty's failure, told in the same terms the single action's error answer uses. */
  private failure(dutyId: string, action: DutyAction, error: unknown): { code: string; message: string } {
    if (error instanceof DomainError) return { code: error.code, message: error.message };
    if (error instanceof HttpException) {
      const body = error.getResponse();
      const code = typeof body === 'object' && body !== null && 'error' in body ? String(body.error) : `HTTP_${error.getStatus()}`;
      const message = typeof body === 'object' && body !== null && 'message' in body ? String(body.message) : error.message;
      return { code, message };
    }
    // Not the caller's doing: logged in full here, reported for this duty only.
    this.logger.error(`Bulk ${action} of duty ${dutyId} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return { code: 'INTERNAL_ERROR', message: `The ${action} of this duty failed unexpectedly; check its history before retrying` };
  }
}

function summarise(results: BulkItemResult[]): BulkResult {
  const succeeded = results.filter((r) => r.ok).length;
  return { total: results.length, succeeded, failed: results.length - succeeded, results };
}
