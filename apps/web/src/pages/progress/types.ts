// The progress API's answers (apps/api/src/progress/progress.service.ts).
import type { InsuranceType, ProgressLight, ReportingUnitKind, TargetProgress, UnitTargetProgress } from '@duban/domain';

export type { InsuranceType, ProgressLight, TargetProgress, UnitTargetProgress };

export interface LatestReportRef {
  reportId: string;
  roundKey: string;
  periodEnd: string;
  version: number;
  filedAt: string;
}

export interface UnitProgressView {
  unitId: string;
  unitKind: ReportingUnitKind;
  code: string;
  name: string;
  reported: boolean;
  hasFiled: boolean;
  latestReport: LatestReportRef | null;
  attainment: number | null;
  light: ProgressLight | null;
  rank: number | null;
  targets: UnitTargetProgress[];
}

export interface ProgressView {
  campaignId: string;
  campaignName: string;
  asOf: string;
  period: { start: string; end: string };
  timeShare: number;
  thresholds: { yellowBelow: number; redBelow: number };
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

export interface HistoryView {
  campaignId: string;
  campaignName: string;
  from: string;
  to: string;
  step: 'round' | 'month';
  scope: 'campaign' | 'own_unit';
  pointsAt: 'round_due_dates' | 'month_ends';
  points: Array<{ date: string; dueRounds: string[]; timeShare: number; targets: HistoryTarget[] }>;
}

/** GET /overview/departments: duties per department (or district). */
export interface DutyGroupStats {
  id: string;
  code: string;
  name: string;
  kind: 'department' | 'district';
  total: number;
  open: number;
  overdue: number;
  late: number;
  returns: number;
  closedOnTime: number;
  closedLate: number;
}

export interface DutyStatsView {
  groupBy: 'department' | 'district';
  rows: DutyGroupStats[];
  totals: Omit<DutyGroupStats, 'id' | 'code' | 'name' | 'kind'>;
}
