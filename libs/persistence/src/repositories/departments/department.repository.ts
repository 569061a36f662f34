import type { DataSource, EntityManager, Repository } from 'typeorm';
import { DomainError, DomainErrorCode, inactiveUnitsRefusal, type UnitKind } from '@duban/domain';
import { DepartmentEntity } from '../../entities/departments/department.entity';
import { isUniqueViolation } from '../common/pg-errors';

export class DepartmentRepository {
  private readonly repo: Repository<DepartmentEntity>;

  constructor(dataSource: DataSource) {
    this.repo = dataSource.getRepository(DepartmentEntity);
  }

  async create(department: Omit<DepartmentEntity, 'createdAt'>, manager: EntityManager = this.repo.manager): Promise<DepartmentEntity> {
    try {
      await manager.getRepository(DepartmentEntity).insert(department);
    } catch (error) {
      if (isUniqueViolation(error, 'departments_code_key')) {
        throw new DomainError(DomainErrorCode.DepartmentCodeTaken, `A department with code ${department.code} exists`);
      }
      throw error;
    }
    return manager.getRepository(DepartmentEntity).findOneByOrFail({ id: department.id });
  }

  /** For seeds: creates the department unless one with its code exists, and returns the stored one. */
  async ensure(department: Omit<DepartmentEntity, 'createdAt'>): Promise<DepartmentEntity> {
    await this.repo.createQueryBuilder().insert().values(department).orIgnore().execute();
    return this.repo.findOneByOrFail({ code: department.code });
  }

  findById(id: string): Promise<DepartmentEntity | null> {
    return this.repo.findOneBy({ id });
  }

  /** By code, ascending; filtered by kind, by active, and by text in the code, the name or a person's name or e-mail. */
  list(filter: UnitListFilter = {}): Promise<DepartmentEntity[]> {
    const query = this.repo.createQueryBuilder('d').orderBy('d.code', 'ASC');
    if (filter.kind) query.andWhere('d.kind = :kind', { kind: filter.kind });
    if (filter.active !== undefined) query.andWhere('d.active = :active', { active: filter.active });
    if (filter.q) {
      const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.andWhere(
        `(d.code ILIKE :like OR d.name ILIKE :like OR d.liaison_name ILIKE :like OR d.liaison_email ILIKE :like OR d.head_name ILIKE :like OR d.head_email ILIKE :like)`,
        { like },
      );
    }
    return query.getMany();
  }

  findByCode(code: string, manager: EntityManager = this.repo.manager): Promise<DepartmentEntity | null> {
    return manager.getRepository(DepartmentEntity).findOneBy({ code });
  }

  /** The unit, locked for the rest of the caller's transaction (a change, or a new duty's check, waits). */
  async lockForChange(id: string, tx: EntityManager): Promise<DepartmentEntity | null> {
    return tx.getRepository(DepartmentEntity).createQueryBuilder('d').setLock('pessimistic_write').where('d.id = :id', { id }).getOne();
  }

  /** Writes the changed fields (and who changed them, when) in the caller's transaction. */
  async update(
    id: string,
    changes: Partial<Pick<DepartmentEntity, 'name' | 'liaisonName' | 'liaisonEmail' | 'liaisonPhone' | 'headName' | 'headEmail' | 'headPhone'>>,
    actorId: string,
    tx: EntityManager,
  ): Promise<DepartmentEntity> {
    await tx.getRepository(DepartmentEntity).update({ id }, { ...changes, updatedAt: new Date(), updatedBy: actorId });
    return tx.getRepository(DepartmentEntity).findOneByOrFail({ id });
  }

  async setActive(id: string, active: boolean, actorId: string, tx: EntityManager): Promise<DepartmentEntity> {
    const now = new Date();
    await tx.getRepository(DepartmentEntity).update({ id }, { active, deactivatedAt: active ? null : now, updatedAt: now, updatedBy: actorId });
    return tx.getRepository(DepartmentEntity).findOneByOrFail({ id });
  }

