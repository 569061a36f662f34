import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { openAsBlob } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { registerDistricts, seededDepartments, type Unit } from '../support/campaign-fixtures';
import { validCreditCode, withWrongCheckCharacter } from '../support/credit-codes';
import { isolatedDatabase } from '../support/isolated-database';
import { recordHistoryIfAsked } from '../support/recorded-histories';
import { TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait-for';
import { asCsvRows, csvAndXlsx } from '../support/table-download';

/**
 * Imports of departments' unit files against the real services: a generated 100,000-row CSV
 * streamed through the API, imported by the worker in batches, and the same file again
 * changing nothing; a file with broken rows (reported row by row, the good rows kept); an XLSX
 * file; a worker stopped in the middle of an import; what the upload refuses.
 */
describe('unit imports: streamed CSV and XLSX files of unit facts', () => {
  let stack: TestStack;
  let office: Awaited<ReturnType<TestStack['userWithToken']>>;
  let units: Map<string, Unit>;
  let district: Unit;
  let dir: string;
  let database: Awaited<ReturnType<typeof isolatedDatabase>>;

  beforeAll(async () => {
    // Its own database: the units imported here would otherwise be compared (and made cases of) by
    // every other test file's compliance runs.
    database = await isolatedDatabase('imports');
    // A stopping worker cancels its running import at once (production lets it run 10 s).
    stack = await TestStack.start({ DATABASE_URL: database.url, DUBAN_WORKER_SHUTDOWN_GRACE_SECONDS: '0' });
    office = await stack.userWithToken('office');
    units = await seededDepartments(stack, office.token);
    [district] = await registerDistricts(stack, office.token, [`导入测试区${randomUUID().slice(0, 4)}`]);
    dir = await mkdtemp(path.join(tmpdir(), 'duban-import-'));
  });

  afterAll(async () => {
    await stack?.stop();
    await database?.drop();
  });

  /** Writes rows to a CSV file as they are made: the test does not hold the file either. */
  async function writeCsv(name: string, header: string[], rows: Iterable<string[]>): Promise<string> {
    const file = path.join(dir, name);
    const out = createWriteStream(file);
    const line = (cells: string[]) => `${cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')}\n`;
    out.write(`\uFEFF${line(header)}`);
    for (const row of rows) if (!out.write(line(row))) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
    return file;
  }

  async function upload(file: string, fields: Record<string, string>, token = office.token, fileName = path.basename(file)) {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', await openAsBlob(file), fileName);
    const response = await fetch(`${stack.baseUrl}/unit-imports`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    return { status: response.status, body: (await response.json()) as any };
  }

  const finished = (id: string, timeoutMs = 240_000) =>
    waitFor(
      'the import to finish',
      async () => {
        const got = await stack.http('GET', `/unit-imports/${id}`, { token: office.token });
        return ['completed', 'failed'].includes(got.body.status) && got.body;
      },
      { timeoutMs, intervalMs: 250 },
    );

  it('imports a generated 100,000-row file while showing progress, and the same file again changes nothing', async () => {
    const prefix = `规模测试${randomUUID().slice(0, 6)}`;
    const rows = function* () {
      for (let i = 0; i < 100_000; i++) {
        // Insured in full and owing nothing: other files' comparisons (one database per run) find nothing here.
        yield [validCreditCode(), `${prefix}单位${i}`, i % 2 ? '餐饮' : 'construction', district.name, String(5 + (i % 50)), String(5 + (i % 50)), '0'];
      }
    };
    const file = await writeCsv('si-100k.csv', ['统一社会信用代码', '单位名称', '行业', '所属区县', '从业人数', '养老参保人数', '欠费金额'], rows());
    const fields = { dataset: 'social_insurance_registration', sourceDate: '2026-10-31', departmentId: units.get('SIA')!.id };

    const started = await upload(file, fields);
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'queued', format: 'csv', dataset: 'social_insurance_registration', sourceDepartmentId: units.get('SIA')!.id });
    const seen = await waitFor(
      'progress part-way',
      async () => {
        const got = await stack.http('GET', `/unit-imports/${started.body.id}`, { token: office.token });
        return got.body.status === 'running' && got.body.rowsRead > 0 && got.body.rowsRead < 100_000 && got.body;
      },
      { timeoutMs: 120_000, intervalMs: 100 },
    );
    expect(seen.rowsRead % 1000).toBe(0);
    const first = await finished(started.body.id);
    expect(first).toMatchObject({ status: 'completed', rowsRead: 100_000, rowsImported: 100_000, rowsChanged: 100_000, rowsUnchanged: 0, rowsRejected: 0 });
    const [{ n, updated }] = await stack.dataSource.query(`SELECT count(*)::int AS n, max(updated_at) AS updated FROM units WHERE name LIKE $1`, [`${prefix}%`]);
    expect(n).toBe(100_000);
    const [{ registered }] = await stack.dataSource.query(`SELECT count(*)::int AS registered FROM units WHERE name LIKE $1 AND registrations @> '{"social_insurance":true}'`, [
      `${prefix}%`,
    ]);
    expect(registered).toBe(100_000);

    const again = await upload(file, fields);
    expect(again.status).toBe(202);
    const second = await finished(again.body.id);
    expect(second).toMatchObject({ status: 'completed', rowsRead: 100_000, rowsImported: 100_000, rowsChanged: 0, rowsUnchanged: 100_000, rowsRejected: 0 });
    const [after] = await stack.dataSource.query(`SELECT count(*)::int AS n, max(updated_at) AS updated FROM units WHERE name LIKE $1`, [`${prefix}%`]);
    expect(after).toEqual({ n: 100_000, updated });
    expect(second.sha256).toBe(first.sha256);

    // The history lists both, newest first, with who and the counts.
    const history = await stack.http('GET', '/unit-imports?limit=2', { token: office.token });
    expect(history.body.items.map((i: { id: string }) => i.id)).toEqual([again.body.id, started.body.id]);
    expect(history.body.items[0]).toMatchObject({ requesterUsername: office.user.username, fileName: 'si-100k.csv' });
  }, 300_000); // 200,000 rows in two imports: on 2 shared cores, beside the other files, more than the default 90 s

  it('reports every broken row with row, field and reason, and keeps the good rows', async () => {
    const good = [validCreditCode(), validCreditCode()];
    const duplicated = validCreditCode();
    const file = await writeCsv(
      'broken.csv',
      ['credit_code', 'name', 'sector', 'district', 'employees', 'contact_email', 'remarks'],
      [
        [good[0], '好单位一', 'restaurants', district.name, '10', 'a@unit.test', ''], // row 2
        [withWrongCheckCharacter(validCreditCode()), '校验位错', '', '', '3', '', ''], // row 3
        [validCreditCode(), '人数为负', '', '', '-4', '', ''], // row 4
        [validCreditCode(), '行业不明', '网络游戏', '', '', '', ''], // row 5
        [validCreditCode(), '区县不明', '', '火星区', '', '', ''], // row 6
        [duplicated, '第一次', '', '', '2', '', ''], // row 7
        ['', '没有代码', '', '', '1', '', ''], // row 8
        [duplicated, '第二次', '', '', '2', '', ''], // row 9
        [good[1], '好单位二', 'construction', district.code, '', '', '见备注'], // row 10
        [validCreditCode(), '邮箱不对', '', '', '', 'not-an-address', ''], // row 11
        // What the record cannot hold is a row problem too, not a batch the database refuses on every retry.
        [validCreditCode(), '长'.repeat(301), '', '', '', '', ''], // row 12
        [validCreditCode(), '人数太大', '', '', '99999999999', '', ''], // row 13
        [validCreditCode(), '空\u0000字符', '', '', '', '', ''], // row 14
      ],
    );
    const started = await upload(file, { dataset: 'market_registration', sourceDate: '2026-10-31', departmentId: units.get('SAMR')!.id });
    expect(started.status).toBe(202);
    expect(started.body.ignoredColumns).toEqual(['remarks']);
    const done = await finished(started.body.id, 60_000);
    expect(done).toMatchObject({ status: 'completed', rowsRead: 13, rowsImported: 3, rowsRejected: 10 });

    const errors = await stack.http('GET', `/unit-imports/${started.body.id}/errors`, { token: office.token });
    expect(errors.body.items.map((e: { rowNumber: number; field: string }) => `${e.rowNumber}:${e.field}`)).toEqual([
      '3:creditCode',
      '4:employees',
      '5:sector',
      '6:district',
      '8:creditCode',
      '9:creditCode',
      '11:contactEmail',
      '12:name',
      '13:employees',
      '14:name',
    ]);
    expect(errors.body.items.slice(-3).map((e: { reason: string }) => e.reason)).toEqual(['at most 300 characters', 'at most 10,000,000', 'contains a NUL character']);
    expect(errors.body.items.find((e: { rowNumber: number }) => e.rowNumber === 9).reason).toMatch(/row 7/);
    expect(errors.body.items.find((e: { rowNumber: number }) => e.rowNumber === 3).reason).toMatch(/check character/i);
    const csv = await fetch(`${stack.baseUrl}/unit-imports/${started.body.id}/errors?format=csv`, { headers: { authorization: `Bearer ${office.token}` } });
    const bytes = Buffer.from(await csv.arrayBuffer());
    const text = bytes.toString('utf8');
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(text.startsWith('\uFEFF行号,字段,原因')).toBe(true);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(11);

    // The history downloads too: newest first, with the counts as numbers.
    const history = await csvAndXlsx(stack.baseUrl, '/unit-imports?format=csv&limit=1', office.token);
    expect(history.xlsx.disposition).toMatch(/^attachment; filename="unit-imports-\d{8}-\d{4}\.xlsx"/);
    expect(asCsvRows(history.sheet)).toEqual(history.rows);
    const [header, row] = history.sheet.values;
    expect(history.sheet.values).toHaveLength(2);
    expect(row.at(-1)).toBe(started.body.id);
    const cell = (name: string) => row[(header as string[]).indexOf(name)];
    expect([cell('文件名'), cell('数据'), cell('状态'), cell('读取行数'), cell('导入行数'), cell('错误行数')]).toEqual(['broken.csv', '市场监管登记', '已完成', 13, 3, 10]);
    const all = await csvAndXlsx(stack.baseUrl, '/unit-imports?format=csv', office.token);
    expect(all.rows.map((r) => r.at(-1))).toContain(started.body.id);

    for (const code of [...good, duplicated]) expect((await stack.http('GET', `/units/${code}`, { token: office.token })).status).toBe(200);
    const second = await stack.http('GET', `/units/${good[1]}`, { token: office.token });
    expect(second.body).toMatchObject({ sectorKey: 'construction', districtId: district.id, registrations: { market_regulation: true } });
    expect(second.body.facts.every((f: { sourceFile: string }) => f.sourceFile === 'broken.csv')).toBe(true);
    expect((await stack.http('GET', `/units/${duplicated}`, { token: office.token })).body.name).toBe('第一次');
    await recordHistoryIfAsked(stack.temporal.workflow.getHandle(`unit-import-${started.body.id}`), 'unit-import-workflow.broken-rows');
  });

  it('imports an XLSX file, as departments export it', async () => {
    const codes = Array.from({ length: 50 }, () => validCreditCode());
    const file = path.join(dir, '社保登记.xlsx');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
    const sheet = workbook.addWorksheet('参保单位');
    // As exports come: a title, a blank line, then the header (row 3).
    sheet.addRow(['2026年10月社会保险参保单位名单']).commit();
    sheet.addRow([]).commit();
    sheet.addRow(['统一社会信用代码', '单位名称', '职工人数', '养老参保人数', '医疗参保人数']).commit();
    codes.forEach((code, i) => sheet.addRow([code, `表格单位${i}`, 20, 20 - (i % 3), 20]).commit());
    sheet.addRow([validCreditCode(), '人数不明', '约二十人', 20, 20]).commit(); // row 54, as the spreadsheet shows it
    await workbook.commit();

    const started = await upload(file, { dataset: 'social_insurance_registration', sourceDate: '2026-10-31', departmentId: units.get('SIA')!.id });
    expect(started.status).toBe(202);
    expect(started.body.format).toBe('xlsx');
    expect(await finished(started.body.id, 60_000)).toMatchObject({ status: 'completed', rowsRead: 51, rowsImported: 50, rowsRejected: 1 });
    const errors = await stack.http('GET', `/unit-imports/${started.body.id}/errors`, { token: office.token });
    expect(errors.body.items).toEqual([{ rowNumber: 54, field: 'employees', reason: '"约二十人" is not a whole number ≥ 0' }]);
    const unit = await stack.http('GET', `/units/${codes[1]}`, { token: office.token });
    expect(unit.body).toMatchObject({ name: '表格单位1', employees: 20, insured: { pension: 19, medical: 20 }, registrations: { social_insurance: true } });
  });

  it('ends with exact counts when the worker stops in the middle of an import', async () => {
    const prefix = `重启导入${randomUUID().slice(0, 6)}`;
    const rows = function* () {
      for (let i = 0; i < 40_000; i++) yield [validCreditCode(), `${prefix}${i}`, String(i % 30)];
    };
    const file = await writeCsv('employment-40k.csv', ['credit_code', 'name', 'employees'], rows());
    const started = await upload(file, { dataset: 'employment', sourceDate: '2026-11-01', departmentId: units.get('HRSS')!.id });
    expect(started.status).toBe(202);
    await waitFor('the import to be under way', async () => (await stack.http('GET', `/unit-imports/${started.body.id}`, { token: office.token })).body.rowsRead >= 2000, {
      timeoutMs: 60_000,
      intervalMs: 50,
    });
    await stack.stopWorker();
    const paused = (await stack.http('GET', `/unit-imports/${started.body.id}`, { token: office.token })).body;
    expect(paused.rowsRead).toBeLessThan(40_000);
    await stack.startWorker();
    const done = await finished(started.body.id, 180_000);
    expect(done).toMatchObject({ status: 'completed', rowsRead: 40_000, rowsImported: 40_000, rowsChanged: 40_000, rowsRejected: 0 });
    const [{ n, facts }] = await stack.dataSource.query(
      `SELECT count(DISTINCT u.credit_code)::int AS n, count(f.id)::int AS facts FROM units u JOIN unit_facts f ON f.credit_code = u.credit_code AND f.source_file = 'employment-40k.csv'
       WHERE u.name LIKE $1`,
      [`${prefix}%`],
    );
    // Two facts per row (name, employees), each recorded once.
    expect({ n, facts }).toEqual({ n: 40_000, facts: 80_000 });
  }, 300_000);

  it('sets aside a row the database refuses although it passed validation, and imports the others', async () => {
    // A constraint the validation does not know, standing in for whatever the database may refuse.
    await stack.dataSource.query(`ALTER TABLE units ADD CONSTRAINT units_test_refusal CHECK (name IS DISTINCT FROM '数据库拒收') NOT VALID`);
    try {
      const codes = Array.from({ length: 5 }, () => validCreditCode());
      const file = await writeCsv(
        'refused.csv',
        ['credit_code', 'name', 'employees'],
        [
          [codes[0], '甲', '1'],
          [codes[1], '乙', '2'],
          [codes[2], '数据库拒收', '3'], // row 4
          [codes[3], '丁', '4'],
          [codes[4], '戊', '5'],
        ],
      );
      const started = await upload(file, { dataset: 'employment', sourceDate: '2026-11-02', departmentId: units.get('HRSS')!.id });
      expect(started.status).toBe(202);
      const done = await finished(started.body.id, 60_000);
      expect(done).toMatchObject({ status: 'completed', rowsRead: 5, rowsImported: 4, rowsChanged: 4, rowsRejected: 1 });
      const errors = await stack.http('GET', `/unit-imports/${started.body.id}/errors`, { token: office.token });
      expect(errors.body.items).toEqual([{ rowNumber: 4, field: 'row', reason: expect.stringMatching(/^the database refused the row: .*units_test_refusal/) }]);
      expect((await stack.http('GET', `/units/${codes[2]}`, { token: office.token })).status).toBe(404);
      for (const code of [codes[0], codes[1], codes[3], codes[4]]) expect((await stack.http('GET', `/units/${code}`, { token: office.token })).status).toBe(200);
    } finally {
      await stack.dataSource.query(`ALTER TABLE units DROP CONSTRAINT units_test_refusal`);
    }
  });

  it('leaves nothing behind when the client goes away in the middle of an upload', async () => {
    const chunks = async () => (await stack.dataSource.query(`SELECT count(*)::int AS n FROM unit_import_chunks`))[0].n as number;
    const imports = async () => (await stack.dataSource.query(`SELECT count(*)::int AS n FROM unit_imports`))[0].n as number;
    const [chunksBefore, importsBefore] = [await chunks(), await imports()];
    const boundary = `duban-${randomUUID()}`;
    const field = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const head =
      field('dataset', 'tax_registration') +
      field('sourceDate', '2026-10-31') +
      field('departmentId', units.get('TAX')!.id) +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="abandoned.csv"\r\nContent-Type: text/csv\r\n\r\ncredit_code,name\n`;
    const piece = Buffer.from(`${validCreditCode()},${'半途而废'.repeat(40)}\n`.repeat(200));
    const client = new AbortController();
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (sent === 0) controller.enqueue(Buffer.from(head));
        if (sent < 3 * 1024 * 1024) {
          controller.enqueue(piece);
          sent += piece.length;
          return;
        }
        // The file is part-way stored: now the client goes away, without the end of the form.
        await waitFor('a chunk of the upload stored', async () => (await chunks()) > chunksBefore, { timeoutMs: 30_000, intervalMs: 50 });
        client.abort();
      },
    });
    const answer = await fetch(`${stack.baseUrl}/unit-imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${office.token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
      duplex: 'half',
      signal: client.signal,
    } as RequestInit).catch((error: unknown) => error);
    expect(answer).toMatchObject({ name: 'AbortError' });
    await waitFor('the stored part to be removed', async () => (await chunks()) === chunksBefore, { timeoutMs: 30_000, intervalMs: 100 });
    expect(await imports()).toBe(importsBefore);
  });

  it('ends an import whose CSV cannot be read on as failed, saying where', async () => {
    const file = path.join(dir, 'unclosed-quote.csv');
    await writeFile(file, `credit_code,name\n${validCreditCode()},甲\n${validCreditCode()},乙\n${validCreditCode()},"丙\n${validCreditCode()},丁\n`);
    const started = await upload(file, { dataset: 'employment', sourceDate: '2026-11-03', departmentId: units.get('HRSS')!.id });
    expect(started.status).toBe(202);
    const done = await finished(started.body.id, 60_000);
    // The quote opened in row 4 runs to the end of the file: rows 2 and 3 are kept, the import fails saying so.
    expect(done).toMatchObject({
      status: 'failed',
      rowsRead: 2,
      rowsImported: 2,
      error: expect.stringMatching(/^CSV unreadable after row 3: Quote Not Closed: .*; the 2 rows above it were read and imported or reported$/),
    });
  });

  it('refuses what it cannot import, and stores nothing', async () => {
    const count = async () => (await stack.dataSource.query(`SELECT count(*)::int AS n FROM unit_imports`))[0].n as number;
    const chunks = async () => (await stack.dataSource.query(`SELECT count(*)::int AS n FROM unit_import_chunks`))[0].n as number;
    const before = await count();
    const noCode = await writeCsv('no-code.csv', ['单位名称', '地址'], [['某公司', '某地']]);
    const fields = { dataset: 'tax_registration', sourceDate: '2026-10-31', departmentId: units.get('TAX')!.id };
    const refused = await upload(noCode, fields);
    expect(refused.status).toBe(400);
    expect(refused.body.fields.file[0]).toMatch(/统一社会信用代码/);
    const ok = await writeCsv('ok.csv', ['credit_code', 'name'], [[validCreditCode(), '甲']]);
    const badDataset = await upload(ok, { ...fields, dataset: 'weather' });
    expect(badDataset.status).toBe(400);
    expect(badDataset.body.fields).toHaveProperty('dataset');
    const badDate = await upload(ok, { ...fields, sourceDate: '31/10/2026' });
    expect(badDate.body.fields).toHaveProperty('sourceDate');
    // A date that does not exist is the caller's mistake (400), not the database's (500).
    const noSuchDay = await upload(ok, { ...fields, sourceDate: '2026-02-30' });
    expect({ status: noSuchDay.status, fields: noSuchDay.body.fields }).toEqual({ status: 400, fields: { sourceDate: ['sourceDate must be a date YYYY-MM-DD'] } });
    const xls = path.join(dir, '旧格式.xls');
    await writeFile(xls, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]));
    const oldExcel = await upload(xls, fields);
    expect(oldExcel.status).toBe(400);
    expect(oldExcel.body.fields.file[0]).toMatch(/\.xls.*save it as \.xlsx or CSV/);
    const empty = path.join(dir, 'empty.csv');
    await writeFile(empty, '');
    expect((await upload(empty, fields)).status).toBe(400);

    const inspector = await stack.userWithToken('inspector');
    expect((await upload(ok, fields, inspector.token)).status).toBe(403);
    const officer = await stack.userWithToken('department_officer', units.get('SAMR')!.id);
    expect((await upload(ok, fields, officer.token)).status).toBe(403);
    const own = await upload(ok, { dataset: 'market_registration', sourceDate: '2026-10-31' }, officer.token);
    expect(own.status).toBe(202);
    expect(own.body.sourceDepartmentId).toBe(units.get('SAMR')!.id);
    await finished(own.body.id, 60_000);
    // The officer reads their own department's imports; another department's are refused.
    expect((await stack.http('GET', `/unit-imports/${own.body.id}`, { token: officer.token })).status).toBe(200);
    expect((await stack.http('GET', `/unit-imports/${refused.body.id ?? randomUUID()}`, { token: office.token })).status).toBe(404);
    const taxOfficer = await stack.userWithToken('department_officer', units.get('TAX')!.id);
    expect((await stack.http('GET', `/unit-imports/${own.body.id}`, { token: taxOfficer.token })).status).toBe(403);
    expect((await stack.http('GET', '/unit-imports', { token: inspector.token })).status).toBe(403);

    expect(await count()).toBe(before + 1);
    expect(await chunks()).toBe(0);
  });
});

