import { DateTime } from 'luxon';
import { DUBAN_TIME_ZONE, WorkingCalendar, type WorkingCalendarDays } from '../calendar/working-calendar';
import { DomainError, DomainErrorCode } from '../errors';
import { addFieldMessage as add, assertNoCampaignProblems, type FieldMessages } from './field-messages';
import type { DutyRouteKind } from './duty-matrix';

/**
 * Phases run in this order (docs/domain.md, "Phases"): mobilisation, then one or more rounds of
 * special operations, then acceptance. The names vary from plan to plan; the shape does not.
 */
export const PHASE_KINDS = ['mobilisation', 'special_operation', 'acceptance'] as const;
export type PhaseKind = (typeof PHASE_KINDS)[number];

export const PHASE_STATUSES = ['planned', 'open', 'closed'] as const;
export type PhaseStatus = (typeof PHASE_STATUSES)[number];

/**
 * Who answers for a templated duty: the department the matrix names for a function or a
 * sector; one duty per focus sector of the round (each to its sector's department); or the
 * district governments themselves.
 */
export type DutyTemplateRoute = { kind: 'function'; key: string } | { kind: 'sector'; key: string } | { kind: 'focus_sectors' } | { kind: 'district' };

export const DUTY_TEMPLATE_ROUTE_KINDS = ['function', 'sector', 'focus_sectors', 'district'] as const;
export const DUTY_TEMPLATE_SCOPES = ['once', 'per_district'] as const;
export type DutyTemplateScope = (typeof DUTY_TEMPLATE_SCOPES)[number];

/** A fixed due time, or a deadline a number of working days after the phase is launched. */
export type DutyTemplateDue = { at: number } | { workingDaysAfterLaunch: number };

export interface DutyTemplate {
  id: string;
  title: string;
  description: string;
  route: DutyTemplateRoute;
  scope: DutyTemplateScope;
  due: DutyTemplateDue;
}

export interface PlannedPhase {
  id: string;
  kind: PhaseKind;
  name: string;
  /** Local dates (YYYY-MM-DD), both days included. */
  windowStart: string;
  windowEnd: string;
  /** Sector keys of the duty matrix: what a special-operation round concentrates on. */
  focusSectors: readonly string[];
  templates: readonly DutyTemplate[];
}

export interface PhasePlanContext {
  periodStart: string;
  periodEnd: string;
  /** Keys of the campaign's duty matrix, as `${kind}:${key}`. */
  routeKeys: ReadonlySet<string>;
  districtCount: number;
}

export const MAX_WORKING_DAYS_AFTER_LAUNCH = 250;

const KIND_RANK: Record<PhaseKind, number> = { mobilisation: 0, special_operation: 1, acceptance: 2 };

export const routeKeyOf = (kind: DutyRouteKind, key: string) => `${kind}:${key}`;

/**
 * What is wrong with a phase plan, field by field (empty when nothing is): at least one
 * phase; kinds in order; windows inside the campaign's period and not going back in time;
 * focus sectors only on special operations and known to the matrix; templates that the
 * matrix can route, per-district scope only where the campaign has districts, and due times
 * inside the phase's window.
 */
export function phasePlanProblems(phases: readonly PlannedPhase[], context: PhasePlanContext): FieldMessages {
  const fields: FieldMessages = {};
  if (phases.length === 0) add(fields, 'phases', 'a campaign needs at least one phase');
  phases.forEach((phase, i) => {
    const at = `phases.${i}`;
    const previous = phases[i - 1];
    if (previous && KIND_RANK[phase.kind] < KIND_RANK[previous.kind]) {
      add(fields, `${at}.kind`, `a ${phase.kind} phase cannot follow a ${previous.kind} phase`);
    }
    if (phase.windowEnd < phase.windowStart) add(fields, `${at}.windowEnd`, 'the window ends before it starts');
    const period = `the window must lie in the campaign's period ${context.periodStart}–${context.periodEnd}`;
    if (phase.windowStart < context.periodStart) add(fields, `${at}.windowStart`, period);
    if (phase.windowEnd > context.periodEnd) add(fields, `${at}.windowEnd`, period);
    if (previous && phase.windowStart < previous.windowStart) {
      add(fields, `${at}.windowStart`, 'a phase cannot start before the phase before it');
    }
    if (phase.kind !== 'special_operation' && phase.focusSectors.length > 0) {
      add(fields, `${at}.focusSectors`, 'only a special-operation round has focus sectors');
    }
    phase.focusSectors.forEach((sector, j) => {
      if (!context.routeKeys.has(routeKeyOf('sector', sector))) add(fields, `${at}.focusSectors.${j}`, `the duty matrix has no sector "${sector}"`);
    });
    if (new Set(phase.focusSectors).size !== phase.focusSectors.length) add(fields, `${at}.focusSectors`, 'a sector is named twice');
    phase.templates.forEach((template, j) => checkTemplate(fields, `${at}.templates.${j}`, template, phase, context));
  });
  return fields;
}

