import type { INestApplication, LoggerService } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadDubanConfig } from '@duban/config';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { createAdministrator } from '../../apps/api/src/admin-create';
import { isolatedDatabase } from '../support/isolated-database';

/**
 * A fresh production start (issue 14, item 4): no development users, a start log that says how
 * to make the first administrator, `admin:create` that makes one (password from the
 * environment, held to the policy), and after it a start that says nothing more about it.
 */
class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];
  log(message: unknown) {
    this.lines.push(String(message));
  }
  warn(message: unknown) {
    this.lines.push(String(message));
  }
  error(message: unknown) {
    this.lines.push(String(message));
  }
  debug() {}
  verbose() {}
}

let database: { url: string; drop(): Promise<void> };
const SECRET = 'first-administrator-test-secret-0123456789';

beforeAll(async () => {
  database = await isolatedDatabase(`firstadmin${Date.now() % 100000}`);
});

afterAll(async () => {
  await database?.drop();
});

function productionEnv(extra: Record<string, string> = {}) {
  return { ...process.env, NODE_ENV: 'production', JWT_SECRET: SECRET, DATABASE_URL: database.url, DUBAN_DEV_SEED: 'false', ...extra };
}

async function start(env: Record<string, string | undefined>): Promise<{ app: INestApplication; logger: CapturingLogger }> {
  const logger = new CapturingLogger();
  const app = await createApiApp(loadDubanConfig(env), { logger });
  await app.init();
  return { app, logger };
}

it('refuses a production start with development seeds, naming the setting', () => {
  expect(() => loadDubanConfig(productionEnv({ DUBAN_DEV_SEED: 'true' }))).toThrow('DUBAN_DEV_SEED');
});

it('starts in production with no user at all, says how to make the first administrator, and admin:create makes one', async () => {
  const first = await start(productionEnv());
  try {
    expect(first.logger.lines.join('\n')).toContain('No active system administrator exists');
    expect(first.logger.lines.join('\n')).toContain('npm run admin:create -- --username');
    const dataSource = first.app.get(DataSource);
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM users`)).toEqual([{ n: 0 }]);
  } finally {
    await first.app.close();
  }

  const out: string[] = [];
  const io = (password?: string) => ({
    env: productionEnv(password === undefined ? {} : { DUBAN_ADMIN_PASSWORD: password }),
    out: (line: string) => out.push(line),
    askSecret: async () => null,
  });
  await expect(createAdministrator(['--username', 'cityadmin'], io())).rejects.toThrow('set DUBAN_ADMIN_PASSWORD');
  await expect(createAdministrator(['--username', 'cityadmin'], io('short'))).rejects.toThrow('at least 12 characters');
  await expect(createAdministrator(['--username', 'cityadmin'], io('cityadmin'))).rejects.toThrow('must not be the username');
  await expect(createAdministrator(['--username', 'bad name!'], io('衡阳市扩面办-管理员-2026'))).rejects.toThrow('--username');
  await expect(createAdministrator(['--username', 'x', '--bogus'], io('衡阳市扩面办-管理员-2026'))).rejects.toThrow();

  const made = await createAdministrator(['--username', 'cityadmin', '--display-name', '市人社局信息中心', '--email', 'admin@hy.gov.test'], io('衡阳市扩面办-管理员-2026'));
  expect(out.join('\n')).toContain('System administrator cityadmin created');
  await expect(createAdministrator(['--username', 'CityAdmin'], io('衡阳市扩面办-管理员-2026'))).rejects.toThrow('exists already');

  const second = await start(productionEnv());
  try {
    expect(second.logger.lines.join('\n')).not.toContain('No active system administrator exists');
    const url = (await second.app.listen(0, '127.0.0.1')).address();
    const base = `http://127.0.0.1:${(url as { port: number }).port}`;
    const signIn = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'cityadmin', password: '衡阳市扩面办-管理员-2026' }),
    });
    expect(signIn.status).toBe(200);
    const { accessToken, user } = (await signIn.json()) as { accessToken: string; user: { id: string; role: string } };
    expect(user).toEqual(expect.objectContaining({ id: made.id, role: 'admin' }));
    const log = await fetch(`${base}/audit-log?action=administrator.created`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(((await log.json()) as { items: Array<{ targetLabel: string }> }).items).toEqual([expect.objectContaining({ targetLabel: 'cityadmin' })]);
  } finally {
    await second.app.close();
  }
});
