import { randomUUID, timingSafeEqual } from 'node:crypto';
import { BadRequestException, Inject, Injectable, Logger, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { custom, errors, generators, Issuer, type BaseClient, type IdTokenClaims, type UnknownObject } from 'openid-client';
import { DataSource } from 'typeorm';
import { DUBAN_CONFIG, type DubanConfig, type OidcConfig } from '@duban/config';
import { DomainError, DomainErrorCode, SYSTEM_REASONS, userUnitProblems } from '@duban/domain';
import { AuditLogRepository, DepartmentEntity, SingleSignOnAttemptRepository, UserEntity, UserRepository, isUniqueViolation } from '@duban/persistence';
import type { OidcSettings } from '@duban/contracts';
import { unstorableTextProblem } from '../common/front-door';
import { AuthService, type ClientContext } from './auth.service';

/** What the console needs to offer single sign-on (GET /auth/oidc). */
/** Why a sign-in through the identity provider was refused, as the console's login page is told. */
export type SsoErrorCode = 'unknown_user' | 'deactivated' | 'state_mismatch' | 'provider_error';

/** The cookie that ties a callback to the browser that set out: it holds the attempt's state. */
export const SSO_STATE_COOKIE = 'duban_sso_state';
export const SSO_COOKIE_PATH = '/auth/oidc';
/** How long a person has at the provider before the attempt expires. */
export const SSO_ATTEMPT_SECONDS = 600;
const DEFAULT_RETURN_TO = '/console/';
const RETURN_TO_MAX = 500;
/** After the provider failed to answer its discovery document, answer 503 this long before asking again. */
const DISCOVERY_RETRY_SECONDS = 5;
const PROVIDER_TIMEOUT_MS = 5000;
/**
 * Attempts one client address may have open (started, neither completed nor expired): a person
 * completes theirs within a minute, so even an office behind one address stays far below it;
 * a flood of starts (each a row) is held up with 429.
 */
export const SSO_OPEN_ATTEMPTS_PER_ADDRESS = 200;

/** The parameters a provider sends to the callback, with their longest accepted lengths; others are ignored. */
const CALLBACK_PARAMETERS = { state: 64, code: 2048, iss: 2048, error: 256, error_description: 2048, error_uri: 2048, session_state: 2048 } as const;
type CallbackParameters = Partial<Record<keyof typeof CALLBACK_PARAMETERS, string>>;

class SsoRefusal extends Error {
  constructor(
    readonly code: SsoErrorCode,
    /** For the audit log: the reason in more words than the console is told. */
    override readonly cause: string,
    readonly claimed: string | null = null,
    readonly userId: string | null = null,
  ) {
    super(cause);
  }
}

/**
 * A relative path into the console, or null: anything that could lead elsewhere (another host,
 * a scheme, `//`, backslashes, control characters, `..` out of /console) is refused.
 */
export function consoleReturnTo(value: string): string | null {
  if (value.length > RETURN_TO_MAX || !value.startsWith('/console')) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(value) || value.startsWith('//')) return null;
  const base = 'http://duban.invalid';
  let parsed: URL;
  try {
    parsed = new URL(value, base);
  } catch {
    return null;
  }
  if (parsed.origin !== base || !(parsed.pathname === '/console' || parsed.pathname.startsWith('/console/'))) return null;
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}

/** The state of this attempt from the Cookie header (no cookie parser runs in the API). */
export function stateFromCookie(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SSO_STATE_COOKIE) return rest.join('=');
  }
  return undefined;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A claim's text, or null when absent, empty or not storable (a NUL from the provider must not reach PostgreSQL). */
function claimText(claims: UnknownObject, name: string): string | null {
  const value = claims[name];
  if (typeof value !== 'string' || value.trim() === '' || unstorableTextProblem(value)) return null;
  return value.trim();
}

/** Text for the audit log from the provider or a library: control characters and lone surrogates dropped. */
function printable(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]|[\uD800-\uDFFF]/g, '').slice(0, max);
}