function checkTemplate(fields: FieldMessages, at: string, template: DutyTemplate, phase: PlannedPhase, context: PhasePlanContext): void {
  const route = template.route;
  if ((route.kind === 'function' || route.kind === 'sector') && !context.routeKeys.has(routeKeyOf(route.kind, route.key))) {
    add(fields, `${at}.route.key`, `the duty matrix names no department for ${route.kind} "${route.key}"`);
  }
  if (route.kind === 'focus_sectors' && phase.focusSectors.length === 0) {
    add(fields, `${at}.route.kind`, 'this phase has no focus sectors to route by');
  }
  if (route.kind === 'district' && template.scope !== 'per_district') {
    add(fields, `${at}.scope`, 'a duty for the district governments is per_district');
  }
  if (template.scope === 'per_district' && context.districtCount === 0) {
    add(fields, `${at}.scope`, 'the campaign has no districts');
  }
  if ('at' in template.due) {
    const day = DateTime.fromMillis(template.due.at, { zone: DUBAN_TIME_ZONE }).toISODate()!;
    if (day < phase.windowStart || day > phase.windowEnd) {
      add(fields, `${at}.due.at`, `the due time must fall in the phase's window ${phase.windowStart}–${phase.windowEnd}`);
    }
  } else {
    const n = template.due.workingDaysAfterLaunch;
    if (!Number.isInteger(n) || n < 1 || n > MAX_WORKING_DAYS_AFTER_LAUNCH) {
      add(fields, `${at}.due.workingDaysAfterLaunch`, `a whole number of working days, 1–${MAX_WORKING_DAYS_AFTER_LAUNCH}`);
    }
  }
}

export function assertValidPhasePlan(phases: readonly PlannedPhase[], context: PhasePlanContext): void {
  assertNoCampaignProblems(phasePlanProblems(phases, context));
}

/** Special-operation phases are numbered as rounds 1, 2, 3… in plan order. */
export function specialOperationRounds(phases: readonly { kind: PhaseKind }[]): Array<number | null> {
  let round = 0;
  return phases.map((p) => (p.kind === 'special_operation' ? ++round : null));
}

/** The unit of the plan's durations: real working days, or a compressed day for tests and demonstrations. */
export interface PlanTiming {
  calendar: WorkingCalendarDays;
  /** When set, a (working or calendar) day of the plan lasts this many milliseconds. */
  dayMs?: number;
}

/** The due time of a templated duty in a phase launched at `launchedAt`. */
export function templateDueAt(due: DutyTemplateDue, launchedAt: number, timing: PlanTiming): number {
  if ('at' in due) return due.at;
  if (timing.dayMs !== undefined) return launchedAt + due.workingDaysAfterLaunch * timing.dayMs;
  return new WorkingCalendar(timing.calendar).deadlineAfterWorkingDays(launchedAt, due.workingDaysAfterLaunch);
}

/**
 * When a launched phase's window closes: the end of its last day in Asia/Shanghai. With
 * compressed time the window lasts as many compressed days as it has calendar days, counted
 * from the launch.
 */
export function phaseWindowEndsAt(phase: { windowStart: string; windowEnd: string }, launchedAt: number, timing: PlanTiming): number {
  if (timing.dayMs !== undefined) {
    const days = DateTime.fromISO(phase.windowEnd).diff(DateTime.fromISO(phase.windowStart), 'days').days + 1;
    return launchedAt + days * timing.dayMs;
  }
  return new WorkingCalendar(timing.calendar).endOfDay(phase.windowEnd);
}

/** A route of the campaign's own copy of the matrix. */
export interface CampaignDutyRoute {
  kind: DutyRouteKind;
  key: string;
  label: string;
  departmentId: string;
}

export interface DistrictRef {
  id: string;
  name: string;
}

/** One duty a launch creates. `key` is stable: the same plan always yields the same keys. */
export interface PhaseDutyDraft {
  key: string;
  templateId: string;
  departmentId: string;
  districtId: string | null;
  sectorKey: string | null;
  title: string;
  description: string;
  dueAt: number;
}

