import { Inject, Injectable } from '@nestjs/common';
import { DUBAN_CONFIG, type DubanConfig } from '@duban/config';
import { decidePhaseLaunch, planTiming, type DutyClockPolicy, type PhaseCloseReason, type PhaseSummary, type PlanTiming } from '@duban/domain';
import { CampaignPhaseRepository, WorkingCalendarRepository } from '@duban/persistence';
import type { CampaignActivities, DutyWorkflowInput, OpenCampaignPhaseInput, OpenedCampaignPhase } from '@duban/workflows';
import { refusalsAsFailures } from '../common/activity-failures';

/** The campaign, phase and batch workflows' I/O: PostgreSQL, each call safe to repeat. */
@Injectable()
export class CampaignActivitiesService implements CampaignActivities {
  constructor(
    @Inject(DUBAN_CONFIG) private readonly config: DubanConfig,
    private readonly campaigns: CampaignPhaseRepository,
    private readonly calendars: WorkingCalendarRepository,
  ) {}

  async openCampaignPhase(input: OpenCampaignPhaseInput): Promise<OpenedCampaignPhase> {
    const timing = await this.timing();
    const opened = await refusalsAsFailures(() =>
      this.campaigns.openPhase(input, ({ phase, routes, districts, launchedAt }) =>
        decidePhaseLaunch(phase, routes, districts, launchedAt, timing, { early: input.early ?? null }),
      ),
    );
    return { ...opened, batchSize: this.config.phaseBatchSize };
  }

  async phaseDutyInputs(input: { phaseId: string; offset: number; limit: number }): Promise<DutyWorkflowInput[]> {
    const [rows, timing] = await Promise.all([this.campaigns.fanout(input.phaseId, input.offset, input.limit), this.timing()]);
    return rows.map((row) => {
      const policy: DutyClockPolicy = {
        ...row.clockPolicy,
        calendar: timing.calendar,
        ...(timing.dayMs === undefined ? {} : { workingDayMs: timing.dayMs }),
      };
      return {
        assignment: {
          dutyId: row.dutyId,
          departmentId: row.departmentId,
          title: row.title,
          description: row.description,
          assignedAt: row.launchedAt.getTime(),
          dueAt: row.dueAt.getTime(),
          assignedBy: { userId: row.launchedBy, username: row.launchedByUsername, role: row.launchedByRole, departmentId: null },
          campaign: {
            campaignId: row.campaignId,
            phaseId: input.phaseId,
            templateId: row.templateId,
            districtId: row.districtId,
            sectorKey: row.sectorKey,
          },
        },
        policy,
      };
    });
  }

  closeCampaignPhase(input: { phaseId: string; closedAt: number; reason: PhaseCloseReason }): Promise<PhaseSummary> {
    return refusalsAsFailures(() => this.campaigns.closePhase(input.phaseId, input.closedAt, input.reason));
  }

  recordCampaignCompleted(input: { campaignId: string; completedAt: number }): Promise<void> {
    return this.campaigns.complete(input.campaignId, input.completedAt);
  }

  /** The office's calendar as it stands, and the plan's unit of time (compressed where configured). */
  private async timing(): Promise<PlanTiming> {
    const calendar = await this.calendars.allCurrentDays();
    return planTiming(calendar, this.config.workingDaySeconds);
  }
}
