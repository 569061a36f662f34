// Periodic reports (旬报, 月报, 季报, 年度总结): a campaign's report plan, its rounds, the reports
// units owe and their filings (GET/PUT /campaigns/:id/report-plan, /report-rounds, /report-flags,
// GET /reports, /reports/:id, POST /reports/:id/filings).
import type { DutyState, ReportFigures, ReportFlag, ReportingUnitKind, ReportKind, ReportPlan } from '@duban/domain';
import type { IsoInstant } from './common';

/** GET/PUT /campaigns/:id/report-plan: the plan, or the default one when none was set. */
export interface ReportPlanView {
  campaignId: string;
  plan: ReportPlan;
  isDefault: boolean;
}

/** A round the reporting workflow opened, with its reports' counts. */
export interface ReportRoundView {
  id: string;
  kind: ReportKind;
  roundKey: string;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  dueAt: IsoInstant;
  openedAt: IsoInstant;
  reportCount: number;
  filed: number;
  accepted: number;
  late: number;
}

/** A round the reporting workflow has not opened yet: what it will cover, when it opens and when it is due. */
export interface UpcomingReportRoundView {
  kind: ReportKind;
  roundKey: string;
  /** 2026年6月中旬, 2026年第二季度: as the duty's title will name it. */
  name: string;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  dueAt: IsoInstant;
  opensAt: IsoInstant;
  owedBy: ReportingUnitKind[];
}

/** GET /campaigns/:id/report-rounds. */
export interface ReportRoundsView {
  campaignId: string;
  /** Rounds opened, with their reports' counts. */
  items: ReportRoundView[];
  /** With `include=upcoming`: the rounds still to open, in the order they will open (plan and calendar as they stand now). */
  upcoming?: UpcomingReportRoundView[];
}

/** A report a unit owes for a round. */
export interface ReportSummary {
  id: string;
  campaignId: string;
  campaignName: string;
  roundId: string;
  roundKey: string;
  kind: ReportKind;
  periodStart: string;
  periodEnd: string;
  dueAt: IsoInstant;
  unitId: string;
  unitKind: ReportingUnitKind;
  unitName: string;
  dutyId: string;
  dutyState: DutyState;
  firstFiledAt: IsoInstant | null;
  latestVersion: number | null;
  flagged: boolean;
}

/** One version of a report as filed. */
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
  filedAt: IsoInstant;
}

/** GET /reports/:id and the answer to a filing. */
export interface ReportDetail extends ReportSummary {
  filings: ReportFiling[];
}

/** GET /reports. */
export interface ReportList {
  total: number;
  page: number;
  pageSize: number;
  items: ReportSummary[];
}

/** A filing whose figures disagree with the resource library. */
export interface FlaggedFiling extends ReportFiling {
  roundKey: string;
  unitId: string;
  unitName: string;
}

/** GET /campaigns/:id/report-flags. */
export interface ReportFlagsView {
  campaignId: string;
  items: FlaggedFiling[];
}
