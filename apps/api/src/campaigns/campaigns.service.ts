import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DUBAN_CONFIG, type DubanConfig } from '@duban/config';
import { WorkflowNotFoundError } from '@temporalio/client';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import {
  addFieldMessage,
  assertMayManageCampaigns,
  assertNoCampaignProblems,
  assertMayReadCampaigns,
  campaignTargetProblems,
  earlyLaunchRefusal,
  DEFAULT_DUTY_CLOCK_POLICY,
  DomainError,
  DomainErrorCode,
  DUTY_ROUTE_KINDS,
  DUTY_STATES,
  escalationLadderProblems,
  inactiveUnitsRefusal,
  phaseLaunchRefusal,
  phaseLaunchPlan,
  phasePlanProblems,
  planTiming,
  reportPlanProblems,
  routeKeyOf,
  specialOperationRounds,
  type Actor,
  type CampaignTarget,
  type DutyRouteKind,
  type DutyTemplate,
  type EscalationLadderPolicy,
  type FieldMessages,
  type PlannedPhase,
  type ReportPlan,
} from '@duban/domain';
import {
  CampaignEditRepository,
  CampaignRepository,
  DepartmentRepository,
  DutyMatrixRepository,
  ReportRepository,
  WorkingCalendarRepository,
  type CampaignRow,
  type PhaseRow,
} from '@duban/persistence';
import { campaignLiveStateQuery, campaignWorkflowId, launchPhaseUpdate, phaseLiveStateQuery, phaseWorkflowId, type CampaignWorkflowInput } from '@duban/workflows';
import { startWorkflow } from '@duban/temporal-client';
import { isoInstant, isoInstantOrNull } from '../common/instants';
import { callTemporal, temporalClient } from '../temporal/temporal-calls';
import { TemporalClientProvider } from '../temporal/temporal-client.provider';
import type {
  CreateCampaignDto,
  DutyTemplateDto,
  EscalationLadderDto,
  LaunchPhaseDto,
  PhasePlanDto,
  RevisePhaseDto,
  SetCampaignRouteDto,
  SetCampaignTargetsDto,
  SetEscalationLadderDto,
  SetLeadingGroupDto,
} from './campaign.dto';
import type { ExportTable } from '../common/table-export';
import type {
  CampaignDetail,
  CampaignEventView,
  CampaignListItem,
  CampaignLive,
  CampaignRoute,
  LaunchAnswer,
  LaunchPreview,
  PhaseLive,
  PhaseLiveStateView,
  PhaseSummaryAnswer,
  PhaseWithTemplates,
} from '@duban/contracts';
import { campaignHeader, campaignLiveView, phaseLiveView, phaseView, templateView, toCampaignEvent, toCampaignRoute } from './campaigns.views';
import { ReportsService } from '../reports/reports.service';

/** Collects field messages from several checks, then fails once with all of them. */
class FieldProblems {
  readonly fields: FieldMessages = {};

  add(path: string, message: string): void {
    addFieldMessage(this.fields, path, message);
  }

  merge(fields: FieldMessages, prefix = ''): void {
    for (const [path, messages] of Object.entries(fields)) for (const m of messages) this.add(prefix + path, m);
  }

  throwIfAny(): void {
    assertNoCampaignProblems(this.fields);
  }
}

@Injectable()
export class CampaignsService {
  private readonly logger = new Logger(CampaignsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly campaigns: CampaignRepository,
    private readonly edits: CampaignEditRepository,
    private readonly departments: DepartmentRepository,
    private readonly matrix: DutyMatrixRepository,
    private readonly temporal: TemporalClientProvider,
    private readonly reportRepository: ReportRepository,
    private readonly reportsService: ReportsService,
    private readonly calendars: WorkingCalendarRepository,
    @Inject(DUBAN_CONFIG) private readonly config: DubanConfig,
  ) {}

