import { Injectable } from '@nestjs/common';
import { assertMay, DomainError, DomainErrorCode, DUTY_ROUTE_KEY, DUTY_ROUTE_KINDS, type Actor, type DutyRouteKind } from '@duban/domain';
import { DepartmentRepository, DutyMatrixRepository } from '@duban/persistence';
import type { DutyRoute, DutyRouteChange } from '@duban/contracts';
import type { SetDutyRouteDto } from './duty-matrix.dto';
import { toDutyRoute, toDutyRouteChange } from './duty-matrix.views';

@Injectable()
export class DutyMatrixService {
  constructor(
    private readonly matrix: DutyMatrixRepository,
    private readonly departments: DepartmentRepository,
  ) {}

  async list(): Promise<DutyRoute[]> {
    return (await this.matrix.list()).map(toDutyRoute);
  }

  async changes(): Promise<DutyRouteChange[]> {
    return (await this.matrix.changes()).map(toDutyRouteChange);
  }

  /** The office routes a sector or function to a department; every change is logged. */
  async setRoute(actor: Actor, kind: string, key: string, dto: SetDutyRouteDto): Promise<DutyRoute | undefined> {
    assertMay(actor, 'duty-matrix.edit');
    if (!(DUTY_ROUTE_KINDS as readonly string[]).includes(kind)) {
      throw new DomainError(DomainErrorCode.NoDutyRoute, `The duty matrix has no kind "${kind}" (sector or function)`);
    }
    if (!DUTY_ROUTE_KEY.test(key)) {
      throw new DomainError(DomainErrorCode.InvalidDutyRouteKey, `"${key}" is not a route key: lower-case letters, digits and _, 2-64 long`);
    }
    const department = await this.departments.findById(dto.departmentId);
    if (!department) throw new DomainError(DomainErrorCode.DepartmentNotFound, `No department with id ${dto.departmentId}`);
    await this.matrix.setRoute({ kind: kind as DutyRouteKind, key, label: dto.label, departmentId: department.id }, actor.userId, dto.reason ?? null);
    const route = (await this.matrix.list()).find((r) => r.kind === kind && r.key === key);
    return route && toDutyRoute(route);
  }
}
