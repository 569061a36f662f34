import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { LEADING_GROUP_CHAIR, NO_REPORT_PLAN, seededDepartments } from '../support/campaign-fixtures';
import { download, parseCsv, readXlsx } from '../support/table-download';
import { TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait-for';

/**
 * Departments, districts and inspection teams (issue 14, item 3): the system administrator
 * registers, renames, edits the people the ladder mails, deactivates and reactivates them, and
 * imports them from a sheet; every change is in the audit log with from, to, why and the client
 * address, written in the change's transaction. A deactivated unit gets no new duties (409
 * DEPARTMENT_INACTIVE naming it, nothing written), the duties it holds run on, and a mail sent
 * after an edit of the liaison's address goes to the new address.
 */
let stack: TestStack;
type Signed = Awaited<ReturnType<TestStack['userWithToken']>>;
let admin: Signed;
let office: Signed;
let viewer: Signed;
let inspector: Signed;

const code = (prefix = 'T') => `${prefix}${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

interface View {
  id: string;
  code: string;
  name: string;
  kind: string;
  active: boolean;
  liaisonName: string | null;
  liaisonEmail: string;
  liaisonPhone: string | null;
  headName: string | null;
  headEmail: string;
  headPhone: string | null;
  deactivatedAt: string | null;
  districtIds?: string[];
}

async function register(body: Record<string, unknown> = {}, token = admin.token): Promise<View> {
  const c = code();
  const created = await stack.http('POST', '/departments', {
    token,
    body: { code: c, name: `测试单位${c}`, liaisonEmail: `${c.toLowerCase()}-liaison@duban.test`, headEmail: `${c.toLowerCase()}-head@duban.test`, ...body },
  });
  if (created.status !== 201) throw new Error(`register failed: ${JSON.stringify(created.body)}`);
  return created.body;
}

async function stored(id: string) {
  const [row] = await stack.dataSource.query(`SELECT * FROM departments WHERE id = $1`, [id]);
  return row;
}

async function auditOf(targetId: string) {
  return stack.dataSource.query(
    `SELECT action, actor_id AS "actorId", actor_username AS "actorUsername", target_type AS "targetType", target_label AS "targetLabel",
            from_value AS "from", to_value AS "to", reason, client_address AS "clientAddress"
       FROM audit_log WHERE target_id = $1 ORDER BY id`,
    [targetId],
  );
}

async function counts() {
  const [row] = await stack.dataSource.query(
    `SELECT (SELECT count(*)::int FROM departments) AS departments, (SELECT count(*)::int FROM audit_log) AS audit,
            (SELECT max(updated_at) FROM departments) AS "lastUpdate", (SELECT count(*)::int FROM inspection_team_districts) AS coverage`,
  );
  return row;
}

async function importFile(bytes: Buffer | string, name: string, options: { token?: string; dryRun?: boolean; type?: string; field?: string } = {}) {
  const form = new FormData();
  form.append(options.field ?? 'file', new Blob([bytes], { type: options.type ?? 'text/csv' }), name);
  const query = options.dryRun ? '?dryRun=true' : '';
  const response = await fetch(`${stack.baseUrl}/departments/import${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${options.token ?? admin.token}` },
    body: form,
  });
  return { status: response.status, body: (await response.json()) as any };
}

const HEADER = 'code,name,kind,liaison_name,liaison_email,liaison_phone,head_name,head_email,head_phone';
const csvLine = (cells: string[]) => cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');

beforeAll(async () => {
  stack = await TestStack.start();
  admin = await stack.userWithToken('admin');
  office = await stack.userWithToken('office');
  viewer = await stack.userWithToken('viewer');
  inspector = await stack.userWithToken('inspector');
});

afterAll(async () => {
  await stack?.stop();
});

describe('the lifecycle of a unit', () => {
  it('registers with people and a reason, renames and edits them, deactivates and reactivates; each change audited with only what changed', async () => {
    const c = code();
    const created = await stack.http('POST', '/departments', {
      token: admin.token,
      body: {
        code: c,
        name: '市医疗保障局',
        liaisonName: ' 王芳 ',
        liaisonEmail: `${c.toLowerCase()}-wang@duban.test`,
        liaisonPhone: '0734-8123456',
        headName: '李明',
        headEmail: `${c.toLowerCase()}-li@duban.test`,
        headPhone: '13800000000',
        reason: '新成立的成员单位',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: c, kind: 'department', active: true, liaisonName: '王芳', liaisonPhone: '0734-8123456', headName: '李明', deactivatedAt: null });
    const id = created.body.id as string;

    const renamed = await stack.http('PATCH', `/departments/${id}`, {
      token: admin.token,
      body: {
        name: '衡阳市医疗保障局',
        liaisonName: '张伟',
        liaisonEmail: `${c.toLowerCase()}-zhang@duban.test`,
        liaisonPhone: null,
        headName: '李明',
        reason: '联络员调整：张伟接替王芳',
      },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      name: '衡阳市医疗保障局',
      liaisonName: '张伟',
      liaisonEmail: `${c.toLowerCase()}-zhang@duban.test`,
      liaisonPhone: null,
      headName: '李明',
    });
    expect((await stack.http('GET', `/departments/${id}`, { token: viewer.token })).body).toMatchObject({ name: '衡阳市医疗保障局', liaisonName: '张伟' });

    // The same change again changes nothing and records nothing.
    const again = await stack.http('PATCH', `/departments/${id}`, { token: admin.token, body: { name: '衡阳市医疗保障局', reason: '再次提交' } });
    expect(again.status).toBe(200);

    const deactivated = await stack.http('POST', `/departments/${id}/deactivate`, { token: admin.token, body: { reason: '机构改革，职能划转' } });
    expect(deactivated.status).toBe(200);
    expect(deactivated.body.active).toBe(false);
    expect(deactivated.body.deactivatedAt).toEqual(expect.any(String));
    const twice = await stack.http('POST', `/departments/${id}/deactivate`, { token: admin.token, body: { reason: '再停用一次' } });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'DEPARTMENT_STATE_CONFLICT' });
    expect(twice.body.message).toContain(c);

    const reactivated = await stack.http('POST', `/departments/${id}/reactivate`, { token: admin.token, body: { reason: '职能恢复' } });
    expect(reactivated.status).toBe(200);
    expect(reactivated.body).toMatchObject({ active: true, deactivatedAt: null });
    const reactivatedTwice = await stack.http('POST', `/departments/${id}/reactivate`, { token: admin.token, body: { reason: '再启用一次' } });
    expect(reactivatedTwice.status).toBe(409);
    expect(reactivatedTwice.body).toMatchObject({ code: 'DEPARTMENT_STATE_CONFLICT' });

    const audit = await auditOf(id);
    expect(audit.map((a: any) => a.action)).toEqual(['department.created', 'department.updated', 'department.deactivated', 'department.reactivated']);
    for (const entry of audit) {
      expect(entry).toMatchObject({ actorId: admin.user.id, actorUsername: admin.user.username, targetType: 'department' });
      expect(entry.clientAddress).toMatch(/127\.0\.0\.1/);
    }
    expect(audit[0]).toMatchObject({
      reason: '新成立的成员单位',
      from: null,
      to: { code: c, name: '市医疗保障局', kind: 'department', liaisonName: '王芳', headPhone: '13800000000' },
    });
    // Only what changed: the head's name was sent unchanged and is not there.
    expect(audit[1]).toMatchObject({
      reason: '联络员调整：张伟接替王芳',
      targetLabel: `${c} 衡阳市医疗保障局`,
      from: { name: '市医疗保障局', liaisonName: '王芳', liaisonEmail: `${c.toLowerCase()}-wang@duban.test`, liaisonPhone: '0734-8123456' },
      to: { name: '衡阳市医疗保障局', liaisonName: '张伟', liaisonEmail: `${c.toLowerCase()}-zhang@duban.test`, liaisonPhone: null },
    });
    expect(Object.keys(audit[1].to).sort()).toEqual(['liaisonEmail', 'liaisonName', 'liaisonPhone', 'name']);
    expect(audit[2]).toMatchObject({ reason: '机构改革，职能划转', from: { active: true }, to: { active: false } });
    expect(audit[3]).toMatchObject({ reason: '职能恢复', from: { active: false }, to: { active: true } });

    // The administrator reads it in GET /audit-log too.
    const log = await stack.http('GET', `/audit-log?targetType=department&targetId=${id}`, { token: admin.token });
    expect(log.status).toBe(200);
    expect(log.body.total).toBe(4);
  });

  it('refuses to change the code or the kind, a change without a reason, and a required field removed (400, nothing changed)', async () => {
    const unit = await register();
    const before = await stored(unit.id);
    const auditBefore = (await auditOf(unit.id)).length;
    for (const [body, field] of [
      [{ code: 'OTHER', reason: '改代码' }, 'code'],
      [{ kind: 'district', reason: '改类型' }, 'kind'],
      [{ name: '新名称' }, 'reason'],
      [{ name: '新名称', reason: '   ' }, 'reason'],
      [{ liaisonEmail: null, reason: '删除邮箱' }, 'liaisonEmail'],
      [{ name: null, reason: '删除名称' }, 'name'],
      [{ name: '', reason: '空名称' }, 'name'],
      [{ headEmail: 'not-an-address', reason: '坏邮箱' }, 'headEmail'],
      [{ liaisonPhone: 'call me', reason: '坏电话' }, 'liaisonPhone'],
      [{ districtIds: [randomUUID()], reason: '部门不管区县' }, 'districtIds'],
    ] as const) {
      const refused = await stack.http('PATCH', `/departments/${unit.id}`, { token: admin.token, body });
      expect([refused.status, Object.keys(refused.body.fields ?? {}).some((f) => f.startsWith(field))]).toEqual([400, true]);
    }
    expect(await stored(unit.id)).toEqual(before);
    expect(await auditOf(unit.id)).toHaveLength(auditBefore);
  });

  it("edits an inspection team's districts; a district another team answers for is refused (409)", async () => {
    const [east, west] = [await register({ kind: 'district' }), await register({ kind: 'district' })];
    const team = await register({ kind: 'inspection_team', districtIds: [east.id] });
    expect(team.districtIds).toEqual([east.id]);
    const moved = await stack.http('PATCH', `/departments/${team.id}`, { token: admin.token, body: { districtIds: [west.id, west.id], reason: '调整管辖' } });
    expect(moved.status).toBe(200);
    expect(moved.body.districtIds).toEqual([west.id]);
    expect((await stack.http('GET', `/departments/${team.id}`, { token: admin.token })).body.districtIds).toEqual([west.id]);
    const audit = await auditOf(team.id);
    expect(audit[audit.length - 1]).toMatchObject({ action: 'department.updated', from: { districtIds: [east.id] }, to: { districtIds: [west.id] } });

    const other = await register({ kind: 'inspection_team' });
    const before = await counts();
    const taken = await stack.http('PATCH', `/departments/${other.id}`, { token: admin.token, body: { districtIds: [west.id], reason: '抢区县' } });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ code: 'DISTRICT_COVERED_BY_ANOTHER_TEAM' });
    const notDistrict = await stack.http('PATCH', `/departments/${other.id}`, { token: admin.token, body: { districtIds: [team.id], reason: '不是区县' } });
    expect(notDistrict.status).toBe(400);
    expect(notDistrict.body.fields).toHaveProperty(['districtIds.0']);
    expect(await counts()).toEqual(before);
  });

  it('lists as an array, filtered by kind, active and text, and downloads as CSV and XLSX with the columns the import reads', async () => {
    const marker = code('Q');
    const district = await register({ kind: 'district', name: `${marker}区` });
    const dept = await register({ name: `${marker}局`, liaisonName: '赵六' });
    await stack.http('POST', `/departments/${dept.id}/deactivate`, { token: admin.token, body: { reason: '撤并' } });

    const all = await stack.http('GET', `/departments?q=${encodeURIComponent(marker)}`, { token: viewer.token });
    expect(all.status).toBe(200);
    expect(Array.isArray(all.body)).toBe(true);
    expect(all.body.map((d: View) => d.id).sort()).toEqual([district.id, dept.id].sort());
    const active = await stack.http('GET', `/departments?q=${encodeURIComponent(marker)}&active=true`, { token: viewer.token });
    expect(active.body.map((d: View) => d.id)).toEqual([district.id]);
    const inactive = await stack.http('GET', `/departments?q=${encodeURIComponent(marker)}&active=false`, { token: viewer.token });
    expect(inactive.body.map((d: View) => d.id)).toEqual([dept.id]);
    const districts = await stack.http('GET', `/departments?kind=district&q=${encodeURIComponent(marker)}`, { token: viewer.token });
    expect(districts.body.map((d: View) => d.id)).toEqual([district.id]);
    const byPerson = await stack.http('GET', `/departments?q=${encodeURIComponent('赵六')}`, { token: viewer.token });
    expect(byPerson.body.map((d: View) => d.id)).toContain(dept.id);
    for (const bad of ['active=yes', 'kind=ministry', `q=${'x'.repeat(101)}`, 'format=pdf', 'limit=5']) {
      expect((await stack.http('GET', `/departments?${bad}`, { token: viewer.token })).status).toBe(400);
    }
    // Wildcards in q are text.
    expect((await stack.http('GET', `/departments?q=${encodeURIComponent('%')}`, { token: viewer.token })).body).toEqual([]);

    const csv = await download(stack.baseUrl, `/departments?format=csv&q=${encodeURIComponent(marker)}`, viewer.token);
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/^text\/csv/);
    const rows = parseCsv(csv.text.replace(/^\uFEFF/, ''));
    expect(rows[0].slice(0, 9)).toEqual(['代码', '名称', '类型', '联络员', '联络员邮箱', '联络员电话', '负责人', '负责人邮箱', '负责人电话']);
    expect(
      rows
        .slice(1)
        .map((r) => [r[0], r[2], r[9]])
        .sort(),
    ).toEqual(
      [
        [dept.code, '部门', '已停用'],
        [district.code, '区县', '启用'],
      ].sort(),
    );
    const xlsx = await download(stack.baseUrl, `/departments?format=xlsx&q=${encodeURIComponent(marker)}`, viewer.token);
    expect(xlsx.status).toBe(200);
    const sheet = await readXlsx(xlsx.bytes);
    expect(sheet.values).toHaveLength(3);

    // The downloaded sheet imports again as it is: nothing changes.
    const replay = await importFile(xlsx.bytes, '成员单位.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ created: 0, updated: 0, unchanged: 2, refused: 0 });
  });
});

describe('who may act', () => {
  it('lets the office register as before, and nobody but the administrator edit, deactivate, reactivate or import (403, nothing changed)', async () => {
    expect((await register({}, office.token)).code).toMatch(/^T/);
    const unit = await register();
    const deactivatedOne = await register();
    await stack.http('POST', `/departments/${deactivatedOne.id}/deactivate`, { token: admin.token, body: { reason: '停用' } });
    const officer = await stack.userWithToken('department_officer', unit.id);
    const before = await counts();
    for (const caller of [office, viewer, inspector, officer]) {
      const calls = [
        stack.http('PATCH', `/departments/${unit.id}`, { token: caller.token, body: { name: '越权改名', reason: '越权' } }),
        stack.http('POST', `/departments/${unit.id}/deactivate`, { token: caller.token, body: { reason: '越权' } }),
        stack.http('POST', `/departments/${deactivatedOne.id}/reactivate`, { token: caller.token, body: { reason: '越权' } }),
        importFile(`${HEADER}\n${code()},越权导入,department,,x@duban.test,,,y@duban.test,\n`, 'a.csv', { token: caller.token }),
      ];
      for (const answer of await Promise.all(calls)) {
        expect(answer.status).toBe(403);
        expect(answer.body).toMatchObject({ code: 'ACTION_NOT_PERMITTED' });
      }
    }
    for (const caller of [viewer, inspector, officer]) {
      expect(
        (await stack.http('POST', '/departments', { token: caller.token, body: { code: code(), name: '越权', liaisonEmail: 'a@duban.test', headEmail: 'b@duban.test' } })).status,
      ).toBe(403);
    }
    expect(await counts()).toEqual(before);
  });

  it('answers 404 for unknown and non-UUID ids', async () => {
    for (const id of [randomUUID(), 'not-a-uuid', '1', "x' OR '1'='1"]) {
      const path = `/departments/${encodeURIComponent(id)}`;
      for (const [method, suffix, body] of [
        ['GET', '', undefined],
        ['PATCH', '', { name: '无此单位', reason: '测试' }],
        ['POST', '/deactivate', { reason: '测试' }],
        ['POST', '/reactivate', { reason: '测试' }],
      ] as const) {
        const answer = await stack.http(method, `${path}${suffix}`, { token: admin.token, body });
        expect([method, suffix, id, answer.status, answer.body.code]).toEqual([method, suffix, id, 404, 'DEPARTMENT_NOT_FOUND']);
      }
    }
  });
});

describe('hostile bodies', () => {
  it('answers 400 (never 5xx) and changes nothing', async () => {
    const unit = await register({ kind: 'inspection_team' });
    const before = await counts();
    const row = await stored(unit.id);
    const deep: Record<string, unknown> = {};
    let at = deep;
    for (let i = 0; i < 200; i++) at = (at.x = {}) as Record<string, unknown>;
    const bodies: unknown[] = [
      { name: 'a\u0000b', reason: 'NUL' },
      { name: '控制\u0007字符', reason: '控制字符' },
      { liaisonName: '换\n行', reason: '换行' },
      { name: 'x'.repeat(201), reason: '太长' },
      { liaisonName: 'x'.repeat(101), reason: '太长' },
      { liaisonEmail: `${'a'.repeat(320)}@duban.test`, reason: '太长' },
      { headPhone: '1'.repeat(40), reason: '太长' },
      { reason: 'x'.repeat(501) },
      { name: 12, reason: '数字' },
      { name: ['a'], reason: '数组' },
      { name: { $gt: '' }, reason: '对象' },
      { districtIds: 'x', reason: '字符串' },
      { districtIds: [1, 2], reason: '数字' },
      { districtIds: Array.from({ length: 201 }, () => randomUUID()), reason: '太多' },
      { districtIds: [{ id: randomUUID() }], reason: '对象' },
      { name: '改名', reason: '未知字段', active: false },
      { name: '改名', reason: '未知字段', id: randomUUID() },
      { name: '改名', reason: '未知字段', deep },
      { name: '\ud800', reason: '孤立代理' },
      [],
      'just text',
      null,
    ];
    for (const body of bodies) {
      const answer = await stack.http('PATCH', `/departments/${unit.id}`, { token: admin.token, body });
      expect([JSON.stringify(body).slice(0, 60), answer.status]).toEqual([JSON.stringify(body).slice(0, 60), 400]);
    }
    for (const body of [{}, { reason: '' }, { reason: 5 }, { reason: 'a\u0000' }, { reason: '停用', extra: 1 }]) {
      expect((await stack.http('POST', `/departments/${unit.id}/deactivate`, { token: admin.token, body })).status).toBe(400);
    }
    const raw = await stack.http('PATCH', `/departments/${unit.id}`, { token: admin.token, rawBody: '{"name": "x", "reason": ' });
    expect(raw.status).toBe(400);
    for (const body of [
      { code: 'lower', name: 'x', liaisonEmail: 'a@duban.test', headEmail: 'b@duban.test' },
      { code: code(), name: 'x\u0000', liaisonEmail: 'a@duban.test', headEmail: 'b@duban.test' },
      { code: code(), name: 'x', liaisonEmail: 'a@duban.test', headEmail: 'b@duban.test', liaisonPhone: '<script>' },
      { code: code(), name: 'x', liaisonEmail: 'a@duban.test', headEmail: 'b@duban.test', reason: 'x'.repeat(501) },
      { code: code(), name: 'x', kind: 'ministry', liaisonEmail: 'a@duban.test', headEmail: 'b@duban.test' },
    ]) {
      expect((await stack.http('POST', '/departments', { token: admin.token, body })).status).toBe(400);
    }
    expect(await counts()).toEqual(before);
    expect(await stored(unit.id)).toEqual(row);
  });
});

describe('import from a sheet', () => {
  it('imports 30 departments and 12 districts from a CSV with a BOM; broken rows are refused alone and write nothing; the same file again changes nothing', async () => {
    const prefix = code('I').slice(0, 6);
    const good = [
      ...Array.from({ length: 30 }, (_, i) => [
        `${prefix}D${i}`,
        `成员单位${i}`,
        i % 2 ? '部门' : 'department',
        `联络员${i}`,
        `d${i}-${prefix}@duban.test`,
        '0734-8123456',
        `负责人${i}`,
        `h${i}-${prefix}@duban.test`,
        '',
      ]),
      ...Array.from({ length: 12 }, (_, i) => [
        `${prefix}X${i}`,
        `区县${i}`,
        i % 2 ? '区县' : 'district',
        '',
        `x${i}-${prefix}@duban.test`,
        '',
        '',
        `xh${i}-${prefix}@duban.test`,
        '13800000000',
      ]),
    ];
    const broken = [
      [`${prefix}BADMAIL`, '坏邮箱局', 'department', '', 'not-an-address', '', '', `b-${prefix}@duban.test`, ''],
      [`${prefix}KIND`, '未知类型局', 'ministry', '', `k-${prefix}@duban.test`, '', '', `kh-${prefix}@duban.test`, ''],
      [`${prefix}DUP`, '重复一', 'department', '', `u1-${prefix}@duban.test`, '', '', `uh1-${prefix}@duban.test`, ''],
      [`${prefix}DUP`, '重复二', 'department', '', `u2-${prefix}@duban.test`, '', '', `uh2-${prefix}@duban.test`, ''],
      [`${prefix}NUL`, '空\u0000字符', 'department', '', `n-${prefix}@duban.test`, '', '', `nh-${prefix}@duban.test`, ''],
      [`${prefix}LONG`, '长'.repeat(201), 'department', '', `l-${prefix}@duban.test`, '', '', `lh-${prefix}@duban.test`, ''],
      ['', '无代码', 'department', '', `e-${prefix}@duban.test`, '', '', `eh-${prefix}@duban.test`, ''],
      [`${prefix}NOMAIL`, '缺邮箱局', 'department', '', '', '', '', `m-${prefix}@duban.test`, ''],
    ];
    const file = `\uFEFF${[HEADER, ...[...good, ...broken].map(csvLine)].join('\r\n')}\r\n`;
    const before = await counts();

    const dry = await importFile(file, '成员单位名单.csv', { dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, created: 42, updated: 0, unchanged: 0, refused: 8 });
    expect(await counts()).toEqual(before);

    const started = Date.now();
    const imported = await importFile(file, '成员单位名单.csv');
    expect(imported.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(imported.body).toMatchObject({ dryRun: false, created: 42, updated: 0, unchanged: 0, refused: 8 });
    const byCode = new Map<string, any>(imported.body.rows.filter((r: any) => r.code).map((r: any) => [`${r.row}:${r.code}`, r]));
    const refused = imported.body.rows.filter((r: any) => r.status === 'refused');
    const errorsOf = (c: string) => refused.filter((r: any) => r.code === c).map((r: any) => r.errors);
    expect(errorsOf(`${prefix}BADMAIL`)[0]).toHaveProperty('liaison_email');
    expect(errorsOf(`${prefix}KIND`)[0].kind[0]).toMatch(/ministry/);
    expect(errorsOf(`${prefix}DUP`)).toHaveLength(2);
    expect(errorsOf(`${prefix}DUP`)[0].code[0]).toMatch(/row 47/);
    expect(errorsOf(`${prefix}NUL`)[0].name[0]).toMatch(/NUL/);
    expect(errorsOf(`${prefix}LONG`)[0]).toHaveProperty('name');
    expect(errorsOf('')[0].code[0]).toMatch(/no code/);
    expect(errorsOf(`${prefix}NOMAIL`)[0]).toHaveProperty('liaison_email');
    expect(byCode.size).toBeGreaterThan(40);
    for (const r of refused) expect(r.departmentId).toBeUndefined();

    const [{ n }] = await stack.dataSource.query(`SELECT count(*)::int AS n FROM departments WHERE code LIKE $1`, [`${prefix}%`]);
    expect(n).toBe(42);
    const [district] = await stack.dataSource.query(`SELECT kind, head_phone, liaison_name FROM departments WHERE code = $1`, [`${prefix}X1`]);
    expect(district).toEqual({ kind: 'district', head_phone: '13800000000', liaison_name: null });
    const [importRecord] = await stack.dataSource.query(
      `SELECT to_value AS "to", reason, client_address AS "clientAddress" FROM audit_log WHERE action = 'departments.imported' ORDER BY id DESC LIMIT 1`,
    );
    expect(importRecord.to).toMatchObject({ fileName: '成员单位名单.csv', created: 42, updated: 0, unchanged: 0, refused: 8 });
    expect(importRecord.clientAddress).toMatch(/127\.0\.0\.1/);
    expect((await counts()).audit - before.audit).toBe(43);

    const replay = await importFile(file, '成员单位名单.csv');
    expect(replay.body).toMatchObject({ created: 0, updated: 0, unchanged: 42, refused: 8 });
    expect((await counts()).audit - before.audit).toBe(44);
    expect((await counts()).departments - before.departments).toBe(42);
  });

  it('updates the changed fields from an XLSX (status updated, audited with from/to), refuses a change of kind, and clears an emptied optional cell', async () => {
    const existing = await register({ liaisonName: '旧联络员', liaisonPhone: '0734-1111111' });
    const fresh = code();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(['单位代码', '单位名称', '类型', '联络员', '联络员邮箱', '联络员电话', '负责人', '负责人邮箱', '负责人电话', '备注']);
    sheet.addRow([existing.code, existing.name, '部门', '新联络员', existing.liaisonEmail, '', '', existing.headEmail, '', '忽略的列']);
    sheet.addRow([fresh, '新监察队伍', '监察队伍', '', `${fresh.toLowerCase()}@duban.test`, '', '', `${fresh.toLowerCase()}-h@duban.test`, 13800000000]);
    sheet.addRow([existing.code.replace(/^T/, 'Z'), '另一个', 'district', '', 'a@duban.test', '', '', 'b@duban.test', '']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const kindChange = await register({ kind: 'district' });
    sheet.addRow([kindChange.code, kindChange.name, 'department', '', kindChange.liaisonEmail, '', '', kindChange.headEmail, '']);
    const withKindChange = Buffer.from(await workbook.xlsx.writeBuffer());

    const imported = await importFile(withKindChange, '更新.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect(imported.status).toBe(200);
    expect(imported.body.rows.map((r: any) => [r.row, r.status])).toEqual([
      [2, 'updated'],
      [3, 'created'],
      [4, 'created'],
      [5, 'refused'],
    ]);
    expect(imported.body.rows[3].errors.kind[0]).toMatch(/cannot change/);
    expect(imported.body.rows[0].departmentId).toBe(existing.id);
    const after = (await stack.http('GET', `/departments/${existing.id}`, { token: admin.token })).body;
    expect(after).toMatchObject({ liaisonName: '新联络员', liaisonPhone: null, name: existing.name });
    const audit = await auditOf(existing.id);
    expect(audit[audit.length - 1]).toMatchObject({
      action: 'department.updated',
      from: { liaisonName: '旧联络员', liaisonPhone: '0734-1111111' },
      to: { liaisonName: '新联络员', liaisonPhone: null },
      reason: '导入 更新.xlsx',
    });
    const team = (await stack.http('GET', `/departments/${imported.body.rows[1].departmentId}`, { token: admin.token })).body;
    expect(team).toMatchObject({ kind: 'inspection_team', headPhone: '13800000000', districtIds: [] });
    expect((await stored(kindChange.id)).kind).toBe('district');

    const replay = await importFile(bytes, '更新.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect(replay.body).toMatchObject({ created: 0, updated: 0, unchanged: 3, refused: 0 });
  });

  it('refuses a file it cannot read as a whole (400, nothing written): missing columns, empty, PDF, no file, two columns of one kind', async () => {
    const before = await counts();
    const cases: Array<[Buffer | string, string, string?]> = [
      ['code,name,kind\nABC,某局,department\n', 'missing.csv'],
      ['', 'empty.csv'],
      ['\uFEFF\r\n\r\n', 'blank.csv'],
      ['%PDF-1.7\n...', 'list.pdf'],
      [`${HEADER},name\n`, 'twice.csv'],
      [`${HEADER}\nA,"never closed\n`, 'broken.csv'],
    ];
    for (const [bytes, name] of cases) {
      const answer = await importFile(bytes, name);
      expect([name, answer.status]).toEqual([name, 400]);
      expect(answer.body.fields).toHaveProperty('file');
    }
    expect((await importFile('x', 'a.csv', { field: 'upload' })).status).toBe(400);
    const noFile = await fetch(`${stack.baseUrl}/departments/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(noFile.status).toBe(400);
    const tooLarge = await importFile(Buffer.alloc(1024 * 1024 + 1, 0x41), 'big.csv');
    expect(tooLarge.status).toBe(413);
    const form = new FormData();
    form.append('file', new Blob([`${HEADER}\n${code()},某局,,,a@duban.test,,,b@duban.test,\n`]), 'a.csv');
    const badQuery = await fetch(`${stack.baseUrl}/departments/import?dryRun=maybe`, { method: 'POST', headers: { authorization: `Bearer ${admin.token}` }, body: form });
    expect(badQuery.status).toBe(400);
    expect(await counts()).toEqual(before);
  });
});

describe('a deactivated unit gets no new duties', () => {
  let units: Awaited<ReturnType<typeof seededDepartments>>;

  beforeAll(async () => {
    units = await seededDepartments(stack, office.token);
  });

  const member = (departmentId: string) => ({ departmentId, liaison: { name: '联络员' }, head: { name: '负责人' } });

  function campaignBody(group: { memberIds?: string[]; districtIds?: string[] } = {}) {
    return {
      name: `停用单位测试${randomUUID().slice(0, 6)}`,
      reportPlan: NO_REPORT_PLAN,
      jurisdiction: { name: '衡阳市', level: 'city', districtIds: group.districtIds ?? [] },
      period: { start: '2026-01-01', end: '2027-12-31' },
      legalBasis: { title: '实施方案', number: `衡政办发〔2026〕${Math.floor(Math.random() * 1000)}号` },
      targets: [],
      leadingGroup: { chair: LEADING_GROUP_CHAIR, viceChairs: [], members: (group.memberIds ?? []).map(member) },
      phases: [
        {
          kind: 'mobilisation',
          name: '动员部署',
          window: { start: '2026-01-01', end: '2027-06-30' },
          templates: [{ title: '制定方案', description: '', route: { kind: 'function', key: 'registration' }, scope: 'once', due: { workingDaysAfterLaunch: 5 } }],
        },
      ],
    };
  }

  async function campaignRoutedTo(departmentId: string) {
    const created = await stack.http('POST', '/campaigns', { token: office.token, body: campaignBody() });
    expect(created.status).toBe(201);
    const pinned = await stack.http('PUT', `/campaigns/${created.body.id}/duty-matrix/function/registration`, { token: office.token, body: { departmentId, reason: '测试' } });
    expect(pinned.status).toBe(200);
    return { id: created.body.id as string, phaseId: created.body.phases[0].id as string };
  }

  it('refuses a phase launch, matrix routes, new and reassigned duties naming the unit (409, nothing written); the duties it holds run on; reactivated, it gets duties again', async () => {
    const unit = await register({ name: '即将撤并的局' });
    const officer = await stack.userWithToken('department_officer', unit.id);
    const campaign = await campaignRoutedTo(unit.id);
    const held = await stack.http('POST', '/duties', { token: office.token, body: { departmentId: unit.id, title: '停用前的事项', description: '', dueAt: inDays(30) } });
    expect(held.status).toBe(201);
    const elsewhere = await stack.http('POST', '/duties', {
      token: office.token,
      body: { departmentId: units.get('SIA')!.id, title: '别处的事项', description: '', dueAt: inDays(30) },
    });
    expect(elsewhere.status).toBe(201);

    expect((await stack.http('POST', `/departments/${unit.id}/deactivate`, { token: admin.token, body: { reason: '机构撤并' } })).status).toBe(200);
    const [{ duties: dutiesBefore }] = await stack.dataSource.query(`SELECT count(*)::int AS duties FROM duties WHERE department_id = $1`, [unit.id]);
    const [{ changes: matrixChangesBefore }] = await stack.dataSource.query(`SELECT count(*)::int AS changes FROM duty_matrix_changes`);
    const expectInactive = (answer: { status: number; body: any }) => {
      expect(answer.status).toBe(409);
      expect(answer.body).toMatchObject({ code: 'DEPARTMENT_INACTIVE' });
      expect(answer.body.message).toContain(unit.code);
      expect(answer.body.message).toContain('即将撤并的局');
    };

    const preview = await stack.http('GET', `/campaigns/${campaign.id}/phases/${campaign.phaseId}/launch-preview`, { token: office.token });
    expect(preview.status).toBe(200);
    expect(preview.body.refusal).toMatchObject({ code: 'DEPARTMENT_INACTIVE' });
    expectInactive(await stack.http('POST', `/campaigns/${campaign.id}/phases/${campaign.phaseId}/launch`, { token: office.token, body: {} }));
    const [phase] = await stack.dataSource.query(`SELECT status, duty_count FROM campaign_phases WHERE id = $1`, [campaign.phaseId]);
    expect(phase).toEqual({ status: 'planned', duty_count: null });
    expect((await stack.dataSource.query(`SELECT 1 FROM phase_fanout WHERE phase_id = $1`, [campaign.phaseId])).length).toBe(0);

    expectInactive(
      await stack.http('PUT', '/duty-matrix/function/exposure_test_route', { token: office.token, body: { departmentId: unit.id, label: '测试职能', reason: '测试' } }),
    );
    const other = await campaignRoutedTo(units.get('SIA')!.id);
    expectInactive(await stack.http('PUT', `/campaigns/${other.id}/duty-matrix/function/registration`, { token: office.token, body: { departmentId: unit.id, reason: '测试' } }));
    expect((await stack.http('GET', `/campaigns/${other.id}/duty-matrix`, { token: office.token })).body.find((r: any) => r.key === 'registration').departmentId).toBe(
      units.get('SIA')!.id,
    );
    expectInactive(await stack.http('POST', '/duties', { token: office.token, body: { departmentId: unit.id, title: '停用后的事项', description: '', dueAt: inDays(30) } }));
    expectInactive(await stack.http('POST', `/duties/${elsewhere.body.id}/reassign`, { token: office.token, body: { departmentId: unit.id, reason: '改派' } }));
    expect((await stack.http('GET', `/duties/${elsewhere.body.id}`, { token: office.token })).body.departmentId).toBe(units.get('SIA')!.id);

    const [{ duties: dutiesAfter }] = await stack.dataSource.query(`SELECT count(*)::int AS duties FROM duties WHERE department_id = $1`, [unit.id]);
    expect(dutiesAfter).toBe(dutiesBefore);
    const [{ changes: matrixChangesAfter }] = await stack.dataSource.query(`SELECT count(*)::int AS changes FROM duty_matrix_changes`);
    expect(matrixChangesAfter).toBe(matrixChangesBefore);

    // The duty it held runs on: its officer still acts on it.
    const acknowledged = await stack.http('POST', `/duties/${held.body.id}/acknowledge`, { token: officer.token, body: {} });
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body.state).toBe('acknowledged');

    expect((await stack.http('POST', `/departments/${unit.id}/reactivate`, { token: admin.token, body: { reason: '恢复' } })).status).toBe(200);
    const launched = await stack.http('POST', `/campaigns/${campaign.id}/phases/${campaign.phaseId}/launch`, { token: office.token, body: {} });
    expect(launched.status).toBe(200);
    expect(launched.body.dutyCount).toBe(1);
  });

  it('joins no campaign: a deactivated member or district is refused at creation and when the group changes (400 naming the field); a member deactivated later may stay', async () => {
    const [gone, goneDistrict, staying] = [
      await register({ name: '已撤并的局' }),
      await register({ kind: 'district', name: '已撤并区' }),
      await register({ name: '后来撤并的局' }),
    ];
    for (const unit of [gone, goneDistrict]) {
      expect((await stack.http('POST', `/departments/${unit.id}/deactivate`, { token: admin.token, body: { reason: '机构撤并' } })).status).toBe(200);
    }
    const [{ campaigns: before }] = await stack.dataSource.query(`SELECT count(*)::int AS campaigns FROM campaigns`);
    const refused = await stack.http('POST', '/campaigns', { token: office.token, body: campaignBody({ memberIds: [gone.id], districtIds: [goneDistrict.id] }) });
    expect(refused.status).toBe(400);
    expect(refused.body.fields['leadingGroup.members.0.departmentId']).toEqual([expect.stringContaining('deactivated')]);
    expect(refused.body.fields['jurisdiction.districtIds.0']).toEqual([expect.stringContaining('deactivated')]);
    const [{ campaigns: after }] = await stack.dataSource.query(`SELECT count(*)::int AS campaigns FROM campaigns`);
    expect(after).toBe(before);

    const created = await stack.http('POST', '/campaigns', { token: office.token, body: campaignBody({ memberIds: [staying.id] }) });
    expect(created.status).toBe(201);
    expect((await stack.http('POST', `/departments/${staying.id}/deactivate`, { token: admin.token, body: { reason: '机构撤并' } })).status).toBe(200);
    const group = (ids: string[]) => ({ leadingGroup: { chair: LEADING_GROUP_CHAIR, viceChairs: [], members: ids.map(member) }, reason: '调整成员' });
    const joining = await stack.http('PUT', `/campaigns/${created.body.id}/leading-group`, { token: office.token, body: group([staying.id, gone.id]) });
    expect(joining.status).toBe(400);
    expect(joining.body.fields).toEqual({ 'leadingGroup.members.1.departmentId': [expect.stringContaining('deactivated')] });
    const kept = await stack.http('PUT', `/campaigns/${created.body.id}/leading-group`, { token: office.token, body: group([staying.id]) });
    expect(kept.status).toBe(200);
    expect(kept.body.leadingGroup.members.map((m: { departmentId: string }) => m.departmentId)).toEqual([staying.id]);
  });

  it('never writes a duty for a unit after its deactivation, when assignments race with it', async () => {
    const unit = await register();
    const assign = (i: number) =>
      stack.http('POST', '/duties', { token: office.token, body: { departmentId: unit.id, title: `赛跑事项${i}`, description: '', dueAt: inDays(30) } });
    const early = Array.from({ length: 8 }, (_, i) => assign(i));
    const deactivation = stack.http('POST', `/departments/${unit.id}/deactivate`, { token: admin.token, body: { reason: '赛跑' } });
    const late = Array.from({ length: 8 }, (_, i) => assign(100 + i));
    const answers = await Promise.all([...early, ...late]);
    expect((await deactivation).status).toBe(200);
    for (const answer of answers) {
      expect([201, 409]).toContain(answer.status);
      if (answer.status === 409) expect(answer.body.code).toBe('DEPARTMENT_INACTIVE');
    }
    const [{ deactivatedAt }] = await stack.dataSource.query(`SELECT deactivated_at AS "deactivatedAt" FROM departments WHERE id = $1`, [unit.id]);
    const written: Array<{ assignedAt: Date }> = await stack.dataSource.query(`SELECT assigned_at AS "assignedAt" FROM duties WHERE department_id = $1`, [unit.id]);
    expect(written).toHaveLength(answers.filter((a) => a.status === 201).length);
    for (const duty of written) expect(duty.assignedAt.getTime()).toBeLessThanOrEqual(deactivatedAt.getTime());
    expect(await assign(999)).toMatchObject({ status: 409 });
  });

  it('opens report rounds that owe nothing from a deactivated district', async () => {
    const [open, closed] = [await register({ kind: 'district', name: '报送区' }), await register({ kind: 'district', name: '撤并区' })];
    const now = new Date();
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    const period = { start: iso(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 1))), end: iso(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 2, 0))) };
    const created = await stack.http('POST', '/campaigns', {
      token: office.token,
      body: {
        name: `报告停用测试${randomUUID().slice(0, 6)}`,
        reportPlan: NO_REPORT_PLAN,
        jurisdiction: { name: '衡阳市', level: 'city', districtIds: [open.id, closed.id] },
        period,
        legalBasis: { title: '实施方案', number: `衡政办发〔2026〕${Math.floor(Math.random() * 1000)}号` },
        targets: [],
        leadingGroup: { chair: LEADING_GROUP_CHAIR, viceChairs: [], members: [] },
        phases: [{ kind: 'mobilisation', name: '动员部署', window: period, templates: [] }],
      },
    });
    expect(created.status).toBe(201);
    const campaignId = created.body.id as string;
    // Set up five weeks ago, so rounds are owed now.
    await stack.dataSource.query(`UPDATE campaigns SET created_at = now() - interval '35 days' WHERE id = $1`, [campaignId]);
    expect((await stack.http('POST', `/departments/${closed.id}/deactivate`, { token: admin.token, body: { reason: '区划调整' } })).status).toBe(200);
    const set = await stack.http('PUT', `/campaigns/${campaignId}/report-plan`, {
      token: office.token,
      body: { plan: { kinds: [{ kind: 'ten_day', owedBy: ['district'] }], dueOnDayOff: 'keep' }, reason: '旬报' },
    });
    expect(set.status).toBe(200);
    const rounds = await waitFor(
      'the owed rounds',
      async () => {
        const got = await stack.http('GET', `/campaigns/${campaignId}/report-rounds`, { token: office.token });
        return got.body.items.length >= 2 && got.body.items;
      },
      { timeoutMs: 60_000 },
    );
    for (const round of rounds) expect(round.reportCount).toBe(1);
    const reports = await stack.http('GET', `/reports?campaignId=${campaignId}&pageSize=100`, { token: office.token });
    expect(reports.body.total).toBeGreaterThanOrEqual(2);
    expect(new Set(reports.body.items.map((r: any) => r.unitId ?? r.unit?.id))).toEqual(new Set([open.id]));
    const [{ n }] = await stack.dataSource.query(`SELECT count(*)::int AS n FROM duties WHERE department_id = $1`, [closed.id]);
    expect(n).toBe(0);
  });

  it("sends the mail after an edit of the liaison's address to the new address", async () => {
    const unit = await register();
    const oldAddress = unit.liaisonEmail;
    const duty = await stack.http('POST', '/duties', { token: office.token, body: { departmentId: unit.id, title: '联络员变更测试', description: '', dueAt: inDays(30) } });
    expect(duty.status).toBe(201);
    await waitFor('the assignment mail to the old address', async () => stack.smtp.to(oldAddress).length > 0 || undefined, { timeoutMs: 60_000 });

    const newAddress = `new-${unit.code.toLowerCase()}@duban.test`;
    expect((await stack.http('PATCH', `/departments/${unit.id}`, { token: admin.token, body: { liaisonEmail: newAddress, reason: '联络员调整' } })).status).toBe(200);
    const extended = await stack.http('POST', `/duties/${duty.body.id}/extend`, { token: office.token, body: { dueAt: inDays(40), reason: '延期' } });
    expect(extended.status).toBe(200);
    const mail = await waitFor('the next mail, to the new address', async () => stack.smtp.to(newAddress)[0], { timeoutMs: 60_000 });
    expect(mail.text).toContain('联络员变更测试');
    expect(stack.smtp.to(oldAddress)).toHaveLength(1);
  });
});
