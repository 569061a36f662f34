import { randomUUID } from 'node:crypto';
import { signInHousekeepingWorkflowId } from '@duban/workflows';
import { recordHistoryIfAsked } from '../support/recorded-histories';
import { TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait-for';

/**
 * The sign-in housekeeping workflow (started by the worker, one per task queue): sessions ended
 * long ago, spent links and failure counts the policy has forgotten go; live ones, recent ones
 * and locks stay. The interval is two seconds here instead of a day.
 */
let stack: TestStack;

beforeAll(async () => {
  stack = await TestStack.start({ DUBAN_HOUSEKEEPING_INTERVAL_SECONDS: '2' });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

it('clears what nobody reads any more and keeps the rest', async () => {
  const { user } = await stack.userWithToken('viewer');
  const q = (sql: string, params: unknown[] = []) => stack.dataSource.query(sql, params);
  const session = (createdDaysAgo: number, revoked: boolean) => {
    const id = randomUUID();
    return q(
      `INSERT INTO sign_in_sessions (id, user_id, method, created_at, expires_at, revoked_at, revoked_reason)
       VALUES ($1, $2, 'password', now() - make_interval(days => $3), now() - make_interval(days => $3) + interval '8 hours', CASE WHEN $4 THEN now() - make_interval(days => $3) END, CASE WHEN $4 THEN 'signed_out' END)`,
      [id, user.id, createdDaysAgo, revoked],
    ).then(() => id);
  };
  const oldRevoked = await session(40, true);
  const oldExpired = await session(40, false);
  const recentRevoked = await session(3, true);
  const link = (hash: string, usedDaysAgo: number | null, expiresInDays: number) =>
    q(
      `INSERT INTO password_reset_links (token_hash, user_id, expires_at, used_at) VALUES ($1, $2, now() + make_interval(days => $3), CASE WHEN $4::int IS NULL THEN NULL ELSE now() - make_interval(days => $4::int) END)`,
      [hash, user.id, expiresInDays, usedDaysAgo],
    );
  const hash = () => randomUUID().replace(/-/g, '').padEnd(64, '0');
  const [spent, open] = [hash(), hash()];
  await link(spent, 40, -39);
  await link(open, null, 2);
  const failure = (key: string, kind: string, secondsAgo: number, locked: boolean) =>
    q(
      `INSERT INTO sign_in_failures (key, kind, failures, first_failure_at, last_failure_at, locked_at) VALUES ($1, $2, 3, now() - make_interval(secs => $3), now() - make_interval(secs => $3), CASE WHEN $4 THEN now() END)`,
      [key, kind, secondsAgo, locked],
    );
  const marker = randomUUID().slice(0, 8);
  await failure(`account:ghost-${marker}`, 'account', 48 * 3600, false);
  await failure(`address:11.${marker}`, 'address', 3600, false);
  await failure(`account:locked-${marker}`, 'account', 48 * 3600, true);
  await failure(`account:recent-${marker}`, 'account', 3600, false);
  // Within the address's 15-minute window.
  await failure(`address:10.${marker}`, 'address', 60, false);

  await waitFor('the housekeeping', async () => (await q(`SELECT 1 FROM sign_in_sessions WHERE id = ANY($1::uuid[])`, [[oldRevoked, oldExpired]])).length === 0 || undefined, {
    timeoutMs: 30_000,
  });
  await waitFor('the links and failures', async () => (await q(`SELECT 1 FROM sign_in_failures WHERE key = $1`, [`account:ghost-${marker}`])).length === 0 || undefined, {
    timeoutMs: 30_000,
  });
  expect(await q(`SELECT id FROM sign_in_sessions WHERE id = $1`, [recentRevoked])).toHaveLength(1);
  expect((await q(`SELECT token_hash FROM password_reset_links WHERE token_hash = ANY($1)`, [[spent, open]])).map((r: any) => r.token_hash)).toEqual([open]);
  expect((await q(`SELECT key FROM sign_in_failures WHERE key LIKE $1 ORDER BY key`, [`%${marker}%`])).map((r: any) => r.key)).toEqual([
    `account:locked-${marker}`,
    `account:recent-${marker}`,
    `address:10.${marker}`,
  ]);
  // The token of the session signed in above still works.
  const live = await q(`SELECT count(*)::int AS n FROM sign_in_sessions WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()`, [user.id]);
  expect(live[0].n).toBe(1);
  await recordHistoryIfAsked(stack.temporal.workflow.getHandle(signInHousekeepingWorkflowId(stack.config.temporal.taskQueue)), 'sign-in-housekeeping-workflow.one-round');
  // One workflow for the task queue, however often the worker starts.
  await stack.stopWorker();
  await stack.startWorker();
  const runs = await stack.temporal.workflow.list({ query: `WorkflowId = "sign-in-housekeeping-${stack.config.temporal.taskQueue}" AND ExecutionStatus = "Running"` });
  let running = 0;
  for await (const _ of runs) running++;
  expect(running).toBe(1);
}, 90_000);
