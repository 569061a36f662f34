import { randomUUID } from 'node:crypto';
import { dutyActionUpdate, dutyWorkflowId } from '@duban/workflows';
import { recordHistoryIfAsked } from '../support/recorded-histories';
import { TestStack } from '../support/test-stack';

describe('bad input gets a clear error and changes nothing', () => {
  let stack: TestStack;
  let office: { token: string };
  let department: { id: string; code: string };
  let officer: { token: string };
  let otherOfficer: { token: string };
  let dutyId: string;

  const countDuties = async () => Number((await stack.dataSource.query('SELECT count(*) AS n FROM duties'))[0].n);
  const validDuty = () => ({
    departmentId: department.id,
    title: '开展企业参保情况摸底',
    description: '',
    dueAt: new Date(Date.now() + 3600_000).toISOString(),
  });

  beforeAll(async () => {
    stack = await TestStack.start({ BODY_LIMIT: '8kb' });
    office = await stack.userWithToken('office');
    department = await stack.department(office.token);
    officer = await stack.userWithToken('department_officer', department.id);
    const other = await stack.department(office.token);
    otherOfficer = await stack.userWithToken('department_officer', other.id);
    const created = await stack.http('POST', '/duties', { token: office.token, body: validDuty() });
    dutyId = created.body.id;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  describe('401 without a valid token', () => {
    it.each([
      ['no header', undefined],
      ['a malformed token', 'not-a-jwt'],
      ['a token signed with another secret', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl'],
    ])('with %s', async (_, token) => {
      const result = await stack.http('GET', '/duties', { token });
      expect(result.status).toBe(401);
      expect(result.body.statusCode).toBe(401);
    });

    it('for a wrong password, with the same message as for an unknown user', async () => {
      const wrong = await stack.http('POST', '/auth/login', { body: { username: 'office', password: 'nope' } });
      const unknown = await stack.http('POST', '/auth/login', { body: { username: `nobody-${randomUUID()}`, password: 'nope' } });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body.message).toBe(unknown.body.message);
    });

    it('but health needs no token', async () => {
      const result = await stack.http('GET', '/health');
      expect(result).toEqual({ status: 200, body: { status: 'ok', database: 'up', temporal: 'up' } });
    });
  });

  describe('400 with field messages', () => {
    it('for missing fields', async () => {
      const before = await countDuties();
      const result = await stack.http('POST', '/duties', { token: office.token, body: {} });
      expect(result.status).toBe(400);
      expect(Object.keys(result.body.fields).sort()).toEqual(['departmentId', 'description', 'dueAt', 'title']);
      expect(result.body.fields.departmentId).toEqual(['departmentId must be a UUID']);
      expect(await countDuties()).toBe(before);
    });

    it('for unknown fields', async () => {
      const result = await stack.http('POST', '/duties', { token: office.token, body: { ...validDuty(), priority: 'high' } });
      expect(result.status).toBe(400);
      expect(result.body.fields).toEqual({ priority: ['property priority should not exist'] });
    });

    it('for a date that is not ISO 8601', async () => {
      const result = await stack.http('POST', '/duties', { token: office.token, body: { ...validDuty(), dueAt: 'next Friday' } });
      expect(result.status).toBe(400);
      expect(result.body.fields.dueAt[0]).toContain('ISO 8601');
    });

    it('for a due time in the past', async () => {
      const before = await countDuties();
      const result = await stack.http('POST', '/duties', {
        token: office.token,
        body: { ...validDuty(), dueAt: new Date(Date.now() - 60_000).toISOString() },
      });
      expect(result.status).toBe(400);
      expect(result.body).toMatchObject({ code: 'DUE_TIME_NOT_IN_FUTURE' });
      expect(await countDuties()).toBe(before);
    });

    it('for a blank title, a bad e-mail and a bad department code', async () => {
      const duty = await stack.http('POST', '/duties', { token: office.token, body: { ...validDuty(), title: '   ' } });
      expect(duty.body.fields.title).toEqual(['title must be longer than or equal to 1 characters']);
      const dept = await stack.http('POST', '/departments', {
        token: office.token,
        body: { code: 'tax office', name: '税务局', liaisonEmail: 'not-an-email', headEmail: 'head@duban.test' },
      });
      expect(dept.status).toBe(400);
      expect(Object.keys(dept.body.fields).sort()).toEqual(['code', 'liaisonEmail']);
    });

    it('for a return without a reason and a submission without a result', async () => {
      const returned = await stack.http('POST', `/duties/${dutyId}/return`, { token: office.token, body: {} });
      expect(returned.status).toBe(400);
      expect(returned.body.fields.reason).toBeDefined();
      const submitted = await stack.http('POST', `/duties/${dutyId}/submit`, { token: officer.token, body: { result: '' } });
      expect(submitted.status).toBe(400);
    });

    it('for malformed JSON', async () => {
      const result = await stack.http('POST', '/duties', { token: office.token, rawBody: '{"title": ' });
      expect(result.status).toBe(400);
    });

    it('for bad list parameters', async () => {
      const result = await stack.http('GET', '/duties?limit=0&state=done', { token: office.token });
      expect(result.status).toBe(400);
      expect(Object.keys(result.body.fields).sort()).toEqual(['limit', 'state']);
    });
  });

  describe('400 for a date-time without a zone, wherever the API takes one', () => {
    const future = (offset: string) => `${new Date(Date.now() + 86_400_000).toISOString().slice(0, 19)}${offset}`;
    // Each is refused for its own reason: no zone, no time, a day or hour that does not exist, NUL.
    // …and what is not text, or a year past any instant (a number of milliseconds, +275760).
    const bad: unknown[] = [
      future(''),
      future('').slice(0, 10),
      '2027-02-30T10:00:00+08:00',
      '2027-01-05T24:00:00Z',
      '2027-01-05T10:00:00+08:00\u0000',
      Date.now() + 86_400_000,
      '+275760-09-13T00:00:00Z',
      ['2027-01-05T10:00:00Z'],
    ];

    it.each(bad.map((v) => [v]))('POST /duties, extend and bulk extend refuse dueAt %j, naming the field', async (dueAt) => {
      const before = await countDuties();
      const transitions = await stack.dataSource.query(`SELECT count(*)::int AS n FROM duty_transitions`);
      const answers = [
        await stack.http('POST', '/duties', { token: office.token, body: { ...validDuty(), dueAt } }),
        await stack.http('POST', `/duties/${dutyId}/extend`, { token: office.token, body: { dueAt, reason: '时间调整' } }),
        await stack.http('POST', '/bulk-actions/extend', { token: office.token, body: { dutyIds: [dutyId], dueAt, reason: '时间调整' } }),
      ];
      for (const answer of answers) {
        expect(answer.status).toBe(400);
        const messages = Object.values(answer.body.fields ?? {}).flat() as string[];
        expect(messages.join(' ')).toMatch(/dueAt|body/);
      }
      expect(answers[0].body.fields.dueAt[0]).toBe(
        typeof dueAt === 'string' && dueAt.includes('\u0000')
          ? 'dueAt contains a NUL character (\\u0000), which cannot be stored'
          : 'dueAt must be an ISO 8601 date-time with a time zone, e.g. 2026-12-31T18:00:00+08:00 (a time without Z or an offset is ambiguous)',
      );
      expect(await countDuties()).toBe(before);
      expect(await stack.dataSource.query(`SELECT count(*)::int AS n FROM duty_transitions`)).toEqual(transitions);
    });

    it('filters and deadlines too: duty views, the audit log, a compliance deadline, a template due time', async () => {
      const zoneless = future('');
      const views = await stack.http('GET', `/overview/duties?dueBefore=${zoneless}`, { token: office.token });
      expect(views.status).toBe(400);
      expect(Object.keys(views.body.fields)).toEqual(['dueBefore']);
      const inbox = await stack.http('GET', `/inbox?dueAfter=${zoneless}`, { token: officer.token });
      expect(inbox.status).toBe(400);
      expect(Object.keys(inbox.body.fields)).toEqual(['dueAfter']);
      const admin = await stack.userWithToken('admin');
      const audit = await stack.http('GET', `/audit-log?from=${zoneless}&to=2026-12-08`, { token: admin.token });
      expect(audit.status).toBe(400);
      expect(Object.keys(audit.body.fields).sort()).toEqual(['from', 'to']);
      const notice = await stack.http('POST', `/compliance-cases/${randomUUID()}/actions`, { token: office.token, body: { action: 'issue_notice', deadline: zoneless } });
      expect(notice.status).toBe(400);
      expect(Object.keys(notice.body.fields)).toEqual(['deadline']);
      const campaign = await stack.http('POST', '/campaigns', {
        token: office.token,
        body: {
          name: '时区测试',
          jurisdiction: { name: '衡阳市', level: 'city', districtIds: [] },
          period: { start: '2026-01-01', end: '2027-12-31' },
          legalBasis: { title: '实施方案', number: '1号' },
          targets: [],
          leadingGroup: { chair: { name: '王某', title: '副市长' }, viceChairs: [], members: [] },
          phases: [
            {
              kind: 'mobilisation',
              name: '动员',
              window: { start: '2026-01-01', end: '2027-06-30' },
              templates: [{ title: '方案', description: '', route: { kind: 'district' }, scope: 'once', due: { at: '2027-01-05T18:00:00' } }],
            },
          ],
        },
      });
      expect(campaign.status).toBe(400);
      expect(campaign.body.fields['phases.0.templates.0.due.at'][0]).toContain('at must be an ISO 8601 date-time with a time zone');
      const [{ n }] = await stack.dataSource.query(`SELECT count(*)::int AS n FROM campaigns WHERE name = '时区测试'`);
      expect(n).toBe(0);
    });

    it('takes any zone and keeps the instant it names', async () => {
      // Another department: the officer of this file's department sees its one duty only.
      const elsewhere = await stack.department(office.token);
      const local = future('+08:00');
      const created = await stack.http('POST', '/duties', { token: office.token, body: { ...validDuty(), departmentId: elsewhere.id, dueAt: local } });
      expect(created.status).toBe(201);
      expect(created.body.dueAt).toBe(new Date(Date.parse(local)).toISOString());
      const utc = await stack.http('POST', '/duties', { token: office.token, body: { ...validDuty(), departmentId: elsewhere.id, dueAt: future('Z') } });
      expect(utc.status).toBe(201);
      expect(Date.parse(utc.body.dueAt) - Date.parse(created.body.dueAt)).toBe(8 * 3600_000);
    });
  });

  it('413 for an oversized body', async () => {
    const before = await countDuties();
    const result = await stack.http('POST', '/duties', {
      token: office.token,
      body: { ...validDuty(), description: '长'.repeat(5000) },
    });
    expect(result.status).toBe(413);
    expect(result.body.message).toBe('The request body is too large');
    expect(await countDuties()).toBe(before);
  });

  describe('404 for unknown ids', () => {
    it.each([
      ['GET', () => `/duties/${randomUUID()}`],
      ['GET', () => '/duties/not-a-uuid'],
      ['POST', () => `/duties/${randomUUID()}/acknowledge`],
      ['GET', () => `/departments/${randomUUID()}`],
    ])('%s %s', async (method, path) => {
      const result = await stack.http(method, path(), { token: method === 'GET' ? office.token : officer.token, body: method === 'POST' ? {} : undefined });
      expect(result.status).toBe(404);
    });

    it('for a duty assigned to an unknown department', async () => {
      const result = await stack.http('POST', '/duties', { token: office.token, body: { ...validDuty(), departmentId: randomUUID() } });
      expect(result.status).toBe(404);
      expect(result.body.code).toBe('DEPARTMENT_NOT_FOUND');
    });
  });

  describe('403 for what the role or department may not do', () => {
    it('an officer of another department may neither see nor act on the duty', async () => {
      expect((await stack.http('GET', `/duties/${dutyId}`, { token: otherOfficer.token })).status).toBe(403);
      const act = await stack.http('POST', `/duties/${dutyId}/acknowledge`, { token: otherOfficer.token, body: {} });
      expect(act.status).toBe(403);
      expect((await stack.http('GET', `/duties?departmentId=${department.id}`, { token: otherOfficer.token })).status).toBe(403);
    });

    it('an officer lists only their own department', async () => {
      const mine = await stack.http('GET', '/duties', { token: officer.token });
      expect(mine.body.items.map((d: any) => d.id)).toEqual([dutyId]);
      expect((await stack.http('GET', '/duties', { token: otherOfficer.token })).body.items).toEqual([]);
    });

    it('a viewer reads but may not assign or act; an inspector sees no duties', async () => {
      const viewer = await stack.userWithToken('viewer');
      expect((await stack.http('GET', `/duties/${dutyId}`, { token: viewer.token })).status).toBe(200);
      expect((await stack.http('POST', '/duties', { token: viewer.token, body: validDuty() })).status).toBe(403);
      expect((await stack.http('POST', `/duties/${dutyId}/accept`, { token: viewer.token, body: {} })).status).toBe(403);
      const inspector = await stack.userWithToken('inspector');
      expect((await stack.http('GET', '/duties', { token: inspector.token })).status).toBe(403);
      expect((await stack.http('GET', `/duties/${dutyId}`, { token: inspector.token })).status).toBe(403);
    });

    it("a department officer may not register departments or do the office's part", async () => {
      const dept = await stack.http('POST', '/departments', {
        token: officer.token,
        body: { code: 'XX', name: 'x', liaisonEmail: 'a@duban.test', headEmail: 'b@duban.test' },
      });
      expect(dept.status).toBe(403);
      expect((await stack.http('POST', `/duties/${dutyId}/cancel`, { token: officer.token, body: { reason: 'x' } })).status).toBe(403);
    });

    it("the office may not do the department's part", async () => {
      expect((await stack.http('POST', `/duties/${dutyId}/acknowledge`, { token: office.token, body: {} })).status).toBe(403);
    });
  });

  describe('409 for what the state machine forbids', () => {
    it('accepting a duty that was never submitted, or acknowledging it twice', async () => {
      const accept = await stack.http('POST', `/duties/${dutyId}/accept`, { token: office.token, body: {} });
      expect(accept.status).toBe(409);
      expect(accept.body).toMatchObject({ code: 'DUTY_TRANSITION_FORBIDDEN' });
      expect(accept.body.message).toContain('assigned');
      expect((await stack.http('POST', `/duties/${dutyId}/acknowledge`, { token: officer.token, body: {} })).status).toBe(200);
      const again = await stack.http('POST', `/duties/${dutyId}/acknowledge`, { token: officer.token, body: {} });
      expect(again.status).toBe(409);
      const history = (await stack.http('GET', `/duties/${dutyId}`, { token: office.token })).body.history;
      expect(history.map((h: any) => h.action)).toEqual(['assign', 'acknowledge']);
    });

    it('acting on a cancelled duty', async () => {
      const { body: duty } = await stack.http('POST', '/duties', { token: office.token, body: validDuty() });
      const cancelled = await stack.http('POST', `/duties/${duty.id}/cancel`, { token: office.token, body: { reason: '任务调整' } });
      expect(cancelled.body).toMatchObject({ state: 'cancelled' });
      expect((await stack.http('POST', `/duties/${duty.id}/acknowledge`, { token: officer.token, body: {} })).status).toBe(409);
      const handle = stack.temporal.workflow.getHandle(dutyWorkflowId(duty.id));
      expect(await handle.result()).toEqual({ state: 'cancelled' });
      await recordHistoryIfAsked(handle, 'duty-workflow.cancelled');
    });

    it('registering a department code twice', async () => {
      const result = await stack.http('POST', '/departments', {
        token: office.token,
        body: { code: department.code, name: '重复', liaisonEmail: 'a@duban.test', headEmail: 'b@duban.test' },
      });
      expect(result.status).toBe(409);
      expect(result.body.code).toBe('DEPARTMENT_CODE_TAKEN');
    });

    it('the workflow itself refuses a transition the record has not caught up with', async () => {
      // Straight to the workflow, past the API's own check: the update validator is the authority.
      const handle = stack.temporal.workflow.getHandle(dutyWorkflowId(dutyId));
      await expect(
        handle.executeUpdate(dutyActionUpdate, {
          args: [{ action: 'accept', actor: { userId: randomUUID(), username: 'o', role: 'office', departmentId: null } }],
        }),
      ).rejects.toMatchObject({ cause: { type: 'DUTY_TRANSITION_FORBIDDEN' } });
    });
  });

  it('never answers 500 to any of the above', async () => {
    const rows = await stack.dataSource.query(`SELECT count(*) AS n FROM duty_transitions WHERE duty_id = $1`, [dutyId]);
    expect(Number(rows[0].n)).toBe(2);
  });
});
