/**
 * What an import of a departments' file costs: a generated CSV of N rows (credit code, name,
 * sector, district, employees, insured, arrears) uploaded through the API and imported by the
 * worker — the integration tests' setup, API and worker in this one process — against the real
 * PostgreSQL and Temporal. Reports rows per second beside a plain PostgreSQL `COPY` of the same
 * file into a scratch table (psql's \copy: no validation, no upsert, no provenance — the floor)
 * and their ratio, the process's peak resident memory above its level before the upload, and
 * the live heap half-way through (after a full collection).
 *
 *   npx jest -c bench/jest.config.js bench/unit-import.bench.ts     (200000 rows, then the same file again)
 *   BENCH_IMPORT_ROWS=200000,1000000 npx jest -c bench/jest.config.js bench/unit-import.bench.ts
 */
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, openAsBlob } from 'node:fs';
import { mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { registerDistricts, seededDepartments } from '../test/support/campaign-fixtures';
import { validCreditCode } from '../test/support/credit-codes';
import { TestStack } from '../test/support/test-stack';
import { waitFor } from '../test/support/wait-for';

const sizes = (process.env.BENCH_IMPORT_ROWS ?? '200000').split(',').map(Number);

// A full garbage collection on demand, to tell memory the import holds from garbage not yet collected.
setFlagsFromString('--expose_gc');
const collectGarbage = runInNewContext('gc') as () => void;
const heapMiB = () => {
  collectGarbage();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

it('measures unit imports against a plain COPY', async () => {
  const stack = await TestStack.start();
  const dir = await mkdtemp(path.join(tmpdir(), 'duban-bench-'));
  try {
    const office = await stack.userWithToken('office');
    const departments = await seededDepartments(stack, office.token);
    const [district] = await registerDistricts(stack, office.token, ['基准区']);
    const table = [
      '| rows | file | import (upload to done) | of which upload | worker (started → finished) | rows/s | `COPY` of the file | COPY rows/s | import ÷ COPY | peak RSS above start | live heap half-way (after GC) | same file again |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ];
    for (const size of sizes) {
      const file = path.join(dir, `units-${size}.csv`);
      const out = createWriteStream(file);
      out.write('\uFEFF统一社会信用代码,单位名称,行业,所属区县,从业人数,养老参保人数,欠费金额\n');
      for (let i = 0; i < size; i++) {
        const line = `${validCreditCode()},基准单位${i},${i % 2 ? '餐饮' : 'construction'},${district.name},${5 + (i % 50)},${i % 50},${i % 7 ? 0 : 1200.5}\n`;
        if (!out.write(line)) await once(out, 'drain');
      }
      out.end();
      await once(out, 'finish');
      const { size: bytes } = await stat(file);

      const importOnce = async () => {
        const heapBase = heapMiB();
        let heapHalfway = 0;
        const base = process.memoryUsage().rss;
        let peak = base;
        const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
        const started = Date.now();
        const form = new FormData();
        form.append('dataset', 'tax_registration');
        form.append('sourceDate', '2026-10-31');
        form.append('departmentId', departments.get('TAX')!.id);
        form.append('file', await openAsBlob(file), path.basename(file));
        const response = await fetch(`${stack.baseUrl}/unit-imports`, { method: 'POST', headers: { authorization: `Bearer ${office.token}` }, body: form });
        const accepted = (await response.json()) as { id: string };
        if (response.status !== 202) throw new Error(JSON.stringify(accepted));
        const uploadMs = Date.now() - started;
        const done = await waitFor(
          'the import',
          async () => {
            const got = await stack.http('GET', `/unit-imports/${accepted.id}`, { token: office.token });
            if (!heapHalfway && got.body.rowsRead >= size / 2) heapHalfway = heapMiB() - heapBase;
            return ['completed', 'failed'].includes(got.body.status) && got.body;
          },
          { timeoutMs: 60 * 60_000, intervalMs: 200 },
        );
        clearInterval(sampler);
        if (done.status !== 'completed' || done.rowsImported !== size) throw new Error(JSON.stringify(done));
        const [{ workerMs }] = await stack.dataSource.query(`SELECT extract(epoch FROM finished_at - started_at)::float8 * 1000 AS "workerMs" FROM unit_imports WHERE id = $1`, [
          accepted.id,
        ]);
        return { ms: Date.now() - started, uploadMs, workerMs: workerMs as number, peakMiB: (peak - base) / 2 ** 20, heapHalfway, changed: done.rowsChanged as number };
      };
      const first = await importOnce();
      const again = await importOnce();
      if (again.changed !== 0) throw new Error(`the same file again changed ${again.changed} rows`);

      await stack.dataSource.query(`DROP TABLE IF EXISTS bench_copy`);
      await stack.dataSource.query(`CREATE TABLE bench_copy (credit_code text, name text, sector text, district text, employees int, insured_pension int, arrears numeric)`);
      const copyStarted = Date.now();
      await promisify(execFile)('psql', [stack.config.databaseUrl, '-v', 'ON_ERROR_STOP=1', '-c', `\\copy bench_copy FROM '${file}' WITH (FORMAT csv, HEADER true)`]);
      const copyMs = Date.now() - copyStarted;

      const importRate = size / (first.ms / 1000);
      const copyRate = size / (copyMs / 1000);
      table.push(
        `| ${size} | ${(bytes / 2 ** 20).toFixed(1)} MiB | ${(first.ms / 1000).toFixed(1)} s | ${(first.uploadMs / 1000).toFixed(1)} s | ${(first.workerMs / 1000).toFixed(1)} s | ${Math.round(importRate)} | ${(copyMs / 1000).toFixed(2)} s | ${Math.round(copyRate)} | ${(importRate / copyRate).toFixed(3)} | ${first.peakMiB.toFixed(0)} MiB | ${first.heapHalfway.toFixed(0)} MiB | ${(again.ms / 1000).toFixed(1)} s (0 changed) |`,
      );
      console.log(table.at(-1));
    }
    console.log(`\nUnit imports (${new Date().toISOString().slice(0, 10)}):\n\n${table.join('\n')}\n`);
  } finally {
    await stack.stop();
  }
});