  /**
   * Checks the whole campaign (units, targets and their splits, ladder, plan), then records it
   * and starts its workflow in one step: the rows are committed only once Temporal has
   * accepted the workflow.
   */
  async create(actor: Actor, dto: CreateCampaignDto): Promise<CampaignDetail> {
    assertMayManageCampaigns(actor);
    const problems = new FieldProblems();
    const units = new Map((await this.departments.list()).map((d) => [d.id, d]));
    const districtIds = dto.jurisdiction.districtIds;
    districtIds.forEach((id, i) => {
      if (units.get(id)?.kind !== 'district') problems.add(`jurisdiction.districtIds.${i}`, 'not a registered district');
      else if (units.get(id)?.active === false) problems.add(`jurisdiction.districtIds.${i}`, DEACTIVATED_UNIT);
      if (districtIds.indexOf(id) !== i) problems.add(`jurisdiction.districtIds.${i}`, 'named twice');
    });
    const memberIds = checkMembers(dto.leadingGroup, units, problems, 'leadingGroup.');
    if (dto.period.end < dto.period.start) problems.add('period.end', 'the period ends before it starts');
    const targets = dto.targets as CampaignTarget[];
    problems.merge(campaignTargetProblems(targets, { districtIds: new Set(districtIds), departmentIds: new Set(memberIds) }));
    const ladder = toLadder(dto.escalationLadder);
    problems.merge(escalationLadderProblems(ladder), 'escalationLadder.');
    if (dto.reportPlan) problems.merge(reportPlanProblems(dto.reportPlan as ReportPlan), 'reportPlan.');
    const routeKeys = new Set((await this.matrix.list()).map((r) => routeKeyOf(r.kind, r.key)));
    const phases = dto.phases.map((p, i) => toPlannedPhase(p, randomUUID(), `phases.${i}`, problems));
    problems.merge(phasePlanProblems(phases, { periodStart: dto.period.start, periodEnd: dto.period.end, routeKeys, districtCount: districtIds.length }));
    problems.throwIfAny();

    const id = randomUUID();
    const rounds = specialOperationRounds(phases);
    const input: CampaignWorkflowInput = { campaignId: id, phases: phases.map((p) => ({ phaseId: p.id, name: p.name })) };
    const client = await temporalClient(this.temporal, this.logger);
    await this.dataSource.transaction(async (tx) => {
      await this.campaigns.create(
        {
          id,
          workflowId: campaignWorkflowId(id),
          name: dto.name,
          jurisdictionName: dto.jurisdiction.name,
          jurisdictionLevel: dto.jurisdiction.level,
          periodStart: dto.period.start,
          periodEnd: dto.period.end,
          legalBasisTitle: dto.legalBasis.title,
          legalBasisNumber: dto.legalBasis.number,
          districtIds,
          leadingGroup: dto.leadingGroup,
          targets,
          clockPolicy: ladder,
          phases: phases.map((p, i) => ({ ...p, round: rounds[i], workflowId: phaseWorkflowId(p.id) })),
        },
        actor,
        tx,
      );
      if (dto.reportPlan) await this.reportRepository.storePlan(id, dto.reportPlan as ReportPlan, tx);
      await callTemporal(() => startWorkflow(client, 'CampaignWorkflow', { taskQueue: this.temporal.taskQueue, workflowId: campaignWorkflowId(id), args: [input] }), this.logger);
    });
    try {
      await this.reportsService.wakeReporting(id);
    } catch (error) {
      // The campaign stands; its reporting starts with the next change of its report plan.
      this.logger.error(`Reporting of campaign ${id} did not start: ${String(error)}; PUT /campaigns/${id}/report-plan starts it`);
    }
    return this.get(actor, id);
  }

