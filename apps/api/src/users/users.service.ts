import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { isUUID, validate } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { DataSource, type EntityManager } from 'typeorm';
import { DUBAN_CONFIG, type DubanConfig } from '@duban/config';
import { accountKey, assertMay, DomainError, DomainErrorCode, ROLES, selfAdministrationRefusal, unitKindForRole, userUnitProblems, type Actor, type Role } from '@duban/domain';
import { renderPasswordLinkEmail } from '@duban/mail';
import {
  AuditLogRepository,
  DepartmentRepository,
  hashOneTimePassword,
  isUniqueViolation,
  newOneTimePassword,
  PasswordResetLinkRepository,
  SignInFailureRepository,
  SignInSessionRepository,
  UserRepository,
  type UserChanges,
  type UserEntity,
} from '@duban/persistence';
import { accountMailWorkflowId, type AccountMailInput } from '@duban/workflows';
import { startWorkflow } from '@duban/temporal-client';
import type { ClientContext } from '../auth/auth.service';
import type { UploadedEvidenceFile } from '../common/evidence-upload';
import { assertExportable, exportPage, type ExportTable } from '../common/table-export';
import { readUploadedTable } from '../common/table-upload';
import { fieldMessages } from '../common/validation';
import { callTemporal, temporalClient } from '../temporal/temporal-calls';
import { TemporalClientProvider } from '../temporal/temporal-client.provider';
import { CreateUserDto, type ImportUsersQuery, type ListUsersQuery, type PasswordResetDto, type UpdateUserDto } from './users.dto';
import type { CreatedUser, PasswordResetAnswer, UserAdminView, UserImportAnswer, UserImportRowResult, UserList, UserUnlockAnswer } from '@duban/contracts';
import { toAdminView } from './users.views';

const ROLE_WORDS: Record<Role, string> = {
  admin: '系统管理员',
  office: '领导小组办公室',
  department_officer: '部门联络员',
  inspector: '劳动保障监察员',
  viewer: '查阅人员',
};

/** Headers an import file may use for each column, in English or as the Chinese template names them. */
const IMPORT_COLUMNS: Record<string, string> = {
  username: 'username',
  用户名: 'username',
  display_name: 'displayName',
  displayname: 'displayName',
  姓名: 'displayName',
  role: 'role',
  角色: 'role',
  department_code: 'departmentCode',
  departmentcode: 'departmentCode',
  单位代码: 'departmentCode',
  部门代码: 'departmentCode',
  email: 'email',
  邮箱: 'email',
  电子邮箱: 'email',
  phone: 'phone',
  电话: 'phone',
  联系电话: 'phone',
};

const ROLE_OF_WORD: Record<string, Role> = Object.fromEntries([
  ...ROLES.map((r) => [r, r] as const),
  ...Object.entries(ROLE_WORDS).map(([role, word]) => [word, role as Role] as const),
]);

function userNotFound(id: string): DomainError {
  return new DomainError(DomainErrorCode.UserNotFound, `No user with id ${id}`);
}

function usernameTaken(username: string): DomainError {
  return new DomainError(DomainErrorCode.UsernameTaken, `The username ${username} is taken`, {
    fields: { username: [`${username} is taken (usernames are compared without case)`] },
  });
}

/** The fields of `before` that `changes` alters, as from/to pairs for the audit log. */
function changedFields(before: UserEntity, changes: UserChanges): { from: Record<string, unknown>; to: Record<string, unknown>; changed: UserChanges } {
  const from: Record<string, unknown> = {};
  const to: Record<string, unknown> = {};
  const changed: UserChanges = {};
  for (const key of ['displayName', 'role', 'departmentId', 'email', 'phone'] as const) {
    const value = changes[key];
    if (value === undefined) continue;
    const old = (before[key] ?? null) as unknown;
    if (old === value) continue;
    from[key] = old;
    to[key] = value;
    (changed as Record<string, unknown>)[key] = value;
  }
  return { from, to, changed };
}

