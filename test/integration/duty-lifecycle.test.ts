import { dutyWorkflowId } from '@duban/workflows';
import { recordHistoryIfAsked } from '../support/recorded-histories';
import { TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait-for';

describe('a duty from assignment to acceptance (API → Temporal → PostgreSQL → SMTP)', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('is assigned, e-mailed, acknowledged, started, submitted, returned, resubmitted and accepted', async () => {
    const office = await stack.userWithToken('office');
    const department = await stack.department(office.token);
    const officer = await stack.userWithToken('department_officer', department.id);
    const dueAt = new Date(Date.now() + 3 * 24 * 3600 * 1000);

    const assigned = await stack.http('POST', '/duties', {
      token: office.token,
      body: {
        departmentId: department.id,
        title: '报送新登记市场主体名单',
        description: '每月报送新登记市场主体名单，供扩面比对。',
        dueAt: dueAt.toISOString(),
      },
    });
    expect(assigned.status).toBe(201);
    const dutyId: string = assigned.body.id;
    expect(assigned.body).toMatchObject({
      state: 'assigned',
      department: { id: department.id, code: department.code },
      dueAt: dueAt.toISOString(),
      overdue: false,
      allowedActions: ['cancel', 'extend', 'remind', 'reassign'],
    });
    expect(assigned.body.history).toEqual([
      expect.objectContaining({ seq: 1, action: 'assign', from: null, to: 'assigned', actor: expect.objectContaining({ id: office.user.id, role: 'office' }) }),
    ]);

    // The liaison hears of it, in Chinese, with the due time in Beijing time and a link.
    const [assignmentEmail] = await waitFor('the assignment e-mail', () => {
      const emails = stack.smtp.to(department.liaisonEmail);
      return emails.length > 0 && emails;
    });
    expect(assignmentEmail.to).toEqual([department.liaisonEmail]);
    expect(assignmentEmail.subject).toBe('【督办】新督办事项：报送新登记市场主体名单');
    const shanghai = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(dueAt);
    expect(assignmentEmail.text).toContain(`${shanghai} (北京时间)`);
    expect(assignmentEmail.text).toContain(`http://duban.test/duties/${dutyId}`);
    expect(assignmentEmail.text).toContain(department.name);

    const step = async (token: string, action: string, body: object = {}) => {
      const result = await stack.http('POST', `/duties/${dutyId}/${action}`, { token, body });
      expect({ action, status: result.status, body: result.body }).toMatchObject({ action, status: 200 });
      return result.body;
    };
    // Each answer reflects the write it caused.
    expect((await step(officer.token, 'acknowledge')).state).toBe('acknowledged');
    expect((await step(officer.token, 'start', { note: '已安排专人办理' })).state).toBe('in_progress');
    const submitted = await step(officer.token, 'submit', { result: '已报送名单 1,203 户' });
    expect(submitted).toMatchObject({ state: 'submitted', result: '已报送名单 1,203 户', allowedActions: [] });
    const returned = await step(office.token, 'return', { reason: '名单缺少统一社会信用代码' });
    expect(returned).toMatchObject({ state: 'returned', returnCount: 1 });
    expect((await step(officer.token, 'submit', { result: '已补充信用代码后重新报送' })).state).toBe('submitted');
    const accepted = await step(office.token, 'accept', { note: '符合要求' });
    expect(accepted).toMatchObject({ state: 'accepted', allowedActions: [] });
    expect(accepted.closedAt).not.toBeNull();

    const got = await stack.http('GET', `/duties/${dutyId}`, { token: officer.token });
    expect(got.status).toBe(200);
    expect(got.body.history.map((h: any) => [h.seq, h.action, h.from, h.to, h.actor.username, h.reason])).toEqual([
      [1, 'assign', null, 'assigned', office.user.username, null],
      [2, 'acknowledge', 'assigned', 'acknowledged', officer.user.username, null],
      [3, 'start', 'acknowledged', 'in_progress', officer.user.username, '已安排专人办理'],
      [4, 'submit', 'in_progress', 'submitted', officer.user.username, null],
      [5, 'return', 'submitted', 'returned', office.user.username, '名单缺少统一社会信用代码'],
      [6, 'submit', 'returned', 'submitted', officer.user.username, null],
      [7, 'accept', 'submitted', 'accepted', office.user.username, '符合要求'],
    ]);
    expect(got.body.history[3].result).toBe('已报送名单 1,203 户');
    const times = got.body.history.map((h: any) => Date.parse(h.occurredAt));
    expect([...times].sort((a, b) => a - b)).toEqual(times);

    // The return reached the liaison with its reason; the submissions reached the office.
    const returnEmail = await waitFor('the return e-mail', () => stack.smtp.to(department.liaisonEmail).find((e) => e.subject.includes('被退回')));
    expect(returnEmail.text).toContain('原因：名单缺少统一社会信用代码');
    await waitFor('two submission e-mails to the office', () => stack.smtp.to(office.user.email!).filter((e) => e.subject.includes('已提交')).length === 2);

    // Accepted is final: the workflow has ended and every e-mail it sent is on the record.
    const handle = stack.temporal.workflow.getHandle(dutyWorkflowId(dutyId));
    expect(await handle.result()).toEqual({ state: 'accepted' });
    await recordHistoryIfAsked(handle, 'duty-workflow.accepted-after-return');
    const final = await stack.http('GET', `/duties/${dutyId}`, { token: office.token });
    expect(final.body.emails.every((e: any) => e.status === 'sent')).toBe(true);
    expect(final.body.emails.map((e: any) => e.key)).toEqual(expect.arrayContaining([`duty:${dutyId}:assigned`, `duty:${dutyId}:transition:5`, `duty:${dutyId}:transition:7`]));
    // Each e-mail key was delivered exactly once.
    const messageIds = stack.smtp.emails.map((e) => e.messageId);
    expect(new Set(messageIds).size).toBe(messageIds.length);
  });
});
