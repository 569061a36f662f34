import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { assertMayManageDepartments, DomainError, DomainErrorCode, type Actor } from '@duban/domain';
import { DepartmentRepository, type DepartmentEntity } from '@duban/persistence';
import type { CreateDepartmentDto } from './create-department.dto';

@Injectable()
export class DepartmentsService {
  constructor(private readonly departments: DepartmentRepository) {}

  async register(actor: Actor, dto: CreateDepartmentDto): Promise<DepartmentEntity & { districtIds?: string[] }> {
    assertMayManageDepartments(actor);
    const { districtIds: named = [], ...fields } = dto;
    const kind = dto.kind ?? 'department';
    // The same district named twice is named once.
    const districtIds = [...new Set(named)];
    if (districtIds.length > 0) {
      const problems: Record<string, string[]> = {};
      if (kind !== 'inspection_team') problems.districtIds = ['only an inspection team names the districts it answers for'];
      for (const [i, id] of named.entries()) {
        if ((await this.departments.findById(id))?.kind !== 'district') problems[`districtIds.${i}`] = ['not a registered district'];
      }
      if (Object.keys(problems).length > 0) throw new DomainError(DomainErrorCode.InvalidDepartment, 'The districts are not right', { fields: problems });
    }
    const department = { id: randomUUID(), ...fields, createdBy: actor.userId };
    if (kind !== 'inspection_team') return this.departments.create({ ...department, kind });
    return { ...(await this.departments.createInspectionTeam(department, districtIds)), districtIds };
  }

  inspectionTeams() {
    return this.departments.inspectionTeams();
  }

  list(): Promise<DepartmentEntity[]> {
    return this.departments.list();
  }

  async get(id: string): Promise<DepartmentEntity> {
    const department = isUUID(id) ? await this.departments.findById(id) : null;
    if (!department) throw new DomainError(DomainErrorCode.DepartmentNotFound, `No department with id ${id}`);
    return department;
  }
}
