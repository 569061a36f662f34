import { dutyWorkflowId } from '@duban/workflows';
import { recordHistoryIfAsked } from '../support/recorded-histories';
import { TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait-for';

/** Time compressed: one working day of the ladder lasts two seconds (DUBAN_WORKING_DAY_SECONDS). */
describe('the escalation ladder, and extending a due time', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start({ DUBAN_WORKING_DAY_SECONDS: '2' });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const assign = async (token: string, departmentId: string, title: string, dueInMs: number) => {
    const result = await stack.http('POST', '/duties', {
      token,
      body: { departmentId, title, description: '', dueAt: new Date(Date.now() + dueInMs).toISOString() },
    });
    expect(result.status).toBe(201);
    return result.body as { id: string; dueAt: string };
  };

  it('walks a duty left alone up every step: overdue, the head, the leading group', async () => {
    const office = await stack.userWithToken('office');
    const department = await stack.department(office.token);
    const duty = await assign(office.token, department.id, '摸底登记未参保单位', 3_000);
    const dueAt = Date.parse(duty.dueAt);

    const done = await waitFor('all three steps', async () => {
      const got = await stack.http('GET', `/duties/${duty.id}`, { token: office.token });
      return got.body.escalations.length === 3 && got.body;
    }, { timeoutMs: 30_000 });
    expect(done.escalations.map((e: any) => [e.step, e.notified])).toEqual([
      ['overdue', ['department_liaison', 'office']],
      ['chase_head', ['department_head', 'department_liaison']],
      ['leading_group', ['office', 'department_head']],
    ]);
    // Each step at its offset from the due time: 0, 1 and 3 working days of 2 s.
    const lateness = done.escalations.map((e: any) => Date.parse(e.firedAt) - dueAt);
    expect(lateness[0]).toBeGreaterThanOrEqual(0);
    expect(lateness[1]).toBeGreaterThanOrEqual(2_000);
    expect(lateness[2]).toBeGreaterThanOrEqual(6_000);
    expect(lateness[2]).toBeLessThan(15_000);

    const mails = await waitFor('the three escalation e-mails', () => {
      const found = stack.smtp.emails.filter((e) => e.text.includes('摸底登记未参保单位') && e.subject.includes('逾期'));
      return found.length === 3 && found;
    });
    expect(mails.map((m) => m.subject.split('：')[0])).toEqual([
      '【催办】督办事项已逾期未办结',
      '【催办】督办事项逾期未办结，请部门负责人督促',
      '【督办】督办事项逾期未办结，已报领导小组',
    ]);
    expect(mails[0].to).toEqual(expect.arrayContaining([department.liaisonEmail, office.user.email]));
    expect(mails[1].to.sort()).toEqual([department.headEmail, department.liaisonEmail].sort());
    expect(mails[2].to).toEqual(expect.arrayContaining([department.headEmail, office.user.email]));
    expect(mails[2].to).not.toContain(department.liaisonEmail);
  });

  it('extends an overdue duty: the mark lifts, the timers follow the new time, the history says why', async () => {
    const office = await stack.userWithToken('office');
    const department = await stack.department(office.token);
    const officer = await stack.userWithToken('department_officer', department.id);
    const duty = await assign(office.token, department.id, '报送参保扩面工作方案', 2_000);
    await waitFor('the duty to become overdue', async () => (await stack.http('GET', `/duties/${duty.id}`, { token: office.token })).body.overdue);

    // Only the office extends, only into the future, only with a reason.
    const newDue = new Date(Date.now() + 8_000).toISOString();
    expect((await stack.http('POST', `/duties/${duty.id}/extend`, { token: officer.token, body: { dueAt: newDue, reason: 'x' } })).status).toBe(403);
    expect((await stack.http('POST', `/duties/${duty.id}/extend`, { token: office.token, body: { dueAt: newDue } })).status).toBe(400);
    const past = await stack.http('POST', `/duties/${duty.id}/extend`, {
      token: office.token,
      body: { dueAt: new Date(Date.now() - 1000).toISOString(), reason: '补充材料' },
    });
    expect(past.status).toBe(400);

    const extended = await stack.http('POST', `/duties/${duty.id}/extend`, { token: office.token, body: { dueAt: newDue, reason: '等待税务数据' } });
    expect(extended.status).toBe(200);
    expect(extended.body).toMatchObject({ state: 'assigned', dueAt: newDue, overdue: false });
    expect(extended.body.history.at(-1)).toMatchObject({ action: 'extend', from: 'assigned', to: 'assigned', reason: '等待税务数据', dueAt: newDue });
    const live = await stack.http('GET', `/duties/${duty.id}/live`, { token: office.token });
    expect(live.body).toMatchObject({ dueAt: Date.parse(newDue), firedEscalationSteps: [], overdue: false });

    const notice = await waitFor('the extension e-mail', () =>
      stack.smtp.to(department.liaisonEmail).find((e) => e.subject.includes('办结期限已调整')),
    );
    expect(notice.text).toContain('原因：等待税务数据');
    // A fresh reminder for the new due time, then a fresh overdue step counted from it.
    await waitFor('the reminder for the new due time', () =>
      stack.smtp.to(department.liaisonEmail).filter((e) => e.subject.startsWith('【督办提醒】') && e.text.includes('报送参保扩面工作方案')).length === 2,
    );
    const again = await waitFor('overdue against the new due time', async () => {
      const got = await stack.http('GET', `/duties/${duty.id}`, { token: office.token });
      return got.body.escalations.filter((e: any) => e.step === 'overdue').length === 2 && got.body;
    }, { timeoutMs: 30_000 });
    expect(again.escalations.filter((e: any) => e.step === 'overdue').map((e: any) => e.dueAt)).toEqual([duty.dueAt, newDue]);
    expect(again.overdue).toBe(true);

    await stack.http('POST', `/duties/${duty.id}/cancel`, { token: office.token, body: { reason: '并入其他事项' } });
    const handle = stack.temporal.workflow.getHandle(dutyWorkflowId(duty.id));
    expect(await handle.result()).toEqual({ state: 'cancelled' });
    await recordHistoryIfAsked(handle, 'duty-workflow.extended-after-overdue');
  });
});
