import { dutyWorkflowId } from '@duban/workflows';
import { recordHistoryIfAsked } from '../support/recorded-histories';
import { TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait-for';

describe('the duty clock: reminder before the due time, overdue escalation after it', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('reminds the liaison, then marks the duty overdue and tells the department and the office', async () => {
    const office = await stack.userWithToken('office');
    const department = await stack.department(office.token);
    const officer = await stack.userWithToken('department_officer', department.id);
    const dueAt = new Date(Date.now() + 6_000);
    const assigned = await stack.http('POST', '/duties', {
      token: office.token,
      body: { departmentId: department.id, title: '召开动员部署会', description: '', dueAt: dueAt.toISOString() },
    });
    expect(assigned.status).toBe(201);
    const dutyId = assigned.body.id;
    await stack.http('POST', `/duties/${dutyId}/acknowledge`, { token: officer.token, body: {} });

    // Half-way through a short duty: the reminder.
    const reminder = await waitFor('the reminder', () => stack.smtp.to(department.liaisonEmail).find((e) => e.subject.startsWith('【督办提醒】')));
    expect(reminder.subject).toBe('【督办提醒】即将到期：召开动员部署会');
    expect(reminder.to).toEqual([department.liaisonEmail]);
    const reminded = await stack.http('GET', `/duties/${dutyId}`, { token: office.token });
    expect(Date.parse(reminded.body.remindedAt)).toBeLessThan(dueAt.getTime());
    expect(reminded.body.overdue).toBe(false);

    // At the due time: overdue, recorded, and e-mailed to the department and the office.
    const overdue = await waitFor('the overdue mark', async () => {
      const duty = await stack.http('GET', `/duties/${dutyId}`, { token: office.token });
      return duty.body.overdue === true && duty.body;
    });
    expect(Date.parse(overdue.overdueSince)).toBeGreaterThanOrEqual(dueAt.getTime());
    expect(overdue.state).toBe('acknowledged');
    expect(overdue.escalations).toEqual([{ step: 'overdue', dueAt: dueAt.toISOString(), firedAt: overdue.overdueSince, notified: ['department_liaison', 'office'] }]);
    const escalation = await waitFor('the overdue e-mail', () => stack.smtp.emails.find((e) => e.subject.startsWith('【催办】') && e.text.includes('召开动员部署会')));
    expect(escalation.to).toEqual(expect.arrayContaining([department.liaisonEmail, office.user.email]));
    expect(escalation.subject).toBe('【催办】督办事项已逾期未办结：召开动员部署会');

    const live = await stack.http('GET', `/duties/${dutyId}/live`, { token: office.token });
    expect(live.body).toMatchObject({ state: 'acknowledged', overdue: true, firedEscalationSteps: ['overdue'] });

    // The overdue list shows it; a late submission still goes through and keeps the mark.
    const list = await stack.http('GET', `/duties?overdue=true&departmentId=${department.id}`, { token: office.token });
    expect(list.body.items.map((d: any) => d.id)).toEqual([dutyId]);
    await stack.http('POST', `/duties/${dutyId}/start`, { token: officer.token, body: {} });
    const late = await stack.http('POST', `/duties/${dutyId}/submit`, { token: officer.token, body: { result: '已召开' } });
    expect(late.body).toMatchObject({ state: 'submitted', overdue: true });
    // One reminder and one escalation: nothing was sent twice.
    expect(stack.smtp.emails.filter((e) => e.text.includes('召开动员部署会') && e.subject.startsWith('【督办提醒】'))).toHaveLength(1);
    expect(stack.smtp.emails.filter((e) => e.text.includes('召开动员部署会') && e.subject.startsWith('【催办】'))).toHaveLength(1);

    // Close it, and keep the history (reminder, escalation, late submission) for replay tests.
    await stack.http('POST', `/duties/${dutyId}/accept`, { token: office.token, body: {} });
    const handle = stack.temporal.workflow.getHandle(dutyWorkflowId(dutyId));
    expect(await handle.result()).toEqual({ state: 'accepted' });
    await recordHistoryIfAsked(handle, 'duty-workflow.reminded-escalated-late');
  });

  it('does not escalate a duty submitted before its due time', async () => {
    const office = await stack.userWithToken('office');
    const department = await stack.department(office.token);
    const officer = await stack.userWithToken('department_officer', department.id);
    const dueAt = Date.now() + 4_000;
    const { body: duty } = await stack.http('POST', '/duties', {
      token: office.token,
      body: { departmentId: department.id, title: '提交工作方案', description: '', dueAt: new Date(dueAt).toISOString() },
    });
    for (const [action, body] of [
      ['acknowledge', {}],
      ['start', {}],
      ['submit', { result: '方案已提交' }],
    ] as const) {
      expect((await stack.http('POST', `/duties/${duty.id}/${action}`, { token: officer.token, body })).status).toBe(200);
    }
    // The workflow's own clock has passed the due time with the duty submitted: no step fired.
    const live = await waitFor(
      'the workflow clock to pass the due time',
      async () => {
        const state = await stack.http('GET', `/duties/${duty.id}/live`, { token: office.token });
        return Date.now() > dueAt + 1_000 && state.body;
      },
      { intervalMs: 250 },
    );
    expect(live).toMatchObject({ state: 'submitted', overdue: false, firedEscalationSteps: [] });
    const stored = await stack.http('GET', `/duties/${duty.id}`, { token: office.token });
    expect(stored.body).toMatchObject({ overdue: false, escalations: [] });
  });
});
