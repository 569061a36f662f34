/**
 * What bulk onboarding costs: a CSV of N users (department officers of one department) sent to
 * POST /users/import, once with one-time passwords in the answer and once more (the same file:
 * every row `existing`), beside a plain PostgreSQL `COPY` of the same file into a scratch table
 * (no checks, no hashes, no audit — the floor), and beside the same number of password hashes
 * at the cost chosen passwords get (what the import would take if one-time passwords were
 * hashed like them).
 *
 *   npx jest -c bench/jest.config.js bench/user-import.bench.ts
 *   BENCH_USERS=100,1000 npx jest -c bench/jest.config.js bench/user-import.bench.ts
 */
import { execFile } from 'node:child_process';
import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { hashPassword } from '@duban/persistence';
import { TestStack } from '../test/support/test-stack';

const sizes = (process.env.BENCH_USERS ?? '100,500').split(',').map(Number);

it('measures user imports against a plain COPY', async () => {
  const stack = await TestStack.start();
  const dir = await mkdtemp(path.join(tmpdir(), 'duban-bench-'));
  try {
    const admin = await stack.userWithToken('admin');
    const office = await stack.userWithToken('office');
    const department = await stack.department(office.token);
    const table = [
      '| users | import (one-time passwords) | users/s | same file again | `COPY` of the file | ratio import/COPY | N password-cost hashes |',
      '|---|---|---|---|---|---|---|',
    ];
    for (const size of sizes) {
      const marker = `b${size}-${Date.now() % 100_000}`;
      const lines = ['username,display_name,role,department_code,email,phone'];
      for (let i = 0; i < size; i++) lines.push(`${marker}-${i},基准联络员${i},department_officer,${department.code},${marker}-${i}@duban.test,0734-${String(i).padStart(7, '0')}`);
      const file = path.join(dir, `users-${size}.csv`);
      await writeFile(file, `${lines.join('\n')}\n`);
      const importOnce = async () => {
        const form = new FormData();
        form.append('file', new Blob([`${lines.join('\n')}\n`]), 'users.csv');
        const started = Date.now();
        const response = await fetch(`${stack.baseUrl}/users/import`, { method: 'POST', headers: { authorization: `Bearer ${admin.token}` }, body: form });
        const body = (await response.json()) as { created: number; existing: number; refused: number };
        if (response.status !== 200 || body.refused !== 0) throw new Error(JSON.stringify(body).slice(0, 500));
        return { ms: Date.now() - started, ...body };
      };
      const first = await importOnce();
      const again = await importOnce();
      if (first.created !== size || again.existing !== size) throw new Error(`created ${first.created}, then existing ${again.existing}`);

      await stack.dataSource.query(`DROP TABLE IF EXISTS bench_users_copy`);
      await stack.dataSource.query(`CREATE TABLE bench_users_copy (username text, display_name text, role text, department_code text, email text, phone text)`);
      const copyStarted = Date.now();
      await promisify(execFile)('psql', [stack.config.databaseUrl, '-v', 'ON_ERROR_STOP=1', '-c', `\\copy bench_users_copy FROM '${file}' WITH (FORMAT csv, HEADER true)`]);
      const copyMs = Math.max(1, Date.now() - copyStarted);

      // A sample of 20 full-cost hashes, scaled to N.
      const hashStarted = Date.now();
      for (let i = 0; i < 20; i++) await hashPassword(`bench-${i}`);
      const slowMs = ((Date.now() - hashStarted) / 20) * size;

      table.push(
        `| ${size} | ${(first.ms / 1000).toFixed(1)} s | ${Math.round(size / (first.ms / 1000))} | ${(again.ms / 1000).toFixed(1)} s (0 created) | ${(copyMs / 1000).toFixed(2)} s | ${Math.round(first.ms / copyMs)}× | ${(slowMs / 1000).toFixed(0)} s (est.) |`,
      );
    }
    console.log(`\nUser imports (${new Date().toISOString().slice(0, 10)}):\n\n${table.join('\n')}\n`);
  } finally {
    await stack.stop();
  }
});
