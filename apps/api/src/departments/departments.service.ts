import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import { assertMay, DomainError, DomainErrorCode, unitChanges, unitStateRefusal, type Actor, type UnitKind } from '@duban/domain';
import { AuditLogRepository, DepartmentRepository, type AuditEntry, type DepartmentEntity } from '@duban/persistence';
import type { ClientContext } from '../auth/auth.service';
import { assertExportable, type ExportTable } from '../common/table-export';
import type { CreateDepartmentDto, ListDepartmentsQuery, UpdateDepartmentDto } from './create-department.dto';
import type { Department } from '@duban/contracts';
import { departmentView } from './departments.views';

const view = (unit: StoredUnit): Department => departmentView(unit, unit.districtIds);

/** A unit's record; a team's also names the districts it answers for. */
interface StoredUnit extends DepartmentEntity {
  /** Inspection teams: the districts it answers for (none: city-wide). */
  districtIds?: string[];
}

export const UNIT_KIND_WORDS: Record<UnitKind, string> = { department: '部门', district: '区县', inspection_team: '监察队伍' };

/** What the audit log names a unit by. */
export const unitLabel = (unit: { code: string; name: string }) => `${unit.code} ${unit.name}`;

/** The fields a unit's record holds, as the audit log shows a new one. */
export function unitRecord(unit: DepartmentEntity, districtIds?: string[]): Record<string, unknown> {
  return {
    code: unit.code,
    name: unit.name,
    kind: unit.kind,
    liaisonName: unit.liaisonName ?? null,
    liaisonEmail: unit.liaisonEmail,
    liaisonPhone: unit.liaisonPhone ?? null,
    headName: unit.headName ?? null,
    headEmail: unit.headEmail,
    headPhone: unit.headPhone ?? null,
    ...(districtIds ? { districtIds } : {}),
  };
}

/**
 * Departments, districts and inspection teams: registered by the office or the system
 * administrator; renamed, their people edited, deactivated and reactivated by the
 * administrator. Every change is written with its audit_log record in one transaction.
 */
@Injectable()
export class DepartmentsService {
  private readonly audit: AuditLogRepository;

  constructor(
    private readonly dataSource: DataSource,
    private readonly departments: DepartmentRepository,
  ) {
    this.audit = new AuditLogRepository(dataSource);
  }

  async register(actor: Actor, dto: CreateDepartmentDto, client: ClientContext): Promise<Department> {
    assertMay(actor, 'department.register');
    const { districtIds: named = [], reason, ...fields } = dto;
    const kind = dto.kind ?? 'department';
    // The same district named twice is named once.
    const districtIds = [...new Set(named)];
    if (districtIds.length > 0) await this.assertDistricts(kind, named);
    const department = { id: randomUUID(), ...fields, createdBy: actor.userId, updatedBy: actor.userId };
    return view(
      await this.dataSource.transaction(async (tx) => {
        const created: StoredUnit =
          kind === 'inspection_team'
            ? { ...(await this.departments.createInspectionTeam(department, districtIds, tx)), districtIds }
            : await this.departments.create({ ...department, kind }, tx);
        await this.record(tx, actor, client, created, 'department.created', { to: unitRecord(created, created.districtIds), reason: reason ?? null });
        return created;
      }),
    );
  }

  inspectionTeams() {
    return this.departments.inspectionTeams();
  }

  /** Every unit (an array, as before go-live), filtered by kind, active and text. */
  async list(query: ListDepartmentsQuery = {}): Promise<Department[]> {
    return (await this.records(query)).map((unit) => departmentView(unit));
  }

  private records(query: ListDepartmentsQuery): Promise<DepartmentEntity[]> {
    return this.departments.list({ kind: query.kind, active: query.active === undefined ? undefined : query.active === 'true', q: query.q });
  }

  async table(query: ListDepartmentsQuery): Promise<ExportTable> {
    const units = await this.records(query);
    assertExportable(units.length);
    // The headers are the import's own, so a downloaded sheet can be edited and imported again.
    return {
      asciiBase: 'departments',
      chineseBase: '成员单位',
      header: ['代码', '名称', '类型', '联络员', '联络员邮箱', '联络员电话', '负责人', '负责人邮箱', '负责人电话', '状态', '停用时间(北京时间)', '更新时间(北京时间)'],
      rows: units.map((u) => [
        u.code,
        u.name,
        UNIT_KIND_WORDS[u.kind] ?? u.kind,
        u.liaisonName ?? null,
        u.liaisonEmail,
        u.liaisonPhone ?? null,
        u.headName ?? null,
        u.headEmail,
        u.headPhone ?? null,
        u.active === false ? '已停用' : '启用',
        u.deactivatedAt ?? null,
        u.updatedAt ?? null,
      ]),
    };
  }

