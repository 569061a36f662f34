import { renderDutyEmail } from './duty-email-templates';

const facts = {
  title: '清理企业欠费',
  departmentName: '税务局',
  dueAt: new Date('2026-12-20T10:00:00Z'),
  link: 'http://duban.test/duties/d1',
};

describe('reassignment and progress e-mails', () => {
  it('asks the new department to acknowledge, naming where the duty came from and why', () => {
    const email = renderDutyEmail(
      { key: 'k', kind: 'reassigned', dutyId: 'd1', audience: ['department_liaison'], reason: '职责调整' },
      { ...facts, otherDepartmentName: '市场监管局' },
    );
    expect(email.subject).toBe('【督办】改派督办事项：清理企业欠费');
    expect(email.text).toContain('税务局：');
    expect(email.text).toContain('由市场监管局改派贵单位办理，请及时签收并按期办结');
    expect(email.text).toContain('原因：职责调整');
    expect(email.text).toContain('责任单位：税务局');
    expect(email.text).toContain('办结期限：2026年12月20日 18:00 (北京时间)');
  });

  it('tells the old department the duty is no longer theirs, and who has it now', () => {
    const email = renderDutyEmail(
      { key: 'k', kind: 'reassigned_away', dutyId: 'd1', audience: ['department_liaison'], reason: '职责调整' },
      { ...facts, departmentName: '市场监管局', otherDepartmentName: '税务局' },
    );
    expect(email.subject).toBe('【督办】督办事项已改派：清理企业欠费');
    expect(email.text).toContain('市场监管局：');
    expect(email.text).toContain('已由领导小组办公室改派税务局办理，贵单位不再承办');
    expect(email.text).toContain('责任单位：税务局');
  });

  it('reports a progress note to the office as progress, not as a reason', () => {
    const email = renderDutyEmail({ key: 'k', kind: 'transition', dutyId: 'd1', audience: ['office'], detail: 'record_progress', reason: '已核查 60%' }, facts);
    expect(email.subject).toBe('【督办】清理企业欠费：报送了工作进展');
    expect(email.text).toContain('进展情况：已核查 60%');
    expect(email.text).not.toContain('原因：');
  });
});
