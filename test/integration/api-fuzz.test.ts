import { randomUUID } from 'node:crypto';
import { get } from 'node:http';
import { deflateSync, gzipSync } from 'node:zlib';
import { DEFAULT_SIGN_IN_POLICY } from '@duban/domain';
import { JwtService } from '@nestjs/jwt';
import fc from 'fast-check';
import { LEADING_GROUP_CHAIR, NO_REPORT_PLAN } from '../support/campaign-fixtures';
import { validCreditCode } from '../support/credit-codes';
import { TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait-for';

/**
 * Hostile input against every operation of the served OpenAPI document, as every role: no
 * answer may be a 5xx or take longer than REQUEST_DEADLINE_MS, and a refused request (4xx)
 * must leave every table as it was. FUZZ_SEED picks the seed (printed), FUZZ_RUNS the count.
 */
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 13_2026;
const RUNS = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : 3000;
const CONCURRENCY = 8;
const REQUEST_DEADLINE_MS = 10_000;

/**
 * Tables left out of the before/after comparison, and why. None: a refused request writes
 * nothing anywhere, with one exception below.
 */
const TABLES_THAT_MAY_CHANGE_ON_REFUSAL = new Set<string>([]);
/**
 * A refused sign-in or password change is itself recorded: the throttle counts it and the
 * audit log says who tried. These tables may change after a refusal, but only in a batch that
 * held a request to /auth/; anywhere else they must stay as they were.
 */
const SIGN_IN_RECORDS = new Set(['audit_log', 'sign_in_failures']);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  $ref?: string;
  allOf?: Schema[];
  minimum?: number;
}
interface Operation {
  method: string;
  path: string;
  params: string[];
  query: Array<{ name: string; schema: Schema }>;
  body?: Schema;
  json: boolean;
}
interface FuzzRequest {
  label: string;
  method: string;
  url: string;
  role: string;
  headers: Record<string, string>;
  body?: Buffer;
}
interface Outcome {
  request: FuzzRequest;
  status: number;
  ms: number;
  text: string;
}

const PLACEHOLDER = '"__FUZZ_HOLE__"';
const deep = (levels: number, open = '[', close = ']') => open.repeat(levels) + close.repeat(levels);
const deepObject = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);

/** Values of the wrong type for a schema: never valid where that schema is expected. */
function wrongTypeFragments(schema: Schema | undefined): string[] {
  const type = schema?.type ?? (schema?.properties ? 'object' : undefined);
  switch (type) {
    case 'string':
      return ['123', 'true', '{}', '[]', '["x"]', '{"a":"b"}', 'null'];
    case 'integer':
    case 'number':
      return ['"12"', '"1e999"', '1e999', '-1e999', '{}', '[]', '"NaN"', '1.5e308', 'true'];
    case 'boolean':
      return ['"true"', '1', '{}', '[]'];
    case 'array':
      return ['{}', '{"0":{}}', '"x"', '7', '[[[[]]]]', `[${Array(1500).fill('1').join(',')}]`];
    case 'object':
      return ['[]', '[{}]', '"x"', '7', 'true'];
    default:
      return ['[]', '{}', '"x"', '7'];
  }
}

/** Hostile text and structures that fit anywhere. */
const HOSTILE_FRAGMENTS = [
  JSON.stringify('a\u0000b'),
  '"\\u0000"',
  '"\\ud800x"',
  '"x\\udfff"',
  JSON.stringify('\u0001\u0002\u001b[31m\u007f'),
  JSON.stringify('x'.repeat(150_000)),
  JSON.stringify('长'.repeat(30_000)),
  deep(5000),
  deepObject(5000),
  deep(40),
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  JSON.stringify("'; DROP TABLE duties; --"),
  JSON.stringify('2026-02-30'),
  JSON.stringify('1970-01-01T00:00:00Z'),
  JSON.stringify('%00%zz%'),
  JSON.stringify('\ufeff'),
];

/** Path ids: real ones, other departments', unknown, malformed. */
function idPool(real: string[]): string[] {
  return [
    ...real,
    randomUUID(),
    'not-a-uuid',
    '%',
    '%25',
    '%00',
    '%zz',
    '%E0%A4%A',
    'x'.repeat(3000),
    '..%2F..%2Fdocs',
    "'%20OR%201=1--",
    '0',
    '-1',
    '00000000-0000-0000-0000-000000000000',
  ];
}

