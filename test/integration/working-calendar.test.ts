import { dutyReminderAt } from '@duban/domain';
import { loadShippedNationalCalendars } from '@duban/persistence';
import { dutyWorkflowId } from '@duban/workflows';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { CalendarService } from '../../apps/api/src/calendar/calendar.service';
import { TestStack } from '../support/test-stack';

describe('the office keeps the working-day calendar; new duties run on it', () => {
  let stack: TestStack;
  let office: { token: string; user: { id: string } };

  beforeAll(async () => {
    stack = await TestStack.start();
    office = await stack.userWithToken('office');
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const nationalDay = {
    holidays: ['2031-10-01', '2031-10-02', '2031-10-03', '2031-10-06', '2031-10-07'],
    makeUpWorkdays: ['2031-09-28', '2031-10-11'],
  };

  it('saves revisions with who and why, and refuses a stale or invalid change', async () => {
    const empty = await stack.http('GET', '/calendar/2031', { token: office.token });
    expect(empty.body).toMatchObject({ year: 2031, revision: 0, holidays: [], makeUpWorkdays: [] });

    const first = await stack.http('PUT', '/calendar/2031', {
      token: office.token,
      body: { ...nationalDay, expectedRevision: 0, reason: '2031年节假日安排' },
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ revision: 1, ...nationalDay, changedBy: office.user.id, reason: '2031年节假日安排' });

    // Someone saving on the revision they saw earlier loses, and is told so.
    const stale = await stack.http('PUT', '/calendar/2031', { token: office.token, body: { holidays: [], makeUpWorkdays: [], expectedRevision: 0 } });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('CALENDAR_CHANGED_MEANWHILE');

    for (const [body, message] of [
      [{ holidays: ['2031-02-30'], makeUpWorkdays: [] }, 'not a date'],
      [{ holidays: ['2032-01-01'], makeUpWorkdays: [] }, 'not in 2031'],
      [{ holidays: [], makeUpWorkdays: ['2031-10-08'] }, 'weekdays'],
      [{ holidays: ['2031-09-28'], makeUpWorkdays: ['2031-09-28'] }, 'both'],
    ] as const) {
      const bad = await stack.http('PUT', '/calendar/2031', { token: office.token, body: { ...body, expectedRevision: 1 } });
      expect({ status: bad.status, message: bad.body.message }).toEqual({ status: 400, message: expect.stringContaining(message) });
    }
    const malformed = await stack.http('PUT', '/calendar/2031', { token: office.token, body: { holidays: ['10/1'], makeUpWorkdays: [], expectedRevision: 1 } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.fields.holidays).toEqual(['each holiday must be a date YYYY-MM-DD']);
    expect((await stack.http('GET', '/calendar/1999', { token: office.token })).status).toBe(400);
    expect((await stack.http('GET', '/calendar/twenty', { token: office.token })).status).toBe(400);

    const second = await stack.http('PUT', '/calendar/2031', {
      token: office.token,
      body: { holidays: [...nationalDay.holidays, '2031-10-08'], makeUpWorkdays: nationalDay.makeUpWorkdays, expectedRevision: 1, reason: '补充10月8日' },
    });
    expect(second.body.revision).toBe(2);
    const revisions = await stack.http('GET', '/calendar/2031/revisions', { token: office.token });
    expect(revisions.body.map((r: any) => [r.revision, r.holidays.length, r.reason])).toEqual([
      [1, 5, '2031年节假日安排'],
      [2, 6, '补充10月8日'],
    ]);
  });

  it('lets everyone read it and only the office change it', async () => {
    const department = await stack.department(office.token);
    const officer = await stack.userWithToken('department_officer', department.id);
    const viewer = await stack.userWithToken('viewer');
    expect((await stack.http('GET', '/calendar/2031', { token: viewer.token })).status).toBe(200);
    for (const who of [officer, viewer]) {
      const put = await stack.http('PUT', '/calendar/2031', { token: who.token, body: { holidays: [], makeUpWorkdays: [], expectedRevision: 2 } });
      expect(put.status).toBe(403);
    }
    expect((await stack.http('GET', '/calendar/2031', { token: office.token })).body.revision).toBe(2);
  });

  it('hands the calendar to each new duty workflow', async () => {
    const department = await stack.department(office.token);
    const { body: duty } = await stack.http('POST', '/duties', {
      token: office.token,
      body: { departmentId: department.id, title: '节后报送', description: '', dueAt: '2031-10-09T18:00:00+08:00' },
    });
    const history = await stack.temporal.workflow.getHandle(dutyWorkflowId(duty.id)).fetchHistory();
    const payload = history.events![0].workflowExecutionStartedEventAttributes!.input!.payloads![0];
    const input = JSON.parse(Buffer.from(payload.data!).toString('utf8'));
    expect(input.policy.calendar.holidays).toEqual(expect.arrayContaining([...nationalDay.holidays, '2031-10-08']));
    expect(input.policy.calendar.makeUpWorkdays).toEqual(expect.arrayContaining(nationalDay.makeUpWorkdays));
    // Two working days before Thursday 9 Oct, back across the holiday week (1–8 Oct), is Monday 29 Sep.
    expect(dutyReminderAt(input.assignment.assignedAt, input.assignment.dueAt, input.policy)).toBe(Date.parse('2031-09-29T18:00:00+08:00'));
    await stack.http('POST', `/duties/${duty.id}/cancel`, { token: office.token, body: { reason: '测试结束' } });
  });

  describe('the national calendar shipped with Duban', () => {
    it('answers the State Council notice for 2026 on a fresh database, as revision 1 attributed to the notice', async () => {
      const { status, body } = await stack.http('GET', '/calendar/2026', { token: office.token });
      expect(status).toBe(200);
      expect(body).toMatchObject({
        year: 2026,
        revision: 1,
        changedBy: null,
        shippedFrom: '国务院办公厅关于2026年部分节假日安排的通知，2025-11-04',
        shippedNotice: { title: '国务院办公厅关于2026年部分节假日安排的通知', number: null, issuedOn: '2025-11-04' },
      });
      // 春节 15–23 Feb, 国庆节 1–7 Oct; Saturdays 14 and 28 Feb, Sunday 20 Sep and Saturday 10 Oct worked.
      expect(body.holidays).toEqual(expect.arrayContaining(['2026-01-01', '2026-02-15', '2026-02-23', '2026-05-05', '2026-06-19', '2026-09-25', '2026-10-07']));
      expect(body.holidays).toHaveLength(33);
      expect(body.makeUpWorkdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
      const y2025 = await stack.http('GET', '/calendar/2025', { token: office.token });
      expect(y2025.body).toMatchObject({ revision: 1, shippedNotice: { number: '国办发明电〔2024〕12号' } });
      expect(y2025.body.makeUpWorkdays).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
      // A year Duban knows no notice for stays the office's to set, and says so.
      const y2027 = await stack.http('GET', '/calendar/2027', { token: office.token });
      expect(y2027.body).toMatchObject({ revision: 0, holidays: [], shippedNotice: null });
    });

    it('names the years without a shipped notice in the start log', async () => {
      const warned = await stack.api.get(CalendarService).warnAboutYearsNotShipped(new Date('2026-06-01T00:00:00+08:00'));
      expect(warned).toEqual([2027]);
      expect(await stack.api.get(CalendarService).warnAboutYearsNotShipped(new Date('2025-03-01T00:00:00+08:00'))).toEqual([]);
    });

    it('lets the office amend a shipped year as revision 2, which no restart overwrites', async () => {
      const stale = await stack.http('PUT', '/calendar/2026', { token: office.token, body: { holidays: [], makeUpWorkdays: [], expectedRevision: 0 } });
      expect(stale.status).toBe(409);
      const shipped = (await stack.http('GET', '/calendar/2026', { token: office.token })).body;
      // The office gives its staff 24 December off as well (a local decision), with its reason.
      const amended = await stack.http('PUT', '/calendar/2026', {
        token: office.token,
        body: { holidays: [...shipped.holidays, '2026-12-24'], makeUpWorkdays: shipped.makeUpWorkdays, expectedRevision: 1, reason: '本市12月24日调整为休息日' },
      });
      expect(amended.status).toBe(200);
      expect(amended.body).toMatchObject({ revision: 2, changedBy: office.user.id, shippedFrom: null, reason: '本市12月24日调整为休息日' });

      // A restart: the worker and a second API start on the same database, and the start-up step runs again.
      await stack.stopWorker();
      await stack.startWorker();
      const second = await createApiApp(stack.config, { logger: false });
      await second.init();
      await second.close();
      expect(await loadShippedNationalCalendars(stack.dataSource)).toEqual([]);

      const after = await stack.http('GET', '/calendar/2026', { token: office.token });
      expect(after.body).toMatchObject({ revision: 2, reason: '本市12月24日调整为休息日' });
      expect(after.body.holidays).toContain('2026-12-24');
      const revisions = await stack.http('GET', '/calendar/2026/revisions', { token: office.token });
      expect(revisions.body.map((r: any) => [r.revision, r.changedBy, r.shippedFrom !== null])).toEqual([
        [1, null, true],
        [2, office.user.id, false],
      ]);
    });

    it('refuses bad amendments of a shipped year without a server error and without a new revision', async () => {
      const current = (await stack.http('GET', '/calendar/2026', { token: office.token })).body;
      const base = { holidays: current.holidays, makeUpWorkdays: current.makeUpWorkdays, expectedRevision: current.revision };
      for (const body of [
        { ...base, reason: 'NUL\u0000在理由中' },
        { ...base, holidays: Array.from({ length: 400 }, () => '2026-12-24') },
        { ...base, holidays: [20261224] },
        { ...base, makeUpWorkdays: '2026-12-26' },
        { ...base, expectedRevision: 1e300 },
        { ...base, expectedRevision: '2' },
        { ...base, reason: '理'.repeat(2001) },
        { ...base, holidays: ['2026-12-24\u0000'] },
      ]) {
        const put = await stack.http('PUT', '/calendar/2026', { token: office.token, body });
        expect([put.status, JSON.stringify(body).slice(0, 60)]).toEqual([400, JSON.stringify(body).slice(0, 60)]);
      }
      for (const year of ['99999', '2026.5', '%00', '1e3']) {
        const got = await stack.http('GET', `/calendar/${year}`, { token: office.token });
        expect([year, got.status]).toEqual([year, 400]);
      }
      expect((await stack.http('GET', '/calendar/2026', { token: office.token })).body.revision).toBe(current.revision);
    });

    it("hands the shipped days, with the office's amendment, to a new duty", async () => {
      const department = await stack.department(office.token);
      const { body: duty } = await stack.http('POST', '/duties', {
        token: office.token,
        body: { departmentId: department.id, title: '年终报送（国家日历）', description: '', dueAt: '2026-12-28T18:00:00+08:00' },
      });
      const history = await stack.temporal.workflow.getHandle(dutyWorkflowId(duty.id)).fetchHistory();
      const input = JSON.parse(Buffer.from(history.events![0].workflowExecutionStartedEventAttributes!.input!.payloads![0].data!).toString('utf8'));
      expect(input.policy.calendar.holidays).toEqual(expect.arrayContaining(['2025-10-08', '2026-02-23', '2026-10-01', '2026-12-24']));
      expect(input.policy.calendar.makeUpWorkdays).toEqual(expect.arrayContaining(['2026-02-14', '2026-10-10']));
      // Two working days before Monday 28 Dec: Friday 25, then (24 Dec off by the amendment) Wednesday 23.
      expect(dutyReminderAt(input.assignment.assignedAt, input.assignment.dueAt, input.policy)).toBe(Date.parse('2026-12-23T18:00:00+08:00'));
      await stack.http('POST', `/duties/${duty.id}/cancel`, { token: office.token, body: { reason: '测试结束' } });
    });
  });
});
