import { randomUUID } from 'node:crypto';
import {
  addFieldMessage,
  assertNoCampaignProblems,
  DEFAULT_DUTY_CLOCK_POLICY,
  type DutyTemplate,
  type EscalationLadderPolicy,
  type FieldMessages,
  type PlannedPhase,
} from '@duban/domain';
import type { DutyTemplateDto, EscalationLadderDto, PhasePlanDto } from './campaign.dto';

// The campaign's request bodies as the domain checks them: the plan, the ladder and the leading
// group's members, each shape problem the DTO cannot express added as a field message.

/** Collects field messages from several checks, then fails once with all of them. */
export class FieldProblems {
  readonly fields: FieldMessages = {};

  add(path: string, message: string): void {
    addFieldMessage(this.fields, path, message);
  }

  merge(fields: FieldMessages, prefix = ''): void {
    for (const [path, messages] of Object.entries(fields)) for (const m of messages) this.add(prefix + path, m);
  }

  throwIfAny(): void {
    assertNoCampaignProblems(this.fields);
  }
}

/** A unit deactivated by the administrator joins no campaign (it would get no duties there). */
export const DEACTIVATED_UNIT = 'deactivated: reactivate it or choose another unit';

/**
 * The leading group's members are registered units, each named once; a deactivated unit may
 * stay a member it already was (`alreadyMembers`), but not join.
 */
export function checkMembers(
  group: { members: Array<{ departmentId: string }> },
  units: Map<string, { kind: string; active?: boolean | null }>,
  problems: FieldProblems,
  prefix: string,
  alreadyMembers: ReadonlySet<string> = new Set(),
): string[] {
  const ids = group.members.map((m) => m.departmentId);
  ids.forEach((id, i) => {
    if (!units.has(id)) problems.add(`${prefix}members.${i}.departmentId`, 'not a registered department');
    else if (units.get(id)?.active === false && !alreadyMembers.has(id)) problems.add(`${prefix}members.${i}.departmentId`, DEACTIVATED_UNIT);
    if (ids.indexOf(id) !== i) problems.add(`${prefix}members.${i}.departmentId`, 'named twice');
  });
  return ids;
}

export function toLadder(dto: EscalationLadderDto | undefined): EscalationLadderPolicy {
  if (!dto) return { reminderBefore: DEFAULT_DUTY_CLOCK_POLICY.reminderBefore, escalationLadder: DEFAULT_DUTY_CLOCK_POLICY.escalationLadder };
  return {
    reminderBefore: { workingDays: dto.reminderBefore.workingDays },
    escalationLadder: dto.escalationLadder.map((s) => ({ step: s.step, after: { workingDays: s.after.workingDays }, notify: s.notify })),
  };
}

/** The plan as the domain checks it; shape problems the DTO cannot express are added as fields. */
export function toPlannedPhase(dto: PhasePlanDto, id: string, at: string, problems: FieldProblems): PlannedPhase {
  const prefix = at ? `${at}.` : '';
  return {
    id,
    kind: dto.kind,
    name: dto.name,
    windowStart: dto.window.start,
    windowEnd: dto.window.end,
    focusSectors: dto.focusSectors ?? [],
    templates: dto.templates.map((t, j) => toTemplate(t, `${prefix}templates.${j}`, problems)),
  };
}

function toTemplate(dto: DutyTemplateDto, at: string, problems: FieldProblems): DutyTemplate {
  const { kind, key } = dto.route;
  if ((kind === 'function' || kind === 'sector') && !key) problems.add(`${at}.route.key`, `a ${kind} route names its matrix key`);
  if ((kind === 'focus_sectors' || kind === 'district') && key) problems.add(`${at}.route.key`, `a ${kind} route has no key`);
  const hasAt = dto.due.at !== undefined;
  const hasDays = dto.due.workingDaysAfterLaunch !== undefined;
  if (hasAt === hasDays) problems.add(`${at}.due`, 'give either at or workingDaysAfterLaunch');
  return {
    id: randomUUID(),
    title: dto.title,
    description: dto.description,
    route: kind === 'function' || kind === 'sector' ? { kind, key: key ?? '' } : { kind },
    scope: dto.scope,
    due: hasAt ? { at: Date.parse(dto.due.at!) } : { workingDaysAfterLaunch: dto.due.workingDaysAfterLaunch ?? 1 },
  };
}