/**
 * Single sign-on with the unified identity platform (统一身份认证), OpenID Connect's
 * authorization code flow with PKCE. The provider is asked for its discovery document at the
 * first sign-in, not at start: a provider that is down does not keep the API from starting.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger('SingleSignOn');
  private readonly attempts: SingleSignOnAttemptRepository;
  private readonly users: UserRepository;
  private readonly audit: AuditLogRepository;
  private client?: Promise<BaseClient>;
  private discoveryFailedAt = 0;

  constructor(
    @Inject(DUBAN_CONFIG) private readonly config: DubanConfig,
    private readonly dataSource: DataSource,
    private readonly auth: AuthService,
  ) {
    this.attempts = new SingleSignOnAttemptRepository(dataSource);
    this.users = new UserRepository(dataSource);
    this.audit = new AuditLogRepository(dataSource);
  }

  settings(): OidcSettings {
    const oidc = this.config.oidc;
    return oidc ? { enabled: true, loginUrl: '/auth/oidc/login', label: oidc.label } : { enabled: false };
  }

  /** Whether the state cookie needs `Secure` (the API is reached over https). */
  get secureCookie(): boolean {
    return (this.config.oidc?.redirectUri ?? '').startsWith('https:');
  }

  /** Starts an attempt: where to send the browser, and the state its cookie must carry back. */
  async begin(returnTo: string | undefined, client: ClientContext): Promise<{ location: string; state: string }> {
    const oidc = this.required();
    const target = returnTo === undefined || returnTo === '' ? DEFAULT_RETURN_TO : consoleReturnTo(returnTo);
    if (target === null) {
      const message = 'returnTo must be a path inside the console (starting with /console/)';
      throw new BadRequestException({ statusCode: 400, error: 'BAD_REQUEST', message: [`returnTo ${message}`], fields: { returnTo: [`returnTo ${message}`] } });
    }
    if ((await this.attempts.openFrom(client.address)) >= SSO_OPEN_ATTEMPTS_PER_ADDRESS) {
      throw new DomainError(DomainErrorCode.SignInThrottled, 'Too many single sign-on attempts from this address are under way; try again in a minute', {
        retryAfterSeconds: 60,
      });
    }
    const provider = await this.providerClient();
    const state = generators.state();
    const nonce = generators.nonce();
    const codeVerifier = generators.codeVerifier();
    await this.attempts.start({ state, nonce, codeVerifier, returnTo: target }, SSO_ATTEMPT_SECONDS, client.address);
    const location = provider.authorizationUrl({
      scope: oidc.scopes,
      state,
      nonce,
      code_challenge: generators.codeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    return { location, state };
  }

  /** The callback's parameters, or 400 for what no provider sends (a repeated or oversized parameter, no state). */
  callbackParameters(query: Record<string, unknown>): CallbackParameters {
    this.required();
    const fields: Record<string, string[]> = {};
    const parameters: CallbackParameters = {};
    for (const [name, max] of Object.entries(CALLBACK_PARAMETERS) as Array<[keyof typeof CALLBACK_PARAMETERS, number]>) {
      const value = query[name];
      if (value === undefined) continue;
      if (typeof value !== 'string') fields[name] = [`${name} must be given once, as text`];
      else if (value.length > max) fields[name] = [`${name} must be at most ${max} characters long`];
      else parameters[name] = value;
    }
    if (!fields.state && !parameters.state) fields.state = ['state is required'];
    if (Object.keys(fields).length > 0) throw new BadRequestException({ statusCode: 400, error: 'BAD_REQUEST', message: Object.values(fields).flat(), fields });
    return parameters;
  }

  /**
   * Completes an attempt: checks that the callback belongs to this browser and is the first for
   * its state, exchanges the code (PKCE, nonce, issuer checked by openid-client), finds the user
   * and opens a session. Answers where the browser goes next; every refusal is audited.
   */
  async complete(parameters: CallbackParameters, cookieState: string | undefined, client: ClientContext): Promise<string> {
    const oidc = this.required();
    try {
      const state = parameters.state!;
      if (!cookieState || !sameText(cookieState, state)) throw new SsoRefusal('state_mismatch', cookieState ? 'state_not_of_this_browser' : 'no_state_cookie');
      const attempt = await this.attempts.complete(state);
      if (attempt === 'used') throw new SsoRefusal('state_mismatch', 'callback_replayed');
      if (attempt === 'expired') throw new SsoRefusal('state_mismatch', 'attempt_expired');
      if (attempt === 'unknown') throw new SsoRefusal('state_mismatch', 'unknown_state');
      if (parameters.error) throw new SsoRefusal('provider_error', `provider_refused: ${parameters.error.slice(0, 64)}`);
      const claims = await this.verifiedClaims(parameters, attempt);
      const user = await this.userFor(oidc, claims, client);
      const signedIn = await this.auth.startSession(user, 'oidc', client);
      const fragment = new URLSearchParams({ accessToken: signedIn.accessToken, expiresIn: String(signedIn.expiresIn), returnTo: attempt.returnTo });
      return `/console/sso#${fragment.toString()}`;
    } catch (error) {
      if (!(error instanceof SsoRefusal)) throw error;
      await this.audit.record({
        actorId: null,
        actorUsername: error.claimed ? printable(error.claimed, 200) : null,
        action: 'sign_in.failed',
        targetType: 'account',
        targetId: error.userId,
        targetLabel: error.claimed ? printable(error.claimed, 200) : null,
        to: { method: 'oidc', cause: printable(error.cause, 300) },
        clientAddress: client.address,
      });
      return `/console/login?ssoError=${error.code}`;
    }
  }

  private required(): OidcConfig {
    if (!this.config.oidc) throw new NotFoundException({ statusCode: 404, error: 'NOT_FOUND', message: 'Single sign-on is not configured (DUBAN_OIDC_ISSUER)' });
    return this.config.oidc;
  }

  /** The provider's client, discovered once; 503 while the provider does not answer. */
  private async providerClient(): Promise<BaseClient> {
    const oidc = this.required();
    const unavailable = () => {
      const error = new ServiceUnavailableException({
        statusCode: 503,
        error: 'SERVICE_UNAVAILABLE',
        message: 'The unified identity platform does not answer just now; try again shortly, or sign in with a password where that is allowed',
      });
      Object.assign(error, { retryAfterSeconds: DISCOVERY_RETRY_SECONDS });
      return error;
    };
    if (!this.client && Date.now() - this.discoveryFailedAt < DISCOVERY_RETRY_SECONDS * 1000) throw unavailable();
    this.client ??= (async () => {
      custom.setHttpOptionsDefaults({ timeout: PROVIDER_TIMEOUT_MS });
      const issuer = await Issuer.discover(oidc.issuer);
      return new issuer.Client({ client_id: oidc.clientId, client_secret: oidc.clientSecret, redirect_uris: [oidc.redirectUri], response_types: ['code'] });
    })();
    try {
      return await this.client;
    } catch (error) {
      this.client = undefined;
      this.discoveryFailedAt = Date.now();
      this.logger.warn(`The identity provider ${oidc.issuer} did not answer its discovery document: ${(error as Error).message}`);
      throw unavailable();
    }
  }

  /** The ID token's claims (and the user info's, when the token lacks the claims matching needs). */
  private async verifiedClaims(parameters: CallbackParameters, attempt: { state: string; nonce: string; codeVerifier: string }): Promise<IdTokenClaims> {
    const oidc = this.required();
    let provider: BaseClient;
    try {
      provider = await this.providerClient();
    } catch {
      throw new SsoRefusal('provider_error', 'provider_unavailable');
    }
    try {
      const tokens = await provider.callback(oidc.redirectUri, parameters, {
        state: attempt.state,
        nonce: attempt.nonce,
        code_verifier: attempt.codeVerifier,
        response_type: 'code',
      });
      const claims = tokens.claims();
      const wanted = [oidc.matchClaim, ...(oidc.provision === 'refuse' ? [] : ['name', 'email']), ...(oidc.departmentClaim ? [oidc.departmentClaim] : [])];
      if (wanted.some((claim) => claims[claim] === undefined) && tokens.access_token && provider.issuer.metadata.userinfo_endpoint) {
        // openid-client checks that the user info's `sub` is the ID token's.
        const info = await provider.userinfo(tokens);
        return { ...info, ...claims };
      }
      return claims;
    } catch (error) {
      if (error instanceof errors.RPError && /\b(state|nonce) mismatch/.test(error.message)) throw new SsoRefusal('state_mismatch', error.message.slice(0, 200));
      if (error instanceof errors.OPError) throw new SsoRefusal('provider_error', `provider_refused: ${String(error.error ?? error.message).slice(0, 64)}`);
      throw new SsoRefusal('provider_error', `callback_failed: ${(error as Error).message.slice(0, 200)}`);
    }
  }

  /**
   * The user this person is: the one linked to their subject at the provider, else the one the
   * configured claim names (linked now, and audited), else a user provisioned by configuration.
   */
  private async userFor(oidc: OidcConfig, claims: IdTokenClaims, client: ClientContext): Promise<UserEntity> {
    const subject = `${claims.iss}#${claims.sub}`;
    const claimed = claimText(claims, oidc.matchClaim);
    if (subject.length > 255 || unstorableTextProblem(subject)) throw new SsoRefusal('provider_error', 'subject_unusable', claimed);
    const users = this.dataSource.getRepository(UserEntity);
    const linked = await users.findOneBy({ externalSubject: subject });
    if (linked) {
      if (linked.active === false) throw new SsoRefusal('deactivated', 'deactivated', claimed ?? linked.username, linked.id);
      return linked;
    }
    if (!claimed || claimed.length > 320) throw new SsoRefusal('unknown_user', `claim_missing: ${oidc.matchClaim}`, claimed?.slice(0, 64) ?? null);
    if (oidc.matchField === 'email' && claims.email_verified === false) throw new SsoRefusal('unknown_user', 'email_not_verified', claimed);
    const candidates =
      oidc.matchField === 'username'
        ? await users.createQueryBuilder('u').where('lower(u.username) = lower(:v)', { v: claimed }).getMany()
        : await users.createQueryBuilder('u').where('lower(u.email) = lower(:v)', { v: claimed }).limit(2).getMany();
    if (candidates.length > 1) throw new SsoRefusal('unknown_user', 'several_users_with_this_email', claimed);
    const user = candidates[0];
    if (!user) return this.provision(oidc, claims, claimed, subject, client);
    if (user.externalSubject) throw new SsoRefusal('unknown_user', 'linked_to_another_subject', claimed, user.id);
    if (user.active === false) throw new SsoRefusal('deactivated', 'deactivated', claimed, user.id);
    await this.dataSource.transaction(async (tx) => {
      const linkedNow = (await tx.query(`UPDATE users SET external_subject = $2 WHERE id = $1 AND external_subject IS NULL AND active RETURNING id`, [user.id, subject])) as [
        unknown[],
        number,
      ];
      if (linkedNow[0].length !== 1) throw new SsoRefusal('unknown_user', 'changed_meanwhile', claimed, user.id);
      await this.audit.record(
        {
          actorId: user.id,
          actorUsername: user.username,
          action: 'user.sso_linked',
          targetType: 'user',
          targetId: user.id,
          targetLabel: user.username,
          from: { externalSubject: null },
          to: { externalSubject: subject, matchedBy: `${oidc.matchClaim} = ${oidc.matchField}` },
          clientAddress: client.address,
        },
        tx,
      );
    });
    return { ...user, externalSubject: subject };
  }

  /**
   * A person the provider knows and Duban does not: refused, or given a user with the configured
   * role (a department officer in the active department or district the department claim names).
   */
  private async provision(oidc: OidcConfig, claims: IdTokenClaims, claimed: string, subject: string, client: ClientContext): Promise<UserEntity> {
    if (oidc.provision === 'refuse') throw new SsoRefusal('unknown_user', 'unknown_user', claimed);
    const username = oidc.matchField === 'username' ? claimed : (claimText(claims, 'preferred_username') ?? claimed);
    if (username.length > 64) throw new SsoRefusal('unknown_user', 'username_too_long', claimed);
    let departmentId: string | null = null;
    let departmentCode: string | null = null;
    if (oidc.provision === 'department_officer') {
      departmentCode = claimText(claims, oidc.departmentClaim!);
      if (!departmentCode || departmentCode.length > 32) throw new SsoRefusal('unknown_user', `claim_missing: ${oidc.departmentClaim}`, claimed);
      const department = await this.dataSource.getRepository(DepartmentEntity).findOneBy({ code: departmentCode });
      const problems = userUnitProblems('department_officer', department ? department.kind : 'unknown', department?.active !== false);
      if (!department || Object.keys(problems).length > 0) {
        throw new SsoRefusal('unknown_user', `department_refused: ${departmentCode} (${Object.values(problems).flat().join('; ')})`, claimed);
      }
      departmentId = department.id;
    }
    const email = claimText(claims, 'email');
    const user: UserEntity = {
      id: randomUUID(),
      username,
      displayName: (claimText(claims, 'name') ?? username).slice(0, 200),
      email: email && email.length <= 320 && claims.email_verified !== false ? email : null,
      passwordHash: null,
      role: oidc.provision,
      departmentId,
      externalSubject: subject,
      createdAt: new Date(),
    } as UserEntity;
    try {
      await this.dataSource.transaction(async (tx) => {
        await tx.getRepository(UserEntity).insert(user);
        await this.audit.record(
          {
            actorId: user.id,
            actorUsername: user.username,
            action: 'user.provisioned',
            targetType: 'user',
            targetId: user.id,
            targetLabel: user.username,
            to: { role: user.role, departmentId, departmentCode, externalSubject: subject, displayName: user.displayName, email: user.email },
            reason: SYSTEM_REASONS.single_sign_on_provisioned,
            clientAddress: client.address,
          },
          tx,
        );
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new SsoRefusal('unknown_user', 'username_taken', claimed);
      throw error;
    }
    return (await this.users.findById(user.id))!;
  }
}
