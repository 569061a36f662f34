import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, openAsBlob } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { asyncLocalStorage, type Context } from '@temporalio/activity';
import { CancelledFailure } from '@temporalio/common';
import { UnitImportRepository } from '@duban/persistence';
import { CHUNK_ROWS, UnitImportActivitiesService } from '../../apps/worker/src/unit-imports/unit-import-activities.service';
import { registerDistricts, seededDepartments, type Unit } from '../support/campaign-fixtures';
import { validCreditCode, withWrongCheckCharacter } from '../support/credit-codes';
import { isolatedDatabase } from '../support/isolated-database';
import { TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait-for';

/**
 * The import's chunks (COPY into staging, set-based merge) against hostile files and retries:
 * NUL characters, huge fields, what COPY's text format must escape, a code repeated within a
 * chunk and across chunks, a file that breaks off after a chunk was written; and the activity
 * run twice, side by side and one after another, and interrupted after a chunk — every row
 * counted and recorded once, the same error report.
 */
describe('unit imports in chunks: hostile files and retried attempts', () => {
  let stack: TestStack;
  let office: Awaited<ReturnType<TestStack['userWithToken']>>;
  let units: Map<string, Unit>;
  let district: Unit;
  let dir: string;
  let database: Awaited<ReturnType<typeof isolatedDatabase>>;

  beforeAll(async () => {
    database = await isolatedDatabase('import_chunks');
    stack = await TestStack.start({ DATABASE_URL: database.url });
    office = await stack.userWithToken('office');
    units = await seededDepartments(stack, office.token);
    [district] = await registerDistricts(stack, office.token, [`分块测试区${randomUUID().slice(0, 4)}`]);
    dir = await mkdtemp(path.join(tmpdir(), 'duban-import-chunks-'));
  });

  afterAll(async () => {
    await stack?.stop();
    await database?.drop();
  });

  const csvLine = (cells: string[]) => `${cells.map((c) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')}\n`;

  async function writeCsv(name: string, header: string[], rows: Iterable<string[]>): Promise<string> {
    const file = path.join(dir, name);
    const out = createWriteStream(file);
    out.write(`\uFEFF${csvLine(header)}`);
    for (const row of rows) if (!out.write(csvLine(row))) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
    return file;
  }

  async function upload(file: string, fields: Record<string, string>) {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', await openAsBlob(file), path.basename(file));
    const response = await fetch(`${stack.baseUrl}/unit-imports`, { method: 'POST', headers: { authorization: `Bearer ${office.token}` }, body: form });
    return { status: response.status, body: (await response.json()) as any };
  }

  const finished = (id: string, timeoutMs = 180_000) =>
    waitFor(
      'the import to finish',
      async () => {
        const got = await stack.http('GET', `/unit-imports/${id}`, { token: office.token });
        expect(got.status).toBeLessThan(500);
        return ['completed', 'failed'].includes(got.body.status) && got.body;
      },
      { timeoutMs, intervalMs: 250 },
    );

  const errorReport = async (id: string) => {
    const got = await stack.http('GET', `/unit-imports/${id}/errors?limit=1000`, { token: office.token });
    expect(got.status).toBe(200);
    return got.body.items as Array<{ rowNumber: number; field: string; reason: string }>;
  };

  it('imports what COPY must escape exactly, reports NULs and huge fields, and finds codes repeated within and across chunks', async () => {
    const prefix = `敌意${randomUUID().slice(0, 6)}`;
    const rows: string[][] = [];
    const expected: Array<{ row: number; field: string; reason: RegExp | string }> = [];
    /** Code → name of each unit the file imports; and the facts they give (the tax registry's included). */
    const names = new Map<string, string>();
    let facts = 0;
    const row = (cells: string[]) => rows.push(cells) + 1; // the file's row number (the header is row 1)
    const imported = (cells: string[]) => {
      names.set(cells[0].toUpperCase(), cells[1]);
      facts += 1 + cells.slice(1, 5).filter((c) => c !== '').length;
      return row(cells);
    };
    const rejected = (cells: string[], field: string, reason: RegExp | string) => expected.push({ row: row(cells), field, reason });
    // What COPY's text format must escape, and what it must not mangle: backslashes, tabs, line breaks, \N, \., quotes.
    const escapes = [`${prefix} a\\b`, `${prefix}\ttab`, `${prefix} line\nbreak`, `${prefix} cr\r\nlf`, `${prefix} \\N`, `${prefix} "quoted", comma`, `${prefix} \\.`];
    // A NUL in an ignored column says nothing.
    for (const name of escapes) imported([validCreditCode(), name, 'construction', district.name, '7', 'x\u0000y']);
    rejected([validCreditCode(), `${prefix}\u0000名`, '', '', '', ''], 'name', 'contains a NUL character');
    rejected([`${validCreditCode().slice(0, 17)}\u0000`, `${prefix}码`, '', '', '', ''], 'creditCode', /credit code/);
    rejected([validCreditCode(), `${prefix}行业`, 'constr\u0000uction', '', '', ''], 'sector', /is not a sector of the duty matrix/);
    rejected([validCreditCode(), `${prefix}${'大'.repeat(2_000_000)}`, '', '', '', ''], 'name', 'at most 300 characters');
    rejected([validCreditCode(), `${prefix}大数`, '', '', '9'.repeat(100_000), ''], 'employees', /whole number|at most/);
    rejected([withWrongCheckCharacter(validCreditCode()), `${prefix}校验`, '', '', '', ''], 'creditCode', /check character/i);
    // A code twice in the first chunk, codes of the first chunk again in the second, and a code twice in the second.
    const twice = validCreditCode();
    const firstOfTwice = imported([twice, `${prefix}第一次`, '', '', '1', '']);
    rejected([twice.toLowerCase(), `${prefix}第二次`, '', '', '2', ''], 'creditCode', `the code appears again: row ${firstOfTwice} already imported it`);
    const early = Array.from({ length: 3 }, (_, i) => [validCreditCode(), `${prefix}早${i}`, '', '', '3', '']);
    const earlyRows = early.map((cells) => imported(cells));
    while (rows.length < CHUNK_ROWS + 500) imported([validCreditCode(), `${prefix}填充${rows.length}`, 'restaurants', '', '1', '']);
    early.forEach(([code], i) => rejected([code, `${prefix}又见${i}`, '', '', '4', ''], 'creditCode', `the code appears again: row ${earlyRows[i]} already imported it`));
    const late = validCreditCode();
    const firstOfLate = imported([late, `${prefix}晚一`, '', '', '5', '']);
    rejected([late, `${prefix}晚二`, '', '', '6', ''], 'creditCode', `the code appears again: row ${firstOfLate} already imported it`);

    const file = await writeCsv('hostile.csv', ['credit_code', 'name', 'sector', 'district', 'employees', 'remarks'], rows);
    const started = await upload(file, { dataset: 'tax_registration', sourceDate: '2026-12-01', departmentId: units.get('TAX')!.id });
    expect(started.status).toBe(202);
    const done = await finished(started.body.id);
    expect(done).toMatchObject({ status: 'completed', rowsRead: rows.length, rowsImported: names.size, rowsChanged: names.size, rowsRejected: expected.length });

    const report = await errorReport(started.body.id);
    expect(report.map((e) => `${e.rowNumber}:${e.field}`)).toEqual(expected.sort((a, b) => a.row - b.row).map((e) => `${e.row}:${e.field}`));
    for (const e of expected) {
      const got = report.find((r) => r.rowNumber === e.row)!;
      if (typeof e.reason === 'string') expect(got.reason).toBe(e.reason);
      else expect(got.reason).toMatch(e.reason);
      // A reason quotes at most a little of the cell, and never a NUL.
      expect(got.reason.length).toBeLessThan(200);
      expect(got.reason).not.toContain('\u0000');
    }

    // Every imported unit has its name byte for byte, once.
    const stored: Array<{ code: string; name: string }> = await stack.dataSource.query(`SELECT credit_code AS code, name FROM units WHERE name LIKE $1`, [`${prefix}%`]);
    expect(stored).toHaveLength(names.size);
    expect(new Map(stored.map((u) => [u.code, u.name]))).toEqual(names);
    const [{ recorded }] = await stack.dataSource.query(`SELECT count(*)::int AS recorded FROM unit_facts WHERE source_file = 'hostile.csv'`);
    expect(recorded).toBe(facts);
    const escapedUnit = await stack.http('GET', `/units/${[...names].find(([, n]) => n === escapes[2])![0]}`, { token: office.token });
    expect(escapedUnit.body).toMatchObject({ name: escapes[2], sectorKey: 'construction', districtId: district.id, employees: 7, registrations: { tax: true } });
    // The codes an import took are gone with it.
    expect((await stack.dataSource.query(`SELECT count(*)::int AS n FROM unit_import_codes WHERE import_id = $1`, [started.body.id]))[0].n).toBe(0);
  }, 300_000);

  it('keeps the chunks written before a file breaks off, and fails saying where', async () => {
    const prefix = `断尾${randomUUID().slice(0, 6)}`;
    const good = CHUNK_ROWS + 300;
    const lines = ['credit_code,name,employees'];
    for (let i = 0; i < good; i++) lines.push(`${validCreditCode()},${prefix}${i},${i % 9}`);
    lines.push(`${validCreditCode()},"${prefix}引号不闭`, `${validCreditCode()},${prefix}之后,1`);
    const file = path.join(dir, 'broken-off.csv');
    await writeFile(file, `${lines.join('\n')}\n`);
    const started = await upload(file, { dataset: 'employment', sourceDate: '2026-12-02', departmentId: units.get('HRSS')!.id });
    expect(started.status).toBe(202);
    const done = await finished(started.body.id);
    expect(done).toMatchObject({
      status: 'failed',
      rowsRead: good,
      rowsImported: good,
      rowsRejected: 0,
      error: expect.stringMatching(/^CSV unreadable after row \d+: Quote Not Closed/),
    });
    const [{ n }] = await stack.dataSource.query(`SELECT count(*)::int AS n FROM units WHERE name LIKE $1`, [`${prefix}%`]);
    expect(n).toBe(good);
  }, 300_000);

  describe('the activity run again, as Temporal may', () => {
    let activities: UnitImportActivitiesService;
    let imports: UnitImportRepository;

    beforeAll(() => {
      activities = stack.workerApp.get(UnitImportActivitiesService);
      imports = new UnitImportRepository(stack.dataSource);
    });

    /** Runs the activity as an attempt of Temporal's would, with its own heartbeat and cancellation. */
    function attempt(importId: string, options: { attempt?: number; onHeartbeat?: (details: any, cancel: () => void) => void } = {}) {
      const controller = new AbortController();
      const context = {
        info: { attempt: options.attempt ?? 1 },
        cancellationSignal: controller.signal,
        heartbeat: (details: unknown) => options.onHeartbeat?.(details, () => controller.abort()),
      } as unknown as Context;
      return asyncLocalStorage.run(context, () => activities.importUnitRows({ importId }));
    }

    /** An import stored as the API stores one, with no workflow to run it: the test runs its activity. */
    async function storedImport(name: string, rows: string[][]): Promise<string> {
      const id = randomUUID();
      const bytes = Buffer.from(`credit_code,name,employees\n${rows.map((r) => r.join(',')).join('\n')}\n`);
      await imports.create({
        id,
        dataset: 'employment',
        fileName: name,
        sourceDepartmentId: units.get('HRSS')!.id,
        sourceDate: '2026-12-03',
        actor: { userId: office.user.id, username: office.user.username, role: 'office', departmentId: null },
      });
      for (let seq = 0; seq * 1024 * 1024 < bytes.length; seq++) await imports.appendChunk(id, seq, bytes.subarray(seq * 1024 * 1024, (seq + 1) * 1024 * 1024));
      await imports.finishUpload(id, { format: 'csv', sizeBytes: bytes.length, sha256: '0'.repeat(64), ignoredColumns: [] });
      return id;
    }

    /** Rows of distinct units, a bad row every thousand and a repeated code at the end. */
    function fileRows(prefix: string, count: number): { rows: string[][]; bad: number; repeated: number } {
      const rows: string[][] = [];
      let bad = 0;
      for (let i = 0; i < count; i++) {
        if (i % 1000 === 999) {
          rows.push([validCreditCode(), `${prefix}坏${i}`, '-1']);
          bad++;
        } else rows.push([validCreditCode(), `${prefix}${i}`, String(i % 40)]);
      }
      rows.push([rows[0][0], `${prefix}重复`, '1']);
      return { rows, bad, repeated: 1 };
    }

    async function expectRecordedOnce(importId: string, prefix: string, file: { rows: string[][]; bad: number; repeated: number }) {
      const total = file.rows.length;
      const imported = total - file.bad - file.repeated;
      expect(await imports.find(importId)).toMatchObject({
        status: 'completed',
        rowsRead: total,
        rowsImported: imported,
        rowsChanged: imported,
        rowsRejected: file.bad + file.repeated,
      });
      const [{ n, facts }] = await stack.dataSource.query(
        `SELECT count(DISTINCT u.credit_code)::int AS n, count(f.id)::int AS facts FROM units u JOIN unit_facts f ON f.credit_code = u.credit_code WHERE u.name LIKE $1`,
        [`${prefix}%`],
      );
      // Name and employees for each unit, once each.
      expect({ n, facts }).toEqual({ n: imported, facts: imported * 2 });
      const errors = await imports.errors(importId, { limit: 10_000, offset: 0 });
      expect(errors.total).toBe(file.bad + file.repeated);
      expect(errors.items.at(-1)).toEqual({ rowNumber: total + 1, field: 'creditCode', reason: 'the code appears again: row 2 already imported it' });
    }

    it('run twice side by side (a heartbeat timed out) and then once more, records every row once', async () => {
      const prefix = `并行${randomUUID().slice(0, 6)}`;
      const file = fileRows(prefix, 2 * CHUNK_ROWS + 1234);
      const id = await storedImport('side-by-side.csv', file.rows);
      const outcomes = await Promise.allSettled([attempt(id), attempt(id, { attempt: 2 })]);
      // One of them may have stopped when it found the other past its checkpoint; the retry finishes.
      if (outcomes.some((o) => o.status === 'rejected')) await attempt(id, { attempt: 3 });
      for (const o of outcomes) if (o.status === 'rejected') expect(String(o.reason)).toMatch(/moved past row \d+ in another attempt/);
      await expectRecordedOnce(id, prefix, file);
      // A completed import run again (its completion was lost) changes nothing and answers the same.
      const summary = await attempt(id, { attempt: 4 });
      expect(summary).toMatchObject({ status: 'completed', rowsRead: file.rows.length });
      await expectRecordedOnce(id, prefix, file);
    }, 300_000);

    it('interrupted after a chunk, resumes there on the retry and records every row once', async () => {
      const prefix = `续跑${randomUUID().slice(0, 6)}`;
      const file = fileRows(prefix, 2 * CHUNK_ROWS + 777);
      const id = await storedImport('resumed.csv', file.rows);
      // The first attempt is cancelled (a worker shutting down) once its first chunk is written.
      const first = attempt(id, { onHeartbeat: (details, cancel) => details?.rowsRead >= CHUNK_ROWS && details.writing === undefined && cancel() });
      await expect(first).rejects.toBeInstanceOf(CancelledFailure);
      const paused = await imports.find(id);
      expect(paused).toMatchObject({ status: 'running', rowsRead: CHUNK_ROWS, rowsImported: CHUNK_ROWS - CHUNK_ROWS / 1000 });
      expect(paused!.error).toMatch(/^Attempt 1 stopped after row \d+: The import was interrupted/);
      await attempt(id, { attempt: 2 });
      await expectRecordedOnce(id, prefix, file);
    }, 300_000);
  });
});