describe('fuzzing every endpoint of the OpenAPI document', () => {
  let stack: TestStack;
  let operations: Operation[];
  let components: Record<string, Schema>;
  const tokens: Record<string, string | undefined> = {};
  const ids: Record<string, string> = {};
  let tables: string[];
  let gzipBomb: Buffer;

  const checksum = async (): Promise<Map<string, string>> => {
    const sql = tables
      .map((t) => `SELECT '${t}' AS t, count(*)::text || ':' || coalesce(md5(string_agg(md5(x::text), '' ORDER BY md5(x::text))), '') AS h FROM "${t}" x`)
      .join(' UNION ALL ');
    const rows: Array<{ t: string; h: string }> = await stack.dataSource.query(sql);
    return new Map(rows.map((r) => [r.t, r.h]));
  };
  const changedTables = (a: Map<string, string>, b: Map<string, string>) => [...a.keys()].filter((t) => a.get(t) !== b.get(t));
  /** The worker finishes what a successful request started (e-mails, records): wait until nothing moves. */
  const settled = async () => {
    let last = await checksum();
    let quiet = 0;
    return waitFor(
      'the database to settle',
      async () => {
        const now = await checksum();
        const pending = Number((await stack.dataSource.query(`SELECT count(*) AS n FROM emails WHERE status = 'pending'`))[0].n);
        quiet = changedTables(last, now).length === 0 && pending === 0 ? quiet + 1 : 0;
        last = now;
        return quiet >= 2 ? now : false;
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );
  };

  const resolve = (schema: Schema | undefined): Schema | undefined => {
    if (!schema) return undefined;
    if (schema.$ref) return resolve(components[schema.$ref.split('/').pop()!]);
    if (schema.allOf?.length === 1) return resolve(schema.allOf[0]);
    return schema;
  };

  /** A plausible value for a schema (real ids where a uuid is asked for). */
  const plausible = (raw: Schema | undefined, depth = 0): Json => {
    const schema = resolve(raw);
    if (!schema || depth > 6) return 'x';
    if (schema.enum?.length) return schema.enum[0] as Json;
    const type = schema.type ?? (schema.properties ? 'object' : 'string');
    if (type === 'object') {
      const out: Record<string, Json> = {};
      for (const [name, child] of Object.entries(schema.properties ?? {})) out[name] = plausible(child, depth + 1);
      return out;
    }
    if (type === 'array') return [plausible(schema.items, depth + 1)];
    if (type === 'integer' || type === 'number') return schema.minimum ?? 1;
    if (type === 'boolean') return true;
    if (schema.format === 'uuid') return ids.duty;
    if (schema.format === 'date-time') return new Date(Date.now() + 86_400_000).toISOString();
    if (schema.format === 'date') return '2026-06-01';
    return '测试';
  };

  /** Every field path of a value with its schema, the root included. */
  const pathsOf = (value: Json, raw: Schema | undefined, prefix: string[] = []): Array<{ path: string[]; schema?: Schema }> => {
    const schema = resolve(raw);
    const here = [{ path: prefix, schema }];
    if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => pathsOf(v, schema?.items, [...prefix, String(i)]))];
    if (value && typeof value === 'object') {
      return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, schema?.properties?.[k], [...prefix, k]))];
    }
    return here;
  };

  /** The JSON text of `value` with the value at `path` replaced by a raw fragment. */
  const withFragment = (value: Json, path: string[], fragment: string): string => {
    if (path.length === 0) return fragment;
    const copy = structuredClone(value) as any;
    let node = copy;
    for (const key of path.slice(0, -1)) node = node[key];
    node[path[path.length - 1]] = '__FUZZ_HOLE__';
    return JSON.stringify(copy).replace(PLACEHOLDER, () => fragment);
  };

  const pathFor = (op: Operation, pick: (pool: string[]) => string) =>
    op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
      const resource = op.path.split('/')[1];
      const real =
        name === 'creditCode'
          ? [ids.creditCode]
          : resource === 'duties'
            ? [ids.duty]
            : resource === 'campaigns'
              ? [ids.campaign]
              : resource === 'departments'
                ? [ids.department, ids.otherDepartment]
                : [];
      return pick(idPool([...real, ids.otherDepartment]));
    });

  /** The arbitrary of one hostile request. */
  const requestArbitrary = () =>
    fc
      .record({
        op: fc.constantFrom(...operations),
        role: fc.constantFrom(...Object.keys(tokens)),
        kind: fc.constantFrom('field', 'field', 'field', 'wrapper', 'encoding', 'query', 'path'),
        pathChoice: fc.nat(),
        fieldChoice: fc.nat(),
        fragmentChoice: fc.nat(),
        realPath: fc.boolean(),
        text: fc.string({ maxLength: 40, unit: 'binary' }),
      })
      .map((c): FuzzRequest => {
        const { op } = c;
        const pick = (pool: string[], n = c.pathChoice) => pool[n % pool.length];
        const path = c.realPath && c.kind !== 'path' ? pathFor(op, (pool) => pool[0]) : pathFor(op, (pool) => pick(pool));
        const headers: Record<string, string> = { accept: 'application/json' };
        const token = tokens[c.role];
        if (token) headers.authorization = `Bearer ${token}`;
        const valid = plausible(op.body);
        const fieldPaths = pathsOf(valid, op.body);
        const target = fieldPaths[c.fieldChoice % fieldPaths.length];
        const fragments = [...wrongTypeFragments(target.schema), ...HOSTILE_FRAGMENTS];
        const fragment = pick(fragments, c.fragmentChoice);
        let label = `${op.method} ${op.path} as ${c.role}: `;
        let url = path;
        let body: Buffer | undefined;
        const hasBody = op.method !== 'GET' && op.method !== 'DELETE';
        if (c.kind === 'query' || !hasBody) {
          const names = [...op.query.map((q) => q.name), 'unknown', 'x[__proto__]', 'limit'];
          const name = pick(names, c.fieldChoice);
          const values = ['%', '%00', '%zz', '%ED%A0%80', 'x'.repeat(5000), '-1', '1e309', 'NaN', encodeURIComponent(c.text), '', 'true', '[]', encodeURIComponent("' OR 1=1 --")];
          const value = pick(values, c.fragmentChoice);
          const extra = c.pathChoice % 3 === 0 ? `&${encodeURIComponent(name)}=1` : ''; // a repeated name: an array
          url = `${path}?${encodeURIComponent(name).replace('%5B', '[').replace('%5D', ']')}=${value}${extra}`;
          label += `query ${url}`;
          if (hasBody) body = Buffer.from(JSON.stringify(valid));
        } else if (c.kind === 'field') {
          body = Buffer.from(withFragment(valid, target.path, fragment));
          label += `${target.path.join('.') || '(body)'} = ${fragment.slice(0, 60)}`;
        } else if (c.kind === 'wrapper') {
          const text = withFragment(valid, target.path, fragment);
          const wrappers: Array<[string, () => Buffer]> = [
            ['BOM + body', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
            ['truncated', () => Buffer.from(text.slice(0, Math.max(1, text.length >> 1)))],
            ['proto at the top', () => Buffer.from(text.replace(/^\{/, '{"__proto__":{"isAdmin":true},'))],
            ['constructor at the top', () => Buffer.from(text.replace(/^\{/, '{"constructor":{"prototype":{"isAdmin":true}},'))],
            ['top-level array', () => Buffer.from(`[${text}]`)],
            ['top-level string', () => Buffer.from('"x"')],
            ['top-level null', () => Buffer.from('null')],
            ['deep top level', () => Buffer.from(deep(5000))],
            ['binary', () => Buffer.from(c.text, 'latin1')],
            ['NUL bytes', () => Buffer.from(`{"a\u0000":1,${text.slice(1)}`)],
            ['invalid UTF-8', () => Buffer.concat([Buffer.from('{"title":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')])],
          ];
          const [name, make] = wrappers[c.fragmentChoice % wrappers.length];
          body = make();
          label += name;
        } else if (c.kind === 'encoding') {
          const text = withFragment(valid, target.path, fragment);
          const encodings: Array<[string, string, () => Buffer]> = [
            ['gzip, not gzipped', 'gzip', () => Buffer.from(text)],
            ['deflate, not deflated', 'deflate', () => Buffer.from(text)],
            ['gzip, truncated', 'gzip', () => gzipSync(text).subarray(0, 12)],
            ['gzip, corrupt', 'gzip', () => Buffer.from(gzipSync(text).map((b, i) => (i > 10 && i % 7 === 0 ? b ^ 0xff : b)))],
            ['gzip, hostile body', 'gzip', () => gzipSync(text)],
            ['deflate, hostile body', 'deflate', () => deflateSync(text)],
            ['gzip bomb', 'gzip', () => gzipBomb],
            ['br, garbage', 'br', () => Buffer.from(text)],
            ['unknown encoding', 'compress', () => Buffer.from(text)],
            ['two encodings', 'gzip, gzip', () => gzipSync(gzipSync(text))],
          ];
          const [name, encoding, make] = encodings[c.fragmentChoice % encodings.length];
          headers['content-encoding'] = encoding;
          body = make();
          label += name;
        } else {
          body = Buffer.from(JSON.stringify(valid));
          label += `path ${path.slice(0, 120)}`;
        }
        if (body) {
          const types = [
            'application/json',
            'application/json',
            'application/json',
            'application/json; charset=utf-16',
            'text/plain',
            'multipart/form-data; boundary=x',
            'application/json; charset=latin1',
          ];
          headers['content-type'] = c.kind === 'field' || c.kind === 'encoding' ? 'application/json' : pick(types, c.fieldChoice + c.pathChoice);
          if (!op.json && c.kind === 'path') headers['content-type'] = 'multipart/form-data; boundary=x';
        }
        return { label, method: op.method, url, role: c.role, headers, body };
      });

  const send = async (request: FuzzRequest): Promise<Outcome> => {
    const started = Date.now();
    try {
      const response = await fetch(`${stack.baseUrl}${request.url}`, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: AbortSignal.timeout(REQUEST_DEADLINE_MS),
      });
      const text = await response.text();
      return { request, status: response.status, ms: Date.now() - started, text };
    } catch (error) {
      return { request, status: -1, ms: Date.now() - started, text: String(error) };
    }
  };

  beforeAll(async () => {
    stack = await TestStack.start();
    const office = await stack.userWithToken('office');
    const department = await stack.department(office.token);
    const other = await stack.department(office.token);
    const officer = await stack.userWithToken('department_officer', department.id);
    const inspector = await stack.userWithToken('inspector');
    // The administrator: the users' and departments' routes get past the role check and meet the hostile bodies.
    const admin = await stack.userWithToken('admin');
    tokens.admin = admin.token;
    ids.department = department.id;
    ids.otherDepartment = other.id;
    tokens.office = office.token;
    tokens.officer = officer.token;
    tokens.inspector = inspector.token;
    tokens.none = undefined;
    tokens.garbage = 'eyJhbGciOiJIUzI1NiJ9.e30.garbage';
    // Signed with the real secret, but its subject is no user id.
    tokens.forged = new JwtService().sign({ sub: "1' OR '1'='1", username: 7, role: 'office' }, { secret: stack.config.jwt.secret });

    const duty = await stack.http('POST', '/duties', {
      token: office.token,
      body: { departmentId: department.id, title: '模糊测试事项', description: '', dueAt: new Date(Date.now() + 30 * 86_400_000).toISOString() },
    });
    expect(duty.status).toBe(201);
    ids.duty = duty.body.id;
    const year = new Date().getUTCFullYear();
    const campaign = await stack.http('POST', '/campaigns', {
      token: office.token,
      body: {
        name: `模糊测试${randomUUID().slice(0, 6)}`,
        reportPlan: NO_REPORT_PLAN,
        jurisdiction: { name: '衡阳市', level: 'city', districtIds: [] },
        period: { start: `${year}-01-01`, end: `${year}-12-31` },
        legalBasis: { title: '扩面专项行动实施方案', number: `测〔${year}〕${Math.floor(Math.random() * 100_000)}号` },
        targets: [],
        leadingGroup: { chair: LEADING_GROUP_CHAIR, viceChairs: [], members: [] },
        phases: [{ kind: 'mobilisation', name: '动员部署', window: { start: `${year}-01-01`, end: `${year}-12-31` }, templates: [] }],
      },
    });
    expect(campaign.status).toBe(201);
    ids.campaign = campaign.body.id;
    const unit = await stack.http('POST', '/units', {
      token: office.token,
      body: { creditCode: validCreditCode(), name: '模糊测试单位', source: { departmentId: department.id, file: 'x.csv', date: '2026-10-31' } },
    });
    expect(unit.status).toBe(201);
    ids.creditCode = unit.body.creditCode;

    const document = await stack.http('GET', '/docs-json');
    expect(document.status).toBe(200);
    components = document.body.components?.schemas ?? {};
    operations = [];
    for (const [path, item] of Object.entries<any>(document.body.paths)) {
      for (const [method, op] of Object.entries<any>(item)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        const parameters: any[] = op.parameters ?? [];
        const content = op.requestBody?.content ?? {};
        operations.push({
          method: method.toUpperCase(),
          path,
          params: parameters.filter((p) => p.in === 'path').map((p) => p.name),
          query: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema ?? {} })),
          body: content['application/json']?.schema,
          json: !content['multipart/form-data'],
        });
      }
    }
    gzipBomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20)); // 64 MiB of spaces in ~64 KiB

    const rows: Array<{ table_name: string }> = await stack.dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    tables = rows.map((r) => r.table_name).filter((t) => !TABLES_THAT_MAY_CHANGE_ON_REFUSAL.has(t));
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  describe('the cases in the issue, one by one', () => {
    const raw = (method: string, path: string, body: Buffer | string, headers: Record<string, string> = {}, token = tokens.office) =>
      fetch(`${stack.baseUrl}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
        body,
      }).then(async (r) => ({ status: r.status, headers: r.headers, body: (await r.json().catch(() => null)) as any }));
    const newDuty = () => ({ departmentId: ids.department, title: '回归测试事项', description: '', dueAt: new Date(Date.now() + 30 * 86_400_000).toISOString() });
    const countDuties = async () => Number((await stack.dataSource.query('SELECT count(*) AS n FROM duties'))[0].n);

    it('a body nested 5000 levels, at the top or inside a valid body, is a 400 that names the limit', async () => {
      const before = await countDuties();
      for (const text of [deep(5000), deepObject(5000), JSON.stringify({ ...newDuty(), description: '__X__' }).replace('"__X__"', deep(5000))]) {
        const answer = await raw('POST', '/duties', text);
        expect(answer.status).toBe(400);
        expect(JSON.stringify(answer.body)).toContain('nested deeper than 32 levels');
      }
      expect(await countDuties()).toBe(before);
    });

    it('gzip and deflate bodies are decoded; a broken one is a 400, a bomb a 413, another encoding a 415', async () => {
      const text = JSON.stringify(newDuty());
      expect((await raw('POST', '/duties', gzipSync(text), { 'content-encoding': 'gzip' })).status).toBe(201);
      expect((await raw('POST', '/duties', deflateSync(text), { 'content-encoding': 'deflate' })).status).toBe(201);
      const before = await countDuties();
      const notGzip = await raw('POST', '/duties', text, { 'content-encoding': 'gzip' });
      expect(notGzip).toMatchObject({ status: 400, body: { message: expect.stringContaining('Content-Encoding') } });
      expect((await raw('POST', '/duties', gzipSync(text).subarray(0, 15), { 'content-encoding': 'gzip' })).status).toBe(400);
      expect((await raw('POST', '/duties', gzipBomb, { 'content-encoding': 'gzip' })).status).toBe(413);
      expect((await raw('POST', '/duties', text, { 'content-encoding': 'compress' })).status).toBe(415);
      expect(await countDuties()).toBe(before);
    });

    it("a NUL in an extension's reason is a field error before the workflow; the duty answers the next action at once", async () => {
      const duty = await stack.http('POST', '/duties', { token: tokens.office, body: newDuty() });
      const dueAt = new Date(Date.now() + 40 * 86_400_000).toISOString();
      const refused = await stack.http('POST', `/duties/${duty.body.id}/extend`, { token: tokens.office, body: { dueAt, reason: '延期\u0000原因' } });
      expect(refused).toMatchObject({ status: 400, body: { fields: { reason: [expect.stringContaining('NUL')] } } });
      const progress = await stack.http('POST', `/duties/${duty.body.id}/progress`, { token: tokens.officer, body: { note: '\ud800 进展' } });
      expect(progress).toMatchObject({ status: 400, body: { fields: { note: [expect.stringContaining('surrogate')] } } });
      const started = Date.now();
      const extended = await stack.http('POST', `/duties/${duty.body.id}/extend`, { token: tokens.office, body: { dueAt, reason: '延期原因' } });
      expect(extended.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(10_000);
    });

    it('SQL-looking and date-like reasons are text like any other', async () => {
      const duty = await stack.http('POST', '/duties', { token: tokens.office, body: newDuty() });
      const id = duty.body.id;
      for (const reason of ["'; DROP TABLE duties; --", '2026-02-30', '1970-01-01T00:00:00Z', "1' OR '1'='1", 'NULL', '$1']) {
        const dueAt = new Date(Date.now() + 50 * 86_400_000 + Math.random() * 1e6).toISOString();
        expect((await stack.http('POST', `/duties/${id}/extend`, { token: tokens.office, body: { dueAt, reason } })).status).toBe(200);
      }
      expect((await stack.http('POST', `/duties/${id}/acknowledge`, { token: tokens.officer, body: { note: '2026-01-01' } })).status).toBe(200);
      expect((await stack.http('POST', `/duties/${id}/progress`, { token: tokens.officer, body: { note: 'SELECT * FROM users' } })).status).toBe(200);
      expect((await stack.http('POST', `/duties/${id}/cancel`, { token: tokens.office, body: { reason: '2026-12-31T18:00:00+08:00' } })).status).toBe(200);
      const history = (await stack.http('GET', `/duties/${id}`, { token: tokens.office })).body.history;
      expect(history.map((h: any) => h.reason)).toContain("'; DROP TABLE duties; --");
    });

    it('prototype keys are refused, a BOM before the JSON is accepted', async () => {
      for (const text of [JSON.stringify(newDuty()).replace(/^\{/, '{"__proto__":{"isAdmin":true},'), JSON.stringify({ ...newDuty(), constructor: { prototype: { x: 1 } } })]) {
        const answer = await raw('POST', '/duties', text);
        expect(answer.status).toBe(400);
        expect(JSON.stringify(answer.body.fields)).toMatch(/__proto__|constructor/);
      }
      const bom = await raw('POST', '/duties', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(newDuty()))]));
      expect(bom.status).toBe(201);
    });

    it('an array where a campaign expects an object is a field error', async () => {
      const year = new Date().getUTCFullYear();
      const campaign = {
        name: '形状测试',
        reportPlan: NO_REPORT_PLAN,
        jurisdiction: [],
        period: { start: `${year}-01-01`, end: `${year}-12-31` },
        legalBasis: { title: 'x', number: 'y' },
        targets: [],
        leadingGroup: { chair: LEADING_GROUP_CHAIR, viceChairs: [], members: [] },
        escalationLadder: { reminderBefore: { workingDays: 1 }, escalationLadder: [[]] },
        phases: [[]],
      };
      const answer = await stack.http('POST', '/campaigns', { token: tokens.office, body: campaign });
      expect(answer.status).toBe(400);
      expect(answer.body.fields).toMatchObject({
        jurisdiction: ['jurisdiction must be an object'],
        'phases.0': ['phases.0 must be an object'],
        'escalationLadder.escalationLadder.0': ['escalationLadder.escalationLadder.0 must be an object'],
      });
    });

    it('a correctly signed token whose subject is not a user id is a 401', async () => {
      for (const sub of ['not-a-uuid', 42, null, ['x']]) {
        const token = new JwtService().sign({ sub, username: 'office', role: 'office', departmentId: null }, { secret: stack.config.jwt.secret });
        expect((await stack.http('GET', '/duties', { token })).status).toBe(401);
      }
    });

    it('a browser asking for /duties/% is sent to the console, not a URIError', async () => {
      // node:http, not fetch: fetch always says sec-fetch-mode: cors, a browser following a link says navigate.
      const answer = await new Promise<{ status?: number; location?: string }>((done, fail) => {
        get(`${stack.baseUrl}/duties/%`, { headers: { accept: 'text/html', 'sec-fetch-mode': 'navigate' } }, (response) => {
          response.resume();
          done({ status: response.statusCode, location: response.headers.location });
        }).on('error', fail);
      });
      expect(answer).toEqual({ status: 302, location: '/console/duties/%25' });
      expect((await stack.http('GET', '/duties/%', { token: tokens.office })).status).toBeLessThan(500);
    });

    it('a NUL in a query string or a path is a 400', async () => {
      // (An encoded lone surrogate is not valid UTF-8: the query parser reads it as U+FFFD, which is stored fine.)
      expect((await stack.http('GET', '/units?sectorKey=a%00b', { token: tokens.office })).status).toBe(400);
      expect((await stack.http('GET', '/units/%00', { token: tokens.office })).status).toBe(400);
    });

    it('failed log-ins for one name past the free ones answer 429 with Retry-After', async () => {
      // An unknown name takes the same (decoy) password check; the throttle counts it all the same.
      const username = `nobody-${randomUUID().slice(0, 8)}`;
      for (let i = 0; i < DEFAULT_SIGN_IN_POLICY.accountFreeFailures; i++) {
        expect((await stack.http('POST', '/auth/login', { body: { username, password: 'wrong' } })).status).toBe(401);
      }
      const throttled = await fetch(`${stack.baseUrl}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: 'wrong' }),
      });
      expect(throttled.status).toBe(429);
      expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(throttled.headers.get('retry-after'))).toBeLessThanOrEqual(300);
      // Another name from the same address is not held up.
      await stack.userWithToken('viewer');
    });
  });

  describe('security headers on every answer', () => {
    const expectHardened = (headers: Headers) => {
      expect(headers.get('x-powered-by')).toBeNull();
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('x-frame-options')).toBe('DENY');
      expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    };

    it('on answers, errors and printable pages: scripts from this origin only, the print button by its hash', async () => {
      for (const [path, token] of [
        ['/health', undefined],
        ['/duties', undefined],
        [`/duties/${randomUUID()}`, tokens.office],
        ['/exposure-list?format=html', tokens.office],
        ['/console/', undefined],
      ] as const) {
        const answer = await fetch(`${stack.baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
        expectHardened(answer.headers);
        const csp = answer.headers.get('content-security-policy')!;
        expect(csp).toContain("script-src 'self';");
        expect(csp).toContain("script-src-attr 'unsafe-hashes' 'sha256-");
        expect(csp).toContain("object-src 'none'");
      }
    });

    it('on /docs, a policy of its own that lets Swagger UI start', async () => {
      const answer = await fetch(`${stack.baseUrl}/docs`);
      expect(answer.status).toBe(200);
      expectHardened(answer.headers);
      expect(answer.headers.get('content-security-policy')).toContain("script-src 'self' 'unsafe-inline'");
    });
  });

  it(`answers ${RUNS} hostile requests without a 5xx, in time, and changes nothing when it refuses`, async () => {
    console.log(`api-fuzz: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} over ${operations.length} operations (rerun with these to reproduce)`);
    expect(operations.length).toBeGreaterThan(50);
    const requests = fc.sample(requestArbitrary(), { seed: SEED, numRuns: RUNS });
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let compared = 0;
    let before = await settled();
    const started = Date.now();
    for (let i = 0; i < requests.length; i += CONCURRENCY) {
      const outcomes = await Promise.all(requests.slice(i, i + CONCURRENCY).map(send));
      let wrote = false;
      for (const o of outcomes) {
        statuses.set(o.status, (statuses.get(o.status) ?? 0) + 1);
        if (o.status >= 500 || o.status < 0) failures.push(`${o.status} ${o.request.label}: ${o.text.slice(0, 200)}`);
        else if (o.ms > REQUEST_DEADLINE_MS) failures.push(`took ${o.ms} ms: ${o.request.label}`);
        if (o.status < 400 && o.request.method !== 'GET') wrote = true;
      }
      if (wrote) {
        before = await settled();
        continue;
      }
      const after = await checksum();
      const signInTried = outcomes.some((o) => o.request.label.includes(' /auth/'));
      const changed = changedTables(before, after).filter((t) => !(signInTried && SIGN_IN_RECORDS.has(t)));
      compared++;
      if (changed.length > 0) {
        failures.push(`tables ${changed.join(', ')} changed after refusals: ${outcomes.map((o) => `${o.status} ${o.request.label}`).join(' | ')}`);
        before = await settled();
      } else before = after;
      if (failures.length > 50) break;
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `api-fuzz: ${requests.length} requests in ${seconds.toFixed(1)} s, ${compared} refused batches compared; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`,
    );
    expect(failures).toEqual([]);
  }, 240_000);
});
