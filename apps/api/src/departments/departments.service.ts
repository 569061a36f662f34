import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { assertMayManageDepartments, DomainError, DomainErrorCode, type Actor } from '@duban/domain';
import { DepartmentRepository, type DepartmentEntity } from '@duban/persistence';
import type { CreateDepartmentDto } from './create-department.dto';

@Injectable()
export class DepartmentsService {
  constructor(private readonly departments: DepartmentRepository) {}

  register(actor: Actor, dto: CreateDepartmentDto): Promise<DepartmentEntity> {
    assertMayManageDepartments(actor);
    return this.departments.create({ id: randomUUID(), ...dto, kind: dto.kind ?? 'department', createdBy: actor.userId });
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
