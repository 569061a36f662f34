import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { WorkflowNotFoundError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import {
  assertMay,
  campaignTargetProblems,
  escalationLadderProblems,
  phasePlanProblems,
  reportPlanProblems,
  routeKeyOf,
  specialOperationRounds,
  type Actor,
  type CampaignTarget,
  type ReportPlan,
} from '@duban/domain';
import { CampaignRepository, DepartmentRepository, DutyMatrixRepository, ReportRepository } from '@duban/persistence';
import { campaignLiveStateQuery, campaignWorkflowId, phaseLiveStateQuery, phaseWorkflowId, type CampaignWorkflowInput } from '@duban/workflows';
import { startWorkflow } from '@duban/temporal-client';
import type { CampaignDetail, CampaignEventView, CampaignListItem, CampaignLive, CampaignRoute, PhaseLive, PhaseLiveStateView, PhaseWithTemplates } from '@duban/contracts';
import { callTemporal, temporalClient } from '../temporal/temporal-calls';
import { TemporalClientProvider } from '../temporal/temporal-client.provider';
import { ReportsService } from '../reports/reports.service';
import type { CreateCampaignDto } from './campaign.dto';
import { checkMembers, DEACTIVATED_UNIT, FieldProblems, toLadder, toPlannedPhase } from './campaign-input';
import { CampaignLookup } from './campaign-lookup';
import { campaignDetail, campaignListItem, campaignLiveView, phaseLiveView, phaseView, templateView, toCampaignEvent, toCampaignRoute } from './campaigns.views';

/**
 * A campaign's creation and what is read of it (the record, its workflow's live state, its
 * matrix and log). A phase's launch is PhaseLaunchService's, the office's later edits
 * CampaignEditsService's, a closed phase's summary PhaseSummaryService's.
 */
@Injectable()
export class CampaignsService {
  private readonly logger = new Logger(CampaignsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly lookup: CampaignLookup,
    private readonly campaigns: CampaignRepository,
    private readonly departments: DepartmentRepository,
    private readonly matrix: DutyMatrixRepository,
    private readonly temporal: TemporalClientProvider,
    private readonly reportRepository: ReportRepository,
    private readonly reportsService: ReportsService,
  ) {}

  /**
   * Checks the whole campaign (units, targets and their splits, ladder, plan), then records it
   * and starts its workflow in one step: the rows are committed only once Temporal has
   * accepted the workflow.
   */
  async create(actor: Actor, dto: CreateCampaignDto): Promise<CampaignDetail> {
    assertMay(actor, 'campaign.manage');
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
    assertMay(actor, 'campaign.read');
    const rows = await this.campaigns.list();
    const phasesOf = await this.campaigns.phasesOf(rows.map((c) => c.id));
    return rows.map((c) => campaignListItem(c, phasesOf.get(c.id)!));
  }

  async get(actor: Actor, campaignId: string): Promise<CampaignDetail> {
    const campaign = await this.lookup.visible(actor, campaignId);
    const [districts, phases] = await Promise.all([this.campaigns.districts(campaign.id), this.campaigns.phases(campaign.id)]);
    const templates = await this.campaigns.templatesOf(phases.map((p) => p.id));
    return campaignDetail(campaign, districts, phases, templates);
  }

  /** What the campaign's workflow holds right now, beside the stored phases. */
  async live(actor: Actor, campaignId: string): Promise<CampaignLive> {
    const campaign = await this.lookup.visible(actor, campaignId);
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
    const { phase } = await this.lookup.visiblePhase(actor, campaignId, phaseId);
    return { ...phaseView(phase), templates: (await this.campaigns.templates(phase.id)).map(templateView) };
  }

  async phaseLive(actor: Actor, campaignId: string, phaseId: string): Promise<PhaseLive> {
    const { phase } = await this.lookup.visiblePhase(actor, campaignId, phaseId);
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

  async routes(actor: Actor, campaignId: string): Promise<CampaignRoute[]> {
    const campaign = await this.lookup.visible(actor, campaignId);
    return (await this.campaigns.routes(campaign.id)).map(toCampaignRoute);
  }

  async events(actor: Actor, campaignId: string): Promise<CampaignEventView[]> {
    const campaign = await this.lookup.visible(actor, campaignId);
    return (await this.campaigns.events(campaign.id)).map(toCampaignEvent);
  }
}
