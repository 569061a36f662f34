import { Inject, Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import { DUBAN_CONFIG, type DubanConfig } from '@duban/config';
import { owedReportRounds, reportDutyTitle, reportRoundName, WorkingCalendar, type DutyClockPolicy, type ReportingUnitKind, type WorkingCalendarDays } from '@duban/domain';
import { ReportRepository, WorkingCalendarRepository, type ReportingContext } from '@duban/persistence';
import type { OpenedReportRound, ReportingActivities, ReportSchedule } from '@duban/workflows';

/** The reporting workflow's I/O: the schedule from the record, and rounds opened once. */
@Injectable()
export class ReportingActivitiesService implements ReportingActivities {
  constructor(
    @Inject(DUBAN_CONFIG) private readonly config: DubanConfig,
    private readonly reports: ReportRepository,
    private readonly calendars: WorkingCalendarRepository,
  ) {}

  async reportSchedule(input: { campaignId: string }): Promise<ReportSchedule> {
    const { context, calendar } = await this.load(input.campaignId);
    const started = await this.reports.startedRoundKeys(input.campaignId);
    const pending = this.owedRounds(context, calendar)
      .filter((round) => !started.has(round.roundKey))
      .map((round) => ({ roundKey: round.roundKey, opensAt: round.opensAt }));
    return { pending };
  }

  async openReportRound(input: { campaignId: string; roundKey: string; openedAt: number }): Promise<OpenedReportRound> {
    const { context, calendar } = await this.load(input.campaignId);
    const round = this.owedRounds(context, calendar).find((r) => r.roundKey === input.roundKey);
    if (!round) {
      // The plan changed between the schedule and the opening: the workflow reads it again.
      return { roundKey: input.roundKey, duties: [] };
    }
    const owing: Array<{ unitId: string; unitKind: ReportingUnitKind }> = [
      ...(round.owedBy.includes('district') ? context.districtIds.map((unitId) => ({ unitId, unitKind: 'district' as const })) : []),
      ...(round.owedBy.includes('department') ? context.memberIds.map((unitId) => ({ unitId, unitKind: 'department' as const })) : []),
    ];
    const title = reportDutyTitle(round);
    const description =
      `报送${reportRoundName(round)}扩面工作情况（${round.periodStart}至${round.periodEnd}）：资源普查进度、各险种新增参保人数、` +
      `缴费率、基金征收情况、存在问题和意见建议。截止时间：${round.dueDate} 24:00（北京时间）。`;
    const duties = await this.reports.openRound(context, round, owing, { title, description }, new Date(input.openedAt));
    const policy: DutyClockPolicy = {
      ...context.clockPolicy,
      calendar,
      ...(this.config.workingDaySeconds === undefined ? {} : { workingDayMs: this.config.workingDaySeconds * 1000 }),
    };
    return {
      roundKey: round.roundKey,
      duties: duties.map((duty) => ({
        assignment: {
          dutyId: duty.dutyId,
          departmentId: duty.unitId,
          title: duty.title,
          description: duty.description,
          assignedAt: new Date(duty.assignedAt).getTime(),
          dueAt: new Date(duty.dueAt).getTime(),
          assignedBy: context.assignedBy,
        },
        policy,
      })),
    };
  }

  async recordReportRoundStarted(input: { campaignId: string; roundKey: string; startedAt: number }): Promise<void> {
    await this.reports.markRoundStarted(input.campaignId, input.roundKey, new Date(input.startedAt));
  }

  /** The plan's rounds the campaign owes (the domain's rule, which the API's list of upcoming rounds uses too). */
  private owedRounds(context: ReportingContext, calendar: WorkingCalendarDays) {
    return owedReportRounds(context.plan, context, new WorkingCalendar(calendar), new Date(context.createdAt).getTime());
  }

  private async load(campaignId: string): Promise<{ context: ReportingContext; calendar: WorkingCalendarDays }> {
    const [context, calendar] = await Promise.all([this.reports.reportingContext(campaignId), this.calendars.allCurrentDays()]);
    if (!context) throw ApplicationFailure.nonRetryable(`Campaign ${campaignId} is not in the database`, 'CampaignMissing');
    return { context, calendar };
  }
}
