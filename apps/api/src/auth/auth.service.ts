import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { isUUID } from 'class-validator';
import { DUBAN_CONFIG, type DubanConfig } from '@duban/config';
import { DomainError, DomainErrorCode, type Actor, type Role } from '@duban/domain';
import { DepartmentRepository, UserRepository, verifyPassword, type UserEntity } from '@duban/persistence';

interface TokenClaims {
  sub: string;
  username: string;
  role: Role;
  departmentId: string | null;
}

/** Who is signed in, with the unit they act for (the console shows it in its header). */
export interface MeView extends UserView {
  department: { id: string; code: string; name: string; kind: string } | null;
}

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  role: Role;
  departmentId: string | null;
}

export function toUserView(user: UserEntity): UserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    email: user.email,
    role: user.role,
    departmentId: user.departmentId,
  };
}

/** The claims this API signs, with the types it signs them with. */
function isWellFormedClaims(claims: unknown): claims is TokenClaims {
  const c = claims as Partial<TokenClaims> | null;
  return (
    typeof c === 'object' &&
    c !== null &&
    typeof c.sub === 'string' &&
    isUUID(c.sub) &&
    (c.username === undefined || typeof c.username === 'string') &&
    (c.departmentId === undefined || c.departmentId === null || (typeof c.departmentId === 'string' && isUUID(c.departmentId)))
  );
}

@Injectable()
export class AuthService {
  constructor(
    @Inject(DUBAN_CONFIG) private readonly config: DubanConfig,
    private readonly users: UserRepository,
    private readonly departments: DepartmentRepository,
    private readonly jwt: JwtService,
  ) {}

  async login(username: string, password: string) {
    const user = await this.users.findByUsername(username);
    // Same message whether the user or the password is wrong: no probing for usernames.
    if (!user || !(await verifyPassword(password, user.passwordHash))) {
      throw new DomainError(DomainErrorCode.InvalidCredentials, 'Unknown username or wrong password');
    }
    const claims: TokenClaims = { sub: user.id, username: user.username, role: user.role, departmentId: user.departmentId };
    const accessToken = await this.jwt.signAsync(claims, {
      secret: this.config.jwt.secret,
      expiresIn: this.config.jwt.ttlSeconds,
      algorithm: 'HS256',
    });
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.jwt.ttlSeconds, user: toUserView(user) };
  }

  /**
   * The actor behind a bearer token, or null when the token is bad, expired, or names a user
   * who no longer exists. Role and department come from the database, not the token, so a
   * change takes effect at once.
   */
  async actorFromToken(token: string): Promise<Actor | null> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, { secret: this.config.jwt.secret, algorithms: ['HS256'] });
    } catch {
      return null;
    }
    // Signed by us, but checked all the same: a claim of the wrong type must not reach a query.
    if (!isWellFormedClaims(claims)) return null;
    const user = await this.users.findById(claims.sub);
    if (!user) return null;
    return { userId: user.id, username: user.username, role: user.role, departmentId: user.departmentId };
  }

  async me(actor: Actor): Promise<MeView> {
    const user = await this.users.findById(actor.userId);
    if (!user) throw new DomainError(DomainErrorCode.InvalidCredentials, 'The user no longer exists');
    const department = user.departmentId ? await this.departments.findById(user.departmentId) : null;
    return {
      ...toUserView(user),
      department: department ? { id: department.id, code: department.code, name: department.name, kind: department.kind } : null,
    };
  }
}