  async list(actor: Actor): Promise<CampaignListItem[]> {
    assertMayReadCampaigns(actor);
    const rows = await this.campaigns.list();
    const phasesOf = await this.campaigns.phasesOf(rows.map((c) => c.id));
    // The phase the campaign is in: the last one launched, else the first one planned.
    return rows.map((c) => {
      const phases = phasesOf.get(c.id)!;
      const launched = phases.filter((p) => p.status !== 'planned');
      const current = launched.at(-1) ?? phases[0];
      return {
        ...campaignHeader(c),
        phaseCount: phases.length,
        currentPhase: current ? { id: current.id, seq: current.seq, kind: current.kind, round: current.round, name: current.name, status: current.status } : null,
      };
    });
  }

  async get(actor: Actor, campaignId: string): Promise<CampaignDetail> {
    const campaign = await this.visible(actor, campaignId);
    const [districts, phases] = await Promise.all([this.campaigns.districts(campaign.id), this.campaigns.phases(campaign.id)]);
    const templates = await this.campaigns.templatesOf(phases.map((p) => p.id));
    return {
      ...campaignHeader(campaign),
      jurisdiction: { name: campaign.jurisdictionName, level: campaign.jurisdictionLevel, districts },
      targets: campaign.targets,
      leadingGroup: campaign.leadingGroup,
      escalationLadder: campaign.clockPolicy,
      phases: phases.map((p) => ({ ...phaseView(p), templates: templates.get(p.id)!.map(templateView) })),
    };
  }

