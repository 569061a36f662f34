import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { assertMayManageDepartments, DomainError, DomainErrorCode, type Actor } from '@duban/domain';
import { DepartmentRepository, type DepartmentEntity } from '@duban/persistence';
import type { CreateDepartmentDto } from './create-department.dto';

@Injectable()
export class DepartmentsService {
  constructor(private readonly departments: DepartmentRepository) {}

  async register(actor: Actor, dto: CreateDepartmentDto): Promise<DepartmentEntity> {
    assertMayManageDepartments(actor);
    const { districtIds = [], ...fields } = dto;
    const kind = dto.kind ?? 'department';
    if (districtIds.length > 0) {
      const problems: Record<string, string[]> = {};
      if (kind !== 'inspection_team') problems.districtIds = ['only an inspection team names the districts it answers for'];
      for (const [i, id] of districtIds.entries()) {
        if ((await this.departments.findById(id))?.kind !== 'district') problems[`districtIds.${i}`] = ['not a registered district'];
      }
      if (Object.keys(problems).length > 0) throw new DomainError(DomainErrorCode.InvalidDepartment, 'The districts are not right', { fields: problems });
    }
    const id = randomUUID();
    // Checked before the team is written, so a refusal leaves nothing behind.
    if (kind === 'inspection_team') await this.departments.assertDistrictsFree(districtIds);
    const created = await this.departments.create({ id, ...fields, kind, createdBy: actor.userId });
    await this.departments.coverDistricts(id, districtIds);
    return created;
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