describe('unit imports: the size limit', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start({ DUBAN_IMPORT_MAX_BYTES: String(64 * 1024) });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('answers 413 for a file over DUBAN_IMPORT_MAX_BYTES, having stored nothing, and takes one at the limit', async () => {
    const office = await stack.userWithToken('office');
    const units = await seededDepartments(stack, office.token);
    const counts = async () =>
      (await stack.dataSource.query(`SELECT (SELECT count(*) FROM unit_imports)::int AS imports, (SELECT count(*) FROM unit_import_chunks)::int AS chunks`))[0];
    const before = await counts();
    const dir = await mkdtemp(path.join(tmpdir(), 'duban-import-limit-'));
    const fileOf = async (name: string, bytes: number) => {
      const header = 'credit_code,name\n';
      const line = `${validCreditCode()},${'大'.repeat(20)}\n`;
      const lines = Math.floor((bytes - Buffer.byteLength(header)) / Buffer.byteLength(line));
      const text = header + line.repeat(lines);
      const file = path.join(dir, name);
      await writeFile(file, text + 'x'.repeat(bytes - Buffer.byteLength(text)));
      return file;
    };
    const send = async (file: string) => {
      const form = new FormData();
      form.append('dataset', 'employment');
      form.append('sourceDate', '2026-10-31');
      form.append('departmentId', units.get('HRSS')!.id);
      form.append('file', await openAsBlob(file), path.basename(file));
      const response = await fetch(`${stack.baseUrl}/unit-imports`, { method: 'POST', headers: { authorization: `Bearer ${office.token}` }, body: form });
      return { status: response.status, body: (await response.json()) as any };
    };

    const tooLarge = await send(await fileOf('too-large.csv', 64 * 1024 + 1));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toMatchObject({ code: 'UNIT_IMPORT_TOO_LARGE' });
    expect(await counts()).toEqual(before);

    const atLimit = await send(await fileOf('at-limit.csv', 64 * 1024));
    expect(atLimit.status).toBe(202);
    expect(atLimit.body.sizeBytes).toBe(String(64 * 1024));
  });
});
