import { COMPLIANCE_CASE_ACTIONS, COMPLIANCE_ESCALATION_STEPS } from './compliance/compliance-case';
import { DEFAULT_DUTY_CLOCK_POLICY } from './duties/duty-clock';
import { DUTY_ACTIONS } from './duties/duty-state-machine';

/**
 * The kinds of event the API answers in histories and timelines. The API sends these words,
 * never prose; the console owns how they read in each language (and its catalogue test fails
 * when a kind listed here has no text).
 */

/** What a duty's timeline entry is (`what`): a transition's action, or what the clock and people added. */
export const DUTY_TIMELINE_EVENTS = ['assign', ...DUTY_ACTIONS, 'reminder', 'email_sent', 'email_pending', 'comment', 'evidence_added'] as const;
export type DutyTimelineEvent = (typeof DUTY_TIMELINE_EVENTS)[number];

/**
 * The steps of the default ladder. A campaign's ladder may name steps of its own (slugs the
 * office chose); those are shown as named.
 */
export const DEFAULT_DUTY_ESCALATION_STEPS = DEFAULT_DUTY_CLOCK_POLICY.escalationLadder.map((s) => s.step);

/** What a campaign's log records (`GET /campaigns/:id/events`). */
export const CAMPAIGN_EVENT_ACTIONS = [
  'campaign_created',
  'phase_plan_revised',
  'duty_route_changed',
  'targets_changed',
  'leading_group_changed',
  'escalation_ladder_changed',
  'report_plan_changed',
  'assessment_rules_changed',
  'phase_launched',
  'phase_launched_forced',
  'phase_launched_early',
  'phase_closed',
  'campaign_completed',
  'assessment_started',
  'assessment_recomputed',
  'assessment_unit_reviewed',
  'assessment_finalised',
  'circular_drafted',
  'circular_revised',
  'circular_published',
] as const;
export type CampaignEventAction = (typeof CAMPAIGN_EVENT_ACTIONS)[number];

/** A compliance case's transitions: opened by the comparison (`identify`), then the case's actions. */
export const COMPLIANCE_CASE_HISTORY_ACTIONS = ['identify', ...COMPLIANCE_CASE_ACTIONS] as const;

/** A unit's enforcement history mixes these kinds of event (`GET /units/:code/enforcement-history`). */
export const UNIT_HISTORY_KINDS = ['transition', 'escalation_step', 'enforcement_action', 'exposure', 'notice_opened'] as const;
export const COMPLIANCE_STEP_STATUSES = ['taken', 'cancelled'] as const;
export { COMPLIANCE_ESCALATION_STEPS };

/**
 * The reasons the system writes into histories when no person acted. Rows keep the English text
 * (old rows have it, API clients read it); `systemReasonOf` gives the code the console words.
 */
const CASE_CLOSED_UNIT_RECTIFIED = 'The unit rectified';
const CASE_CLOSED_DISMISSED = 'The office dismissed the case';

/** The reason a duty a compliance case gave is cancelled with when the case closes. */
export function caseDutyCancelReason(caseCloseReason: string): string {
  return `${caseCloseReason}：督办事项撤销`;
}

export const SYSTEM_REASONS = {
  due_time_near: 'The due time is near',
  past_due_time: 'The duty is past its due time',
  rectification_deadline_passed: 'The deadline of the rectification order passed',
  unit_rectified: CASE_CLOSED_UNIT_RECTIFIED,
  case_dismissed: CASE_CLOSED_DISMISSED,
  duty_cancelled_unit_rectified: caseDutyCancelReason(CASE_CLOSED_UNIT_RECTIFIED),
  duty_cancelled_case_dismissed: caseDutyCancelReason(CASE_CLOSED_DISMISSED),
  every_duty_closed: 'every duty closed',
  window_ended: 'the window ended',
  every_phase_closed: 'every phase closed',
  single_sign_on_provisioned: 'First sign-in through single sign-on (DUBAN_OIDC_PROVISION)',
  created_at_command_line: 'created at the command line',
};
export type SystemReason = keyof typeof SYSTEM_REASONS;

const REASON_BY_TEXT = new Map<string, SystemReason>(Object.entries(SYSTEM_REASONS).map(([code, text]) => [text, code as SystemReason]));

/** The code of a reason the system wrote, or null for what a person wrote. */
export function systemReasonOf(text: string | null | undefined): SystemReason | null {
  return text ? (REASON_BY_TEXT.get(text) ?? null) : null;
}

/** Who the audit log names for an administrator created at the command line (`npm run admin:create`). */
export const COMMAND_LINE_USERNAME = 'admin:create';
