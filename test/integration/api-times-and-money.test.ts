import { randomUUID } from 'node:crypto';
import { LEADING_GROUP_CHAIR, NO_REPORT_PLAN, seededDepartments, type Unit } from '../support/campaign-fixtures';
import { validCreditCode } from '../support/credit-codes';
import { TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait-for';

/**
 * Every answer gives instants as ISO 8601 text in UTC (never epoch milliseconds) and money as a
 * JSON number of yuan (docs/campaigns.md "Times and deadlines"). This walks the GET routes of the served
 * OpenAPI document with real records behind them — a duty, a launched campaign phase, a unit in
 * arrears with its compliance case, an enforcement penalty — and checks every field of every
 * answer by its name.
 */

/** `toISOString()`'s shape: what the API prints for an instant. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** Fields that hold an instant, by the API's naming. */
const INSTANT_FIELD = /(At|(?<![Oo]n)Time|Since|Until|Deadline)$|^(at|deadline|asOf)$/;
/** Named like an instant, and not one: the progress history's choice of points ("month_ends"). */
const NOT_INSTANTS = new Set(['pointsAt']);
/** Fields that hold money. */
const MONEY_FIELD = /Yuan$|^arrears$/;
/** A number in the range of epoch milliseconds of 2001–2286, whatever its name. */
const looksLikeEpochMs = (n: number) => Number.isInteger(n) && n >= 1e12 && n < 1e13;

export function answerProblems(value: unknown, path = '$'): string[] {
  const problems: string[] = [];
  const visit = (v: unknown, at: string, key: string | null) => {
    if (Array.isArray(v)) return v.forEach((item, i) => visit(item, `${at}.${i}`, key));
    if (v !== null && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) visit(child, `${at}.${k}`, k);
      return;
    }
    if (key === null || NOT_INSTANTS.has(key)) return;
    if (typeof v === 'number' && (INSTANT_FIELD.test(key) || looksLikeEpochMs(v))) {
      // A local date's day count or a duration is not named like an instant; a millisecond count is.
      if (!/(Ms|Seconds|Days|Count)$/.test(key)) problems.push(`${at}: ${v} looks like epoch milliseconds`);
    }
    // asOf may be a local date (YYYY-MM-DD) in the progress views; every other instant field is full ISO.
    if (typeof v === 'string' && INSTANT_FIELD.test(key) && !ISO_INSTANT.test(v) && !(key === 'asOf' && /^\d{4}-\d{2}-\d{2}$/.test(v))) {
      problems.push(`${at}: "${v}" is not an ISO 8601 instant in UTC`);
    }
    if (MONEY_FIELD.test(key) && typeof v !== 'number') problems.push(`${at}: money ${JSON.stringify(v)} is not a number`);
  };
  visit(value, path, null);
  return problems;
}

