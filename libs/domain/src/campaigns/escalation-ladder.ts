import type { ClockOffset, DutyClockPolicy, NotificationAudience } from '../duties/duty-clock';
import { addFieldMessage, assertNoCampaignProblems, type FieldMessages } from './field-messages';

/** A campaign's ladder: the policy without the calendar, which is the office's and read at launch. */
export type EscalationLadderPolicy = Pick<DutyClockPolicy, 'reminderBefore' | 'escalationLadder'>;

export const NOTIFICATION_AUDIENCES: readonly NotificationAudience[] = ['department_liaison', 'department_head', 'office'];

const STEP_NAME = /^[a-z][a-z0-9_]{1,39}$/;
const MAX_WORKING_DAYS = 60;

function offsetDays(offset: ClockOffset): number | null {
  return 'workingDays' in offset ? offset.workingDays : null;
}

/**
 * What is wrong with a ladder (empty when nothing is): offsets in whole working days within
 * reason, step names unique slugs (they key the e-mails), each step notifying someone, and
 * steps in the order they fire.
 */
export function escalationLadderProblems(policy: EscalationLadderPolicy): FieldMessages {
  const fields: FieldMessages = {};
  const add = (path: string, message: string) => addFieldMessage(fields, path, message);
  const days = offsetDays(policy.reminderBefore);
  if (days === null || !Number.isInteger(days) || days < 0 || days > MAX_WORKING_DAYS) {
    add('reminderBefore.workingDays', `a whole number of working days, 0–${MAX_WORKING_DAYS}`);
  }
  if (policy.escalationLadder.length === 0) add('escalationLadder', 'a ladder has at least one step');
  const names = new Set<string>();
  let previous = -1;
  policy.escalationLadder.forEach((step, i) => {
    const at = `escalationLadder.${i}`;
    if (!STEP_NAME.test(step.step)) add(`${at}.step`, 'a lower-case name: letters, digits, _');
    if (names.has(step.step)) add(`${at}.step`, `"${step.step}" is named twice`);
    names.add(step.step);
    const after = offsetDays(step.after);
    if (after === null || !Number.isInteger(after) || after < 0 || after > MAX_WORKING_DAYS) {
      add(`${at}.after.workingDays`, `a whole number of working days after the due time, 0–${MAX_WORKING_DAYS}`);
    } else if (after < previous) {
      add(`${at}.after.workingDays`, 'steps are listed in the order they fire');
    } else previous = after;
    if (step.notify.length === 0) add(`${at}.notify`, 'a step notifies someone');
    step.notify.forEach((who, j) => {
      if (!NOTIFICATION_AUDIENCES.includes(who)) add(`${at}.notify.${j}`, `one of ${NOTIFICATION_AUDIENCES.join(', ')}`);
    });
  });
  return fields;
}

export function assertValidEscalationLadder(policy: EscalationLadderPolicy): void {
  assertNoCampaignProblems(escalationLadderProblems(policy));
}

/** When a step fires and what follows it on the same ladder: what its e-mail says. */
export interface EscalationStepTiming {
  after: ClockOffset;
  /** The step that follows, or null for the last one. */
  next: { step: string; after: ClockOffset } | null;
}

/** A step's offset and the next step, read from the ladder the duty runs on (null for a step it does not have). */
export function escalationStepTiming(ladder: Pick<DutyClockPolicy, 'escalationLadder'>, stepName: string): EscalationStepTiming | null {
  const index = ladder.escalationLadder.findIndex((s) => s.step === stepName);
  if (index < 0) return null;
  const next = ladder.escalationLadder[index + 1];
  return { after: ladder.escalationLadder[index].after, next: next ? { step: next.step, after: next.after } : null };
}
