import { dutyWorkflowId } from '@duban/workflows';
import { LEADING_GROUP_CHAIR, NO_REPORT_PLAN, seededDepartments } from '../support/campaign-fixtures';
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

    const done = await waitFor(
      'all three steps',
      async () => {
        const got = await stack.http('GET', `/duties/${duty.id}`, { token: office.token });
        return got.body.escalations.length === 3 && got.body;
      },
      { timeoutMs: 30_000 },
    );
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
    expect(live.body).toMatchObject({ dueAt: newDue, firedEscalationSteps: [], overdue: false });

    const notice = await waitFor('the extension e-mail', () => stack.smtp.to(department.liaisonEmail).find((e) => e.subject.includes('办结期限已调整')));
    expect(notice.text).toContain('原因：等待税务数据');
    // A fresh reminder for the new due time, then a fresh overdue step counted from it.
    await waitFor(
      'the reminder for the new due time',
      () => stack.smtp.to(department.liaisonEmail).filter((e) => e.subject.startsWith('【督办提醒】') && e.text.includes('报送参保扩面工作方案')).length === 2,
    );
    const again = await waitFor(
      'overdue against the new due time',
      async () => {
        const got = await stack.http('GET', `/duties/${duty.id}`, { token: office.token });
        return got.body.escalations.filter((e: any) => e.step === 'overdue').length === 2 && got.body;
      },
      { timeoutMs: 30_000 },
    );
    expect(again.escalations.filter((e: any) => e.step === 'overdue').map((e: any) => e.dueAt)).toEqual([duty.dueAt, newDue]);
    expect(again.overdue).toBe(true);

    await stack.http('POST', `/duties/${duty.id}/cancel`, { token: office.token, body: { reason: '并入其他事项' } });
    const handle = stack.temporal.workflow.getHandle(dutyWorkflowId(duty.id));
    expect(await handle.result()).toEqual({ state: 'cancelled' });
    await recordHistoryIfAsked(handle, 'duty-workflow.extended-after-overdue');
  });

  it("words every step in the periods of the campaign's own ladder: 2 and 5 working days", async () => {
    const office = await stack.userWithToken('office');
    const units = await seededDepartments(stack, office.token);
    const sia = units.get('SIA')!;
    const title = `阶梯措辞${Math.random().toString(36).slice(2, 8)}`;
    const created = await stack.http('POST', '/campaigns', {
      token: office.token,
      body: {
        name: `督办阶梯测试${Math.random().toString(36).slice(2, 8)}`,
        reportPlan: NO_REPORT_PLAN,
        jurisdiction: { name: '衡阳市', level: 'city', districtIds: [] },
        period: { start: '2026-01-01', end: '2027-12-31' },
        legalBasis: { title: '实施方案', number: '衡政办发〔2026〕2号' },
        targets: [],
        leadingGroup: { chair: LEADING_GROUP_CHAIR, viceChairs: [], members: [{ departmentId: sia.id, liaison: { name: '联络员' }, head: { name: '负责人' } }] },
        escalationLadder: {
          reminderBefore: { workingDays: 1 },
          escalationLadder: [
            { step: 'overdue', after: { workingDays: 0 }, notify: ['department_liaison', 'office'] },
            { step: 'chase_head', after: { workingDays: 2 }, notify: ['department_head', 'department_liaison'] },
            { step: 'leading_group', after: { workingDays: 5 }, notify: ['office', 'department_head'] },
          ],
        },
        phases: [
          {
            kind: 'mobilisation',
            name: '动员部署',
            window: { start: '2026-01-01', end: '2027-12-31' },
            templates: [{ title, description: '', route: { kind: 'function', key: 'registration' }, scope: 'once', due: { workingDaysAfterLaunch: 1 } }],
          },
        ],
      },
    });
    expect(created.status).toBe(201);
    const campaign = created.body as { id: string; phases: Array<{ id: string }> };
    const pinned = await stack.http('PUT', `/campaigns/${campaign.id}/duty-matrix/function/registration`, {
      token: office.token,
      body: { departmentId: sia.id, reason: '测试' },
    });
    expect(pinned.status).toBe(200);
    const launched = await stack.http('POST', `/campaigns/${campaign.id}/phases/${campaign.phases[0].id}/launch`, { token: office.token, body: {} });
    expect(launched.status).toBe(200);

    const mails = await waitFor(
      'the three escalation e-mails of the campaign duty',
      () => {
        const found = stack.smtp.emails.filter((e) => e.text.includes(title) && e.subject.includes('逾期'));
        return found.length === 3 && found;
      },
      { timeoutMs: 60_000 },
    );
    const byStep = (prefix: string) => mails.find((m) => m.subject.startsWith(prefix))!;
    const overdue = byStep('【催办】督办事项已逾期未办结');
    const head = byStep('【催办】督办事项逾期未办结，请部门负责人督促');
    const group = byStep('【督办】督办事项逾期未办结，已报领导小组');
    expect(overdue.text).toContain('已超过办结期限，尚未提交办理结果，现予催办。');
    expect(overdue.text).toContain('逾期满两个工作日仍未办结的，将报请部门负责人督促落实。');
    expect(head.text).toContain('逾期已满两个工作日仍未办结，现请部门负责人督促落实，尽快办结。');
    expect(head.text).toContain('逾期满五个工作日仍未办结的，将报告领导小组并列入督办通报。');
    expect(group.text).toContain('逾期已满五个工作日仍未办结，已报告领导小组，列入督办通报。');
    // The default ladder's periods appear nowhere.
    for (const mail of mails) expect(mail.text).not.toMatch(/一个工作日|三个工作日/);

    // The words follow the timers: each step fired at its offset of the campaign's ladder (2 s a day).
    const [row]: Array<{ id: string }> = await stack.dataSource.query(`SELECT duty_id AS id FROM phase_fanout WHERE phase_id = $1`, [campaign.phases[0].id]);
    const record = (await stack.http('GET', `/duties/${row.id}`, { token: office.token })).body;
    const dueAt = Date.parse(record.dueAt);
    const lateness = Object.fromEntries(record.escalations.map((e: any) => [e.step, Date.parse(e.firedAt) - dueAt]));
    expect(lateness.chase_head).toBeGreaterThanOrEqual(4_000);
    expect(lateness.leading_group).toBeGreaterThanOrEqual(10_000);
  });
});
