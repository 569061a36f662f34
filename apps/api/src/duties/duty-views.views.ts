import type { DutyGroupStats, DutyListItem } from '@duban/contracts';
import type { DutyGroupStats as DutyGroupStatsRow, DutyListRow } from '@duban/persistence';
import { isoDateOrNull } from '../common/instants';

/** The stored row with times as ISO text and the overdue mark. */
export function toDutyListItem(row: DutyListRow): DutyListItem {
  return {
    id: row.id,
    title: row.title,
    state: row.state,
    departmentId: row.departmentId,
    departmentCode: row.departmentCode,
    departmentName: row.departmentName,
    campaignId: row.campaignId,
    campaignName: row.campaignName,
    phaseId: row.phaseId,
    phaseName: row.phaseName,
    districtId: row.districtId,
    districtName: row.districtName,
    sectorKey: row.sectorKey,
    dueAt: row.dueAt.toISOString(),
    assignedAt: row.assignedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    closedAt: isoDateOrNull(row.closedAt),
    overdue: row.overdueSince !== null && row.closedAt === null,
    overdueSince: isoDateOrNull(row.overdueSince),
    late: row.late,
    returnCount: row.returnCount,
  };
}

export function toDutyGroupStats(row: DutyGroupStatsRow): DutyGroupStats {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    total: row.total,
    byState: row.byState,
    open: row.open,
    overdue: row.overdue,
    late: row.late,
    returns: row.returns,
    closedOnTime: row.closedOnTime,
    closedLate: row.closedLate,
  };
}
