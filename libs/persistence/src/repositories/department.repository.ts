import type { DataSource, Repository } from 'typeorm';
import { DomainError, DomainErrorCode } from '@duban/domain';
import { DepartmentEntity } from '../entities/department.entity';
import { isUniqueViolation } from './pg-errors';

export class DepartmentRepository {
  private readonly repo: Repository<DepartmentEntity>;

  constructor(dataSource: DataSource) {
    this.repo = dataSource.getRepository(DepartmentEntity);
  }

  async create(department: Omit<DepartmentEntity, 'createdAt'>): Promise<DepartmentEntity> {
    try {
      await this.repo.insert(department);
    } catch (error) {
      if (isUniqueViolation(error, 'departments_code_key')) {
        throw new DomainError(DomainErrorCode.DepartmentCodeTaken, `A department with code ${department.code} exists`);
      }
      throw error;
    }
    return this.repo.findOneByOrFail({ id: department.id });
  }

  /** For seeds: creates the department unless one with its code exists, and returns the stored one. */
  async ensure(department: Omit<DepartmentEntity, 'createdAt'>): Promise<DepartmentEntity> {
    await this.repo.createQueryBuilder().insert().values(department).orIgnore().execute();
    return this.repo.findOneByOrFail({ code: department.code });
  }

  findById(id: string): Promise<DepartmentEntity | null> {
    return this.repo.findOneBy({ id });
  }

  list(): Promise<DepartmentEntity[]> {
    return this.repo.find({ order: { code: 'ASC' } });
  }
}