/**
 * Fans a phase's templates out into duties: through the matrix to departments, once or once
 * per district, one per focus sector where the template says so. Deterministic: the same
 * inputs give the same drafts in the same order, so a repeated launch decides the same.
 */
export function fanOutPhase(
  phase: PlannedPhase,
  routes: readonly CampaignDutyRoute[],
  districts: readonly DistrictRef[],
  launchedAt: number,
  timing: PlanTiming,
): PhaseDutyDraft[] {
  const drafts: PhaseDutyDraft[] = [];
  const route = (kind: DutyRouteKind, key: string) => {
    const found = routes.find((r) => r.kind === kind && r.key === key);
    if (!found) throw new DomainError(DomainErrorCode.NoDutyRoute, `The campaign's duty matrix names no department for ${kind} "${key}"`, { kind, key });
    return found;
  };
  for (const template of phase.templates) {
    const dueAt = templateDueAt(template.due, launchedAt, timing);
    const targets: Array<{ departmentId: string | null; sectorKey: string | null; suffix: string }> = [];
    switch (template.route.kind) {
      case 'function':
        targets.push({ departmentId: route('function', template.route.key).departmentId, sectorKey: null, suffix: '' });
        break;
      case 'sector': {
        const r = route('sector', template.route.key);
        targets.push({ departmentId: r.departmentId, sectorKey: r.key, suffix: '' });
        break;
      }
      case 'focus_sectors':
        for (const sector of phase.focusSectors) {
          const r = route('sector', sector);
          targets.push({ departmentId: r.departmentId, sectorKey: r.key, suffix: `（${r.label}）` });
        }
        break;
      case 'district':
        // The district governments: resolved per district below.
        targets.push({ departmentId: null, sectorKey: null, suffix: '' });
        break;
    }
    for (const target of targets) {
      // A duty for the district governments goes to every district, whatever the scope says.
      const perDistrict = template.scope === 'per_district' || template.route.kind === 'district' ? districts : [null];
      for (const district of perDistrict) {
        const departmentId = target.departmentId ?? district!.id;
        drafts.push({
          key: [phase.id, template.id, target.sectorKey ?? '-', departmentId, district?.id ?? '-'].join(':'),
          templateId: template.id,
          departmentId,
          districtId: district?.id ?? null,
          sectorKey: target.sectorKey,
          title: `${template.title}${target.suffix}${district ? `（${district.name}）` : ''}`.slice(0, 200),
          description: template.description,
          dueAt,
        });
      }
    }
  }
  return drafts;
}

/**
 * When a phase's window opens: the start of its first day in Asia/Shanghai. Null with compressed
 * time, where the window is counted from the launch and so is never ahead of it.
 */
export function phaseWindowOpensAt(phase: { windowStart: string }, timing: PlanTiming): number | null {
  if (timing.dayMs !== undefined) return null;
  return DateTime.fromISO(phase.windowStart, { zone: DUBAN_TIME_ZONE }).startOf('day').toMillis();
}

/**
 * A launch before the window opens is the office's explicit choice: `early` with a reason, kept
 * with the launch. Without it the launch is refused (409 PHASE_WINDOW_NOT_OPEN, naming the window).
 */
export interface PhaseLaunchOptions {
  early?: { reason: string } | null;
}

/** What a launch at `launchedAt` decides: the duties, when the phase's window closes, and whether it opens early. */
export interface PhaseLaunchDecision {
  drafts: PhaseDutyDraft[];
  windowEndsAt: number;
  /** Launched before the window opens (with `early` and its reason); due times then count from the launch. */
  early: boolean;
  /** When the window opens (null with compressed time). */
  windowOpensAt: number | null;
}

/** Why a launch at `launchedAt` may not open the phase early, or null when it may (in its window, or early with a reason). */
export function earlyLaunchRefusal(phase: PlannedPhase, launchedAt: number, timing: PlanTiming, options: PhaseLaunchOptions = {}): DomainError | null {
  const opensAt = phaseWindowOpensAt(phase, timing);
  if (opensAt === null || launchedAt >= opensAt) return null;
  const window = { windowStart: phase.windowStart, windowEnd: phase.windowEnd, windowOpensAt: new Date(opensAt).toISOString() };
  if (!options.early) {
    return new DomainError(
      DomainErrorCode.PhaseWindowNotOpen,
      `The window of phase "${phase.name}" runs from ${phase.windowStart} to ${phase.windowEnd}; launch it then, or now with "early": true and a reason`,
      window,
    );
  }
  if (!options.early.reason.trim()) {
    return new DomainError(DomainErrorCode.EarlyLaunchReasonMissing, `A launch before the window opens (${phase.windowStart}) needs a reason`, window);
  }
  return null;
}

