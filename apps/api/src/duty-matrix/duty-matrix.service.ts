import { Injectable } from '@nestjs/common';
import { DomainError, DomainErrorCode, DUTY_ROUTE_KEY, DUTY_ROUTE_KINDS, type Actor, type DutyRouteKind } from '@duban/domain';
import { DepartmentRepository, DutyMatrixRepository } from '@duban/persistence';
import type { SetDutyRouteDto } from './duty-matrix.dto';

@Injectable()
export class DutyMatrixService {
  constructor(
    private readonly matrix: DutyMatrixRepository,
    private readonly departments: DepartmentRepository,
  ) {}

  list() {
    return this.matrix.list();
  }

  changes() {
    return this.matrix.changes();
  }

  /** The office routes a sector or function to a department; every change is logged. */
  async setRoute(actor: Actor, kind: string, key: string, dto: SetDutyRouteDto) {
    if (actor.role !== 'office') throw new DomainError(DomainErrorCode.ActionNotPermitted, 'Only the office edits the duty matrix');
    if (!(DUTY_ROUTE_KINDS as readonly string[]).includes(kind)) {
      throw new DomainError(DomainErrorCode.NoDutyRoute, `The duty matrix has no kind "${kind}" (sector or function)`);
    }
    if (!DUTY_ROUTE_KEY.test(key)) {
      throw new DomainError(DomainErrorCode.InvalidDutyRouteKey, `"${key}" is not a route key: lower-case letters, digits and _, 2-64 long`);
    }
    const department = await this.departments.findById(dto.departmentId);
    if (!department) throw new DomainError(DomainErrorCode.DepartmentNotFound, `No department with id ${dto.departmentId}`);
    await this.matrix.setRoute({ kind: kind as DutyRouteKind, key, label: dto.label, departmentId: department.id }, actor.userId, dto.reason ?? null);
    return (await this.matrix.list()).find((r) => r.kind === kind && r.key === key);
  }
}
