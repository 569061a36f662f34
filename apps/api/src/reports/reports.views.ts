import type { FlaggedFiling, ReportFiling, ReportRoundView, ReportSummary } from '@duban/contracts';
import type { ReportFilingRow, ReportRoundRow, ReportRow } from '@duban/persistence';

export function toReportRound(row: ReportRoundRow): ReportRoundView {
  return {
    id: row.id,
    kind: row.kind,
    roundKey: row.roundKey,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    dueDate: row.dueDate,
    dueAt: row.dueAt.toISOString(),
    openedAt: row.openedAt.toISOString(),
    reportCount: row.reportCount,
    filed: row.filed,
    accepted: row.accepted,
    late: row.late,
  };
}

export function toReportSummary(row: ReportRow): ReportSummary {
  return {
    id: row.id,
    campaignId: row.campaignId,
    campaignName: row.campaignName,
    roundId: row.roundId,
    roundKey: row.roundKey,
    kind: row.kind,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    dueAt: row.dueAt.toISOString(),
    unitId: row.unitId,
    unitKind: row.unitKind,
    unitName: row.unitName,
    dutyId: row.dutyId,
    dutyState: row.dutyState,
    firstFiledAt: row.firstFiledAt ? row.firstFiledAt.toISOString() : null,
    latestVersion: row.latestVersion,
    flagged: row.flagged,
  };
}

export function toReportFiling(row: ReportFilingRow): ReportFiling {
  return {
    id: row.id,
    reportId: row.reportId,
    version: row.version,
    figures: row.figures,
    problems: row.problems,
    proposals: row.proposals,
    correctionNote: row.correctionNote,
    flags: row.flags,
    filedBy: row.filedBy,
    filedByUsername: row.filedByUsername,
    filedAt: row.filedAt.toISOString(),
  };
}

export function toFlaggedFiling(row: ReportFilingRow & { roundKey: string; unitId: string; unitName: string }): FlaggedFiling {
  return { ...toReportFiling(row), roundKey: row.roundKey, unitId: row.unitId, unitName: row.unitName };
}
