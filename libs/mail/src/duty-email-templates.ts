import { DateTime } from 'luxon';
import { clockOffsetWords, DUBAN_TIME_ZONE, isZeroOffset, type EscalationStepTiming } from '@duban/domain';
import type { DutyNotification } from '@duban/workflows';

export function formatShanghaiTime(instant: Date): string {
  return DateTime.fromJSDate(instant).setZone(DUBAN_TIME_ZONE).toFormat("yyyy年M月d日 HH:mm '(北京时间)'");
}

export interface DutyEmailFacts {
  title: string;
  departmentName: string;
  dueAt: Date;
  link: string;
  /** Reassignment e-mails: the department on the other side (where the duty went or came from). */
  otherDepartmentName?: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
}

const ACTION_WORDS: Record<string, string> = {
  acknowledge: '已签收',
  start: '已开始办理',
  submit: '已提交办理结果，请审核',
  accept: '已通过审核，办结',
  return: '被退回，请补充完善后重新提交',
  cancel: '已撤销',
  extend: '办结期限已调整',
  record_progress: '报送了工作进展',
};

/**
 * Subject and what is done at each escalation step (docs/domain.md, "Reminders and the
 * escalation ladder": 催办 the liaison, then the head, then 督办). When a step fires is not
 * written here: it comes from the ladder the duty runs on (`stepTiming`).
 */
const STEP_WORDS: Record<string, { subject: string; done: string; ahead: string }> = {
  overdue: {
    subject: '【催办】督办事项已逾期未办结',
    done: '现予催办。请责任单位立即办理并说明逾期原因。',
    ahead: '予以催办',
  },
  chase_head: {
    subject: '【催办】督办事项逾期未办结，请部门负责人督促',
    done: '现请部门负责人督促落实，尽快办结。',
    ahead: '报请部门负责人督促落实',
  },
  leading_group: {
    subject: '【督办】督办事项逾期未办结，已报领导小组',
    done: '已报告领导小组，列入督办通报。',
    ahead: '报告领导小组并列入督办通报',
  },
};
const OTHER_STEP = { subject: '【催办】督办事项已升级督办', done: '已升级督办。', ahead: '进一步升级督办' };

/**
 * The body of an escalation e-mail: how late the duty is, in the periods of its own ladder,
 * what is done now, and what follows if it stays undone.
 */
export function escalationSentence(step: string, timing: EscalationStepTiming | undefined): string {
  const words = STEP_WORDS[step] ?? OTHER_STEP;
  let late: string;
  if (!timing) late = '逾期未办结，';
  else if (isZeroOffset(timing.after)) late = '已超过办结期限，尚未提交办理结果，';
  else late = `逾期已满${clockOffsetWords(timing.after, 'zh-CN')}仍未办结，`;
  const next = timing?.next;
  let ahead = '';
  if (next && timing) {
    const nextWords = (STEP_WORDS[next.step] ?? OTHER_STEP).ahead;
    // Steps may share an offset: the next one fires with this one.
    ahead =
      clockOffsetWords(next.after, 'zh-CN') === clockOffsetWords(timing.after, 'zh-CN')
        ? `同时${nextWords}。`
        : `逾期满${clockOffsetWords(next.after, 'zh-CN')}仍未办结的，将${nextWords}。`;
  }
  return `${late}${words.done}${ahead}`;
}

/** The e-mail for a notification the duty workflow owes, in Chinese. */
export function renderDutyEmail(notification: DutyNotification, facts: DutyEmailFacts): RenderedEmail {
  const due = formatShanghaiTime(facts.dueAt);
  const lines: string[] = [];
  let subject: string;
  switch (notification.kind) {
    case 'assigned':
      subject = `【督办】新督办事项：${facts.title}`;
      lines.push(`${facts.departmentName}：`, '', `领导小组办公室向贵单位交办督办事项“${facts.title}”，请及时签收并按期办结。`);
      break;
    case 'reminder':
      subject = `【督办提醒】即将到期：${facts.title}`;
      lines.push(`${facts.departmentName}：`, '', `督办事项“${facts.title}”即将到期，请抓紧办理并在期限前提交办理结果。`);
      break;
    case 'escalation': {
      const step = notification.detail ?? '';
      subject = `${(STEP_WORDS[step] ?? OTHER_STEP).subject}：${facts.title}`;
      lines.push(`${facts.departmentName}：`, '', `督办事项“${facts.title}”${escalationSentence(step, notification.stepTiming)}`);
      break;
    }
    case 'transition':
      if (notification.detail === 'remind') {
        // The office chasing the liaison by hand (催办), not a change of state.
        subject = `【催办】请抓紧办理督办事项：${facts.title}`;
        lines.push(`${facts.departmentName}：`, '', `领导小组办公室现对督办事项“${facts.title}”进行催办，请责任单位抓紧办理，尽快提交办理结果；已逾期的，请说明逾期原因。`);
        break;
      }
      subject = `【督办】${facts.title}：${ACTION_WORDS[notification.detail ?? ''] ?? '状态已更新'}`;
      lines.push(`督办事项“${facts.title}”（${facts.departmentName}）${ACTION_WORDS[notification.detail ?? ''] ?? '状态已更新'}。`);
      break;
    case 'reassigned':
      subject = `【督办】改派督办事项：${facts.title}`;
      lines.push(
        `${facts.departmentName}：`,
        '',
        `领导小组办公室将督办事项“${facts.title}”${facts.otherDepartmentName ? `由${facts.otherDepartmentName}` : ''}改派贵单位办理，请及时签收并按期办结。`,
      );
      break;
    case 'reassigned_away':
      subject = `【督办】督办事项已改派：${facts.title}`;
      lines.push(`${facts.departmentName}：`, '', `督办事项“${facts.title}”已由领导小组办公室改派${facts.otherDepartmentName ?? '其他单位'}办理，贵单位不再承办。`);
      break;
  }
  // A progress note is what the department reports, not a reason.
  if (notification.reason) lines.push('', `${notification.detail === 'record_progress' ? '进展情况' : '原因'}：${notification.reason}`);
  // After a reassignment the responsible department is the new one, whoever is addressed.
  const responsible = notification.kind === 'reassigned_away' ? (facts.otherDepartmentName ?? facts.departmentName) : facts.departmentName;
  lines.push('', `办结期限：${due}`, `责任单位：${responsible}`, `查看事项：${facts.link}`, '', '—— 督办系统（Duban）自动发送，请勿直接回复。');
  return { subject, text: lines.join('\n') };
}
