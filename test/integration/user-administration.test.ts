import { randomUUID } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import { loadDubanConfig } from '@duban/config';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { accountMailWorkflowId } from '@duban/workflows';
import { recordHistoryIfAsked } from '../support/recorded-histories';
import { TEST_PASSWORD, TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait-for';

/**
 * Users' administration (issue 14, item 2) through the API against the real stack: create with
 * a one-time password, the forced change at first sign-in, edits that end sessions, deactivation
 * and reactivation with their refusals, resets by one-time password and by mailed link, the
 * list and its downloads, bulk onboarding with broken rows — and everything in the audit log.
 */
let stack: TestStack;
let admin: { user: { id: string; username: string }; token: string };
let department: { id: string; code: string };
let team: { id: string; code: string };

const NEW_PASSWORD = '冬季扩面-核查2026!';

async function signIn(username: string, password: string) {
  const response = await fetch(`${stack.baseUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}` },
    body: JSON.stringify({ username, password }),
  });
  return { status: response.status, body: (await response.json()) as any };
}

const name = (prefix = 'u') => `${prefix}-${randomUUID().slice(0, 8)}`;

async function createUser(body: Record<string, unknown>, token = admin.token) {
  return stack.http('POST', '/users', { token, body });
}

async function usersCount(): Promise<number> {
  const [{ count }] = await stack.dataSource.query(`SELECT count(*)::int AS count FROM users`);
  return count;
}

async function auditOf(targetId: string) {
  const log = await stack.http('GET', `/audit-log?targetId=${targetId}&limit=100`, { token: admin.token });
  expect(log.status).toBe(200);
  return log.body.items as Array<{ action: string; actorUsername: string; from: any; to: any; reason: string | null; clientAddress: string | null }>;
}