  /** The districts a team answers for (none: city-wide). */
  async teamDistrictIds(teamId: string, manager: EntityManager = this.repo.manager): Promise<string[]> {
    const rows: Array<{ districtId: string }> = await manager.query(
      `SELECT c.district_id AS "districtId" FROM inspection_team_districts c JOIN departments d ON d.id = c.district_id WHERE c.team_id = $1 ORDER BY d.code`,
      [teamId],
    );
    return rows.map((r) => r.districtId);
  }

  /** Every team's districts, for the list. */
  async allTeamDistrictIds(): Promise<Map<string, string[]>> {
    const rows: Array<{ teamId: string; districtIds: string[] }> = await this.repo.manager.query(
      `SELECT c.team_id AS "teamId", array_agg(c.district_id ORDER BY d.code) AS "districtIds"
       FROM inspection_team_districts c JOIN departments d ON d.id = c.district_id GROUP BY c.team_id`,
    );
    return new Map(rows.map((r) => [r.teamId, r.districtIds]));
  }

  /** Replaces the districts a team answers for; a district another team answers for refuses it (409). */
  async replaceTeamDistricts(teamId: string, districtIds: readonly string[], tx: EntityManager): Promise<void> {
    const taken: Array<{ districtId: string }> = await tx.query(
      `SELECT district_id AS "districtId" FROM inspection_team_districts WHERE district_id = ANY($1::uuid[]) AND team_id <> $2 ORDER BY district_id`,
      [districtIds, teamId],
    );
    if (taken.length > 0) throw districtsTaken(taken.map((t) => t.districtId));
    await tx.query(`DELETE FROM inspection_team_districts WHERE team_id = $1 AND NOT (district_id = ANY($2::uuid[]))`, [teamId, districtIds]);
    try {
      await tx.query(`INSERT INTO inspection_team_districts (district_id, team_id) SELECT unnest($1::uuid[]), $2 ON CONFLICT (district_id) DO NOTHING`, [districtIds, teamId]);
    } catch (error) {
      if (isUniqueViolation(error, 'inspection_team_districts_pkey')) throw districtsTaken(districtIds);
      throw error;
    }
    // A race with another team's registration: the row stayed theirs.
    const [{ mine }] = await tx.query(`SELECT count(*)::int AS mine FROM inspection_team_districts WHERE team_id = $1 AND district_id = ANY($2::uuid[])`, [teamId, districtIds]);
    if (mine !== new Set(districtIds).size) throw districtsTaken(districtIds);
  }

  /**
   * Registers an inspection team and the districts it answers for, in one transaction: a
   * district another team answers for refuses the whole registration (409), also when two
   * registrations race for it (the district's row is unique).
   */
  async createInspectionTeam(
    team: Omit<DepartmentEntity, 'createdAt' | 'kind'>,
    districtIds: readonly string[],
    manager: EntityManager = this.repo.manager,
  ): Promise<DepartmentEntity> {
    try {
      await manager.transaction(async (tx) => {
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
    return manager.getRepository(DepartmentEntity).findOneByOrFail({ id: team.id });
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

export interface UnitListFilter {
  kind?: UnitKind;
  active?: boolean;
  q?: string;
}

/**
 * A deactivated unit gets no new duties: 409 DEPARTMENT_INACTIVE naming each deactivated one
 * among `ids`. The rows are locked (shared) for the caller's transaction, so a deactivation
 * running at the same moment waits for the new duty or route to be written, or the other way
 * round: never a new duty for a unit that was deactivated before it was written.
 */
export async function assertUnitsActive(tx: EntityManager, ids: readonly string[]): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const units: Array<{ id: string; code: string; name: string; active: boolean }> = await tx.query(
    `SELECT id, code, name, active FROM departments WHERE id = ANY($1::uuid[]) ORDER BY code FOR SHARE`,
    [unique],
  );
  const refusal = inactiveUnitsRefusal(units);
  if (refusal) throw refusal;
}

function districtsTaken(districtIds: readonly string[]): DomainError {
  return new DomainError(DomainErrorCode.DistrictCoveredByAnotherTeam, `Another inspection team answers for district ${districtIds.join(', ')}`, {
    districtIds: [...districtIds],
  });
}
