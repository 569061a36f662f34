import type { DataSource, EntityManager, Repository } from 'typeorm';
import type { Role } from '@duban/domain';
import { UserEntity } from '../../entities/users/user.entity';

/** A user as the administrator's list shows them: with their unit and whether their name is locked. */
export interface AdministeredUserRow {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
  departmentCode: string | null;
  departmentName: string | null;
  departmentKind: string | null;
  email: string | null;
  phone: string | null;
  active: boolean;
  mustChangePassword: boolean;
  hasLocalPassword: boolean;
  externalSubject: string | null;
  locked: boolean;
  createdAt: Date;
  updatedAt: Date;
  deactivatedAt: Date | null;
}

export interface AdministeredUserFilter {
  role?: Role;
  departmentId?: string;
  active?: boolean;
  /** Text in the username, display name, e-mail or phone. */
  q?: string;
  ids?: readonly string[];
  limit: number;
  offset: number;
}

/** The fields an administrator edits; each one given is written. */
export interface UserChanges {
  displayName?: string;
  role?: Role;
  departmentId?: string | null;
  email?: string | null;
  phone?: string | null;
}

const COLUMN_OF: Record<keyof UserChanges, string> = {
  displayName: 'display_name',
  role: 'role',
  departmentId: 'department_id',
  email: 'email',
  phone: 'phone',
};

export class UserRepository {
  private readonly repo: Repository<UserEntity>;

  constructor(dataSource: DataSource) {
    this.repo = dataSource.getRepository(UserEntity);
  }

