// The reports API's answers (apps/api/src/reports, libs/persistence report.repository.ts).
import type { DutyState, ReportFigures, ReportFlag, ReportingUnitKind, ReportKind } from '@duban/domain';

export type { ReportFigures };

export interface ReportSummary {
  id: string;
  campaignId: string;
  campaignName: string;
  roundId: string;
  roundKey: string;
  kind: ReportKind;
  periodStart: string;
  periodEnd: string;
  dueAt: string;
  unitId: string;
  unitKind: ReportingUnitKind;
  unitName: string;
  dutyId: string;
  dutyState: DutyState;
  firstFiledAt: string | null;
  latestVersion: number | null;
  flagged: boolean;
}

export interface ReportFiling {
  id: string;
  reportId: string;
  version: number;
  figures: ReportFigures;
  problems: string;
  proposals: string;
  correctionNote: string | null;
  flags: ReportFlag[];
  filedBy: string;
  filedByUsername: string;
  filedAt: string;
}

export interface ReportDetail extends ReportSummary {
  filings: ReportFiling[];
}

export interface ReportList {
  total: number;
  page: number;
  pageSize: number;
  items: ReportSummary[];
}

export interface ReportRound {
  id: string;
  kind: ReportKind;
  roundKey: string;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  dueAt: string;
  reportCount: number;
  filed: number;
  accepted: number;
  late: number;
}

/** A round the plan will open (GET /campaigns/:id/report-rounds?include=upcoming), from the reporting workflow's own schedule. */
export interface UpcomingReportRound {
  kind: ReportKind;
  roundKey: string;
  name: string;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  dueAt: string;
  opensAt: string;
  owedBy: ReportingUnitKind[];
}

/** The duty states from which the owing liaison may file (the API's STEPS_TO_SUBMIT). */
export const FILABLE_STATES: DutyState[] = ['assigned', 'acknowledged', 'in_progress', 'returned'];