function upload(path: string, file: Buffer, fileName: string, token = admin.token) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), fileName);
  return fetch(`${stack.baseUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form }).then(async (r) => ({
    status: r.status,
    body: (await r.json()) as any,
  }));
}

beforeAll(async () => {
  stack = await TestStack.start({ DUBAN_TRUST_PROXY: 'loopback' });
  admin = await stack.userWithToken('admin');
  const office = await stack.userWithToken('office');
  department = await stack.department(office.token);
  const created = await stack.http('POST', '/departments', {
    token: office.token,
    body: { code: `T${randomUUID().slice(0, 6).toUpperCase()}`, name: '第一监察大队', kind: 'inspection_team', liaisonEmail: 'team@duban.test', headEmail: 'team-head@duban.test' },
  });
  expect(created.status).toBe(201);
  team = created.body;
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

describe('a liaison from creation to their inbox', () => {
  it('is created with a one-time password, must change it at first sign-in, then sees the duties of their department', async () => {
    const username = name('liaison');
    const created = await createUser({
      username,
      displayName: '王芳',
      role: 'department_officer',
      departmentId: department.id,
      email: `${username}@duban.test`,
      phone: '0571-8888 1234',
      reason: '新任联络员',
    });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({
      username,
      role: 'department_officer',
      departmentId: department.id,
      department: { code: department.code },
      active: true,
      mustChangePassword: true,
      hasLocalPassword: true,
      locked: false,
    });
    const oneTimePassword: string = created.body.oneTimePassword;
    expect(oneTimePassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);

    const first = await signIn(username, oneTimePassword);
    expect(first.status).toBe(200);
    expect(first.body.mustChangePassword).toBe(true);
    // Nothing but the change until it is done.
    expect((await stack.http('GET', '/duties', { token: first.body.accessToken })).body).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });
    const changed = await stack.http('POST', '/auth/password', { token: first.body.accessToken, body: { currentPassword: oneTimePassword, newPassword: NEW_PASSWORD } });
    expect(changed.status).toBe(200);
    expect(changed.body.mustChangePassword).toBe(false);
    const inbox = await stack.http('GET', '/duties', { token: changed.body.accessToken });
    expect(inbox.status).toBe(200);
    expect((await signIn(username, oneTimePassword)).status).toBe(401);

    const log = await auditOf(created.body.user.id);
    expect(log.map((r) => r.action)).toEqual(expect.arrayContaining(['user.created', 'password.changed']));
    const own = await stack.http('GET', `/audit-log?actorId=${created.body.user.id}&action=sign_in.succeeded`, { token: admin.token });
    expect(own.body.total).toBe(2);
    const creation = log.find((r) => r.action === 'user.created')!;
    expect(creation).toMatchObject({ actorUsername: admin.user.username, reason: '新任联络员', to: { username, role: 'department_officer', departmentId: department.id } });
    expect(creation.clientAddress).toBeTruthy();
    // The one-time password is nowhere in the log.
    expect(JSON.stringify(log)).not.toContain(oneTimePassword);
  });
});

describe('a user invited by e-mail', () => {
  it('gets a one-time link instead of a password in the answer, and sets the password with it', async () => {
    const username = name('invited');
    const email = `${username}@duban.test`;
    const created = await createUser({ username, displayName: '邀请', role: 'viewer', email, delivery: 'email_link' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ emailedTo: email, expiresAt: expect.any(String), user: { hasLocalPassword: false } });
    expect(created.body.oneTimePassword).toBeUndefined();
    const mail = await waitFor('the welcome e-mail', () => stack.smtp.to(email)[0]);
    expect(mail.subject).toContain('账号已开通');
    const token = /#token=([A-Za-z0-9_-]+)/.exec(mail.text)![1];
    expect((await stack.http('POST', '/auth/password-reset', { body: { token, newPassword: NEW_PASSWORD } })).status).toBe(200);
    expect((await signIn(username, NEW_PASSWORD)).body).toMatchObject({ mustChangePassword: false });
    // Without an address there is nowhere to mail it: 400, nobody created.
    const before = await usersCount();
    const refused = await createUser({ username: name('invited'), displayName: '邀请', role: 'viewer', delivery: 'email_link' });
    expect(refused).toMatchObject({ status: 400, body: { fields: { email: [expect.stringContaining('needed')] } } });
    expect(await usersCount()).toBe(before);
  });
});

describe('creation refused', () => {
  it('answers a taken username (any case) with 409 naming the field, and writes nothing', async () => {
    const username = name('dup');
    expect((await createUser({ username, displayName: 'A', role: 'viewer' })).status).toBe(201);
    const before = await usersCount();
    const again = await createUser({ username: username.toUpperCase(), displayName: 'B', role: 'viewer' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'USERNAME_TAKEN', fields: { username: [expect.stringContaining('taken')] } });
    expect(await usersCount()).toBe(before);
  });

  it('twenty creations of one name at once: one 201, the rest 409, one user', async () => {
    const username = name('race');
    const answers = await Promise.all(Array.from({ length: 20 }, () => createUser({ username, displayName: 'R', role: 'viewer' })));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(19);
    const [{ count }] = await stack.dataSource.query(`SELECT count(*)::int AS count FROM users WHERE lower(username) = lower($1)`, [username]);
    expect(count).toBe(1);
  });

  it('checks the unit against the role', async () => {
    const before = await usersCount();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ role: 'department_officer' }, 'departmentId'],
      [{ role: 'department_officer', departmentId: team.id }, 'departmentId'],
      [{ role: 'inspector', departmentId: department.id }, 'departmentId'],
      [{ role: 'viewer', departmentId: department.id }, 'departmentId'],
      [{ role: 'department_officer', departmentId: randomUUID() }, 'departmentId'],
      [{ role: 'department_officer', departmentId: 'not-a-uuid' }, 'departmentId'],
      [{ role: 'superuser' }, 'role'],
      [{ role: 'viewer', email: 'not an address' }, 'email'],
      [{ role: 'viewer', phone: 'call me' }, 'phone'],
      [{ role: 'viewer', username: 'has space' }, 'username'],
      [{ role: 'viewer', username: 'a\u0000b' }, 'username'],
      [{ role: 'viewer', displayName: '王\u0000芳' }, 'displayName'],
      [{ role: 'viewer', displayName: 'x'.repeat(201) }, 'displayName'],
      [{ role: 'viewer', displayName: 42 }, 'displayName'],
      [{ role: 'viewer', password: 'chosen-by-admin-1' }, 'password'],
    ];
    for (const [fields, field] of cases) {
      const answer = await createUser({ username: name('bad'), displayName: '某人', ...fields });
      expect({ fields, status: answer.status }).toEqual({ fields, status: 400 });
      expect(Object.keys(answer.body.fields ?? {})).toContain(field);
    }
    expect(await usersCount()).toBe(before);
  });

  it('is the administrator’s alone: every other role gets 403 and nothing is written', async () => {
    const before = await usersCount();
    for (const role of ['office', 'department_officer', 'inspector', 'viewer'] as const) {
      const { token } = await stack.userWithToken(role, role === 'department_officer' ? department.id : role === 'inspector' ? team.id : null);
      const after = await usersCount();
      expect((await createUser({ username: name('x'), displayName: 'X', role: 'admin' }, token)).status).toBe(403);
      expect((await stack.http('GET', '/users', { token })).status).toBe(403);
      expect((await stack.http('PATCH', `/users/${admin.user.id}`, { token, body: { role: 'viewer', reason: 'x' } })).status).toBe(403);
      expect((await stack.http('POST', `/users/${admin.user.id}/deactivate`, { token, body: { reason: 'x' } })).status).toBe(403);
      expect((await stack.http('POST', `/users/${admin.user.id}/password-reset`, { token, body: { delivery: 'one_time_password', reason: 'x' } })).status).toBe(403);
      expect((await upload('/users/import', Buffer.from('username,display_name,role\nzz,ZZ,admin\n'), 'u.csv', token)).status).toBe(403);
      expect(await usersCount()).toBe(after);
    }
    expect(await usersCount()).toBe(before + 4);
  });
});

describe('edits, deactivation, reactivation', () => {
  it('nobody is put into a deactivated unit; a user of one comes back only after moving to a live one', async () => {
    const office = await stack.userWithToken('office');
    const closing = await stack.department(office.token);
    const officer = await stack.userWithToken('department_officer', closing.id);
    expect((await stack.http('POST', `/departments/${closing.id}/deactivate`, { token: admin.token, body: { reason: '机构改革撤并' } })).status).toBe(200);
    const before = await usersCount();
    const created = await createUser({ username: name('closed'), displayName: 'C', role: 'department_officer', departmentId: closing.id });
    expect(created).toMatchObject({ status: 400, body: { fields: { departmentId: [expect.stringContaining('deactivated')] } } });
    expect(await usersCount()).toBe(before);
    const viewer = await stack.userWithToken('viewer');
    expect(
      (await stack.http('PATCH', `/users/${viewer.user.id}`, { token: admin.token, body: { role: 'department_officer', departmentId: closing.id, reason: 'x' } })).status,
    ).toBe(400);
    // The officer already there keeps working until moved; switched off, they come back only elsewhere.
    expect((await stack.http('PATCH', `/users/${officer.user.id}`, { token: admin.token, body: { displayName: '留任', reason: 'x' } })).status).toBe(200);
    expect((await stack.http('POST', `/users/${officer.user.id}/deactivate`, { token: admin.token, body: { reason: 'x' } })).status).toBe(200);
    expect((await stack.http('POST', `/users/${officer.user.id}/reactivate`, { token: admin.token, body: { reason: 'x' } })).status).toBe(409);
    expect((await stack.http('PATCH', `/users/${officer.user.id}`, { token: admin.token, body: { departmentId: department.id, reason: '转入' } })).status).toBe(200);
    expect((await stack.http('POST', `/users/${officer.user.id}/reactivate`, { token: admin.token, body: { reason: 'x' } })).status).toBe(200);
  });

  it('a change of department ends the sessions; a change of name does not; every change is in the log with its reason', async () => {
    const officer = await stack.userWithToken('department_officer', department.id);
    const other = await stack.department((await stack.userWithToken('office')).token);
    const renamed = await stack.http('PATCH', `/users/${officer.user.id}`, { token: admin.token, body: { displayName: '李雷', reason: '改名' } });
    expect(renamed.status).toBe(200);
    expect((await stack.http('GET', '/auth/me', { token: officer.token })).status).toBe(200);

    const moved = await stack.http('PATCH', `/users/${officer.user.id}`, { token: admin.token, body: { departmentId: other.id, reason: '调任' } });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ departmentId: other.id, displayName: '李雷' });
    expect((await stack.http('GET', '/auth/me', { token: officer.token })).status).toBe(401);

    const log = await auditOf(officer.user.id);
    expect(log.find((r) => r.reason === '调任')).toMatchObject({ action: 'user.updated', from: { departmentId: department.id }, to: { departmentId: other.id, sessionsEnded: 1 } });
    expect(log.find((r) => r.reason === '改名')).toMatchObject({ from: { displayName: officer.user.username }, to: { displayName: '李雷' } });
  });

  it('a change of role ends the sessions and drops a unit the new role does not take', async () => {
    const officer = await stack.userWithToken('department_officer', department.id);
    const answer = await stack.http('PATCH', `/users/${officer.user.id}`, { token: admin.token, body: { role: 'viewer', reason: '转为查阅' } });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ role: 'viewer', departmentId: null });
    expect((await stack.http('GET', '/duties', { token: officer.token })).status).toBe(401);
    // To officer without a department: refused, nothing changes.
    const refused = await stack.http('PATCH', `/users/${officer.user.id}`, { token: admin.token, body: { role: 'department_officer', reason: 'x' } });
    expect(refused.status).toBe(400);
    expect((await stack.http('GET', `/users/${officer.user.id}`, { token: admin.token })).body.role).toBe('viewer');
  });

  it('an edit needs a reason and refuses unknown fields; an unknown or malformed id is a 404', async () => {
    const { user } = await stack.userWithToken('viewer');
    expect((await stack.http('PATCH', `/users/${user.id}`, { token: admin.token, body: { displayName: 'X' } })).status).toBe(400);
    expect((await stack.http('PATCH', `/users/${user.id}`, { token: admin.token, body: { username: 'renamed', reason: 'x' } })).status).toBe(400);
    expect((await stack.http('PATCH', `/users/${user.id}`, { token: admin.token, body: { passwordHash: 'x', reason: 'x' } })).status).toBe(400);
    expect((await stack.http('PATCH', `/users/${randomUUID()}`, { token: admin.token, body: { displayName: 'X', reason: 'x' } })).status).toBe(404);
    expect((await stack.http('PATCH', `/users/not-a-uuid`, { token: admin.token, body: { displayName: 'X', reason: 'x' } })).status).toBe(404);
    expect((await stack.http('GET', `/users/%E2%80%8B`, { token: admin.token })).status).toBe(404);
    expect((await stack.http('POST', `/users/${randomUUID()}/deactivate`, { token: admin.token, body: { reason: 'x' } })).status).toBe(404);
  });

  it('deactivation ends the token at once and refuses the password; reactivation lets them back; both are refused twice', async () => {
    const viewer = await stack.userWithToken('viewer');
    const off = await stack.http('POST', `/users/${viewer.user.id}/deactivate`, { token: admin.token, body: { reason: '离职' } });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ active: false, deactivatedAt: expect.any(String) });
    expect((await stack.http('GET', '/auth/me', { token: viewer.token })).status).toBe(401);
    expect((await signIn(viewer.user.username, TEST_PASSWORD)).status).toBe(401);
    expect((await stack.http('POST', `/users/${viewer.user.id}/deactivate`, { token: admin.token, body: { reason: '离职' } })).status).toBe(409);

    const on = await stack.http('POST', `/users/${viewer.user.id}/reactivate`, { token: admin.token, body: { reason: '返聘' } });
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ active: true, deactivatedAt: null });
    expect((await stack.http('POST', `/users/${viewer.user.id}/reactivate`, { token: admin.token, body: { reason: '返聘' } })).status).toBe(409);
    const log = await auditOf(viewer.user.id);
    expect(log.filter((r) => ['user.deactivated', 'user.reactivated'].includes(r.action)).map((r) => [r.action, r.reason])).toEqual([
      ['user.reactivated', '返聘'],
      ['user.deactivated', '离职'],
    ]);
  });

  it('the last active administrator can be neither deactivated nor demoted; an administrator cannot change their own role or reactivate themselves', async () => {
    // A stack of its own would have one administrator; here several exist, so switch the others off first.
    const admins: Array<{ id: string }> = await stack.dataSource.query(`SELECT id FROM users WHERE role = 'admin' AND active AND id <> $1`, [admin.user.id]);
    for (const { id } of admins) expect((await stack.http('POST', `/users/${id}/deactivate`, { token: admin.token, body: { reason: '清理' } })).status).toBe(200);

    expect((await stack.http('POST', `/users/${admin.user.id}/deactivate`, { token: admin.token, body: { reason: 'x' } })).body).toMatchObject({ code: 'LAST_ADMINISTRATOR' });
    const own = await stack.http('PATCH', `/users/${admin.user.id}`, { token: admin.token, body: { role: 'office', reason: 'x' } });
    expect(own.status).toBe(403);

    const second = await stack.userWithToken('admin');
    // Two administrators deactivating each other at the same moment: one wins, one administrator stays.
    const [a, b] = await Promise.all([
      stack.http('POST', `/users/${second.user.id}/deactivate`, { token: admin.token, body: { reason: 'x' } }),
      stack.http('POST', `/users/${admin.user.id}/deactivate`, { token: second.token, body: { reason: 'x' } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, expect.any(Number)]);
    const [{ count }] = await stack.dataSource.query(`SELECT count(*)::int AS count FROM users WHERE role = 'admin' AND active`);
    expect(count).toBe(1);
    // Whoever was switched off cannot switch themselves on (their token is dead anyway).
    const survivor = a.status === 200 ? admin : second;
    const loser = a.status === 200 ? second : admin;
    expect((await stack.http('POST', `/users/${loser.user.id}/reactivate`, { token: loser.token, body: { reason: 'x' } })).status).toBe(401);
    expect((await stack.http('POST', `/users/${survivor.user.id}/reactivate`, { token: survivor.token, body: { reason: 'x' } })).status).toBe(403);
    // The survivor brings the other back (the rest of this file uses `admin`).
    if (loser === admin) {
      expect((await stack.http('POST', `/users/${admin.user.id}/reactivate`, { token: second.token, body: { reason: '恢复' } })).status).toBe(200);
      admin = { ...admin, token: (await signIn(admin.user.username, TEST_PASSWORD)).body.accessToken };
    }
    expect((await stack.http('GET', '/users?role=admin&active=true', { token: admin.token })).status).toBe(200);
  });
});

describe('password resets', () => {
  it('by one-time password: the old password and every session end, a lock is lifted, the user must change it', async () => {
    const viewer = await stack.userWithToken('viewer');
    for (let i = 0; i < 3; i++) await signIn(viewer.user.username, `wrong-${i}-password`);
    const reset = await stack.http('POST', `/users/${viewer.user.id}/password-reset`, { token: admin.token, body: { delivery: 'one_time_password', reason: '忘记密码' } });
    expect(reset.status).toBe(200);
    expect((await stack.http('GET', '/auth/me', { token: viewer.token })).status).toBe(401);
    expect((await signIn(viewer.user.username, TEST_PASSWORD)).status).toBe(401);
    const again = await signIn(viewer.user.username, reset.body.oneTimePassword);
    expect(again).toMatchObject({ status: 200, body: { mustChangePassword: true } });
    const log = await auditOf(viewer.user.id);
    expect(log.find((r) => r.action === 'password.reset')).toMatchObject({ reason: '忘记密码', to: { delivery: 'one_time_password', sessionsEnded: 1 } });
  });

  it('by e-mailed link: the link works once, a weak password does not spend it, and it signs the user in', async () => {
    const email = `${name('mail')}@duban.test`;
    const viewer = await stack.userWithToken('viewer', null, email);
    const reset = await stack.http('POST', `/users/${viewer.user.id}/password-reset`, { token: admin.token, body: { delivery: 'email_link', reason: '邮件重置' } });
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({ emailedTo: email, expiresAt: expect.any(String) });
    const mail = await waitFor('the reset e-mail', () => stack.smtp.to(email)[0]);
    const token = /#token=([A-Za-z0-9_-]+)/.exec(mail.text)![1];
    expect(mail.text).toContain('/console/set-password#token=');
    if (process.env.RECORD_HISTORIES) {
      const [{ expires_at }] = await stack.dataSource.query(`SELECT expires_at FROM password_reset_links WHERE user_id = $1`, [viewer.user.id]);
      const handle = stack.temporal.workflow.getHandle(accountMailWorkflowId(`password-link-${viewer.user.id}-${new Date(expires_at).getTime()}`));
      await handle.result();
      await recordHistoryIfAsked(handle, 'account-mail-workflow.reset-link');
    }

    const weak = await stack.http('POST', '/auth/password-reset', { body: { token, newPassword: 'short' } });
    expect(weak.status).toBe(400);
    expect(weak.body.fields.newPassword).toBeDefined();
    const used = await stack.http('POST', '/auth/password-reset', { body: { token, newPassword: NEW_PASSWORD } });
    expect(used.status).toBe(200);
    expect(used.body).toMatchObject({ mustChangePassword: false, user: { id: viewer.user.id } });
    expect((await stack.http('GET', '/auth/me', { token: used.body.accessToken })).status).toBe(200);
    expect((await stack.http('GET', '/auth/me', { token: viewer.token })).status).toBe(401);
    expect((await signIn(viewer.user.username, NEW_PASSWORD)).status).toBe(200);

    const replay = await stack.http('POST', '/auth/password-reset', { body: { token, newPassword: `${NEW_PASSWORD}x` } });
    expect(replay).toMatchObject({ status: 400, body: { code: 'PASSWORD_RESET_LINK_INVALID' } });
    for (const bad of ['x'.repeat(43), 'short', 'a\u0000'.repeat(20), 42]) {
      expect((await stack.http('POST', '/auth/password-reset', { body: { token: bad, newPassword: NEW_PASSWORD } })).status).toBe(400);
    }
    expect((await signIn(viewer.user.username, NEW_PASSWORD)).status).toBe(200);
    const log = await auditOf(viewer.user.id);
    expect(log.map((r) => r.action)).toEqual(expect.arrayContaining(['password.reset_link_sent', 'password.reset_link_used']));
  });

  it('a newer link voids the older one; a user without an address cannot get one; a deactivated user neither', async () => {
    const email = `${name('mail')}@duban.test`;
    const viewer = await stack.userWithToken('viewer', null, email);
    for (let i = 0; i < 2; i++) {
      expect((await stack.http('POST', `/users/${viewer.user.id}/password-reset`, { token: admin.token, body: { delivery: 'email_link', reason: 'x' } })).status).toBe(200);
    }
    const mails = await waitFor('two reset e-mails', () => (stack.smtp.to(email).length >= 2 ? stack.smtp.to(email) : undefined));
    const tokens = mails.map((m) => /#token=([A-Za-z0-9_-]+)/.exec(m.text)![1]);
    const [{ user_id }] = await stack.dataSource.query(`SELECT user_id FROM password_reset_links WHERE used_at IS NULL AND user_id = $1`, [viewer.user.id]);
    expect(user_id).toBe(viewer.user.id);
    const outcomes = await Promise.all(tokens.map((token) => stack.http('POST', '/auth/password-reset', { body: { token, newPassword: NEW_PASSWORD } })));
    expect(outcomes.map((o) => o.status).sort()).toEqual([200, 400]);

    const noMail = await stack.http('POST', '/users', { token: admin.token, body: { username: name('nomail'), displayName: 'N', role: 'viewer' } });
    const refused = await stack.http('POST', `/users/${noMail.body.user.id}/password-reset`, { token: admin.token, body: { delivery: 'email_link', reason: 'x' } });
    expect(refused).toMatchObject({ status: 400, body: { fields: { delivery: [expect.stringContaining('no e-mail')] } } });
    await stack.http('POST', `/users/${viewer.user.id}/deactivate`, { token: admin.token, body: { reason: 'x' } });
    expect((await stack.http('POST', `/users/${viewer.user.id}/password-reset`, { token: admin.token, body: { delivery: 'one_time_password', reason: 'x' } })).status).toBe(409);
  });
});

describe('mailed links when things are down', () => {
  it('with the worker down the reset answers at once; the link is mailed once when the worker is back', async () => {
    const email = `${name('down')}@duban.test`;
    const viewer = await stack.userWithToken('viewer', null, email);
    await stack.stopWorker();
    try {
      const reset = await stack.http('POST', `/users/${viewer.user.id}/password-reset`, { token: admin.token, body: { delivery: 'email_link', reason: '工作进程停机时' } });
      expect(reset.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(stack.smtp.to(email)).toHaveLength(0);
    } finally {
      await stack.startWorker();
    }
    await waitFor('the reset e-mail after the restart', () => stack.smtp.to(email)[0]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(stack.smtp.to(email)).toHaveLength(1);
  });

  it('with Temporal unreachable: 503, and no link, no audit record, no user half-made', async () => {
    // An API of its own on the same database, pointed at a port where no Temporal listens.
    const closed = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const app = await createApiApp(
      loadDubanConfig({ ...process.env, DATABASE_URL: stack.config.databaseUrl, TEMPORAL_ADDRESS: `127.0.0.1:${closed}`, TEMPORAL_TASK_QUEUE: stack.config.temporal.taskQueue }),
      { logger: false },
    );
    await app.listen(0, '127.0.0.1');
    const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    try {
      const email = `${name('noTemporal')}@duban.test`.toLowerCase();
      const viewer = await stack.userWithToken('viewer', null, email);
      const counts = async () =>
        (
          await stack.dataSource.query(
            `SELECT (SELECT count(*)::int FROM password_reset_links) AS links, (SELECT count(*)::int FROM audit_log) AS audit, (SELECT count(*)::int FROM users) AS users`,
          )
        )[0];
      const before = await counts();
      const reset = await fetch(`${base}/users/${viewer.user.id}/password-reset`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` },
        body: JSON.stringify({ delivery: 'email_link', reason: 'x' }),
      });
      expect(reset.status).toBe(503);
      const form = new FormData();
      form.append('file', new Blob([`username,display_name,role,email\n${name('nt')},N,viewer,${name('nt')}@duban.test\n`]), 'u.csv');
      const imported = await fetch(`${base}/users/import?delivery=email_link`, { method: 'POST', headers: { authorization: `Bearer ${admin.token}` }, body: form });
      expect(imported.status).toBe(503);
      expect(await counts()).toEqual(before);
    } finally {
      await app.close();
    }
  }, 60_000);
});

