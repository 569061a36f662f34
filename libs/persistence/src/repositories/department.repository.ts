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

  /** Refuses (409) districts another inspection team already answers for: a district answers to one team. */
  async assertDistrictsFree(districtIds: readonly string[]): Promise<void> {
    if (districtIds.length === 0) return;
    const taken: Array<{ districtId: string }> = await this.repo.manager.query(
      `SELECT district_id AS "districtId" FROM inspection_team_districts WHERE district_id = ANY($1::uuid[])`,
      [districtIds],
    );
    if (taken.length > 0) {
      throw new DomainError(DomainErrorCode.DistrictCoveredByAnotherTeam, `Another inspection team answers for district ${taken.map((t) => t.districtId).join(', ')}`, {
        districtIds: taken.map((t) => t.districtId),
      });
    }
  }

  /** Names the districts an inspection team answers for. */
  async coverDistricts(teamId: string, districtIds: readonly string[]): Promise<void> {
    if (districtIds.length === 0) return;
    await this.repo.manager.query(`INSERT INTO inspection_team_districts (district_id, team_id) SELECT unnest($1::uuid[]), $2`, [districtIds, teamId]);
  }

  /** Inspection teams and the districts each answers for (none: city-wide). */
  inspectionTeams(): Promise<Array<{ id: string; code: string; name: string; liaisonEmail: string; districtIds: string[] }>> {
    return this.repo.manager.query(
      `SELECT t.id, t.code, t.name, t.liaison_email AS "liaisonEmail",
              COALESCE(array_agg(c.district_id ORDER BY c.district_id) FILTER (WHERE c.district_id IS NOT NULL), '{}') AS "districtIds"
       FROM departments t LEFT JOIN inspection_team_districts c ON c.team_id = t.id
       WHERE t.kind = 'inspection_team' GROUP BY t.id ORDER BY t.code`,
    );
  }
}
