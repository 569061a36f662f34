import type { CampaignEventView, CampaignHeader, CampaignLiveStateView, CampaignRoute, PhaseLiveStateView, PhaseSummaryView, PhaseView, TemplateView } from '@duban/contracts';
import type { CampaignDutyRoute, DutyTemplate, PhaseSummary } from '@duban/domain';
import type { CampaignEventRow, CampaignRow, PhaseRow } from '@duban/persistence';
import type { CampaignLiveState, PhaseLiveState } from '@duban/workflows';
import { isoDateOrNull, isoInstant, isoInstantOrNull } from '../common/instants';

export function campaignHeader(c: CampaignRow): CampaignHeader {
  return {
    id: c.id,
    name: c.name,
    jurisdiction: { name: c.jurisdictionName, level: c.jurisdictionLevel },
    period: { start: c.periodStart, end: c.periodEnd },
    legalBasis: { title: c.legalBasisTitle, number: c.legalBasisNumber },
    status: c.status,
    version: c.version,
    workflowId: c.workflowId,
    createdBy: c.createdBy,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function phaseView(p: PhaseRow): PhaseView {
  return {
    id: p.id,
    seq: p.seq,
    kind: p.kind,
    round: p.round,
    name: p.name,
    window: { start: p.windowStart, end: p.windowEnd },
    focusSectors: p.focusSectors,
    status: p.status,
    workflowId: p.workflowId,
    launchedAt: isoDateOrNull(p.launchedAt),
    launchedBy: p.launchedBy,
    launchForced: p.launchForced,
    launchReason: p.launchReason,
    launchedEarly: p.launchedEarly,
    earlyReason: p.earlyReason,
    windowEndsAt: isoDateOrNull(p.windowEndsAt),
    dutyCount: p.dutyCount,
    closedAt: isoDateOrNull(p.closedAt),
    closeReason: p.closeReason,
    summary: p.summary && phaseSummaryView(p.summary),
  };
}

export function phaseSummaryView(summary: PhaseSummary): PhaseSummaryView {
  return { ...summary, closedAt: isoInstant(summary.closedAt) };
}

export function campaignLiveView(live: CampaignLiveState): CampaignLiveStateView {
  return {
    ...live,
    phases: live.phases.map((p) => ({ ...p, launchedAt: isoInstantOrNull(p.launchedAt), closedAt: isoInstantOrNull(p.closedAt) })),
  };
}

export function phaseLiveView(live: PhaseLiveState): PhaseLiveStateView {
  return { ...live, windowEndsAt: isoInstant(live.windowEndsAt) };
}

export function templateView(t: DutyTemplate): TemplateView {
  return { ...t, due: 'at' in t.due ? { at: isoInstant(t.due.at) } : t.due };
}

export function toCampaignEvent(row: CampaignEventRow): CampaignEventView {
  return {
    id: row.id,
    action: row.action,
    phaseId: row.phaseId,
    actorUserId: row.actorUserId,
    actorUsername: row.actorUsername,
    actorRole: row.actorRole,
    reason: row.reason,
    details: row.details,
    occurredAt: row.occurredAt.toISOString(),
  };
}

export function toCampaignRoute(row: CampaignDutyRoute & { departmentCode: string; departmentName: string }): CampaignRoute {
  return { kind: row.kind, key: row.key, label: row.label, departmentId: row.departmentId, departmentCode: row.departmentCode, departmentName: row.departmentName };
}
