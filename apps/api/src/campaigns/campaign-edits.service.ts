import { Injectable } from '@nestjs/common';
import {
  assertMay,
  campaignTargetProblems,
  DomainError,
  DomainErrorCode,
  DUTY_ROUTE_KINDS,
  escalationLadderProblems,
  phasePlanProblems,
  routeKeyOf,
  type Actor,
  type CampaignTarget,
  type DutyRouteKind,
  type EscalationLadderPolicy,
  type PlannedPhase,
} from '@duban/domain';
import { CampaignEditRepository, CampaignRepository, DepartmentRepository } from '@duban/persistence';
import type { CampaignDetail, CampaignRoute, PhaseWithTemplates } from '@duban/contracts';
import type { RevisePhaseDto, SetCampaignRouteDto, SetCampaignTargetsDto, SetEscalationLadderDto, SetLeadingGroupDto } from './campaign.dto';
import { checkMembers, FieldProblems, toLadder, toPlannedPhase } from './campaign-input';
import { CampaignLookup } from './campaign-lookup';
import { CampaignsService } from './campaigns.service';
import { toCampaignRoute } from './campaigns.views';

/** The office's edits to a campaign after its creation, each checked as at creation and logged. */
@Injectable()
export class CampaignEditsService {
  constructor(
    private readonly lookup: CampaignLookup,
    private readonly reads: CampaignsService,
    private readonly campaigns: CampaignRepository,
    private readonly edits: CampaignEditRepository,
    private readonly departments: DepartmentRepository,
  ) {}

  async revisePhase(actor: Actor, campaignId: string, phaseId: string, dto: RevisePhaseDto): Promise<PhaseWithTemplates> {
    assertMay(actor, 'campaign.manage');
    const { campaign, phase } = await this.lookup.visiblePhase(actor, campaignId, phaseId);
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
    return this.reads.phase(actor, campaign.id, phase.id);
  }

  async setRoute(actor: Actor, campaignId: string, kind: string, key: string, dto: SetCampaignRouteDto): Promise<CampaignRoute[]> {
    assertMay(actor, 'campaign.manage');
    const campaign = await this.lookup.visible(actor, campaignId);
    if (!(DUTY_ROUTE_KINDS as readonly string[]).includes(kind)) {
      throw new DomainError(DomainErrorCode.InvalidDutyRouteKey, `kind must be one of ${DUTY_ROUTE_KINDS.join(', ')}`);
    }
    const department = await this.departments.findById(dto.departmentId);
    if (!department) throw new DomainError(DomainErrorCode.DepartmentNotFound, `No department with id ${dto.departmentId}`);
    await this.edits.setRoute(campaign.id, kind as DutyRouteKind, key, department.id, actor, dto.reason);
    return (await this.campaigns.routes(campaign.id)).map(toCampaignRoute);
  }

  async setLadder(actor: Actor, campaignId: string, dto: SetEscalationLadderDto): Promise<EscalationLadderPolicy> {
    assertMay(actor, 'campaign.manage');
    const campaign = await this.lookup.visible(actor, campaignId);
    const ladder = toLadder(dto);
    const problems = new FieldProblems();
    problems.merge(escalationLadderProblems(ladder));
    problems.throwIfAny();
    await this.edits.setClockPolicy(campaign.id, ladder, actor, dto.reason);
    return ladder;
  }

  /** Replaces the targets; the split rules are checked as at creation. */
  async setTargets(actor: Actor, campaignId: string, dto: SetCampaignTargetsDto): Promise<CampaignDetail> {
    assertMay(actor, 'campaign.manage');
    const campaign = await this.lookup.visible(actor, campaignId);
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
    return this.reads.get(actor, campaign.id);
  }

  /** Replaces the leading group; a department that still holds a share of a target stays a member. */
  async setLeadingGroup(actor: Actor, campaignId: string, dto: SetLeadingGroupDto): Promise<CampaignDetail> {
    assertMay(actor, 'campaign.manage');
    const campaign = await this.lookup.visible(actor, campaignId);
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
    return this.reads.get(actor, campaign.id);
  }
}