describe('answers give times as ISO instants and money as numbers', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start({ DUBAN_WORKING_DAY_SECONDS: '1' });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('the rule itself finds epoch milliseconds, non-ISO dates and money as text', () => {
    expect(answerProblems({ dueAt: '2026-12-30T10:00:00.000Z', amountYuan: 12.5, employees: 1_000 })).toEqual([]);
    expect(answerProblems({ live: { dueAt: 1798624800000 } })).toEqual(['$.live.dueAt: 1798624800000 looks like epoch milliseconds']);
    expect(answerProblems({ items: [{ closedAt: '2026-12-30 18:00' }] })).toEqual(['$.items.0.closedAt: "2026-12-30 18:00" is not an ISO 8601 instant in UTC']);
    expect(answerProblems({ x: { penaltyYuan: '5000.50' } })).toEqual(['$.x.penaltyYuan: money "5000.50" is not a number']);
    expect(answerProblems({ whatever: 1798624800000 })).toHaveLength(1);
    expect(answerProblems({ historyEventsMs: 1798624800000, closedOnTime: 0, onTime: 3, pointsAt: 'month_ends' })).toEqual([]);
  });

  it('walks the GET routes of the OpenAPI document', async () => {
    const office = await stack.userWithToken('office');
    const admin = await stack.userWithToken('admin');
    const units = await seededDepartments(stack, office.token);
    const sia: Unit = units.get('SIA')!;
    const tax: Unit = units.get('TAX')!;
    const inspector = await stack.userWithToken('inspector', (await stack.dataSource.query(`SELECT id FROM departments WHERE code = 'INSPECT'`))[0].id);

    // A duty by hand.
    const duty = await stack.http('POST', '/duties', {
      token: office.token,
      body: { departmentId: sia.id, title: '时间格式检查', description: '', dueAt: new Date(Date.now() + 3_600_000).toISOString() },
    });
    expect(duty.status).toBe(201);

    // A campaign with its first phase launched.
    const created = await stack.http('POST', '/campaigns', {
      token: office.token,
      body: {
        name: `格式检查${randomUUID().slice(0, 6)}`,
        reportPlan: NO_REPORT_PLAN,
        jurisdiction: { name: '衡阳市', level: 'city', districtIds: [] },
        period: { start: '2026-01-01', end: '2027-12-31' },
        legalBasis: { title: '实施方案', number: '衡政办发〔2026〕9号' },
        targets: [{ insuranceType: 'medical', kind: 'funds', value: 1_000_000.5, districtShares: [], departmentShares: [{ unitId: tax.id, value: 1_000_000.5 }] }],
        leadingGroup: { chair: LEADING_GROUP_CHAIR, viceChairs: [], members: [{ departmentId: tax.id, liaison: { name: '联络员' }, head: { name: '负责人' } }] },
        phases: [
          {
            kind: 'mobilisation',
            name: '动员部署',
            window: { start: '2026-01-01', end: '2027-06-30' },
            templates: [{ title: '制定方案', description: '', route: { kind: 'function', key: 'arrears_clearance' }, scope: 'once', due: { workingDaysAfterLaunch: 30 } }],
          },
          { kind: 'acceptance', name: '总结验收', window: { start: '2027-07-01', end: '2027-12-31' }, templates: [] },
        ],
      },
    });
    expect(created.status).toBe(201);
    const campaignId = created.body.id as string;
    const [phase] = created.body.phases as Array<{ id: string }>;
    await stack.http('PUT', `/campaigns/${campaignId}/duty-matrix/function/arrears_clearance`, { token: office.token, body: { departmentId: tax.id, reason: '测试' } });
    const launched = await stack.http('POST', `/campaigns/${campaignId}/phases/${phase.id}/launch`, { token: office.token, body: {} });
    expect(launched.status).toBe(200);
    expect(answerProblems(launched.body, 'launch')).toEqual([]);
    expect(launched.body.windowEndsAt).toMatch(ISO_INSTANT);

    // A unit in arrears, its case, a notice, and an inspector's penalty.
    const creditCode = validCreditCode();
    const unit = await stack.http('POST', '/units', {
      token: office.token,
      body: {
        creditCode,
        name: '格式检查有限公司',
        employees: 3,
        insured: { pension: 3 },
        arrears: 12_345.67,
        registeredWith: ['social_insurance'],
        source: { departmentId: sia.id, file: 'sia.xlsx', date: '2026-10-31' },
      },
    });
    expect([200, 201]).toContain(unit.status);
    const run = await stack.http('POST', '/compliance-runs', { token: office.token, body: { campaignId } });
    expect(run.status).toBe(202);
    const kase = await waitFor('the arrears case and its workflow', async () => {
      const listed = await stack.http('GET', `/compliance-cases?creditCode=${creditCode}`, { token: office.token });
      const id = listed.body.items?.[0]?.id as string | undefined;
      if (!id) return false;
      const got = await stack.http('GET', `/compliance-cases/${id}`, { token: office.token });
      return got.body.workflow ? got.body : undefined;
    });
    const notice = await stack.http('POST', `/compliance-cases/${kase.id}/actions`, {
      token: office.token,
      body: { action: 'issue_notice', deadline: new Date(Date.now() + 2_000).toISOString() },
    });
    expect(notice.status).toBe(200);
    const inspection = await waitFor(
      'the inspection case after the deadline',
      async () => {
        const listed = await stack.http('GET', `/inspection-cases?status=open`, { token: inspector.token });
        return listed.body.items?.find((c: any) => c.creditCode === creditCode);
      },
      { timeoutMs: 30_000 },
    );
    const penalty = await stack.http('POST', `/inspection-cases/${inspection.id}/actions`, {
      token: inspector.token,
      body: { type: 'penalty', date: new Date().toISOString().slice(0, 10), findings: '逾期未改正', penaltyYuan: 5_000.5 },
    });
    expect(penalty.status).toBe(201);
    expect(penalty.body.penaltyYuan).toBe(5_000.5);

    const detail = await stack.http('GET', `/compliance-cases/${kase.id}`, { token: office.token });
    expect(detail.body.evidenceOfFinding.arrearsYuan).toBe(12_345.67);
    expect(detail.body.workflow.noticeDeadline).toMatch(ISO_INSTANT);

    // Path parameters of the routes walked; a route with another parameter is skipped (listed below).
    const ids: Record<string, string> = {
      duties: duty.body.id,
      campaigns: campaignId,
      phaseId: phase.id,
      'compliance-cases': kase.id,
      'compliance-runs': run.body.id,
      'inspection-cases': inspection.id,
      units: creditCode,
      calendar: String(new Date().getUTCFullYear()),
      departments: sia.id,
      users: office.user.id,
    };
    const document = (await (await fetch(`${stack.baseUrl}/docs-json`)).json()) as { paths: Record<string, any> };
    const walked: string[] = [];
    const skipped: string[] = [];
    const problems: string[] = [];
    for (const [template, operations] of Object.entries<any>(document.paths)) {
      const get = operations.get;
      if (!get) continue;
      const segments = template.split('/').filter(Boolean);
      let unknown = false;
      const path = segments
        .map((segment, i) => {
          const param = /^\{(\w+)\}$/.exec(segment)?.[1];
          if (!param) return segment;
          const value = param === 'phaseId' ? ids.phaseId : (ids[segments[i - 1]] ?? ids[segments[0]]);
          if (value === undefined || (param !== 'id' && param !== 'phaseId' && param !== 'creditCode' && param !== 'year')) unknown = true;
          return value;
        })
        .join('/');
      const required = (get.parameters ?? []).filter((p: any) => p.in === 'query' && p.required).map((p: any) => p.name as string);
      if (unknown || required.some((name: string) => name !== 'campaignId')) {
        skipped.push(template);
        continue;
      }
      const query = required.includes('campaignId') || (get.parameters ?? []).some((p: any) => p.name === 'campaignId') ? `?campaignId=${campaignId}` : '';
      let answer = await stack.http('GET', `/${path}${query}`, { token: office.token });
      if (answer.status === 403) answer = await stack.http('GET', `/${path}${query}`, { token: admin.token });
      expect(answer.status).toBeLessThan(500);
      if (answer.status !== 200 || typeof answer.body !== 'object' || answer.body === null) continue;
      walked.push(template);
      problems.push(...answerProblems(answer.body, template));
    }
    expect(problems).toEqual([]);

    // The document says so too: every instant-named property of every answer is a date-time, all money a number.
    const documented: string[] = [];
    const walkSchema = (schema: any, at: string) => {
      if (!schema || typeof schema !== 'object') return;
      for (const [name, property] of Object.entries<any>(schema.properties ?? {})) {
        const own = property.allOf?.[0] ?? property;
        if (INSTANT_FIELD.test(name) && !NOT_INSTANTS.has(name) && name !== 'asOf' && own.type === 'string' && own.format !== 'date-time')
          documented.push(`${at}.${name} is not documented as a date-time`);
        if (INSTANT_FIELD.test(name) && !NOT_INSTANTS.has(name) && (own.type === 'number' || own.type === 'integer')) documented.push(`${at}.${name} is documented as a number`);
        if (MONEY_FIELD.test(name) && own.type === 'string') documented.push(`${at}.${name} (money) is documented as ${own.type}`);
        walkSchema(property, `${at}.${name}`);
      }
      for (const key of ['items', 'additionalProperties']) if (schema[key] && typeof schema[key] === 'object') walkSchema(schema[key], `${at}[]`);
      for (const key of ['allOf', 'anyOf', 'oneOf']) (schema[key] ?? []).forEach((s: any, i: number) => walkSchema(s, `${at}|${i}`));
    };
    const components = (document as { components?: { schemas?: Record<string, unknown> } }).components?.schemas ?? {};
    for (const [name, schema] of Object.entries(components)) walkSchema(schema, name);
    for (const [template, operations] of Object.entries<any>(document.paths)) {
      for (const [method, operation] of Object.entries<any>(operations)) {
        for (const [status, response] of Object.entries<any>(operation.responses ?? {})) {
          walkSchema(response.content?.['application/json']?.schema, `${method.toUpperCase()} ${template} ${status}`);
        }
      }
    }
    expect(documented).toEqual([]);
    // The routes that answered epoch milliseconds or money as text before are among those walked.
    expect(walked).toEqual(
      expect.arrayContaining([
        '/duties/{id}/live',
        '/campaigns/{id}/live',
        '/campaigns/{id}/phases/{phaseId}/live',
        '/compliance-cases/{id}',
        '/units/{creditCode}',
        '/inspection-cases/{id}',
        '/duties/{id}',
        '/campaigns/{id}',
      ]),
    );
    expect(walked.length).toBeGreaterThanOrEqual(40);
    // What could not be walked is said, so that a new route without parameters is walked by default.
    expect(skipped.length).toBeLessThan(walked.length);
  });
});
