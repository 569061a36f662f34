import ExcelJS from 'exceljs';
import { createAdministrator } from '../../apps/api/src/admin-create';
import { TestStack } from '../support/test-stack';

/**
 * Issue 14's "done when", as docs/operations.md "Going to production" tells it: a fresh production
 * start → the first administrator (admin:create) → 30 departments and 12 districts from a
 * spreadsheet → their liaisons from another → the office assigns a duty → a liaison signs in
 * with the one-time password, must change it, and sees their department's duty; every step is
 * in the audit log.
 */
let stack: TestStack;
const SECRET = 'go-live-walkthrough-secret-0123456789abcdef';
const ADMIN_PASSWORD = '衡阳市扩面办-管理员-2026';
const LIAISON_PASSWORD = '税务局联络员-新口令-2026';

const DEPARTMENTS = Array.from({ length: 30 }, (_, i) => ({ code: `DEPT${String(i + 1).padStart(2, '0')}`, name: `市直部门${i + 1}`, kind: 'department' }));
const DISTRICTS = Array.from({ length: 12 }, (_, i) => ({ code: `DIST${String(i + 1).padStart(2, '0')}`, name: `县区${i + 1}`, kind: 'district' }));
const UNITS = [...DEPARTMENTS, ...DISTRICTS];

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function upload(path: string, file: Buffer, fileName: string, token: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), fileName);
  const response = await fetch(`${stack.baseUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: response.status, body: (await response.json()) as any };
}

async function signIn(username: string, password: string) {
  const response = await fetch(`${stack.baseUrl}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  return { status: response.status, body: (await response.json()) as any };
}

beforeAll(async () => {
  stack = await TestStack.start({ NODE_ENV: 'production', JWT_SECRET: SECRET, DUBAN_DEV_SEED: 'false' });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

it('takes a fresh production system to a liaison who sees their duty, every step in the audit log', async () => {
  expect(await stack.dataSource.query(`SELECT count(*)::int AS n FROM users`)).toEqual([{ n: 0 }]);

  // 1. The first administrator, at the command line.
  await createAdministrator(['--username', 'cityadmin', '--display-name', '市人社局信息中心'], {
    env: { ...process.env, ...stackEnv(), DUBAN_ADMIN_PASSWORD: ADMIN_PASSWORD },
    out: () => undefined,
    askSecret: async () => null,
  });
  const admin = await signIn('cityadmin', ADMIN_PASSWORD);
  expect(admin.status).toBe(200);
  const adminToken: string = admin.body.accessToken;

  // 2. Departments and districts from a spreadsheet.
  const departmentsFile = await xlsx([
    ['code', 'name', 'kind', 'liaison_name', 'liaison_email', 'liaison_phone', 'head_name', 'head_email', 'head_phone'],
    ...UNITS.map((u) => [
      u.code,
      u.name,
      u.kind,
      `${u.name}联络员`,
      `${u.code.toLowerCase()}-liaison@hy.gov.test`,
      '0734-8000000',
      `${u.name}负责人`,
      `${u.code.toLowerCase()}-head@hy.gov.test`,
      '0734-8000001',
    ]),
  ]);
  const departments = await upload('/departments/import', departmentsFile, '成员单位.xlsx', adminToken);
  expect(departments.status).toBe(200);
  expect(departments.body).toMatchObject({ created: 42, refused: 0 });
  const registered = (await stack.http('GET', '/departments', { token: adminToken })).body as Array<{ id: string; code: string }>;
  expect(registered).toHaveLength(42);

  // 3. Their liaisons (and the office) from another.
  const usersFile = await xlsx([
    ['用户名', '姓名', '角色', '单位代码', '邮箱', '电话'],
    ['office-hy', '扩面办', '领导小组办公室', '', 'office@hy.gov.test', ''],
    ...UNITS.map((u) => [`liaison-${u.code.toLowerCase()}`, `${u.name}联络员`, '部门联络员', u.code, `${u.code.toLowerCase()}-liaison@hy.gov.test`, '0734-8000000']),
  ]);
  const users = await upload('/users/import', usersFile, '联络员.xlsx', adminToken);
  expect(users.status).toBe(200);
  expect(users.body).toMatchObject({ created: 43, refused: 0 });
  const oneTimePassword = (username: string) => users.body.rows.find((r: any) => r.username === username).oneTimePassword as string;

  // 4. The office assigns a duty to the first department.
  const office = await signIn('office-hy', oneTimePassword('office-hy'));
  const officeToken = (
    await stack.http('POST', '/auth/password', {
      token: office.body.accessToken,
      body: { currentPassword: oneTimePassword('office-hy'), newPassword: '扩面办-办公室-新口令-2026' },
    })
  ).body.accessToken;
  const dept01 = registered.find((d) => d.code === 'DEPT01')!;
  const duty = await stack.http('POST', '/duties', {
    token: officeToken,
    body: { departmentId: dept01.id, title: '摸排本系统未参保单位', description: '按清单逐户核查', dueAt: new Date(Date.now() + 10 * 86_400_000).toISOString() },
  });
  expect(duty.status).toBe(201);

  // 5. The liaison signs in, must change the password, then sees the duty.
  const first = await signIn('liaison-dept01', oneTimePassword('liaison-dept01'));
  expect(first.body.mustChangePassword).toBe(true);
  expect((await stack.http('GET', '/duties', { token: first.body.accessToken })).status).toBe(403);
  const changed = await stack.http('POST', '/auth/password', {
    token: first.body.accessToken,
    body: { currentPassword: oneTimePassword('liaison-dept01'), newPassword: LIAISON_PASSWORD },
  });
  expect(changed.status).toBe(200);
  const inbox = await stack.http('GET', '/duties', { token: changed.body.accessToken });
  expect(inbox.status).toBe(200);
  expect(inbox.body.items.map((d: any) => d.id)).toEqual([duty.body.id]);
  // Another department's liaison sees none of it.
  const other = await signIn('liaison-dept02', oneTimePassword('liaison-dept02'));
  const otherToken = (
    await stack.http('POST', '/auth/password', { token: other.body.accessToken, body: { currentPassword: oneTimePassword('liaison-dept02'), newPassword: LIAISON_PASSWORD } })
  ).body.accessToken;
  expect((await stack.http('GET', '/duties', { token: otherToken })).body.items).toEqual([]);

  // 6. Every step in the audit log.
  const log = await stack.http('GET', '/audit-log?limit=500', { token: adminToken });
  const actions = new Set((log.body.items as Array<{ action: string }>).map((r) => r.action));
  for (const action of ['administrator.created', 'departments.imported', 'department.created', 'users.imported', 'user.created', 'sign_in.succeeded', 'password.changed']) {
    expect({ action, logged: actions.has(action) }).toEqual({ action, logged: true });
  }
  const liaisonSignIns = await stack.http('GET', `/audit-log?actorId=${first.body.user.id}&action=sign_in.succeeded`, { token: adminToken });
  expect(liaisonSignIns.body.total).toBe(2);
}, 180_000);

/** The environment the stack runs with, for the command-line tool. */
function stackEnv(): Record<string, string> {
  return { NODE_ENV: 'production', JWT_SECRET: SECRET, DUBAN_DEV_SEED: 'false', DATABASE_URL: stack.config.databaseUrl };
}