/**
 * The launch's decision, as the worker takes it when it opens the phase: refused before the
 * window opens unless `early` (earlyLaunchRefusal), then the fan-out (phaseLaunchPlan).
 */
export function decidePhaseLaunch(
  phase: PlannedPhase,
  routes: readonly CampaignDutyRoute[],
  districts: readonly DistrictRef[],
  launchedAt: number,
  timing: PlanTiming,
  options: PhaseLaunchOptions = {},
): PhaseLaunchDecision {
  const refusal = earlyLaunchRefusal(phase, launchedAt, timing, options);
  if (refusal) throw refusal;
  return phaseLaunchPlan(phase, routes, districts, launchedAt, timing);
}

/**
 * What a launch at `launchedAt` creates, as the launch decides it and as the API shows it
 * beforehand (the launch preview, which reports earlyLaunchRefusal beside it): the fan-out,
 * refused with PHASE_WINDOW_OVER when the window has ended or a due time has passed. The same
 * function for both, so preview and launch cannot disagree.
 */
export function phaseLaunchPlan(
  phase: PlannedPhase,
  routes: readonly CampaignDutyRoute[],
  districts: readonly DistrictRef[],
  launchedAt: number,
  timing: PlanTiming,
): PhaseLaunchDecision {
  const windowOpensAt = phaseWindowOpensAt(phase, timing);
  const early = windowOpensAt !== null && launchedAt < windowOpensAt;
  const windowEndsAt = phaseWindowEndsAt(phase, launchedAt, timing);
  if (windowEndsAt <= launchedAt) {
    throw new DomainError(DomainErrorCode.PhaseWindowOver, `The window of phase "${phase.name}" ended on ${phase.windowEnd}; revise the plan before launching it`);
  }
  // Due times count from the launch (working days after it) or are fixed inside the window; an
  // early launch therefore never gives a due time before it, and one in the past is refused.
  const drafts = fanOutPhase(phase, routes, districts, launchedAt, timing);
  const past = drafts.find((d) => d.dueAt <= launchedAt);
  if (past) {
    throw new DomainError(DomainErrorCode.PhaseWindowOver, `The due time of "${past.title}" has passed; revise the plan before launching the phase`);
  }
  return { drafts, windowEndsAt, early, windowOpensAt };
}

/** The plan's unit of time from the office's calendar and the configured length of a day (compressed in tests). */
export function planTiming(calendar: WorkingCalendarDays, workingDaySeconds: number | undefined): PlanTiming {
  return { calendar, ...(workingDaySeconds === undefined ? {} : { dayMs: workingDaySeconds * 1000 }) };
}

export interface PhaseProgress {
  phaseId: string;
  name: string;
  status: PhaseStatus;
}

/**
 * Why a phase may not be launched now, or null when it may. Phases run in plan order: every
 * earlier phase must have been launched, and the one before must be closed unless the office
 * forces the launch, which takes a reason.
 */
export function phaseLaunchRefusal(phases: readonly PhaseProgress[], phaseId: string, force: { reason?: string } | null): DomainError | null {
  const index = phases.findIndex((p) => p.phaseId === phaseId);
  if (index < 0) return new DomainError(DomainErrorCode.PhaseNotFound, `The campaign has no phase ${phaseId}`);
  const phase = phases[index];
  if (phase.status !== 'planned') {
    return new DomainError(DomainErrorCode.PhaseAlreadyLaunched, `Phase "${phase.name}" was launched already (it is ${phase.status})`);
  }
  const skipped = phases.slice(0, index).find((p) => p.status === 'planned');
  if (skipped) {
    return new DomainError(DomainErrorCode.PhaseOutOfOrder, `Phases run in order: launch "${skipped.name}" first`);
  }
  if (force && !force.reason?.trim()) {
    return new DomainError(DomainErrorCode.ForceReasonMissing, 'A forced launch needs a reason');
  }
  const previous = phases[index - 1];
  if (previous && previous.status === 'open' && !force) {
    return new DomainError(DomainErrorCode.PreviousPhaseOpen, `Phase "${previous.name}" is still open; wait for it to close or force the launch with a reason`);
  }
  return null;
}

/** Whether a launch overrode the rule that the previous phase be closed. */
export function launchOverridesOpenPhase(phases: readonly PhaseProgress[], phaseId: string): boolean {
  const index = phases.findIndex((p) => p.phaseId === phaseId);
  return index > 0 && phases[index - 1].status === 'open';
}
