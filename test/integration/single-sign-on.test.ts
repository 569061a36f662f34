import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import path from 'node:path';
import { hashPassword, UserRepository } from '@duban/persistence';
import type { Role } from '@duban/domain';
import { TEST_PASSWORD, TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait-for';

/**
 * Single sign-on (issue 14, item 6) against a real OpenID provider (the oidc-provider package,
 * run as a child process: test/support/oidc-provider.mjs), signed in the way a browser does:
 * Duban's /auth/oidc/login, the provider's login and consent forms, the callback, with cookies
 * carried by hand. Stack A matches preferred_username to the username and refuses strangers;
 * stack B matches the e-mail, provisions strangers as viewers and has local passwords off.
 */
const PUBLIC_ORIGIN = 'http://duban.test';
const CLIENT = { client_id: 'duban', client_secret: 'duban-test-client-secret', redirect_uris: [`${PUBLIC_ORIGIN}/auth/oidc/callback`] };
/** The provider's people: account id (the subject, typed as the login) → claims. */
const ACCOUNTS: Record<string, Record<string, unknown>> = {
  'sub-officer': { preferred_username: 'sso-officer', name: '张三', email: 'officer@duban.test', email_verified: true },
  'sub-imposter': { preferred_username: 'sso-officer', name: '冒名者', email: 'imposter@duban.test', email_verified: true },
  'sub-stranger': { preferred_username: 'nobody-here', name: '新同事', email: 'stranger@duban.test', email_verified: true },
  'sub-departed': { preferred_username: 'sso-departed', name: '已离职', email: 'departed@duban.test', email_verified: true },
  'sub-office-person': { preferred_username: 'op-at-idp', name: '办公室同事', email: 'Office-Person@duban.test', email_verified: true },
  'sub-reader': { preferred_username: 'reader', name: '李四', email: 'reader@duban.test', email_verified: true },
  'sub-liaison': { preferred_username: 'liaison-new', name: '王五', email: 'liaison@duban.test', email_verified: true, department_code: 'DSSO000001' },
  'sub-liaison-closed': { preferred_username: 'liaison-closed', name: '赵六', department_code: 'DSSO000002' },
  'sub-liaison-nowhere': { preferred_username: 'liaison-nowhere', name: '钱七', department_code: 'NO-SUCH-UNIT' },
  'sub-liaison-none': { preferred_username: 'liaison-none', name: '孙八' },
  'sub-unverified': { preferred_username: 'unverified', name: '未验证', email: 'unverified@duban.test', email_verified: false },
};

let providerPort: number;
let issuer: string;
let provider: ChildProcess | undefined;
let providerUp: Promise<void> | undefined;
let a: TestStack;
let adminA: { token: string };
let officerId: string;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts the provider (once) and waits for it to say it listens. */
function startProvider(): Promise<void> {
  providerUp ??= new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, '../support/oidc-provider.mjs')], {
      env: { ...process.env, OIDC_PORT: String(providerPort), OIDC_CLIENTS: JSON.stringify([CLIENT]), OIDC_ACCOUNTS: JSON.stringify(ACCOUNTS) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    provider = child;
    let errors = '';
    child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes(`issuer ${issuer}`)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the OpenID provider exited (${code}): ${errors}`)));
  });
  return providerUp;
}

/** Cookies per origin, as a browser keeps them (paths ignored: each test run is its own browser). */
class CookieJar {
  private readonly byOrigin = new Map<string, Map<string, string>>();
  store(url: URL, response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, ...value] = pair.trim().split('=');
      const cookies = this.byOrigin.get(url.origin) ?? new Map<string, string>();
      const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a) || /^\s*max-age=0\s*$/i.test(a));
      if (expired) cookies.delete(name);
      else cookies.set(name, value.join('='));
      this.byOrigin.set(url.origin, cookies);
    }
  }
  header(url: URL): string {
    return [...(this.byOrigin.get(url.origin) ?? new Map()).entries()].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

interface Started {
  /** The provider's authorization URL Duban sent the browser to. */
  authorizeUrl: URL;
  /** The cookie Duban set for the callback. */
  cookie: string;
  setCookie: string;
}

/** GET /auth/oidc/login as a browser: a redirect to the provider and a state cookie. */
async function begin(stack: TestStack, returnTo = '/console/duties'): Promise<Started> {
  const response = await fetch(`${stack.baseUrl}/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`, { redirect: 'manual' });
  if (response.status !== 302) throw new Error(`login answered ${response.status}: ${await response.text()}`);
  const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('duban_sso_state='))!;
  return { authorizeUrl: new URL(response.headers.get('location')!), cookie: setCookie.split(';')[0], setCookie };
}

/** Signs in at the provider as `account` (login form, then consent) and answers the callback URL it sends the browser to. */
async function atProvider(authorizeUrl: URL, account: string): Promise<URL> {
  const jar = new CookieJar();
  let url = authorizeUrl;
  let init: RequestInit = {};
  for (let step = 0; step < 20; step++) {
    const headers: Record<string, string> = { cookie: jar.header(url) };
    if (init.body) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    jar.store(url, response);
    if (response.status >= 300 && response.status < 400) {
      const next = new URL(response.headers.get('location')!, url);
      if (next.origin === PUBLIC_ORIGIN) return next;
      url = next;
      init = {};
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (!action || !prompt) throw new Error(`the provider answered ${response.status} without a form: ${html.slice(0, 500)}`);
    url = new URL(action.replace(/&amp;/g, '&'), url);
    init = { method: 'POST', body: new URLSearchParams(prompt === 'login' ? { prompt, login: account, password: 'any password' } : { prompt }).toString() };
  }
  throw new Error('the provider never sent the browser back');
}

/** The browser back at Duban's callback (the callback URL names duban.test; the request goes to this stack). */
async function callback(stack: TestStack, callbackUrl: URL, cookie: string | null) {
  const response = await fetch(`${stack.baseUrl}${callbackUrl.pathname}${callbackUrl.search}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
  const location = response.headers.get('location') ?? '';
  return { status: response.status, location, setCookie: response.headers.getSetCookie(), body: response.status === 302 ? null : await response.text() };
}

/** The whole trip; the answer is where Duban sends the browser at the end. */
async function signInAs(stack: TestStack, account: string, returnTo?: string) {
  const started = await begin(stack, returnTo);
  const callbackUrl = await atProvider(started.authorizeUrl, account);
  return { ...(await callback(stack, callbackUrl, started.cookie)), callbackUrl, cookie: started.cookie };
}

function fragmentOf(location: string): URLSearchParams {
  const url = new URL(location, PUBLIC_ORIGIN);
  expect(url.pathname).toBe('/console/sso');
  expect(url.search).toBe('');
  return new URLSearchParams(url.hash.slice(1));
}

async function user(stack: TestStack, username: string, role: Role, departmentId: string | null = null, email: string | null = null, passwordHash: string | null = null) {
  const { user: saved } = await new UserRepository(stack.dataSource).ensure({ id: randomUUID(), username, displayName: username, email, passwordHash, role, departmentId });
  return saved;
}

async function auditOf(stack: TestStack, adminToken: string, query: string) {
  const log = await stack.http('GET', `/audit-log?${query}&limit=100`, { token: adminToken });
  expect(log.status).toBe(200);
  return log.body.items as Array<{ action: string; actorUsername: string | null; targetId: string | null; to: any; clientAddress: string | null }>;
}

async function sessionsOf(stack: TestStack, userId: string): Promise<number> {
  const [{ count }] = await stack.dataSource.query(`SELECT count(*)::int AS count FROM sign_in_sessions WHERE user_id = $1`, [userId]);
  return count;
}

beforeAll(async () => {
  providerPort = await freePort();
  issuer = `http://127.0.0.1:${providerPort}`;
  // The provider is not started yet: the API must start without it.
  a = await TestStack.start({
    DUBAN_OIDC_ISSUER: issuer,
    DUBAN_OIDC_CLIENT_ID: CLIENT.client_id,
    DUBAN_OIDC_CLIENT_SECRET: CLIENT.client_secret,
    DUBAN_OIDC_LABEL: '政务服务统一身份认证',
  });
  adminA = await a.userWithToken('admin');
  const office = await a.userWithToken('office');
  const department = await a.department(office.token);
  officerId = (await user(a, 'sso-officer', 'department_officer', department.id)).id;
  const departed = await user(a, 'sso-departed', 'viewer');
  await a.dataSource.query(`UPDATE users SET active = false, deactivated_at = now() WHERE id = $1`, [departed.id]);
}, 120_000);

afterAll(async () => {
  provider?.kill('SIGTERM');
  await a?.stop();
});

describe('a provider that is down', () => {
  it('does not keep the API from starting; login answers 503 with Retry-After until the provider is up', async () => {
    const settings = await a.http('GET', '/auth/oidc');
    expect(settings).toEqual({ status: 200, body: { enabled: true, loginUrl: '/auth/oidc/login', label: '政务服务统一身份认证' } });
    const down = await fetch(`${a.baseUrl}/auth/oidc/login`, { redirect: 'manual' });
    expect(down.status).toBe(503);
    expect(Number(down.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await down.json()).toMatchObject({ statusCode: 503, message: expect.stringContaining('identity platform') });
    expect(down.headers.getSetCookie()).toEqual([]);

    await startProvider();
    // Asked again once the pause after the failure has passed.
    await waitFor('the provider to be discovered', async () => (await fetch(`${a.baseUrl}/auth/oidc/login`, { redirect: 'manual' })).status === 302, {
      timeoutMs: 20_000,
      intervalMs: 500,
    });
  }, 60_000);
});

describe('signing in through the provider', () => {
  beforeAll(() => startProvider(), 30_000);

  it('signs in a matched user, links their subject once (audited), and the token works', async () => {
    const started = await begin(a, '/console/duties?state=assigned');
    expect(started.authorizeUrl.origin).toBe(issuer);
    expect(Object.fromEntries(started.authorizeUrl.searchParams)).toMatchObject({
      client_id: 'duban',
      response_type: 'code',
      redirect_uri: `${PUBLIC_ORIGIN}/auth/oidc/callback`,
      scope: 'openid profile email',
      code_challenge_method: 'S256',
      state: expect.stringMatching(/^[\w-]{32,64}$/),
      nonce: expect.stringMatching(/^[\w-]{32,}$/),
      code_challenge: expect.any(String),
    });
    expect(started.cookie).toBe(`duban_sso_state=${started.authorizeUrl.searchParams.get('state')}`);
    expect(started.setCookie).toMatch(/; Max-Age=600;/);
    expect(started.setCookie).toMatch(/; Path=\/auth\/oidc/);
    expect(started.setCookie).toMatch(/; HttpOnly/);
    expect(started.setCookie).toMatch(/; SameSite=Lax/);

    const callbackUrl = await atProvider(started.authorizeUrl, 'sub-officer');
    const back = await callback(a, callbackUrl, started.cookie);
    expect(back.status).toBe(302);
    const fragment = fragmentOf(back.location);
    expect(fragment.get('returnTo')).toBe('/console/duties?state=assigned');
    expect(Number(fragment.get('expiresIn'))).toBe(a.config.jwt.ttlSeconds);
    // The state cookie is spent.
    expect(back.setCookie.some((c) => /^duban_sso_state=;/.test(c))).toBe(true);
    const token = fragment.get('accessToken')!;
    const me = await a.http('GET', '/auth/me', { token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: officerId, username: 'sso-officer', role: 'department_officer' });
    expect((await a.http('GET', '/duties', { token })).status).toBe(200);
    const [row] = await a.dataSource.query(`SELECT external_subject FROM users WHERE id = $1`, [officerId]);
    expect(row.external_subject).toBe(`${issuer}#sub-officer`);

    // A second sign-in finds the user by the link and links nothing again.
    const again = await signInAs(a, 'sub-officer');
    expect(fragmentOf(again.location).get('returnTo')).toBe('/console/duties');
    const log = await auditOf(a, adminA.token, `targetId=${officerId}`);
    expect(log.filter((e) => e.action === 'user.sso_linked')).toEqual([
      expect.objectContaining({
        actorUsername: 'sso-officer',
        to: { externalSubject: `${issuer}#sub-officer`, matchedBy: 'preferred_username = username' },
        clientAddress: '127.0.0.1',
      }),
    ]);
    const sessions = await auditOf(a, adminA.token, `action=sign_in.succeeded&actorId=${officerId}`);
    expect(sessions.map((e) => e.to)).toEqual([{ method: 'oidc' }, { method: 'oidc' }]);
    const [method] = await a.dataSource.query(`SELECT DISTINCT method FROM sign_in_sessions WHERE user_id = $1`, [officerId]);
    expect(method.method).toBe('oidc');
  }, 60_000);

  it('refuses a replayed callback: no second session, audited', async () => {
    const first = await signInAs(a, 'sub-officer');
    expect(first.status).toBe(302);
    fragmentOf(first.location);
    const before = await sessionsOf(a, officerId);
    const replay = await callback(a, first.callbackUrl, first.cookie);
    expect(replay).toMatchObject({ status: 302, location: '/console/login?ssoError=state_mismatch' });
    expect(await sessionsOf(a, officerId)).toBe(before);
    const failures = await auditOf(a, adminA.token, 'action=sign_in.failed');
    expect(failures.some((e) => e.to?.method === 'oidc' && e.to?.cause === 'callback_replayed')).toBe(true);
  }, 60_000);

  it('refuses a callback whose state is not this browser’s, and the genuine one still works', async () => {
    const started = await begin(a);
    const genuine = await atProvider(started.authorizeUrl, 'sub-officer');
    const before = await sessionsOf(a, officerId);
    const forged = new URL(genuine);
    forged.searchParams.set('state', `${genuine.searchParams.get('state')!.slice(0, -2)}xx`);
    expect(await callback(a, forged, started.cookie)).toMatchObject({ status: 302, location: '/console/login?ssoError=state_mismatch' });
    // Another browser (no cookie), and a forged state with a cookie to match.
    expect(await callback(a, genuine, null)).toMatchObject({ status: 302, location: '/console/login?ssoError=state_mismatch' });
    expect(await callback(a, forged, `duban_sso_state=${forged.searchParams.get('state')}`)).toMatchObject({ status: 302, location: '/console/login?ssoError=state_mismatch' });
    expect(await sessionsOf(a, officerId)).toBe(before);
    const causes = (await auditOf(a, adminA.token, 'action=sign_in.failed')).map((e) => e.to?.cause);
    expect(causes).toEqual(expect.arrayContaining(['state_not_of_this_browser', 'no_state_cookie', 'unknown_state']));

    const back = await callback(a, genuine, started.cookie);
    expect(back.status).toBe(302);
    fragmentOf(back.location);
    expect(await sessionsOf(a, officerId)).toBe(before + 1);
  }, 60_000);

  it('refuses a person the configuration does not provision, creating nobody', async () => {
    const [{ count: users }] = await a.dataSource.query(`SELECT count(*)::int AS count FROM users`);
    const back = await signInAs(a, 'sub-stranger');
    expect(back).toMatchObject({ status: 302, location: '/console/login?ssoError=unknown_user' });
    expect((await a.dataSource.query(`SELECT count(*)::int AS count FROM users`))[0].count).toBe(users);
    const failures = await auditOf(a, adminA.token, 'action=sign_in.failed&q=nobody-here');
    expect(failures).toEqual([expect.objectContaining({ actorUsername: 'nobody-here', to: { method: 'oidc', cause: 'unknown_user' } })]);
  }, 60_000);

  it('refuses a deactivated user, and links nothing to them', async () => {
    const back = await signInAs(a, 'sub-departed');
    expect(back).toMatchObject({ status: 302, location: '/console/login?ssoError=deactivated' });
    const [row] = await a.dataSource.query(`SELECT id, external_subject FROM users WHERE username = 'sso-departed'`);
    expect(row.external_subject).toBeNull();
    const failures = await auditOf(a, adminA.token, 'action=sign_in.failed&q=sso-departed');
    expect(failures).toEqual([expect.objectContaining({ targetId: row.id, to: { method: 'oidc', cause: 'deactivated' } })]);
    // Deactivated after being linked: refused by the link too.
    await signInAs(a, 'sub-officer');
    await a.dataSource.query(`UPDATE users SET active = false WHERE id = $1`, [officerId]);
    try {
      expect(await signInAs(a, 'sub-officer')).toMatchObject({ location: '/console/login?ssoError=deactivated' });
    } finally {
      await a.dataSource.query(`UPDATE users SET active = true WHERE id = $1`, [officerId]);
    }
  }, 60_000);

  it('refuses another subject that claims the username of a linked user', async () => {
    await signInAs(a, 'sub-officer');
    const before = await sessionsOf(a, officerId);
    expect(await signInAs(a, 'sub-imposter')).toMatchObject({ status: 302, location: '/console/login?ssoError=unknown_user' });
    expect(await sessionsOf(a, officerId)).toBe(before);
    const failures = await auditOf(a, adminA.token, `action=sign_in.failed&targetId=${officerId}`);
    expect(failures.some((e) => e.to?.cause === 'linked_to_another_subject')).toBe(true);
  }, 60_000);

  it('answers a refusal by the provider (a forged code, a denied consent) with provider_error', async () => {
    const started = await begin(a);
    const genuine = await atProvider(started.authorizeUrl, 'sub-officer');
    const forged = new URL(genuine);
    forged.searchParams.set('code', 'not-a-code-the-provider-issued');
    expect(await callback(a, forged, started.cookie)).toMatchObject({ status: 302, location: '/console/login?ssoError=provider_error' });
    // The attempt is spent: the genuine code cannot follow.
    expect(await callback(a, genuine, started.cookie)).toMatchObject({ status: 302, location: '/console/login?ssoError=state_mismatch' });

    const denied = await begin(a);
    const state = denied.authorizeUrl.searchParams.get('state')!;
    const url = new URL(`${PUBLIC_ORIGIN}/auth/oidc/callback?error=access_denied&state=${state}&iss=${encodeURIComponent(issuer)}`);
    expect(await callback(a, url, denied.cookie)).toMatchObject({ status: 302, location: '/console/login?ssoError=provider_error' });
    const causes = (await auditOf(a, adminA.token, 'action=sign_in.failed')).map((e) => e.to?.cause);
    expect(causes).toEqual(expect.arrayContaining(['provider_refused: invalid_grant', 'provider_refused: access_denied']));
  }, 60_000);
});

describe('hostile callers', () => {
  beforeAll(() => startProvider(), 30_000);

  it.each(
    [
      'https://evil.example/console/',
      '//evil.example/console/',
      '/\\evil.example/console',
      '/console/../auth/me',
      '/console\\@evil.example',
      'javascript:alert(1)//console',
      '/consolex',
      '/console/\u0007',
      `/console/${'x'.repeat(600)}`,
    ].map((returnTo): [string, string] => [JSON.stringify(returnTo).slice(0, 48), returnTo]),
  )('refuses returnTo %s with 400 naming it, and starts no attempt', async (_label, returnTo) => {
    const [{ count }] = await a.dataSource.query(`SELECT count(*)::int AS count FROM single_sign_on_attempts`);
    const response = await fetch(`${a.baseUrl}/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`, { redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { fields: unknown }).fields).toHaveProperty('returnTo');
    expect(response.headers.getSetCookie()).toEqual([]);
    expect((await a.dataSource.query(`SELECT count(*)::int AS count FROM single_sign_on_attempts`))[0].count).toBe(count);
  });

  it('answers 400, never 5xx, to callbacks no provider sends, and to a stray login query', async () => {
    const refused: Array<[string, number]> = [];
    const long = 'A'.repeat(5_000);
    // 400: no state, a state or code that is given twice or is too long, an unstorable character.
    for (const query of [
      '',
      'code=abc',
      `state=${long}`,
      `state=${long}&code=${long}`,
      'state=a&state=b&code=c',
      'state[]=a&code=c',
      'state=%00&code=x',
      `state=${'x'.repeat(64)}&code=${'y'.repeat(3000)}`,
      `state=abc&error_description=${'e'.repeat(3000)}`,
    ]) {
      const response = await fetch(`${a.baseUrl}/auth/oidc/callback?${query}`, { redirect: 'manual', headers: { cookie: 'duban_sso_state=abc' } });
      if (response.status !== 400) refused.push([query.slice(0, 40), response.status]);
      else expect(await response.json()).toMatchObject({ statusCode: 400 });
    }
    expect(refused).toEqual([]);
    // A URL longer than Node's header limit never reaches the API.
    const huge = await fetch(`${a.baseUrl}/auth/oidc/callback?state=${'A'.repeat(99_000)}`, { redirect: 'manual' });
    expect(huge.status).toBe(431);
    // Parameters a provider may add are ignored (and bracketed names are names, not nesting): a
    // well-formed callback of a state never issued is a refusal sent to the console, not an error.
    for (const query of ['state=abc&code=x&session_state=s&hd=example.gov&prompt=none', 'state=abc&code[deep][er]=1', 'state=%E0%A4%A&code=x']) {
      const odd = await fetch(`${a.baseUrl}/auth/oidc/callback?${query}`, { redirect: 'manual', headers: { cookie: 'duban_sso_state=abc' } });
      expect([query, odd.status, odd.headers.get('location')]).toEqual([query, 302, '/console/login?ssoError=state_mismatch']);
    }
    expect((await a.http('GET', '/auth/oidc/login?returnTo=/console/&next=https://evil.example')).status).toBe(400);
    expect((await a.http('GET', '/auth/oidc/login?returnTo[]=/console/')).status).toBe(400);
    expect((await a.http('GET', '/auth/oidc?x=1')).status).toBe(200);
  });
});

describe('a flood of starts', () => {
  beforeAll(() => startProvider(), 30_000);

  // Last on stack A: it leaves the address with its open attempts.
  it('holds up an address with 200 attempts open with 429 and Retry-After, and writes no row for the refused ones', async () => {
    const [{ count: open }] = await a.dataSource.query(`SELECT count(*)::int AS count FROM single_sign_on_attempts WHERE used_at IS NULL AND expires_at > now()`);
    const statuses: number[] = [];
    for (let i = open; i < 200; i++) statuses.push((await fetch(`${a.baseUrl}/auth/oidc/login`, { redirect: 'manual' })).status);
    expect(new Set(statuses)).toEqual(new Set([302]));
    const held = await a.http('GET', '/auth/oidc/login');
    expect(held).toMatchObject({ status: 429, body: { code: 'SIGN_IN_THROTTLED', details: { retryAfterSeconds: 60 } } });
    const [{ count }] = await a.dataSource.query(`SELECT count(*)::int AS count FROM single_sign_on_attempts WHERE used_at IS NULL AND expires_at > now()`);
    expect(count).toBe(200);
  }, 60_000);
});

describe('local passwords off, strangers provisioned (matched by e-mail)', () => {
  let b: TestStack;
  let adminB: { token: string };
  let officePersonId: string;

  beforeAll(async () => {
    await startProvider();
    b = await TestStack.start({
      DUBAN_OIDC_ISSUER: issuer,
      DUBAN_OIDC_CLIENT_ID: CLIENT.client_id,
      DUBAN_OIDC_CLIENT_SECRET: CLIENT.client_secret,
      DUBAN_OIDC_MATCH_CLAIM: 'email',
      DUBAN_OIDC_MATCH_FIELD: 'email',
      DUBAN_OIDC_PROVISION: 'viewer',
      DUBAN_LOCAL_PASSWORDS: 'false',
    });
    // Administrators keep their passwords (userWithToken signs in with one).
    adminB = await b.userWithToken('admin');
    officePersonId = (await user(b, 'office-person', 'office', null, 'office-person@duban.test', await hashPassword(TEST_PASSWORD))).id;
  }, 120_000);

  afterAll(async () => {
    await b?.stop();
  });

  it('refuses the password of a non-administrator with 403, while single sign-on signs them in', async () => {
    const password = await b.http('POST', '/auth/login', { body: { username: 'office-person', password: TEST_PASSWORD } });
    expect(password).toMatchObject({ status: 403, body: { code: 'LOCAL_PASSWORDS_DISABLED' } });
    const back = await signInAs(b, 'sub-office-person', '/console/campaigns');
    const fragment = fragmentOf(back.location);
    expect(fragment.get('returnTo')).toBe('/console/campaigns');
    const me = await b.http('GET', '/auth/me', { token: fragment.get('accessToken')! });
    expect(me.body).toMatchObject({ id: officePersonId, username: 'office-person', role: 'office' });
    const log = await auditOf(b, adminB.token, `targetId=${officePersonId}`);
    expect(log.find((e) => e.action === 'user.sso_linked')?.to).toEqual({ externalSubject: `${issuer}#sub-office-person`, matchedBy: 'email = email' });
  }, 60_000);

  it('provisions a stranger as a viewer without a unit (audited), and finds them by their subject afterwards', async () => {
    const back = await signInAs(b, 'sub-reader');
    const token = fragmentOf(back.location).get('accessToken')!;
    const me = await b.http('GET', '/auth/me', { token });
    expect(me.body).toMatchObject({
      username: 'reader',
      displayName: '李四',
      email: 'reader@duban.test',
      role: 'viewer',
      departmentId: null,
      department: null,
      mustChangePassword: false,
    });
    expect((await b.http('GET', '/duties', { token })).status).toBe(200);
    const [row] = await b.dataSource.query(`SELECT password_hash, external_subject FROM users WHERE id = $1`, [me.body.id]);
    expect(row).toEqual({ password_hash: null, external_subject: `${issuer}#sub-reader` });
    const provisioned = await auditOf(b, adminB.token, 'action=user.provisioned');
    expect(provisioned).toEqual([
      expect.objectContaining({ targetId: me.body.id, actorUsername: 'reader', to: expect.objectContaining({ role: 'viewer', externalSubject: `${issuer}#sub-reader` }) }),
    ]);

    const again = fragmentOf((await signInAs(b, 'sub-reader')).location);
    expect((await b.http('GET', '/auth/me', { token: again.get('accessToken')! })).body.id).toBe(me.body.id);
    expect(await auditOf(b, adminB.token, 'action=user.provisioned')).toHaveLength(1);
  }, 60_000);

  it('refuses an e-mail the provider has not verified', async () => {
    expect(await signInAs(b, 'sub-unverified')).toMatchObject({ status: 302, location: '/console/login?ssoError=unknown_user' });
    const failures = await auditOf(b, adminB.token, 'action=sign_in.failed&q=unverified');
    expect(failures).toEqual([expect.objectContaining({ to: { method: 'oidc', cause: 'email_not_verified' } })]);
    const [{ count }] = await b.dataSource.query(`SELECT count(*)::int AS count FROM users WHERE email = 'unverified@duban.test'`);
    expect(count).toBe(0);
  }, 60_000);
});

describe('department officers provisioned into the department their claim names', () => {
  let c: TestStack;
  let adminC: { token: string };
  let departmentId: string;

  beforeAll(async () => {
    await startProvider();
    c = await TestStack.start({
      DUBAN_OIDC_ISSUER: issuer,
      DUBAN_OIDC_CLIENT_ID: CLIENT.client_id,
      DUBAN_OIDC_CLIENT_SECRET: CLIENT.client_secret,
      DUBAN_OIDC_PROVISION: 'department_officer',
      DUBAN_OIDC_DEPARTMENT_CLAIM: 'department_code',
    });
    adminC = await c.userWithToken('admin');
    const ids: string[] = [];
    for (const code of ['DSSO000001', 'DSSO000002']) {
      const created = await c.http('POST', '/departments', {
        token: adminC.token,
        body: { code, name: `单点登录测试部门${code}`, liaisonEmail: `${code.toLowerCase()}@duban.test`, headEmail: `${code.toLowerCase()}-head@duban.test` },
      });
      expect(created.status).toBe(201);
      ids.push(created.body.id);
    }
    departmentId = ids[0];
    await c.dataSource.query(`UPDATE departments SET active = false, deactivated_at = now() WHERE id = $1`, [ids[1]]);
  }, 120_000);

  afterAll(async () => {
    await c?.stop();
  });

  it('provisions an officer of the named department, who sees that department’s duties', async () => {
    const token = fragmentOf((await signInAs(c, 'sub-liaison')).location).get('accessToken')!;
    const me = await c.http('GET', '/auth/me', { token });
    expect(me.body).toMatchObject({ username: 'liaison-new', role: 'department_officer', departmentId, department: { code: 'DSSO000001' } });
    expect((await c.http('GET', '/duties', { token })).status).toBe(200);
    const [provisioned] = await auditOf(c, adminC.token, 'action=user.provisioned');
    expect(provisioned.to).toMatchObject({ role: 'department_officer', departmentId, departmentCode: 'DSSO000001' });
  }, 60_000);

  it('refuses when the claim names a deactivated or unknown unit, or is missing, creating nobody', async () => {
    const [{ count: before }] = await c.dataSource.query(`SELECT count(*)::int AS count FROM users`);
    for (const account of ['sub-liaison-closed', 'sub-liaison-nowhere', 'sub-liaison-none']) {
      expect(await signInAs(c, account)).toMatchObject({ status: 302, location: '/console/login?ssoError=unknown_user' });
    }
    expect((await c.dataSource.query(`SELECT count(*)::int AS count FROM users`))[0].count).toBe(before);
    const causes = (await auditOf(c, adminC.token, 'action=sign_in.failed')).map((e) => e.to.cause as string);
    expect(causes).toEqual(
      expect.arrayContaining([
        'department_refused: DSSO000002 (the department is deactivated)',
        'department_refused: NO-SUCH-UNIT (not a registered department, district or inspection team)',
        'claim_missing: department_code',
      ]),
    );
  }, 60_000);
});