  async get(id: string): Promise<Department> {
    return view(await this.find(id));
  }

  private async find(id: string): Promise<StoredUnit> {
    const department = isUUID(id) ? await this.departments.findById(id) : null;
    if (!department) throw new DomainError(DomainErrorCode.DepartmentNotFound, `No department with id ${id}`);
    return department.kind === 'inspection_team' ? { ...department, districtIds: await this.departments.teamDistrictIds(department.id) } : department;
  }

  /**
   * Renames a unit, edits its people, or (a team) the districts it answers for. Only the fields
   * that change are written and audited; a request that changes nothing answers the unit as it is.
   */
  async update(actor: Actor, id: string, dto: UpdateDepartmentDto, client: ClientContext): Promise<Department> {
    assertMay(actor, 'department.administer');
    const found = await this.find(id);
    // The DTO refuses code and kind; the rest are the fields to change.
    const { reason, districtIds: named, code: _code, kind: _kind, ...fields } = dto;
    const districtIds = named === undefined ? undefined : [...new Set(named)];
    if (named !== undefined) await this.assertDistricts(found.kind, named);
    return view(
      await this.dataSource.transaction(async (tx): Promise<StoredUnit> => {
        const current = (await this.departments.lockForChange(found.id, tx))!;
        const currentDistricts = current.kind === 'inspection_team' ? await this.departments.teamDistrictIds(current.id, tx) : undefined;
        const change = unitChanges({ ...current, districtIds: currentDistricts }, { ...fields, districtIds });
        if (!change) return { ...current, ...(currentDistricts ? { districtIds: currentDistricts } : {}) };
        const { districtIds: _districts, ...columns } = change.to as Record<string, unknown>;
        let updated: StoredUnit = await this.departments.update(current.id, columns, actor.userId, tx);
        if ('districtIds' in change.to) await this.departments.replaceTeamDistricts(current.id, districtIds!, tx);
        if (currentDistricts) updated = { ...updated, districtIds: await this.departments.teamDistrictIds(current.id, tx) };
        await this.record(tx, actor, client, updated, 'department.updated', { ...change, reason });
        return updated;
      }),
    );
  }

  /** A deactivated unit gets no new duties; the duties it holds run on, its history stays. 409 when it is deactivated already. */
  deactivate(actor: Actor, id: string, reason: string, client: ClientContext): Promise<Department> {
    return this.setActive(actor, id, false, reason, client);
  }

  reactivate(actor: Actor, id: string, reason: string, client: ClientContext): Promise<Department> {
    return this.setActive(actor, id, true, reason, client);
  }

  private async setActive(actor: Actor, id: string, active: boolean, reason: string, client: ClientContext): Promise<Department> {
    assertMay(actor, 'department.administer');
    const found = await this.find(id);
    return view(
      await this.dataSource.transaction(async (tx): Promise<StoredUnit> => {
        // Waits for a duty or route being written to the unit just now (they lock it shared).
        const current = (await this.departments.lockForChange(found.id, tx))!;
        const refusal = unitStateRefusal({ ...current, active: current.active !== false }, active ? 'active' : 'inactive');
        if (refusal) throw refusal;
        const updated = await this.departments.setActive(current.id, active, actor.userId, tx);
        await this.record(tx, actor, client, updated, active ? 'department.reactivated' : 'department.deactivated', {
          from: { active: !active },
          to: { active },
          reason,
        });
        return found.districtIds ? { ...updated, districtIds: found.districtIds } : updated;
      }),
    );
  }

  /** Districts named for a team must be registered districts, and only a team names them. */
  private async assertDistricts(kind: UnitKind, named: readonly string[]): Promise<void> {
    if (named.length === 0) return;
    const problems: Record<string, string[]> = {};
    if (kind !== 'inspection_team') problems.districtIds = ['only an inspection team names the districts it answers for'];
    for (const [i, id] of named.entries()) {
      if ((await this.departments.findById(id))?.kind !== 'district') problems[`districtIds.${i}`] = ['not a registered district'];
    }
    if (Object.keys(problems).length > 0) throw new DomainError(DomainErrorCode.InvalidDepartment, 'The districts are not right', { fields: problems });
  }

  /** One audit record for a change of `unit`, in the change's transaction. */
  record(
    tx: EntityManager,
    actor: Actor,
    client: ClientContext,
    unit: { id: string; code: string; name: string },
    action: AuditEntry['action'],
    what: { from?: unknown; to?: unknown; reason?: string | null },
  ): Promise<void> {
    return this.audit.record(
      {
        actorId: actor.userId,
        actorUsername: actor.username,
        action,
        targetType: 'department',
        targetId: unit.id,
        targetLabel: unitLabel(unit),
        ...what,
        clientAddress: client.address,
      },
      tx,
    );
  }
}
