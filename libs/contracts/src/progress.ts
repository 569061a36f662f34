// Targets against actuals (GET /campaigns/:id/progress, /rankings, /history).
import type { InsuranceType, ProgressLight, ReportingUnitKind, TargetProgress, UnitTargetProgress } from '@duban/domain';
import type { IsoInstant } from './common';

export interface LatestReportRef {
  reportId: string;
  roundKey: string;
  periodEnd: string;
  version: number;
  filedAt: IsoInstant;
}

export interface UnitProgressView {
  unitId: string;
  unitKind: ReportingUnitKind;
  code: string;
  name: string;
  /** Whether the unit has a counted report as of the day (a returned one does not count). */
  reported: boolean;
  /** Whether it filed any report by the day, counted or not: `hasFiled` without `reported` = all it filed was returned. */
  hasFiled: boolean;
  /** The report its figures come from: the latest counted one as of the day. */
  latestReport: LatestReportRef | null;
  attainment: number | null;
  light: ProgressLight | null;
  rank: number | null;
  targets: UnitTargetProgress[];
}

/** Below which share of the time-proportional expectation a light turns yellow, and red. */
export interface ProgressThresholds {
  yellowBelow: number;
  redBelow: number;
}

export interface ProgressView {
  campaignId: string;
  campaignName: string;
  /** A calendar date (YYYY-MM-DD). */
  asOf: string;
  period: { start: string; end: string };
  timeShare: number;
  thresholds: ProgressThresholds;
  /** `own_unit`: a department officer's answer, with the totals and their own unit's lines only. */
  scope: 'campaign' | 'own_unit';
  targets: TargetProgress[];
  byInsuranceType: Array<{ insuranceType: InsuranceType; light: ProgressLight; targets: TargetProgress[] }>;
  districts: UnitProgressView[];
  departments: UnitProgressView[];
}

export type RankingKind = 'district' | 'department';

export interface RankingsView {
  campaignId: string;
  campaignName: string;
  asOf: string;
  timeShare: number;
  kind: RankingKind;
  scope: 'campaign' | 'own_unit';
  rankings: Array<Omit<UnitProgressView, 'targets'>>;
}

export type HistoryTarget = Omit<TargetProgress, 'countedFrom'>;

export type HistoryStep = 'round' | 'month';

export interface HistoryView {
  campaignId: string;
  campaignName: string;
  from: string;
  to: string;
  step: HistoryStep;
  /** Always the campaign's figures; `own_unit` says the caller is a department officer (who sees the totals too). */
  scope: 'campaign' | 'own_unit';
  /** What the points are: report rounds' due dates, or month ends (also when asked by round and no round is due). */
  pointsAt: 'round_due_dates' | 'month_ends';
  points: Array<{ date: string; dueRounds: string[]; timeShare: number; targets: HistoryTarget[] }>;
}
