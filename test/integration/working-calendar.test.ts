import { dutyReminderAt } from '@duban/domain';
import { dutyWorkflowId } from '@duban/workflows';
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
    expect(dutyReminderAt(input.assignment.assignedAt, input.assignment.dueAt, input.policy)).toBe(
      Date.parse('2031-09-29T18:00:00+08:00'),
    );
    await stack.http('POST', `/duties/${duty.id}/cancel`, { token: office.token, body: { reason: '测试结束' } });
  });
});
