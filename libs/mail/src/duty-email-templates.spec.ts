import { renderDutyEmail } from './duty-email-templates';

const facts = {
  title: '清理企业欠费',
  departmentName: '税务局',
  dueAt: new Date('2026-12-20T10:00:00Z'),
  link: 'http://duban.test/duties/d1',
};

describe('duty e-mails', () => {
  it('words an office reminder as 催办 to the department, with the office note', () => {
    const email = renderDutyEmail(
      { key: 'k', kind: 'transition', dutyId: 'd1', audience: ['department_liaison'], detail: 'remind', reason: '请本周内办结' },
      facts,
    );
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
});