/** The system administrator's work on users: the list, creation, edits, (de)activation, password resets, bulk onboarding. */
@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);
  private readonly users: UserRepository;
  private readonly departments: DepartmentRepository;
  private readonly sessions: SignInSessionRepository;
  private readonly failures: SignInFailureRepository;
  private readonly links: PasswordResetLinkRepository;
  private readonly audit: AuditLogRepository;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(DUBAN_CONFIG) private readonly config: DubanConfig,
    private readonly temporal: TemporalClientProvider,
  ) {
    this.users = new UserRepository(dataSource);
    this.departments = new DepartmentRepository(dataSource);
    this.sessions = new SignInSessionRepository(dataSource);
    this.failures = new SignInFailureRepository(dataSource);
    this.links = new PasswordResetLinkRepository(dataSource);
    this.audit = new AuditLogRepository(dataSource);
  }

  async list(actor: Actor, query: ListUsersQuery): Promise<UserList> {
    assertMay(actor, 'user.read');
    const page = { limit: query.limit ?? 50, offset: query.offset ?? 0 };
    const { total, items } = await this.users.listAdministered({ ...this.filter(query), ...page });
    return { items: items.map(toAdminView), total, ...page };
  }

  async table(actor: Actor, query: ListUsersQuery): Promise<ExportTable> {
    assertMay(actor, 'user.read');
    const page = exportPage(query, 50);
    const { total, items } = await this.users.listAdministered({ ...this.filter(query), limit: page.limit, offset: page.offset });
    if (!page.explicit) assertExportable(total);
    return {
      asciiBase: 'users',
      chineseBase: '用户',
      header: ['用户名', '姓名', '角色', '单位代码', '单位', '邮箱', '电话', '状态', '待改密码', '已锁定', '创建时间', '停用时间'],
      rows: items.map((u) => [
        u.username,
        u.displayName,
        ROLE_WORDS[u.role],
        u.departmentCode,
        u.departmentName,
        u.email,
        u.phone,
        u.active ? '启用' : '停用',
        u.mustChangePassword ? '是' : '否',
        u.locked ? '是' : '否',
        new Date(u.createdAt),
        u.deactivatedAt ? new Date(u.deactivatedAt) : null,
      ]),
    };
  }

  async get(actor: Actor, id: string): Promise<UserAdminView> {
    assertMay(actor, 'user.read');
    return this.view(id);
  }

  /** A new user with a one-time password, which they must change at their first sign-in. */
  async create(actor: Actor, dto: CreateUserDto, client: ClientContext): Promise<CreatedUser> {
    assertMay(actor, 'user.manage');
    if (dto.delivery === 'email_link') {
      if (!dto.email)
        throw new DomainError(DomainErrorCode.InvalidUser, 'email is needed to mail the link', { fields: { email: ['email is needed to mail the link to set a password'] } });
      const { id, link } = await this.dataSource.transaction(async (tx) => {
        const userId = await this.insertUser(actor, dto, null, client, tx);
        const issued = await this.links.issue(userId, actor.userId, this.config.signIn.passwordLinkHours, tx);
        await this.mailLink({ id: userId, username: dto.username, displayName: dto.displayName, email: dto.email! }, issued, 'welcome');
        return { id: userId, link: issued };
      });
      return { user: await this.view(id), emailedTo: dto.email, expiresAt: link.expiresAt.toISOString() };
    }
    const oneTimePassword = newOneTimePassword();
    const passwordHash = await hashOneTimePassword(oneTimePassword);
    const id = await this.dataSource.transaction(async (tx) => this.insertUser(actor, dto, passwordHash, client, tx));
    return { user: await this.view(id), oneTimePassword };
  }

  async update(actor: Actor, id: string, dto: UpdateUserDto, client: ClientContext): Promise<UserAdminView> {
    assertMay(actor, 'user.manage');
    await this.dataSource.transaction(async (tx) => {
      const before = await this.lockedUser(id, tx);
      const refusal = selfAdministrationRefusal(actor, before.id, { role: dto.role });
      if (refusal) throw new DomainError(DomainErrorCode.ActionNotPermitted, refusal);
      const role = dto.role ?? before.role;
      // A role that takes no unit drops the old one unless told otherwise.
      const departmentId = dto.departmentId !== undefined ? dto.departmentId : dto.role !== undefined && unitKindForRole(role) === null ? null : before.departmentId;
      const { from, to, changed } = changedFields(before, { displayName: dto.displayName, role: dto.role, departmentId, email: dto.email, phone: dto.phone });
      if (Object.keys(changed).length === 0) return;
      if (changed.role !== undefined || changed.departmentId !== undefined) {
        // A unit the user keeps may have been deactivated since; one newly given must be live.
        const problems = await this.unitProblems(role, departmentId, tx, changed.departmentId !== undefined);
        if (Object.keys(problems).length > 0) throw new DomainError(DomainErrorCode.InvalidUser, Object.values(problems).flat().join('; '), { fields: problems });
      }
      if (before.role === 'admin' && role !== 'admin' && before.active !== false) await this.assertNotLastAdministrator(tx, 'demote');
      await this.users.update(before.id, changed, actor.userId, tx);
      let sessionsEnded = 0;
      if (changed.role !== undefined) sessionsEnded = await this.sessions.revokeAllOfUser(before.id, 'role_changed', tx);
      else if (changed.departmentId !== undefined) sessionsEnded = await this.sessions.revokeAllOfUser(before.id, 'department_changed', tx);
      await this.audit.record(
        {
          actorId: actor.userId,
          actorUsername: actor.username,
          action: 'user.updated',
          targetType: 'user',
          targetId: before.id,
          targetLabel: before.username,
          from,
          to: sessionsEnded > 0 ? { ...to, sessionsEnded } : to,
          reason: dto.reason,
          clientAddress: client.address,
        },
        tx,
      );
    });
    return this.view(id);
  }

  /** Never deleted (history keeps naming who acted): switched off, with every session ended and every open link void. */
  async deactivate(actor: Actor, id: string, reason: string, client: ClientContext): Promise<UserAdminView> {
    assertMay(actor, 'user.manage');
    await this.dataSource.transaction(async (tx) => {
      const user = await this.lockedUser(id, tx);
      if (user.active === false) throw new DomainError(DomainErrorCode.UserStateConflict, `${user.username} is deactivated already`);
      if (user.role === 'admin') await this.assertNotLastAdministrator(tx, 'deactivate');
      await this.users.setActive(user.id, false, actor.userId, tx);
      const sessionsEnded = await this.sessions.revokeAllOfUser(user.id, 'deactivated', tx);
      await this.links.voidAllOfUser(user.id, tx);
      await this.audit.record(
        {
          actorId: actor.userId,
          actorUsername: actor.username,
          action: 'user.deactivated',
          targetType: 'user',
          targetId: user.id,
          targetLabel: user.username,
          from: { active: true },
          to: { active: false, sessionsEnded },
          reason,
          clientAddress: client.address,
        },
        tx,
      );
    });
    return this.view(id);
  }

  async reactivate(actor: Actor, id: string, reason: string, client: ClientContext): Promise<UserAdminView> {
    assertMay(actor, 'user.manage');
    await this.dataSource.transaction(async (tx) => {
      const user = await this.lockedUser(id, tx);
      const refusal = selfAdministrationRefusal(actor, user.id, { reactivate: true });
      if (refusal) throw new DomainError(DomainErrorCode.ActionNotPermitted, refusal);
      if (user.active !== false) throw new DomainError(DomainErrorCode.UserStateConflict, `${user.username} is active already`);
      // The unit may have been switched off meanwhile: the user comes back only to a live one.
      const problems = await this.unitProblems(user.role, user.departmentId, tx);
      if (Object.keys(problems).length > 0) {
        throw new DomainError(
          DomainErrorCode.UserStateConflict,
          `${user.username} cannot come back as they are: ${Object.values(problems).flat().join('; ')}; change their unit first`,
          { fields: problems },
        );
      }
      await this.users.setActive(user.id, true, actor.userId, tx);
      await this.audit.record(
        {
          actorId: actor.userId,
          actorUsername: actor.username,
          action: 'user.reactivated',
          targetType: 'user',
          targetId: user.id,
          targetLabel: user.username,
          from: { active: false },
          to: { active: true },
          reason,
          clientAddress: client.address,
        },
        tx,
      );
    });
    return this.view(id);
  }

  /**
   * A forgotten password: a one-time password in the answer (to be changed at the next sign-in),
   * or a one-time link mailed to the user's address. Either way the old password stops working
   * (for a link: once it is used), every session ends, and a lock is lifted.
   */
  async resetPassword(actor: Actor, id: string, dto: PasswordResetDto, client: ClientContext): Promise<PasswordResetAnswer> {
    assertMay(actor, 'user.manage');
    const user = isUUID(id) ? await this.users.findById(id) : null;
    if (!user) throw userNotFound(id);
    if (user.active === false) throw new DomainError(DomainErrorCode.UserStateConflict, `${user.username} is deactivated; reactivate them first`);
    if (dto.delivery === 'email_link') {
      if (!user.email) {
        throw new DomainError(DomainErrorCode.InvalidUser, `${user.username} has no e-mail address`, {
          fields: { delivery: [`${user.username} has no e-mail address: give one, or reset with a one-time password`] },
        });
      }
      const link = await this.dataSource.transaction(async (tx) => {
        await this.lockedUser(id, tx);
        const issued = await this.links.issue(user.id, actor.userId, this.config.signIn.passwordLinkHours, tx);
        await this.audit.record(
          {
            actorId: actor.userId,
            actorUsername: actor.username,
            action: 'password.reset_link_sent',
            targetType: 'user',
            targetId: user.id,
            targetLabel: user.username,
            to: { emailedTo: user.email, expiresAt: issued.expiresAt.toISOString() },
            reason: dto.reason,
            clientAddress: client.address,
          },
          tx,
        );
        await this.mailLink(user, issued, 'reset');
        return issued;
      });
      return { emailedTo: user.email, expiresAt: link.expiresAt.toISOString() };
    }
    const oneTimePassword = newOneTimePassword();
    const hash = await hashOneTimePassword(oneTimePassword);
    await this.dataSource.transaction(async (tx) => {
      await this.lockedUser(id, tx);
      await this.users.setPasswordHash(user.id, hash, { mustChangePassword: true, by: actor.userId, tx });
      const sessionsEnded = await this.sessions.revokeAllOfUser(user.id, 'password_reset', tx);
      await this.links.voidAllOfUser(user.id, tx);
      const lock = await this.failures.unlock(accountKey(user.username), tx);
      await this.audit.record(
        {
          actorId: actor.userId,
          actorUsername: actor.username,
          action: 'password.reset',
          targetType: 'user',
          targetId: user.id,
          targetLabel: user.username,
          to: { delivery: 'one_time_password', sessionsEnded, ...(lock ? { lockLifted: lock.lockedAt !== null, failuresForgotten: lock.failures } : {}) },
          reason: dto.reason,
          clientAddress: client.address,
        },
        tx,
      );
    });
    return { oneTimePassword };
  }

  /**
   * Bulk onboarding from a CSV or XLSX file. Every row is checked as POST /users checks a body;
   * each good row is written in its own transaction (user and audit record), a refused row
   * writes nothing, and a username that exists already is left as it is — so sending the same
   * file again creates nobody twice. With dryRun nothing is written.
   */
  async importUsers(actor: Actor, file: UploadedEvidenceFile | undefined, query: ImportUsersQuery, client: ClientContext): Promise<UserImportAnswer> {
    assertMay(actor, 'user.manage');
    const dryRun = query.dryRun === 'true';
    const delivery = query.delivery ?? 'one_time_password';
    const table = await readUploadedTable(file, IMPORT_COLUMNS, ['username', 'displayName', 'role']);
    const units = new Map((await this.departments.list()).map((d) => [d.code.toUpperCase(), d]));
    const seen = new Set<string>();
    const results: UserImportRowResult[] = [];
    for (const row of table) {
      const v = row.values;
      const username = v.username ?? '';
      const errors: Record<string, string[]> = { ...row.problems };
      const role = ROLE_OF_WORD[v.role ?? ''] ?? v.role;
      let departmentId: string | null = null;
      if (v.departmentCode) {
        const unit = units.get(v.departmentCode.toUpperCase());
        if (unit) departmentId = unit.id;
        else errors.departmentCode = [`departmentCode ${v.departmentCode} is not a registered department, district or inspection team`];
      }
      const dto = plainToInstance(CreateUserDto, {
        username,
        displayName: v.displayName ?? '',
        role,
        departmentId: departmentId ?? undefined,
        email: v.email || undefined,
        phone: v.phone || undefined,
      });
      Object.assign(errors, fieldMessages(await validate(dto, { whitelist: true, forbidNonWhitelisted: true })));
      if (!errors.departmentCode && !errors.role) {
        const unit = await this.unitProblems(dto.role, departmentId);
        if (unit.departmentId) errors.departmentCode = unit.departmentId;
      }
      if (delivery === 'email_link' && !dto.email && !errors.email) errors.email = ['email is needed to mail the link to set a password'];
      const key = username.toLowerCase();
      if (!errors.username && seen.has(key)) errors.username = [`${username} is on an earlier row of this file`];
      seen.add(key);
      if (Object.keys(errors).length > 0) {
        results.push({ row: row.number, username, status: 'refused', errors });
        continue;
      }
      const existing = await this.users.findByUsernameIgnoringCase(username);
      if (existing) {
        results.push({ row: row.number, username, status: 'existing', userId: existing.id });
        continue;
      }
      if (dryRun) {
        results.push({ row: row.number, username, status: 'created' });
        continue;
      }
      const oneTimePassword = delivery === 'one_time_password' ? newOneTimePassword() : undefined;
      const passwordHash = oneTimePassword ? await hashOneTimePassword(oneTimePassword) : null;
      try {
        const id = await this.dataSource.transaction(async (tx) => {
          const userId = await this.insertUser(actor, dto, passwordHash, client, tx, `imported from row ${row.number}`);
          if (delivery === 'email_link') {
            const link = await this.links.issue(userId, actor.userId, this.config.signIn.passwordLinkHours, tx);
            await this.mailLink({ id: userId, username: dto.username, displayName: dto.displayName, email: dto.email! }, link, 'welcome');
          }
          return userId;
        });
        results.push({ row: row.number, username, status: 'created', userId: id, ...(oneTimePassword ? { oneTimePassword } : { emailedTo: dto.email! }) });
      } catch (error) {
        // Taken meanwhile (another import, a creation at the same time): that user stands.
        if (error instanceof DomainError && error.code === DomainErrorCode.UsernameTaken) results.push({ row: row.number, username, status: 'existing' });
        else if (error instanceof DomainError)
          results.push({ row: row.number, username, status: 'refused', errors: (error.details?.fields as Record<string, string[]>) ?? { row: [error.message] } });
        else throw error;
      }
    }
    const answer: UserImportAnswer = {
      dryRun,
      created: results.filter((r) => r.status === 'created').length,
      existing: results.filter((r) => r.status === 'existing').length,
      refused: results.filter((r) => r.status === 'refused').length,
      rows: results,
    };
    if (!dryRun) {
      await this.audit.record({
        actorId: actor.userId,
        actorUsername: actor.username,
        action: 'users.imported',
        targetType: 'user',
        targetLabel: file?.originalname?.slice(0, 200) ?? null,
        to: { rows: results.length, created: answer.created, existing: answer.existing, refused: answer.refused, delivery },
        clientAddress: client.address,
      });
    }
    return answer;
  }

  /** Lifts the lock (and forgets the failures) of a user's account name; 409 when there is none. */
  async unlock(actor: Actor, id: string, reason: string, client: ClientContext): Promise<UserUnlockAnswer> {
    assertMay(actor, 'user.manage');
    const user = isUUID(id) ? await this.users.findById(id) : null;
    if (!user) throw userNotFound(id);
    return this.dataSource.transaction(async (tx) => {
      const lifted = await this.failures.unlock(accountKey(user.username), tx);
      if (!lifted) throw new DomainError(DomainErrorCode.UserStateConflict, `${user.username} has no failed sign-ins to forget and no lock`);
      await this.audit.record(
        {
          actorId: actor.userId,
          actorUsername: actor.username,
          action: 'account.unlocked',
          targetType: 'user',
          targetId: user.id,
          targetLabel: user.username,
          from: { failures: lifted.failures, locked: lifted.lockedAt !== null },
          to: { failures: 0, locked: false },
          reason,
          clientAddress: client.address,
        },
        tx,
      );
      return { id: user.id, username: user.username, failuresForgotten: lifted.failures };
    });
  }

  private filter(query: ListUsersQuery) {
    return { role: query.role, departmentId: query.departmentId, active: query.active === undefined ? undefined : query.active === 'true', q: query.q };
  }

  private async view(id: string): Promise<UserAdminView> {
    if (!isUUID(id)) throw userNotFound(id);
    const { items } = await this.users.listAdministered({ ids: [id], limit: 1, offset: 0 });
    if (!items[0]) throw userNotFound(id);
    return toAdminView(items[0]);
  }

  /**
   * The user's row, for a change in `tx`. Administrative changes to users take one lock first,
   * in turn: two administrators switching each other off at once would otherwise lock the two
   * rows in opposite orders (a deadlock), and the last-administrator rule needs them one by one.
   */
  private async lockedUser(id: string, tx: EntityManager): Promise<UserEntity> {
    if (!isUUID(id)) throw userNotFound(id);
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('duban:user-administration'))`);
    const user = await this.users.findByIdForUpdate(id, tx);
    if (!user) throw userNotFound(id);
    return user;
  }

  /** Field problems of a role with a unit; `mustBeActive`: a unit newly given must not be deactivated. */
  private async unitProblems(role: Role, departmentId: string | null | undefined, tx?: EntityManager, mustBeActive = true): Promise<Record<string, string[]>> {
    const unit = departmentId
      ? await (tx
          ? tx.query(`SELECT kind, active FROM departments WHERE id = $1`, [departmentId])
          : this.dataSource.query(`SELECT kind, active FROM departments WHERE id = $1`, [departmentId]))
      : [];
    const kind = !departmentId ? null : unit[0] ? (unit[0].kind as 'department' | 'district' | 'inspection_team') : 'unknown';
    return userUnitProblems(role, kind, !mustBeActive || unit[0]?.active !== false);
  }

  /**
   * The last active administrator stays: otherwise nobody could manage users any more. Counted
   * under the administration lock (see lockedUser), so two administrators switching each other
   * off at the same moment cannot both succeed.
   */
  private async assertNotLastAdministrator(tx: EntityManager, what: 'deactivate' | 'demote'): Promise<void> {
    const admins: unknown[] = await tx.query(`SELECT id FROM users WHERE role = 'admin' AND active`);
    if (admins.length <= 1) {
      throw new DomainError(
        DomainErrorCode.LastAdministrator,
        `This is the last active system administrator; make another one before you ${what === 'deactivate' ? 'deactivate' : 'change the role of'} this one`,
      );
    }
  }

  private async insertUser(actor: Actor, dto: CreateUserDto, passwordHash: string | null, client: ClientContext, tx: EntityManager, reason?: string): Promise<string> {
    const problems = await this.unitProblems(dto.role, dto.departmentId, tx);
    if (Object.keys(problems).length > 0) throw new DomainError(DomainErrorCode.InvalidUser, Object.values(problems).flat().join('; '), { fields: problems });
    if (await this.users.findByUsernameIgnoringCase(dto.username, tx)) throw usernameTaken(dto.username);
    const id = randomUUID();
    try {
      await this.users.insert(
        {
          id,
          username: dto.username,
          displayName: dto.displayName,
          role: dto.role,
          departmentId: dto.departmentId ?? null,
          email: dto.email ?? null,
          phone: dto.phone ?? null,
          passwordHash,
          mustChangePassword: true,
          createdBy: actor.userId,
        },
        tx,
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw usernameTaken(dto.username);
      throw error;
    }
    await this.audit.record(
      {
        actorId: actor.userId,
        actorUsername: actor.username,
        action: 'user.created',
        targetType: 'user',
        targetId: id,
        targetLabel: dto.username,
        to: { username: dto.username, displayName: dto.displayName, role: dto.role, departmentId: dto.departmentId ?? null, email: dto.email ?? null, phone: dto.phone ?? null },
        reason: dto.reason ?? reason ?? null,
        clientAddress: client.address,
      },
      tx,
    );
    return id;
  }

  /**
   * Mails the one-time link through a workflow of its own: the answer does not wait on the SMTP
   * server, and a worker that is down sends it when it is back. Called inside the transaction that
   * stores the link: if Temporal is unreachable the link (and its audit record) is not stored
   * either and the caller gets 503. What is left: the database failing the commit after the start,
   * which mails a link that answers "not valid, ask for a new one".
   */
  private async mailLink(
    user: Pick<UserEntity, 'id' | 'username' | 'displayName' | 'email'>,
    link: { token: string; expiresAt: Date },
    purpose: 'welcome' | 'reset',
  ): Promise<void> {
    const email = renderPasswordLinkEmail({
      displayName: user.displayName,
      username: user.username,
      link: `${this.config.http.publicUrl}/console/set-password#token=${link.token}`,
      expiresAt: link.expiresAt,
      purpose,
    });
    const key = `password-link:${user.id}:${link.expiresAt.getTime()}`;
    const input: AccountMailInput = { key, recipients: [user.email!], subject: email.subject, body: email.text };
    const client = await temporalClient(this.temporal, this.logger);
    await callTemporal(async () => {
      try {
        await startWorkflow(client, 'AccountMailWorkflow', { taskQueue: this.temporal.taskQueue, workflowId: accountMailWorkflowId(key.replace(/:/g, '-')), args: [input] });
      } catch (error) {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      }
    }, this.logger);
  }
}
