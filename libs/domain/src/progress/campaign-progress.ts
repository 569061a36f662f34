import { DateTime } from 'luxon';
import type { CampaignTarget, InsuranceType, PersonsMeasure, TargetKind } from '../campaigns/campaign-targets';
import type { ReportFigures, ReportingUnitKind, UnitReportedFigures } from '../reports/report-figures';

export type ProgressLight = 'green' | 'yellow' | 'red';

/**
 * A light compares the share of the target reached with the share the plan expects by that day
 * (`expectedShare`: the share of the campaign's time used for head counts and money, the rate
 * itself for a contribution rate, nothing before the campaign starts): green at or ahead,
 * yellow below `yellowBelow` × expected, red below `redBelow` × expected. Campaign settings,
 * with these defaults.
 */
export interface ProgressThresholds {
  yellowBelow: number;
  redBelow: number;
}

export const DEFAULT_PROGRESS_THRESHOLDS: ProgressThresholds = { yellowBelow: 1, redBelow: 0.8 };

/** A unit far ahead on one small share must not hide that it is behind on the others. */
export const ATTAINMENT_CAP = 2;

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;
const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The share of the campaign's period used by the end of `asOf` (local dates, both ends of the
 * period counted): 0 before the first day, 1 from the last day on.
 */
export function timeShareUsed(periodStart: string, periodEnd: string, asOf: string): number {
  const start = DateTime.fromISO(periodStart, { zone: 'UTC' });
  const end = DateTime.fromISO(periodEnd, { zone: 'UTC' });
  const day = DateTime.fromISO(asOf, { zone: 'UTC' });
  const total = end.diff(start, 'days').days + 1;
  const used = day.diff(start, 'days').days + 1;
  return round4(Math.min(1, Math.max(0, used / total)));
}

/** The figure of a report that measures a target, or null when the report does not give it. */
export function reportedValue(target: Pick<CampaignTarget, 'insuranceType' | 'kind' | 'measure'>, figures: ReportFigures): number | null {
  const insurance = figures.insurance[target.insuranceType];
  if (!insurance) return null;
  const value =
    target.kind === 'persons'
      ? target.measure === 'total_insured'
        ? insurance.totalInsured
        : insurance.newlyInsured
      : target.kind === 'contribution_rate'
        ? insurance.contributionRate
        : insurance.fundsCollectedYuan;
  return value ?? null;
}

export function progressLight(reachedShare: number, expectedShare: number, thresholds: ProgressThresholds = DEFAULT_PROGRESS_THRESHOLDS): ProgressLight {
  if (reachedShare >= 1 || expectedShare <= 0) return 'green';
  const pace = reachedShare / expectedShare;
  if (pace >= thresholds.yellowBelow) return 'green';
  if (pace >= thresholds.redBelow) return 'yellow';
  return 'red';
}

export interface TargetIdentity {
  insuranceType: InsuranceType;
  kind: TargetKind;
  measure?: PersonsMeasure;
}

export interface TargetProgress extends TargetIdentity {
  value: number;
  stretch?: number;
  /** Null when no unit has reported the figure yet. */
  actual: number | null;
  reachedShare: number;
  /** Funds with a stretch figure: the share of the stretch reached. */
  stretchShare?: number;
  /** What the pace of the plan expects by `asOf` (value × share of time used; a rate: the rate). */
  expectedByNow: number;
  light: ProgressLight;
  /** Whose reports make up the actual: districts or departments. */
  countedFrom: ReportingUnitKind;
  reportingUnits: number;
}

export interface UnitTargetProgress extends TargetIdentity {
  share: number;
  actual: number | null;
  reachedShare: number;
  /** What the pace of the plan expects of the share by `asOf` (as for the whole). */
  expectedByNow: number;
  light: ProgressLight;
}

export interface UnitProgress {
  unitId: string;
  unitKind: ReportingUnitKind;
  reported: boolean;
  targets: UnitTargetProgress[];
  /** Mean share reached over the unit's shares (each capped at ATTAINMENT_CAP); null without shares. */
  attainment: number | null;
  light: ProgressLight | null;
}

export interface RankedUnit {
  unitId: string;
  unitKind: ReportingUnitKind;
  attainment: number | null;
  /** 1 is best; equal attainments share a rank; units without shares are not ranked. */
  rank: number | null;
}

export interface CampaignProgress {
  asOf: string;
  timeShare: number;
  targets: TargetProgress[];
  units: UnitProgress[];
  rankings: { districts: RankedUnit[]; departments: RankedUnit[] };
}

export interface CampaignProgressInput {
  targets: readonly CampaignTarget[];
  periodStart: string;
  periodEnd: string;
  /** Local date (YYYY-MM-DD) the progress is read for. */
  asOf: string;
  districtIds: readonly string[];
  departmentIds: readonly string[];
  /** Each unit's latest counted report as of `asOf` (at most one per unit). */
  reported: readonly UnitReportedFigures[];
  thresholds?: ProgressThresholds;
}

/**
 * Targets against actuals for a campaign and each of its districts and departments, with the
 * pace expected by `asOf`, traffic lights and rankings. Pure: the caller picks the reports.
 *
 * The whole's actual adds up the districts' figures when the target is split by district or
 * any district reported it, else the departments' (adding both would count the same persons
 * twice). A rate does not add up: the whole's rate is the mean of the reported rates.
 */
