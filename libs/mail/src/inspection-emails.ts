import { FINDING_LABELS, type Finding } from '@duban/domain';
import { formatShanghaiTime } from './duty-email-templates';

export interface InspectionAssignmentFacts {
  teamName: string;
  unitName: string | null;
  creditCode: string;
  finding: Finding;
  districtName: string | null;
  noticeNumber: string | null;
  noticeDeadline: Date | null;
  /** The department the case is routed to. */
  departmentName: string;
  link: string;
}

/** To the inspectors of a team and its contact: a case past its deadline is now theirs. */
export function renderInspectionAssignment(facts: InspectionAssignmentFacts): { subject: string; text: string } {
  const unit = facts.unitName ?? facts.creditCode;
  const notice = facts.noticeNumber ? `限期改正通知书 ${facts.noticeNumber}` : '限期改正通知书';
  const deadline = facts.noticeDeadline ? `（整改期限 ${formatShanghaiTime(facts.noticeDeadline)}）` : '';
  const text = [
    `${facts.teamName}：`,
    '',
    `${unit}（统一社会信用代码 ${facts.creditCode}）${FINDING_LABELS[facts.finding]}，${notice}${deadline}逾期未改正，已移交贵队劳动保障监察。请及时开展检查，并在系统中记录执法情况。`,
    '',
    `所属区县：${facts.districtName ?? '—'}`,
    `责任单位：${facts.departmentName}`,
    `查看案件：${facts.link}`,
  ].join('\n');
  return { subject: `【监察案件】${unit} 移交${facts.teamName}`, text };
}

export interface ExposureWithdrawalFacts {
  mediaDepartmentName: string;
  unitName: string | null;
  creditCode: string;
  /** Why the unit is off the list (the rectification or dismissal and its reason). */
  reason: string;
  link: string;
}

/** To the media department: an exposure it was given is withdrawn; anything published comes down. */
export function renderExposureWithdrawal(facts: ExposureWithdrawalFacts): { subject: string; text: string } {
  const unit = facts.unitName ?? facts.creditCode;
  const text = [
    `${facts.mediaDepartmentName}：`,
    '',
    `${unit}（统一社会信用代码 ${facts.creditCode}）的媒体曝光已撤回，该单位已撤出曝光名单。原因：${facts.reason}`,
    '尚未发布的，请勿发布；已发布的，请及时撤下或更正，并反馈办理情况。',
    '',
    `查看案件：${facts.link}`,
  ].join('\n');
  return { subject: `【撤回曝光】${unit}`, text };
}
