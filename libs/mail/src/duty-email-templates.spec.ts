import { DEFAULT_DUTY_CLOCK_POLICY, escalationStepTiming, type DutyClockPolicy } from '@duban/domain';
import { renderDutyEmail } from './duty-email-templates';

const facts = {
  title: '清理企业欠费',
  departmentName: '税务局',
  dueAt: new Date('2026-12-20T10:00:00Z'),
  link: 'http://duban.test/duties/d1',
};

describe('duty e-mails', () => {
  it('words an office reminder as 催办 to the department, with the office note', () => {
    const email = renderDutyEmail({ key: 'k', kind: 'transition', dutyId: 'd1', audience: ['department_liaison'], detail: 'remind', reason: '请本周内办结' }, facts);
    expect(email.subject).toBe('【催办】请抓紧办理督办事项：清理企业欠费');
    expect(email.text).toContain('税务局：');
    expect(email.text).toContain('领导小组办公室现对督办事项“清理企业欠费”进行催办');
    expect(email.text).toContain('原因：请本周内办结');
    expect(email.text).toContain('办结期限：2026年12月20日 18:00 (北京时间)');
  });

  it('keeps the plain transition wording for other actions', () => {
    const email = renderDutyEmail({ key: 'k', kind: 'transition', dutyId: 'd1', audience: ['department_liaison'], detail: 'extend' }, facts);
    expect(email.subject).toBe('【督办】清理企业欠费：办结期限已调整');
  });

  describe("escalations, in the periods of the duty's own ladder", () => {
    const twoAndFive: Pick<DutyClockPolicy, 'escalationLadder'> = {
      escalationLadder: [
        { step: 'overdue', after: { workingDays: 0 }, notify: ['department_liaison', 'office'] },
        { step: 'chase_head', after: { workingDays: 2 }, notify: ['department_head'] },
        { step: 'leading_group', after: { workingDays: 5 }, notify: ['office'] },
      ],
    };
    const escalation = (step: string, ladder: Pick<DutyClockPolicy, 'escalationLadder'>) =>
      renderDutyEmail({ key: 'k', kind: 'escalation', dutyId: 'd1', audience: ['office'], detail: step, stepTiming: escalationStepTiming(ladder, step) ?? undefined }, facts);

    it('says 2 and 5 working days on a ladder of 2 and 5, and what comes next', () => {
      const overdue = escalation('overdue', twoAndFive);
      expect(overdue.subject).toBe('【催办】督办事项已逾期未办结：清理企业欠费');
      expect(overdue.text).toContain('已超过办结期限，尚未提交办理结果，现予催办。');
      expect(overdue.text).toContain('逾期满两个工作日仍未办结的，将报请部门负责人督促落实。');
      const head = escalation('chase_head', twoAndFive);
      expect(head.text).toContain('逾期已满两个工作日仍未办结，现请部门负责人督促落实，尽快办结。');
      expect(head.text).toContain('逾期满五个工作日仍未办结的，将报告领导小组并列入督办通报。');
      const group = escalation('leading_group', twoAndFive);
      expect(group.text).toContain('逾期已满五个工作日仍未办结，已报告领导小组，列入督办通报。');
      expect(group.text).not.toContain('将');
      for (const mail of [overdue, head, group]) expect(mail.text).not.toMatch(/一个工作日|三个工作日/);
    });

    it('says a next step at the same offset fires with this one', () => {
      const together = escalation('overdue', {
        escalationLadder: [
          { step: 'overdue', after: { workingDays: 0 }, notify: ['office'] },
          { step: 'chase_head', after: { workingDays: 0 }, notify: ['department_head'] },
        ],
      });
      expect(together.text).toContain('已超过办结期限，尚未提交办理结果，现予催办。请责任单位立即办理并说明逾期原因。同时报请部门负责人督促落实。');
      expect(together.text).not.toContain('零个工作日');
    });

    it('says 1 and 3 working days on the default ladder', () => {
      expect(escalation('chase_head', DEFAULT_DUTY_CLOCK_POLICY).text).toContain('逾期已满一个工作日仍未办结');
      expect(escalation('leading_group', DEFAULT_DUTY_CLOCK_POLICY).text).toContain('逾期已满三个工作日仍未办结');
    });

    it('words a step of its own name by its offset, and an old notification without one by none', () => {
      const custom = escalation('report_mayor', {
        escalationLadder: [{ step: 'report_mayor', after: { workingDays: 12 }, notify: ['office'] }],
      });
      expect(custom.subject).toBe('【催办】督办事项已升级督办：清理企业欠费');
      expect(custom.text).toContain('逾期已满十二个工作日仍未办结，已升级督办。');
      const old = renderDutyEmail({ key: 'k', kind: 'escalation', dutyId: 'd1', audience: ['office'], detail: 'chase_head' }, facts);
      expect(old.text).toContain('督办事项“清理企业欠费”逾期未办结，现请部门负责人督促落实');
      expect(old.text).not.toMatch(/工作日/);
    });
  });
});