  /** What the campaign's workflow holds right now, beside the stored phases. */
  async live(actor: Actor, campaignId: string): Promise<CampaignLive> {
    const campaign = await this.visible(actor, campaignId);
    const client = await temporalClient(this.temporal, this.logger);
    const phases = await this.campaigns.phases(campaign.id);
    let workflow = null;
    try {
      workflow = await callTemporal(() => client.workflow.getHandle(campaign.workflowId).query(campaignLiveStateQuery), this.logger);
    } catch (error) {
      // A completed campaign's workflow may have been removed after the retention period: the record remains.
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
    return { campaignId: campaign.id, status: campaign.status, workflow: workflow && campaignLiveView(workflow), phases: phases.map(phaseView) };
  }

  async phase(actor: Actor, campaignId: string, phaseId: string): Promise<PhaseWithTemplates> {
    const { phase } = await this.visiblePhase(actor, campaignId, phaseId);
    return { ...phaseView(phase), templates: (await this.campaigns.templates(phase.id)).map(templateView) };
  }

  async phaseLive(actor: Actor, campaignId: string, phaseId: string): Promise<PhaseLive> {
    const { phase } = await this.visiblePhase(actor, campaignId, phaseId);
    if (phase.status === 'planned') return { ...phaseView(phase), workflow: null };
    const client = await temporalClient(this.temporal, this.logger);
    let workflow = null;
    try {
      workflow = await callTemporal(() => client.workflow.getHandle(phase.workflowId).query(phaseLiveStateQuery), this.logger);
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
    const view: PhaseLiveStateView | null = workflow && phaseLiveView(workflow);
    return { ...phaseView(phase), workflow: view };
  }

  /**
   * Launches a phase through the campaign's workflow, which decides (in order, one launch at a
   * time) and answers after the launch is recorded and the fan-out has begun.
   */
  async launch(actor: Actor, campaignId: string, phaseId: string, dto: LaunchPhaseDto): Promise<LaunchAnswer> {
    assertMayManageCampaigns(actor);
    const { campaign, phase } = await this.visiblePhase(actor, campaignId, phaseId);
    const force = dto.force ? { reason: dto.reason ?? '' } : null;
    // Checked here for a quick answer; the launch's decision refuses it too (decidePhaseLaunch).
    if (dto.early && !dto.reason?.trim()) throw new DomainError(DomainErrorCode.EarlyLaunchReasonMissing, 'A launch before the window opens needs a reason');
    const early = dto.early ? { reason: dto.reason!.trim() } : null;
    // No check against the record here: the workflow decides (its validator rejects before
    // anything is written), and the record may lag behind it by a moment.
    const client = await temporalClient(this.temporal, this.logger);
    const answer = await callTemporal(
      () =>
        client.workflow
          .getHandle(campaign.workflowId)
          .executeUpdate(launchPhaseUpdate, { args: [{ phaseId: phase.id, actor, ...(force ? { force } : {}), ...(early ? { early } : {}) }] }),
      this.logger,
    );
    return { ...answer, windowEndsAt: isoInstant(answer.windowEndsAt), phase: await this.phase(actor, campaign.id, phase.id) };
  }

  /**
   * What launching the phase now would create, decided by the code the launch runs
   * (decidePhaseLaunch, with the office's calendar and the configured day): each duty with its
   * department, district and due time. Nothing is written. A phase already launched answers 409;
   * one whose window or due times are over answers 409 PHASE_WINDOW_OVER, as the launch would.
   * `refusal` says when the launch would be refused for the order of phases (from the record,
   * which the workflow may be a moment ahead of): PREVIOUS_PHASE_OPEN can be forced.
   */
  async launchPreview(actor: Actor, campaignId: string, phaseId: string): Promise<LaunchPreview> {
    const { campaign, phase } = await this.visiblePhase(actor, campaignId, phaseId);
    const phases = await this.campaigns.phases(campaign.id);
    const refusal = phaseLaunchRefusal(
      phases.map((p) => ({ phaseId: p.id, name: p.name, status: p.status })),
      phase.id,
      null,
    );
    if (refusal?.code === DomainErrorCode.PhaseAlreadyLaunched) throw refusal;
    const [templates, routes, districts, calendar, units] = await Promise.all([
      this.campaigns.templates(phase.id),
      this.campaigns.routes(campaign.id),
      this.campaigns.districts(campaign.id),
      this.calendars.allCurrentDays(),
      this.departments.list(),
    ]);
    const launchedAt = Date.now();
    const timing = planTiming(calendar, this.config.workingDaySeconds);
    const planned = { ...phase, templates };
    // The launch's own parts: before the window opens it needs early with a reason (said here, as
    // `earlyLaunch`), and then creates these duties, due times counted from the launch.
    const { drafts, windowEndsAt, windowOpensAt } = phaseLaunchPlan(planned, routes, districts, launchedAt, timing);
    const early = earlyLaunchRefusal(planned, launchedAt, timing);
    const byId = new Map(units.map((u) => [u.id, u]));
    // The launch would be refused for a deactivated unit among the duties' (see openPhase).
    const inactive = inactiveUnitsRefusal(
      [...new Set(drafts.map((d) => d.departmentId))].flatMap((id) => {
        const unit = byId.get(id);
        return unit ? [{ ...unit, active: unit.active !== false }] : [];
      }),
    );
    const shown = refusal ?? inactive;
    const districtNames = new Map(districts.map((d) => [d.id, d.name]));
    return {
      phase: phaseView(phase),
      asOf: isoInstant(launchedAt),
      windowEndsAt: isoInstant(windowEndsAt),
      windowOpensAt: isoInstantOrNull(windowOpensAt),
      earlyLaunch: early ? { required: true as const, code: early.code, message: early.message, windowStart: phase.windowStart, windowEnd: phase.windowEnd } : null,
      dutyCount: drafts.length,
      refusal: shown ? { code: shown.code, message: shown.message } : null,
      duties: drafts.map((d) => {
        const unit = byId.get(d.departmentId);
        return {
          templateId: d.templateId,
          title: d.title,
          description: d.description,
          department: { id: d.departmentId, code: unit?.code ?? null, name: unit?.name ?? null, kind: unit?.kind ?? null },
          district: d.districtId ? { id: d.districtId, name: districtNames.get(d.districtId) ?? null } : null,
          sectorKey: d.sectorKey,
          dueAt: isoInstant(d.dueAt),
        };
      }),
    };
  }

  async revisePhase(actor: Actor, campaignId: string, phaseId: string, dto: RevisePhaseDto): Promise<PhaseWithTemplates> {
    assertMayManageCampaigns(actor);
    const { campaign, phase } = await this.visiblePhase(actor, campaignId, phaseId);
    const problems = new FieldProblems();
    const revised = toPlannedPhase(dto, phase.id, '', problems);
    if (revised.kind !== phase.kind) problems.add('kind', `the phase is ${phase.kind}; its kind cannot change`);
    const phases = await this.campaigns.phases(campaign.id);
    const templates = await this.campaigns.templatesOf(phases.filter((p) => p.id !== phase.id).map((p) => p.id));
    const plan: PlannedPhase[] = phases.map((p) => (p.id === phase.id ? revised : { ...p, templates: templates.get(p.id)! }));
    const routeKeys = new Set((await this.campaigns.routes(campaign.id)).map((r) => routeKeyOf(r.kind, r.key)));
    const districtCount = (await this.campaigns.districts(campaign.id)).length;
    const index = phases.findIndex((p) => p.id === phase.id);
    const all = phasePlanProblems(plan, { periodStart: campaign.periodStart, periodEnd: campaign.periodEnd, routeKeys, districtCount });
    // Report this phase's problems as fields of the body that was sent.
    for (const [path, messages] of Object.entries(all)) {
      const own = `phases.${index}.`;
      for (const m of messages) problems.add(path.startsWith(own) ? path.slice(own.length) : path, m);
    }
    problems.throwIfAny();
    await this.edits.revisePhase(phase.id, revised, actor, dto.reason ?? null);
    return this.phase(actor, campaign.id, phase.id);
  }

  async routes(actor: Actor, campaignId: string): Promise<CampaignRoute[]> {
    const campaign = await this.visible(actor, campaignId);
    return (await this.campaigns.routes(campaign.id)).map(toCampaignRoute);
  }

  async setRoute(actor: Actor, campaignId: string, kind: string, key: string, dto: SetCampaignRouteDto): Promise<CampaignRoute[]> {
    assertMayManageCampaigns(actor);
    const campaign = await this.visible(actor, campaignId);
    if (!(DUTY_ROUTE_KINDS as readonly string[]).includes(kind)) {
      throw new DomainError(DomainErrorCode.InvalidDutyRouteKey, `kind must be one of ${DUTY_ROUTE_KINDS.join(', ')}`);
    }
    const department = await this.departments.findById(dto.departmentId);
    if (!department) throw new DomainError(DomainErrorCode.DepartmentNotFound, `No department with id ${dto.departmentId}`);
    await this.edits.setRoute(campaign.id, kind as DutyRouteKind, key, department.id, actor, dto.reason);
    return (await this.campaigns.routes(campaign.id)).map(toCampaignRoute);
  }

  async setLadder(actor: Actor, campaignId: string, dto: SetEscalationLadderDto): Promise<EscalationLadderPolicy> {
    assertMayManageCampaigns(actor);
    const campaign = await this.visible(actor, campaignId);
    const ladder = toLadder(dto);
    const problems = new FieldProblems();
    problems.merge(escalationLadderProblems(ladder));
    problems.throwIfAny();
    await this.edits.setClockPolicy(campaign.id, ladder, actor, dto.reason);
    return ladder;
  }

  /** Replaces the targets; the split rules are checked as at creation. */
  async setTargets(actor: Actor, campaignId: string, dto: SetCampaignTargetsDto): Promise<CampaignDetail> {
    assertMayManageCampaigns(actor);
    const campaign = await this.visible(actor, campaignId);
    const problems = new FieldProblems();
    const districts = await this.campaigns.districts(campaign.id);
    const targets = dto.targets as CampaignTarget[];
    problems.merge(
      campaignTargetProblems(targets, {
        districtIds: new Set(districts.map((d) => d.id)),
        departmentIds: new Set(campaign.leadingGroup.members.map((m) => m.departmentId)),
      }),
    );
    problems.throwIfAny();
    await this.edits.setTargets(campaign.id, targets, actor, dto.reason);
    return this.get(actor, campaign.id);
  }

  /** Replaces the leading group; a department that still holds a share of a target stays a member. */
  async setLeadingGroup(actor: Actor, campaignId: string, dto: SetLeadingGroupDto): Promise<CampaignDetail> {
    assertMayManageCampaigns(actor);
    const campaign = await this.visible(actor, campaignId);
    const problems = new FieldProblems();
    const units = new Map((await this.departments.list()).map((d) => [d.id, d]));
    const memberIds = new Set(checkMembers(dto.leadingGroup, units, problems, 'leadingGroup.', new Set(campaign.leadingGroup.members.map((m) => m.departmentId))));
    campaign.targets.forEach((t, i) =>
      (t.departmentShares ?? []).forEach((share) => {
        if (!memberIds.has(share.unitId)) {
          problems.add('leadingGroup.members', `${units.get(share.unitId)?.name ?? share.unitId} holds a share of target ${i}; change the targets first`);
        }
      }),
    );
    problems.throwIfAny();
    await this.edits.setLeadingGroup(campaign.id, dto.leadingGroup, actor, dto.reason);
    return this.get(actor, campaign.id);
  }

  /** A closed phase's summary, one row per department and per district (the CSV's rows). */
  async phaseSummary(actor: Actor, campaignId: string, phaseId: string): Promise<PhaseSummaryAnswer> {
    const { phase } = await this.visiblePhase(actor, campaignId, phaseId);
    if (!phase.summary) {
      throw new DomainError(DomainErrorCode.PhaseNotClosed, `Phase "${phase.name}" has not closed yet; its live state is at /live`);
    }
    const units = new Map((await this.departments.list()).map((d) => [d.id, d]));
    const rows = [
      ...Object.entries(phase.summary.byDepartment).map(([id, counts]) => ({ scope: 'department' as const, unitId: id, ...counts })),
      ...Object.entries(phase.summary.byDistrict).map(([id, counts]) => ({ scope: 'district' as const, unitId: id, ...counts })),
    ].map((row) => ({ ...row, unitCode: units.get(row.unitId)?.code ?? null, unitName: units.get(row.unitId)?.name ?? null }));
    return { phase: phaseView(phase), rows };
  }

  async phaseSummaryTable(actor: Actor, campaignId: string, phaseId: string): Promise<ExportTable> {
    const { phase, rows } = await this.phaseSummary(actor, campaignId, phaseId);
    return {
      asciiBase: `phase-summary-${phase.seq + 1}`,
      chineseBase: `${phase.name}-阶段小结`,
      header: ['范围', '单位代码', '单位', '事项数', '按时办结', '逾期', '阶段结束时未办结', '已撤销', ...DUTY_STATES],
      rows: rows.map((r) => [
        r.scope === 'department' ? '部门' : '县区',
        r.unitCode,
        r.unitName,
        r.total,
        r.onTime,
        r.late,
        r.openAtClose,
        r.cancelled,
        ...DUTY_STATES.map((s) => r.byState[s]),
      ]),
    };
  }

  async events(actor: Actor, campaignId: string): Promise<CampaignEventView[]> {
    const campaign = await this.visible(actor, campaignId);
    return (await this.campaigns.events(campaign.id)).map(toCampaignEvent);
  }

  private async visible(actor: Actor, campaignId: string): Promise<CampaignRow> {
    assertMayReadCampaigns(actor);
    const campaign = isUUID(campaignId) ? await this.campaigns.findById(campaignId) : null;
    if (!campaign) throw new DomainError(DomainErrorCode.CampaignNotFound, `No campaign with id ${campaignId}`);
    return campaign;
  }

  private async visiblePhase(actor: Actor, campaignId: string, phaseId: string): Promise<{ campaign: CampaignRow; phase: PhaseRow }> {
    const campaign = await this.visible(actor, campaignId);
    const phase = isUUID(phaseId) ? await this.campaigns.phase(phaseId) : null;
    if (!phase || phase.campaignId !== campaign.id) throw new DomainError(DomainErrorCode.PhaseNotFound, `The campaign has no phase ${phaseId}`);
    return { campaign, phase };
  }
}

/** Member departments must be registered, each once; returns their ids. */
/** A unit deactivated by the administrator joins no campaign (it would get no duties there). */
const DEACTIVATED_UNIT = 'deactivated: reactivate it or choose another unit';

/**
 * The leading group's members are registered units, each named once; a deactivated unit may
 * stay a member it already was (`alreadyMembers`), but not join.
 */
function checkMembers(
  group: { members: Array<{ departmentId: string }> },
  units: Map<string, { kind: string; active?: boolean | null }>,
  problems: FieldProblems,
  prefix: string,
  alreadyMembers: ReadonlySet<string> = new Set(),
): string[] {
  const ids = group.members.map((m) => m.departmentId);
  ids.forEach((id, i) => {
    if (!units.has(id)) problems.add(`${prefix}members.${i}.departmentId`, 'not a registered department');
    else if (units.get(id)?.active === false && !alreadyMembers.has(id)) problems.add(`${prefix}members.${i}.departmentId`, DEACTIVATED_UNIT);
    if (ids.indexOf(id) !== i) problems.add(`${prefix}members.${i}.departmentId`, 'named twice');
  });
  return ids;
}

function toLadder(dto: EscalationLadderDto | undefined): EscalationLadderPolicy {
  if (!dto) return { reminderBefore: DEFAULT_DUTY_CLOCK_POLICY.reminderBefore, escalationLadder: DEFAULT_DUTY_CLOCK_POLICY.escalationLadder };
  return {
    reminderBefore: { workingDays: dto.reminderBefore.workingDays },
    escalationLadder: dto.escalationLadder.map((s) => ({ step: s.step, after: { workingDays: s.after.workingDays }, notify: s.notify })),
  };
}

/** The plan as the domain checks it; shape problems the DTO cannot express are added as fields. */
function toPlannedPhase(dto: PhasePlanDto, id: string, at: string, problems: FieldProblems): PlannedPhase {
  const prefix = at ? `${at}.` : '';
  return {
    id,
    kind: dto.kind,
    name: dto.name,
    windowStart: dto.window.start,
    windowEnd: dto.window.end,
    focusSectors: dto.focusSectors ?? [],
    templates: dto.templates.map((t, j) => toTemplate(t, `${prefix}templates.${j}`, problems)),
  };
}

function toTemplate(dto: DutyTemplateDto, at: string, problems: FieldProblems): DutyTemplate {
  const { kind, key } = dto.route;
  if ((kind === 'function' || kind === 'sector') && !key) problems.add(`${at}.route.key`, `a ${kind} route names its matrix key`);
  if ((kind === 'focus_sectors' || kind === 'district') && key) problems.add(`${at}.route.key`, `a ${kind} route has no key`);
  const hasAt = dto.due.at !== undefined;
  const hasDays = dto.due.workingDaysAfterLaunch !== undefined;
  if (hasAt === hasDays) problems.add(`${at}.due`, 'give either at or workingDaysAfterLaunch');
  return {
    id: randomUUID(),
    title: dto.title,
    description: dto.description,
    route: kind === 'function' || kind === 'sector' ? { kind, key: key ?? '' } : { kind },
    scope: dto.scope,
    due: hasAt ? { at: Date.parse(dto.due.at!) } : { workingDaysAfterLaunch: dto.due.workingDaysAfterLaunch ?? 1 },
  };
}
