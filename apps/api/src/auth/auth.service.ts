import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { DUBAN_CONFIG, type DubanConfig } from '@duban/config';
import {
  accountKey,
  addressKey,
  DEFAULT_SIGN_IN_POLICY,
  DomainError,
  DomainErrorCode,
  may,
  passwordPolicyProblems,
  refusalOf,
  signInGate,
  type Actor,
  type Role,
  type SignInPolicy,
} from '@duban/domain';
import {
  AuditLogRepository,
  DepartmentRepository,
  hashIsCheaperThanPasswords,
  hashPassword,
  PasswordResetLinkRepository,
  resetTokenHash,
  passwordNeedsRehash,
  SignInFailureRepository,
  SignInSessionRepository,
  UserRepository,
  verifyDecoyPassword,
  verifyPassword,
  type UserEntity,
} from '@duban/persistence';
import type { Me, SignInAnswer, SignOutEverywhereAnswer } from '@duban/contracts';
import { toUserView } from './auth.views';

interface TokenClaims {
  sub: string;
  /** The sign-in session: revoking it ends the token. */
  sid: string;
  username: string;
  role: Role;
  departmentId: string | null;
  exp: number;
}

/** Where a request comes from, for the throttle and the audit log. */
export interface ClientContext {
  address: string;
  userAgent: string | null;
}

/** The actor of a verified token, with the session it belongs to. */
export interface SignedIn {
  actor: Actor;
  sessionId: string;
  mustChangePassword: boolean;
}

/** The claims this API signs, with the types it signs them with; a token without `exp` is refused. */
function isWellFormedClaims(claims: unknown): claims is TokenClaims {
  const c = claims as Partial<TokenClaims> | null;
  return (
    typeof c === 'object' &&
    c !== null &&
    typeof c.sub === 'string' &&
    isUUID(c.sub) &&
    typeof c.sid === 'string' &&
    isUUID(c.sid) &&
    typeof c.exp === 'number' &&
    Number.isFinite(c.exp) &&
    (c.username === undefined || typeof c.username === 'string') &&
    (c.departmentId === undefined || c.departmentId === null || (typeof c.departmentId === 'string' && isUUID(c.departmentId)))
  );
}

const INVALID_CREDENTIALS = 'Unknown username or wrong password';

@Injectable()
export class AuthService {
  private readonly logger = new Logger('SignIn');
  private readonly users: UserRepository;
  private readonly departments: DepartmentRepository;
  private readonly sessions: SignInSessionRepository;
  private readonly failures: SignInFailureRepository;
  private readonly audit: AuditLogRepository;
  private readonly links: PasswordResetLinkRepository;
  readonly policy: SignInPolicy;

  constructor(
    @Inject(DUBAN_CONFIG) private readonly config: DubanConfig,
    private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
  ) {
    this.users = new UserRepository(dataSource);
    this.departments = new DepartmentRepository(dataSource);
    this.sessions = new SignInSessionRepository(dataSource);
    this.failures = new SignInFailureRepository(dataSource);
    this.audit = new AuditLogRepository(dataSource);
    this.links = new PasswordResetLinkRepository(dataSource);
    this.policy = { ...DEFAULT_SIGN_IN_POLICY, ...config.signIn };
  }

  /**
   * Password sign-in. An unknown name, a deactivated user, a user without a local password and
   * a wrong password all take the same work (a decoy hash is checked) and get the same answer;
   * the throttle and the lock are kept per name whether or not an account has it.
   */
  async login(username: string, password: string, client: ClientContext): Promise<SignInAnswer> {
    const account = accountKey(username);
    const address = addressKey(client.address);
    const counts = await this.failures.read(account, address);
    const gate = signInGate(counts.account, counts.address, counts.now, this.policy);
    if (gate.kind === 'locked') {
      await this.audit.record({
        actorId: null,
        actorUsername: username,
        action: 'sign_in.refused_locked',
        targetType: 'account',
        targetLabel: username,
        clientAddress: client.address,
      });
      throw new DomainError(DomainErrorCode.AccountLocked, 'This account is locked after repeated failed sign-ins; a system administrator can lift the lock');
    }
    if (gate.kind === 'throttled') {
      const { lockedNow } = await this.failures.recordFailure(account, address, this.policy);
      await this.audit.record({
        actorId: null,
        actorUsername: username,
        action: 'sign_in.throttled',
        targetType: 'account',
        targetLabel: username,
        to: { by: gate.by, retryAfterSeconds: gate.retryAfterSeconds },
        clientAddress: client.address,
      });
      if (lockedNow) await this.recordLock(username, client);
      throw new DomainError(DomainErrorCode.SignInThrottled, `Too many failed sign-ins; try again in ${gate.retryAfterSeconds} s`, {
        retryAfterSeconds: gate.retryAfterSeconds,
      });
    }

    const user = await this.users.findByUsernameIgnoringCase(username);
    const usable = user && user.active !== false && user.passwordHash;
    const right = usable ? await verifyPassword(password, user.passwordHash!) : await verifyDecoyPassword(password);
    // A one-time password's hash is cheap: the decoy's work on top keeps its time that of any other sign-in.
    if (usable && hashIsCheaperThanPasswords(user.passwordHash!)) await verifyDecoyPassword(password);
    if (!right || !user) {
      const { lockedNow } = await this.failures.recordFailure(account, address, this.policy);
      await this.audit.record({
        actorId: null,
        actorUsername: username,
        action: 'sign_in.failed',
        targetType: 'account',
        targetId: user?.id ?? null,
        targetLabel: username,
        // Said in the log the administrator reads, never in the answer.
        to: { cause: !user ? 'unknown_user' : user.active === false ? 'deactivated' : !user.passwordHash ? 'no_local_password' : 'wrong_password' },
        clientAddress: client.address,
      });
      if (lockedNow) await this.recordLock(username, client);
      throw new DomainError(DomainErrorCode.InvalidCredentials, INVALID_CREDENTIALS);
    }
    if (!this.config.signIn.localPasswords && !may(user, 'own-account.keep-password-sign-in')) {
      // Single sign-on only: a right password is no way in (administrators keep theirs, to mend the configuration).
      throw new DomainError(DomainErrorCode.LocalPasswordsDisabled, refusalOf(user.role, 'own-account.keep-password-sign-in'));
    }
    await this.failures.recordSuccess(account);
    if (passwordNeedsRehash(user.passwordHash!)) {
      // Hashed with older parameters: rewritten now that the password is known.
      await this.users.setPasswordHash(user.id, await hashPassword(password), { keepChangedAt: true });
    }
    return this.startSession(user, 'password', client);
  }