  findByUsername(username: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ username });
  }

  /** Sign-in compares usernames without case (a unique index on lower(username) keeps them apart). */
  findByUsernameIgnoringCase(username: string, tx?: EntityManager): Promise<UserEntity | null> {
    return (tx ? tx.getRepository(UserEntity) : this.repo).createQueryBuilder('u').where('lower(u.username) = lower(:username)', { username: username.trim() }).getOne();
  }

  /** A new password hash; `mustChangePassword` as given (a reset sets it, the user's own change clears it). */
  async setPasswordHash(id: string, hash: string, options: { mustChangePassword?: boolean; by?: string; keepChangedAt?: boolean; tx?: EntityManager } = {}): Promise<void> {
    await (options.tx ?? this.repo.manager).query(
      `UPDATE users SET password_hash = $2,
         must_change_password = COALESCE($3, must_change_password),
         password_changed_at = CASE WHEN $4 THEN password_changed_at ELSE now() END,
         updated_at = CASE WHEN $5::uuid IS NULL THEN updated_at ELSE now() END,
         updated_by = COALESCE($5::uuid, updated_by)
       WHERE id = $1`,
      [id, hash, options.mustChangePassword ?? null, options.keepChangedAt === true, options.by ?? null],
    );
  }

  /** Active system administrators (the last one cannot be deactivated or demoted). */
  async countActiveAdministrators(tx?: EntityManager): Promise<number> {
    const [{ count }] = await (tx ?? this.repo.manager).query(`SELECT count(*)::int AS count FROM users WHERE role = 'admin' AND active`);
    return count;
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ id });
  }

  /** The row locked for an administrative change (two administrators at once: one waits for the other). */
  async findByIdForUpdate(id: string, tx: EntityManager): Promise<UserEntity | null> {
    return tx.getRepository(UserEntity).createQueryBuilder('u').setLock('pessimistic_write').where('u.id = :id', { id }).getOne();
  }

  /** The users an administrator looks at, with their unit and lock, by username (a stable page). */
  async listAdministered(filter: AdministeredUserFilter): Promise<{ total: number; items: AdministeredUserRow[] }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (filter.role) where.push(`u.role = ${param(filter.role)}`);
    if (filter.departmentId) where.push(`u.department_id = ${param(filter.departmentId)}`);
    if (filter.active !== undefined) where.push(`u.active = ${param(filter.active)}`);
    if (filter.ids) where.push(`u.id = ANY(${param(filter.ids)}::uuid[])`);
    if (filter.q) {
      const like = param(`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(u.username ILIKE ${like} OR u.display_name ILIKE ${like} OR u.email ILIKE ${like} OR u.phone ILIKE ${like})`);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.repo.manager.query(`SELECT count(*)::int AS total FROM users u ${clause}`, params);
    const items: AdministeredUserRow[] = await this.repo.manager.query(
      `SELECT u.id, u.username, u.display_name AS "displayName", u.role, u.department_id AS "departmentId",
              d.code AS "departmentCode", d.name AS "departmentName", d.kind AS "departmentKind",
              u.email, u.phone, u.active, u.must_change_password AS "mustChangePassword",
              (u.password_hash IS NOT NULL) AS "hasLocalPassword", u.external_subject AS "externalSubject",
              (f.locked_at IS NOT NULL) AS locked,
              u.created_at AS "createdAt", u.updated_at AS "updatedAt", u.deactivated_at AS "deactivatedAt"
         FROM users u
         LEFT JOIN departments d ON d.id = u.department_id
         LEFT JOIN sign_in_failures f ON f.key = 'account:' || lower(u.username)
         ${clause}
         ORDER BY lower(u.username)
         LIMIT ${param(filter.limit)} OFFSET ${param(filter.offset)}`,
      params,
    );
    return { total, items };
  }

  async insert(
    user: Pick<UserEntity, 'id' | 'username' | 'displayName' | 'role' | 'departmentId' | 'email'> & {
      phone: string | null;
      passwordHash: string | null;
      mustChangePassword: boolean;
      createdBy: string | null;
    },
    tx: EntityManager,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO users (id, username, display_name, role, department_id, email, phone, password_hash, must_change_password, password_changed_at, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, CASE WHEN $8::varchar IS NULL THEN NULL ELSE now() END, $10)`,
      [user.id, user.username, user.displayName, user.role, user.departmentId, user.email, user.phone, user.passwordHash, user.mustChangePassword, user.createdBy],
    );
  }

  async update(id: string, changes: UserChanges, by: string, tx: EntityManager): Promise<void> {
    const entries = Object.entries(changes).filter(([, v]) => v !== undefined) as Array<[keyof UserChanges, unknown]>;
    if (entries.length === 0) return;
    const sets = entries.map(([key], i) => `${COLUMN_OF[key]} = $${i + 3}`);
    await tx.query(`UPDATE users SET ${sets.join(', ')}, updated_at = now(), updated_by = $2 WHERE id = $1`, [id, by, ...entries.map(([, v]) => v)]);
  }

  async setActive(id: string, active: boolean, by: string, tx: EntityManager): Promise<void> {
    await tx.query(`UPDATE users SET active = $2, deactivated_at = CASE WHEN $2 THEN NULL ELSE now() END, updated_at = now(), updated_by = $3 WHERE id = $1`, [id, active, by]);
  }

  /** Addresses of the office's users: the office hears of escalations and submissions. */
  async officeEmails(): Promise<string[]> {
    const rows = await this.repo
      .createQueryBuilder('u')
      .select('u.email', 'email')
      .where(`u.role = 'office' AND u.active AND u.email IS NOT NULL`)
      .orderBy('u.username')
      .getRawMany<{ email: string }>();
    return rows.map((r) => r.email);
  }

  /** Addresses of a unit's active users (an inspection team's inspectors hear of the cases it is given). */
  async emailsOfDepartment(departmentId: string): Promise<string[]> {
    const rows = await this.repo
      .createQueryBuilder('u')
      .select('u.email', 'email')
      .where(`u.department_id = :departmentId AND u.active AND u.email IS NOT NULL`, { departmentId })
      .orderBy('u.username')
      .getRawMany<{ email: string }>();
    return rows.map((r) => r.email);
  }

  /** For seeds: creates the user unless the username is taken; an existing user is left as it is. */
  async ensure(user: Omit<UserEntity, 'createdAt'>): Promise<{ user: UserEntity; created: boolean }> {
    const result = await this.repo.createQueryBuilder().insert().values(user).orIgnore().execute();
    const created = (result.identifiers?.filter(Boolean).length ?? 0) > 0;
    return { user: await this.repo.findOneByOrFail({ username: user.username }), created };
  }
}
