import { Injectable } from '@nestjs/common';
import {
  addFieldMessage,
  assertNoFieldProblems,
  DomainError,
  DomainErrorCode,
  routeKeyOf,
  unitFactProblems,
  unitFactSourceRefusal,
  type Actor,
  type FieldMessages,
  type UnitFacts,
} from '@duban/domain';
import type { UnitDetail, UnitList } from '@duban/contracts';
import { DepartmentRepository, DutyMatrixRepository, UnitRepository } from '@duban/persistence';
import type { ListUnitsQuery, RecordUnitFactsDto } from './unit.dto';
import { unitFactView, unitView } from './units.views';

@Injectable()
export class UnitsService {
  constructor(
    private readonly units: UnitRepository,
    private readonly departments: DepartmentRepository,
    private readonly matrix: DutyMatrixRepository,
  ) {}

  /** Records what a department's data says about a unit (an upsert by credit code; the same facts again change nothing). */
  async record(actor: Actor, dto: RecordUnitFactsDto): Promise<{ changed: boolean; unit: UnitDetail }> {
    const refusal = unitFactSourceRefusal(actor, dto.source.departmentId);
    if (refusal) {
      throw actor.role === 'office'
        ? new DomainError(DomainErrorCode.InvalidUnitFacts, refusal, { fields: { 'source.departmentId': [refusal] } })
        : new DomainError(DomainErrorCode.ActionNotPermitted, refusal);
    }
    const sourceDepartmentId = dto.source.departmentId ?? actor.departmentId!;
    const { source, ...rest } = dto;
    const facts: UnitFacts = rest;
    const fields: FieldMessages = unitFactProblems(facts);
    if (!(await this.departments.findById(sourceDepartmentId))) addFieldMessage(fields, 'source.departmentId', 'not a registered department');
    if (facts.districtId && (await this.departments.findById(facts.districtId))?.kind !== 'district') {
      addFieldMessage(fields, 'districtId', 'not a registered district');
    }
    if (facts.sectorKey) {
      const sectors = new Set((await this.matrix.list()).map((r) => routeKeyOf(r.kind, r.key)));
      if (!sectors.has(routeKeyOf('sector', facts.sectorKey))) addFieldMessage(fields, 'sectorKey', 'not a sector of the duty matrix');
    }
    assertNoFieldProblems(fields, DomainErrorCode.InvalidUnitFacts);
    const changed = await this.units.recordFacts(facts, { departmentId: sourceDepartmentId, file: source.file, date: source.date }, actor.userId);
    return { changed, unit: await this.get(actor, facts.creditCode) };
  }

  async get(_actor: Actor, creditCode: string): Promise<UnitDetail> {
    const unit = await this.units.find(creditCode);
    if (!unit) throw new DomainError(DomainErrorCode.UnitNotFound, `No unit with credit code ${creditCode}`);
    return { ...unitView(unit), facts: (await this.units.facts(creditCode)).map(unitFactView) };
  }

  async list(_actor: Actor, query: ListUnitsQuery): Promise<UnitList> {
    const { items, total } = await this.units.list(query);
    return { items: items.map(unitView), total };
  }
}
