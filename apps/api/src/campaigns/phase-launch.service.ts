import { Inject, Injectable, Logger } from '@nestjs/common';
import { DUBAN_CONFIG, type DubanConfig } from '@duban/config';
import { assertMay, DomainError, DomainErrorCode, earlyLaunchRefusal, inactiveUnitsRefusal, phaseLaunchPlan, phaseLaunchRefusal, planTiming, type Actor } from '@duban/domain';
import { CampaignRepository, DepartmentRepository, WorkingCalendarRepository } from '@duban/persistence';
import { launchPhaseUpdate } from '@duban/workflows';
import type { LaunchAnswer, LaunchPreview } from '@duban/contracts';
import { isoInstant, isoInstantOrNull } from '../common/instants';
import { callTemporal, temporalClient } from '../temporal/temporal-calls';
import { TemporalClientProvider } from '../temporal/temporal-client.provider';
import type { LaunchPhaseDto } from './campaign.dto';
import { CampaignLookup } from './campaign-lookup';
import { CampaignsService } from './campaigns.service';
import { launchPreviewDuty, phaseView } from './campaigns.views';

/** A phase's launch (through the campaign's workflow) and its preview (the launch's own decision, nothing written). */
@Injectable()
export class PhaseLaunchService {
  private readonly logger = new Logger(PhaseLaunchService.name);

  constructor(
    private readonly lookup: CampaignLookup,
    private readonly reads: CampaignsService,
    private readonly campaigns: CampaignRepository,
    private readonly departments: DepartmentRepository,
    private readonly calendars: WorkingCalendarRepository,
    private readonly temporal: TemporalClientProvider,
    @Inject(DUBAN_CONFIG) private readonly config: DubanConfig,
  ) {}

  /**
   * Launches a phase through the campaign's workflow, which decides (in order, one launch at a
   * time) and answers after the launch is recorded and the fan-out has begun.
   */
  async launch(actor: Actor, campaignId: string, phaseId: string, dto: LaunchPhaseDto): Promise<LaunchAnswer> {
    assertMay(actor, 'campaign.launch');
    const { campaign, phase } = await this.lookup.visiblePhase(actor, campaignId, phaseId);
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
    return { ...answer, windowEndsAt: isoInstant(answer.windowEndsAt), phase: await this.reads.phase(actor, campaign.id, phase.id) };
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
    const { campaign, phase } = await this.lookup.visiblePhase(actor, campaignId, phaseId);
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
      duties: drafts.map((d) => launchPreviewDuty(d, byId.get(d.departmentId), districtNames)),
    };
  }
}
