import type {
  CampaignDetail,
  CampaignEventView,
  CampaignHeader,
  CampaignListItem,
  CampaignLiveStateView,
  CampaignRoute,
  LaunchPreview,
  PhaseLiveStateView,
  PhaseSummaryRow,
  PhaseSummaryView,
  PhaseView,
  TemplateView,
} from '@duban/contracts';
import type { CampaignDutyRoute, DistrictRef, DutyTemplate, PhaseDutyDraft, PhaseSummary } from '@duban/domain';
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

/** A campaign in the list, with the phase it is in: the last one launched, else the first one planned. */
export function campaignListItem(c: CampaignRow, phases: readonly PhaseRow[]): CampaignListItem {
  const launched = phases.filter((p) => p.status !== 'planned');
  const current = launched.at(-1) ?? phases[0];
  return {
    ...campaignHeader(c),
    phaseCount: phases.length,
    currentPhase: current ? { id: current.id, seq: current.seq, kind: current.kind, round: current.round, name: current.name, status: current.status } : null,
  };
}

export function campaignDetail(campaign: CampaignRow, districts: DistrictRef[], phases: readonly PhaseRow[], templates: ReadonlyMap<string, DutyTemplate[]>): CampaignDetail {
  return {
    ...campaignHeader(campaign),
    jurisdiction: { name: campaign.jurisdictionName, level: campaign.jurisdictionLevel, districts },
    targets: campaign.targets,
    leadingGroup: campaign.leadingGroup,
    escalationLadder: campaign.clockPolicy,
    phases: phases.map((p) => ({ ...phaseView(p), templates: templates.get(p.id)!.map(templateView) })),
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

/** A closed phase's summary as rows, one per department and per district, each with its unit's code and name. */
export function phaseSummaryRows(summary: PhaseSummary, units: ReadonlyMap<string, { code: string; name: string }>): PhaseSummaryRow[] {
  return [
    ...Object.entries(summary.byDepartment).map(([id, counts]) => ({ scope: 'department' as const, unitId: id, ...counts })),
    ...Object.entries(summary.byDistrict).map(([id, counts]) => ({ scope: 'district' as const, unitId: id, ...counts })),
  ].map((row) => ({ ...row, unitCode: units.get(row.unitId)?.code ?? null, unitName: units.get(row.unitId)?.name ?? null }));
}

/** A duty the launch would create, with its department and district as the registry names them. */
export function launchPreviewDuty(
  d: PhaseDutyDraft,
  unit: { code: string; name: string; kind: string } | undefined,
  districtNames: ReadonlyMap<string, string>,
): LaunchPreview['duties'][number] {
  return {
    templateId: d.templateId,
    title: d.title,
    description: d.description,
    department: { id: d.departmentId, code: unit?.code ?? null, name: unit?.name ?? null, kind: unit?.kind ?? null },
    district: d.districtId ? { id: d.districtId, name: districtNames.get(d.districtId) ?? null } : null,
    sectorKey: d.sectorKey,
    dueAt: isoInstant(d.dueAt),
  };
}