export function campaignProgress(input: CampaignProgressInput): CampaignProgress {
  const thresholds = input.thresholds ?? DEFAULT_PROGRESS_THRESHOLDS;
  const timeShare = timeShareUsed(input.periodStart, input.periodEnd, input.asOf);
  const started = campaignStarted(input.periodStart, input.asOf);
  const byUnit = new Map(input.reported.map((r) => [r.unitId, r]));
  const valuesOf = (target: CampaignTarget, kind: ReportingUnitKind) =>
    (kind === 'district' ? input.districtIds : input.departmentIds)
      .map((id) => byUnit.get(id))
      .map((r) => (r ? reportedValue(target, r.figures) : null))
      .filter((v): v is number => v !== null);

  const targets: TargetProgress[] = input.targets.map((target) => {
    const countedFrom: ReportingUnitKind = (target.districtShares?.length ?? 0) > 0 || valuesOf(target, 'district').length > 0 ? 'district' : 'department';
    const values = valuesOf(target, countedFrom);
    const actual =
      values.length === 0 ? null : target.kind === 'contribution_rate' ? round2(values.reduce((a, b) => a + b, 0) / values.length) : round2(values.reduce((a, b) => a + b, 0));
    const reachedShare = shareOf(actual ?? 0, target.value);
    const expectedByNow = target.kind === 'contribution_rate' ? target.value : round2(target.value * timeShare);
    const expected = expectedShare(target.kind, timeShare, started);
    return {
      insuranceType: target.insuranceType,
      kind: target.kind,
      ...(target.measure ? { measure: target.measure } : {}),
      value: target.value,
      ...(target.stretch !== undefined ? { stretch: target.stretch, stretchShare: shareOf(actual ?? 0, target.stretch) } : {}),
      actual,
      reachedShare,
      expectedByNow,
      light: progressLight(reachedShare, expected, thresholds),
      countedFrom,
      reportingUnits: values.length,
    };
  });

  const unitProgress = (unitId: string, unitKind: ReportingUnitKind): UnitProgress => {
    const report = byUnit.get(unitId);
    const rows: UnitTargetProgress[] = [];
    const expectedShares: number[] = [];
    for (const target of input.targets) {
      const share = (unitKind === 'district' ? target.districtShares : target.departmentShares)?.find((s) => s.unitId === unitId);
      if (!share) continue;
      const actual = report ? reportedValue(target, report.figures) : null;
      const reachedShare = shareOf(actual ?? 0, share.value);
      const expected = expectedShare(target.kind, timeShare, started);
      expectedShares.push(expected);
      rows.push({
        insuranceType: target.insuranceType,
        kind: target.kind,
        ...(target.measure ? { measure: target.measure } : {}),
        share: share.value,
        actual,
        reachedShare,
        expectedByNow: target.kind === 'contribution_rate' ? share.value : round2(share.value * timeShare),
        light: progressLight(reachedShare, expected, thresholds),
      });
    }
    const attainment = rows.length === 0 ? null : round4(rows.reduce((sum, r) => sum + Math.min(ATTAINMENT_CAP, r.reachedShare), 0) / rows.length);
    return {
      unitId,
      unitKind,
      reported: report !== undefined,
      targets: rows,
      attainment,
      // Against the mean of what its shares expect (the share of time used; a rate: all of it; before the start: nothing).
      light: attainment === null ? null : progressLight(attainment, expectedShares.reduce((a, b) => a + b, 0) / expectedShares.length, thresholds),
    };
  };
  const units = [...input.districtIds.map((id) => unitProgress(id, 'district')), ...input.departmentIds.map((id) => unitProgress(id, 'department'))];
  return {
    asOf: input.asOf,
    timeShare,
    targets,
    units,
    rankings: {
      districts: rank(units.filter((u) => u.unitKind === 'district')),
      departments: rank(units.filter((u) => u.unitKind === 'department')),
    },
  };
}

/**
 * The share of a target the plan expects reached by a day, which each light is judged against
 * (`progressLight`), by kind:
 * - before the campaign's first day nothing is expected of any kind (0: no light is red);
 * - head counts (`persons`, newly or total insured) and money (`funds`) accumulate from zero,
 *   so the share of the period used (the time-based pace);
 * - a contribution rate is a level the units must hold, not a sum that grows: from the first
 *   day, all of it (as `expectedByNow` says, the rate itself) — the filed rate is judged against
 *   the rate, never against the calendar. With no rate filed yet its reached share is 0, so a
 *   running campaign shows it red, as any target nobody has reported on.
 */
export function expectedShare(kind: TargetKind, timeShare: number, started: boolean = timeShare > 0): number {
  if (!started) return 0;
  return kind === 'contribution_rate' ? 1 : timeShare;
}

/** Whether a campaign has begun by the end of `asOf` (local dates: its first day counts). */
export function campaignStarted(periodStart: string, asOf: string): boolean {
  return asOf >= periodStart;
}

/** Nothing to reach counts as reached. */
function shareOf(actual: number, whole: number): number {
  if (whole <= 0) return 1;
  return round4(actual / whole);
}

/** Best attainment first; ties share a rank (1, 2, 2, 4); unranked units last, in input order. */
export function rank(units: ReadonlyArray<Pick<UnitProgress, 'unitId' | 'unitKind' | 'attainment'>>): RankedUnit[] {
  const ranked = units
    .filter((u) => u.attainment !== null)
    .map((u, i) => ({ u, i }))
    .sort((a, b) => b.u.attainment! - a.u.attainment! || a.i - b.i);
  const out: RankedUnit[] = [];
  ranked.forEach(({ u }, i) => {
    const previous = out[i - 1];
    const rankNo = previous && previous.attainment === u.attainment ? previous.rank! : i + 1;
    out.push({ unitId: u.unitId, unitKind: u.unitKind, attainment: u.attainment, rank: rankNo });
  });
  for (const u of units) if (u.attainment === null) out.push({ unitId: u.unitId, unitKind: u.unitKind, attainment: null, rank: null });
  return out;
}