  /** Opens a session for a user who has proved who they are (password or single sign-on) and signs its token. */
  async startSession(user: UserEntity, method: 'password' | 'oidc', client: ClientContext): Promise<SignInAnswer> {
    const sessionId = randomUUID();
    const ttl = this.config.jwt.ttlSeconds;
    await this.sessions.start({
      id: sessionId,
      userId: user.id,
      method,
      expiresAt: new Date(Date.now() + ttl * 1000),
      clientAddress: client.address,
      userAgent: client.userAgent,
    });
    const claims = { sub: user.id, sid: sessionId, username: user.username, role: user.role, departmentId: user.departmentId };
    const accessToken = await this.jwt.signAsync(claims, { secret: this.config.jwt.secret, expiresIn: ttl, algorithm: 'HS256' });
    await this.audit.record({
      actorId: user.id,
      actorUsername: user.username,
      action: 'sign_in.succeeded',
      targetType: 'session',
      targetId: sessionId,
      targetLabel: user.username,
      to: { method },
      clientAddress: client.address,
    });
    return { accessToken, tokenType: 'Bearer', expiresIn: ttl, mustChangePassword: user.mustChangePassword === true, user: toUserView(user) };
  }

  /**
   * The actor behind a bearer token, or null when the token is bad, expired, has no expiry,
   * or its session was ended (sign-out, password change, deactivation, role or department
   * change). Role and department come from the database, not the token.
   */
  async signedInFromToken(token: string): Promise<SignedIn | null> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, { secret: this.config.jwt.secret, algorithms: ['HS256'] });
    } catch {
      return null;
    }
    // Signed with our secret, but checked all the same: a claim of the wrong type must not reach a query.
    if (!isWellFormedClaims(claims)) return null;
    const live = await this.sessions.live(claims.sid, claims.sub);
    if (!live) return null;
    return {
      actor: { userId: live.userId, username: live.username, role: live.role, departmentId: live.departmentId },
      sessionId: live.sessionId,
      mustChangePassword: live.mustChangePassword,
    };
  }

  async me(actor: Actor): Promise<Me> {
    const user = await this.users.findById(actor.userId);
    if (!user) throw new DomainError(DomainErrorCode.InvalidCredentials, 'The user no longer exists');
    const department = user.departmentId ? await this.departments.findById(user.departmentId) : null;
    return {
      ...toUserView(user),
      mustChangePassword: user.mustChangePassword === true,
      department: department ? { id: department.id, code: department.code, name: department.name, kind: department.kind } : null,
    };
  }

  /**
   * One's own password: the current one must be right (a wrong one counts as a failed sign-in),
   * the new one must meet the policy. Every session of the user ends, this one too; the answer
   * carries a token of a new session.
   */
  async changeOwnPassword(signedIn: SignedIn, currentPassword: string, newPassword: string, client: ClientContext): Promise<SignInAnswer> {
    const user = await this.users.findById(signedIn.actor.userId);
    if (!user) throw new DomainError(DomainErrorCode.InvalidCredentials, 'The user no longer exists');
    const problems = passwordPolicyProblems(newPassword, user.username);
    const right = user.passwordHash ? await verifyPassword(currentPassword, user.passwordHash) : await verifyDecoyPassword(currentPassword);
    if (!right) {
      await this.failures.recordFailure(accountKey(user.username), addressKey(client.address), this.policy);
      await this.audit.record({
        actorId: user.id,
        actorUsername: user.username,
        action: 'sign_in.failed',
        targetType: 'account',
        targetId: user.id,
        targetLabel: user.username,
        to: { cause: 'wrong_current_password' },
        clientAddress: client.address,
      });
      throw new DomainError(DomainErrorCode.PasswordPolicy, 'The current password is not right', {
        fields: { currentPassword: ['is not the current password'], ...(problems.length ? { newPassword: problems } : {}) },
      });
    }
    if (problems.length > 0) throw new DomainError(DomainErrorCode.PasswordPolicy, problems.join('; '), { fields: { newPassword: problems } });
    if (newPassword === currentPassword) {
      throw new DomainError(DomainErrorCode.PasswordPolicy, 'The new password must differ from the current one', {
        fields: { newPassword: ['must differ from the current password'] },
      });
    }
    const hash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (tx) => {
      await this.users.setPasswordHash(user.id, hash, { mustChangePassword: false, by: user.id, tx });
      await this.sessions.revokeAllOfUser(user.id, 'password_changed', tx);
      await this.audit.record(
        {
          actorId: user.id,
          actorUsername: user.username,
          action: 'password.changed',
          targetType: 'user',
          targetId: user.id,
          targetLabel: user.username,
          clientAddress: client.address,
        },
        tx,
      );
    });
    return this.startSession({ ...user, mustChangePassword: false }, 'password', client);
  }

  /**
   * A password chosen through a one-time link. The policy is checked before the link is used, so
   * a refused password does not spend it; the link is then used in the same transaction as the
   * new password is written (two uses at once: one wins, the other gets 400).
   */
  async setPasswordWithLink(token: string, newPassword: string, client: ClientContext): Promise<SignInAnswer> {
    const invalid = () =>
      new DomainError(
        DomainErrorCode.PasswordResetLinkInvalid,
        'This link is not valid: it was used already, has expired, or a newer one was sent; ask a system administrator for a new one',
        { fields: { token: ['is used, expired or replaced'] } },
      );
    const [open] = await this.dataSource.query(`SELECT user_id FROM password_reset_links WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()`, [
      resetTokenHash(token),
    ]);
    const user = open ? await this.users.findById(open.user_id) : null;
    if (!user || user.active === false) throw invalid();
    const problems = passwordPolicyProblems(newPassword, user.username);
    if (problems.length > 0) throw new DomainError(DomainErrorCode.PasswordPolicy, problems.join('; '), { fields: { newPassword: problems } });
    const hash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (tx) => {
      const userId = await this.links.consume(token, tx);
      if (userId !== user.id) throw invalid();
      await this.users.setPasswordHash(user.id, hash, { mustChangePassword: false, by: user.id, tx });
      await this.sessions.revokeAllOfUser(user.id, 'password_changed', tx);
      await this.failures.unlock(accountKey(user.username), tx);
      await this.audit.record(
        {
          actorId: user.id,
          actorUsername: user.username,
          action: 'password.reset_link_used',
          targetType: 'user',
          targetId: user.id,
          targetLabel: user.username,
          clientAddress: client.address,
        },
        tx,
      );
    });
    return this.startSession({ ...user, mustChangePassword: false }, 'password', client);
  }

  /** Ends this session (sign out). */
  async signOut(signedIn: SignedIn, client: ClientContext): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await this.sessions.revoke(signedIn.sessionId, 'signed_out', tx);
      await this.audit.record(
        {
          actorId: signedIn.actor.userId,
          actorUsername: signedIn.actor.username,
          action: 'sign_out',
          targetType: 'session',
          targetId: signedIn.sessionId,
          clientAddress: client.address,
        },
        tx,
      );
    });
  }

  /** Ends every session of the signed-in user, this one too (a lost phone, a shared computer). */
  async signOutEverywhere(signedIn: SignedIn, client: ClientContext): Promise<SignOutEverywhereAnswer> {
    return this.dataSource.transaction(async (tx) => {
      const sessionsEnded = await this.sessions.revokeAllOfUser(signedIn.actor.userId, 'signed_out_everywhere', tx);
      await this.audit.record(
        {
          actorId: signedIn.actor.userId,
          actorUsername: signedIn.actor.username,
          action: 'sign_out.everywhere',
          targetType: 'user',
          targetId: signedIn.actor.userId,
          targetLabel: signedIn.actor.username,
          to: { sessionsEnded },
          clientAddress: client.address,
        },
        tx,
      );
      return { sessionsEnded };
    });
  }

  private async recordLock(username: string, client: ClientContext): Promise<void> {
    this.logger.warn(`Account "${username.slice(0, 64)}" locked after ${this.policy.accountLockAfter} failed sign-ins (from ${client.address})`);
    await this.audit.record({
      actorId: null,
      actorUsername: username,
      action: 'account.locked',
      targetType: 'account',
      targetLabel: username,
      to: { failures: this.policy.accountLockAfter },
      clientAddress: client.address,
    });
  }
}