describe('the list', () => {
  it('filters, pages and downloads as CSV and XLSX', async () => {
    const marker = randomUUID().slice(0, 6);
    for (let i = 0; i < 3; i++) await createUser({ username: `list-${marker}-${i}`, displayName: `列表${i}`, role: 'department_officer', departmentId: department.id });
    const page = await stack.http('GET', `/users?q=list-${marker}&limit=2&offset=0`, { token: admin.token });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(page.body.items.map((u: any) => u.username)).toEqual([`list-${marker}-0`, `list-${marker}-1`]);
    const byUnit = await stack.http('GET', `/users?departmentId=${department.id}&role=department_officer&active=true&limit=500`, { token: admin.token });
    expect(byUnit.body.items.every((u: any) => u.departmentId === department.id && u.role === 'department_officer' && u.active)).toBe(true);
    for (const query of ['role=root', 'active=yes', 'limit=0', 'limit=501', 'departmentId=x', 'q=', `q=${'x'.repeat(101)}`, 'offset=-1']) {
      expect((await stack.http('GET', `/users?${query}`, { token: admin.token })).status).toBe(400);
    }

    const csv = await fetch(`${stack.baseUrl}/users?q=list-${marker}&format=csv`, { headers: { authorization: `Bearer ${admin.token}` } });
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text).toContain('用户名');
    expect(text).toContain(`list-${marker}-2`);
    expect(text).toContain('部门联络员');
    const xlsx = await fetch(`${stack.baseUrl}/users?q=list-${marker}&format=xlsx`, { headers: { authorization: `Bearer ${admin.token}` } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    expect(workbook.worksheets[0].rowCount).toBe(4);
  });
});

describe('bulk onboarding', () => {
  it('creates the good rows, refuses the broken ones with their fields, writes nothing for them, and a replay creates nobody twice', async () => {
    const m = randomUUID().slice(0, 6);
    const csv = [
      '\ufeffusername,display_name,role,department_code,email,phone',
      `imp-${m}-1,张三,department_officer,${department.code},imp-${m}-1@duban.test,0571-1111`,
      `imp-${m}-2,李四,部门联络员,${department.code.toLowerCase()},,`,
      `imp-${m}-3,王五,inspector,${team.code},,`,
      `imp-${m}-4,赵六,department_officer,NOSUCHCODE,,`,
      `imp-${m}-5,钱七,department_officer,,,`,
      `imp-${m}-6,孙八,superuser,,,`,
      `imp-${m}-7,周九,viewer,,not-an-address,`,
      `imp-${m}-1,重复,viewer,,,`,
      `bad name,吴十,viewer,,,`,
      `imp-${m}-8,"郑\u0000十一",viewer,,,`,
      `imp-${m}-9,,viewer,,,`,
      `${admin.user.username},冒名,admin,,,`,
    ].join('\r\n');
    const before = await usersCount();
    const dry = await upload('/users/import?dryRun=true', Buffer.from(csv), 'users.csv');
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, created: 3, existing: 1, refused: 8 });
    expect(await usersCount()).toBe(before);

    const done = await upload('/users/import', Buffer.from(csv), '联络员.csv');
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ dryRun: false, created: 3, existing: 1, refused: 8 });
    const byRow = Object.fromEntries(done.body.rows.map((r: any) => [r.row, r]));
    expect(byRow[2]).toMatchObject({ status: 'created', oneTimePassword: expect.any(String) });
    expect(byRow[3]).toMatchObject({ status: 'created' });
    expect(byRow[4]).toMatchObject({ status: 'created' });
    expect(Object.keys(byRow[5].errors)).toEqual(['departmentCode']);
    expect(Object.keys(byRow[6].errors)).toEqual(['departmentCode']);
    expect(Object.keys(byRow[7].errors)).toContain('role');
    expect(Object.keys(byRow[8].errors)).toEqual(['email']);
    expect(byRow[9].errors.username[0]).toContain('earlier row');
    expect(Object.keys(byRow[10].errors)).toEqual(['username']);
    expect(Object.keys(byRow[11].errors)).toContain('displayName');
    expect(Object.keys(byRow[12].errors)).toContain('displayName');
    expect(byRow[13]).toMatchObject({ status: 'existing', userId: admin.user.id });
    expect(await usersCount()).toBe(before + 3);
    // The imported users sign in with their one-time password and must change it.
    expect(await signIn(`imp-${m}-1`, byRow[2].oneTimePassword)).toMatchObject({ status: 200, body: { mustChangePassword: true } });

    const replay = await upload('/users/import', Buffer.from(csv), 'users.csv');
    expect(replay.body).toMatchObject({ created: 0, existing: 4, refused: 8 });
    expect(await usersCount()).toBe(before + 3);
    const log = await stack.http('GET', '/audit-log?action=users.imported&limit=10', { token: admin.token });
    expect(log.body.items[0]).toMatchObject({ actorUsername: admin.user.username, to: { created: 0, existing: 4, refused: 8 } });
    expect(log.body.items[1]).toMatchObject({ targetLabel: '联络员.csv', to: { created: 3 } });
  });

  it('reads an XLSX with Chinese headers, and mails links when asked', async () => {
    const m = randomUUID().slice(0, 6);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('联络员');
    sheet.addRow(['用户名', '姓名', '角色', '单位代码', '邮箱', '电话']);
    sheet.addRow([`x-${m}-1`, '甲', '部门联络员', department.code, `x-${m}-1@duban.test`, '13800000000']);
    sheet.addRow([`x-${m}-2`, '乙', '查阅人员', '', '', '']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const answer = await upload('/users/import?delivery=email_link', file, 'users.xlsx');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ created: 1, refused: 1 });
    expect(answer.body.rows[0]).toMatchObject({ status: 'created', emailedTo: `x-${m}-1@duban.test` });
    expect(answer.body.rows[0].oneTimePassword).toBeUndefined();
    expect(answer.body.rows[1].errors.email[0]).toContain('needed');
    const mail = await waitFor('the welcome e-mail', () => stack.smtp.to(`x-${m}-1@duban.test`)[0]);
    expect(mail.subject).toContain('账号已开通');
    const token = /#token=([A-Za-z0-9_-]+)/.exec(mail.text)![1];
    const set = await stack.http('POST', '/auth/password-reset', { body: { token, newPassword: NEW_PASSWORD } });
    expect(set.status).toBe(200);
    expect((await signIn(`x-${m}-1`, NEW_PASSWORD)).status).toBe(200);
  });

  it('refuses files it cannot read with 400 and writes nothing', async () => {
    const before = await usersCount();
    const cases: Array<[Buffer, string]> = [
      [Buffer.from(''), 'empty.csv'],
      [Buffer.from('name,role\nx,viewer\n'), 'no-username-column.csv'],
      [Buffer.from('%PDF-1.4 something'), 'scan.pdf'],
      [Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'old.xls'],
      [Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), 'broken.xlsx'],
      [Buffer.from('username,display_name,role\n"unclosed,x,viewer\n'), 'quote.csv'],
      [Buffer.alloc(3 * 1024 * 1024, 0x41), 'huge.csv'],
      [Buffer.from(`username,display_name,role\n${Array.from({ length: 5001 }, (_, i) => `many-${i},M,viewer`).join('\n')}\n`), 'many.csv'],
    ];
    for (const [file, fileName] of cases) {
      const answer = await upload('/users/import', file, fileName);
      expect({ fileName, status: answer.status }).toEqual({ fileName, status: 400 });
      expect(answer.body.fields?.file).toBeDefined();
    }
    // No file at all, and a JSON body where a file is expected.
    expect((await stack.http('POST', '/users/import', { token: admin.token, body: { file: 'x' } })).status).toBe(400);
    expect((await upload('/users/import?dryRun=maybe', Buffer.from('username,display_name,role\n'), 'x.csv')).status).toBe(400);
    expect(await usersCount()).toBe(before);
  });
});
