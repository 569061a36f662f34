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

  /**
   * Registers an inspection team and the districts it answers for, in one transaction: a
   * district another team answers for refuses the whole registration (409), also when two
   * registrations race for it (the district's row is unique).
   */
  async createInspectionTeam(team: Omit<DepartmentEntity, 'createdAt' | 'kind'>, districtIds: readonly string[]): Promise<DepartmentEntity> {
    try {
      await this.repo.manager.transaction(async (tx) => {
        const taken: Array<{ districtId: string }> = await tx.query(
          `SELECT district_id AS "districtId" FROM inspection_team_districts WHERE district_id = ANY($1::uuid[]) ORDER BY district_id`,
          [districtIds],
        );
        if (taken.length > 0) throw districtsTaken(taken.map((t) => t.districtId));
        await tx.getRepository(DepartmentEntity).insert({ ...team, kind: 'inspection_team' });
        await tx.query(`INSERT INTO inspection_team_districts (district_id, team_id) SELECT unnest($1::uuid[]), $2`, [districtIds, team.id]);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'departments_code_key')) {
        throw new DomainError(DomainErrorCode.DepartmentCodeTaken, `A department with code ${team.code} exists`);
      }
      if (isUniqueViolation(error, 'inspection_team_districts_pkey')) throw districtsTaken(districtIds);
      throw error;
    }
    return this.repo.findOneByOrFail({ id: team.id });
  }

  /** Inspection teams and the districts each answers for (none: city-wide). */
  inspectionTeams(): Promise<
    Array<{ id: string; code: string; name: string; liaisonEmail: string; cityWide: boolean; districtIds: string[]; districts: Array<{ id: string; code: string; name: string }> }>
  > {
    return this.repo.manager.query(
      `SELECT t.id, t.code, t.name, t.liaison_email AS "liaisonEmail", count(d.id) = 0 AS "cityWide",
              COALESCE(array_agg(d.id ORDER BY d.code) FILTER (WHERE d.id IS NOT NULL), '{}') AS "districtIds",
              COALESCE(jsonb_agg(jsonb_build_object('id', d.id, 'code', d.code, 'name', d.name) ORDER BY d.code) FILTER (WHERE d.id IS NOT NULL), '[]') AS districts
       FROM departments t
       LEFT JOIN inspection_team_districts c ON c.team_id = t.id
       LEFT JOIN departments d ON d.id = c.district_id
       WHERE t.kind = 'inspection_team' GROUP BY t.id ORDER BY t.code`,
    );
  }
}

function districtsTaken(districtIds: readonly string[]): DomainError {
  return new DomainError(DomainErrorCode.DistrictCoveredByAnotherTeam, `Another inspection team answers for district ${districtIds.join(', ')}`, {
    districtIds: [...districtIds],
  });
}
