import { Injectable, Logger } from '@nestjs/common';
import { isUUID } from 'class-validator';
import {
  assertMay,
  assertNoFieldProblems,
  DEFAULT_REPORT_PLAN,
  DomainError,
  DomainErrorCode,
  may,
  refusalOf,
  reportFormProblems,
  reportLibraryFlags,
  reportPlanProblems,
  reportRoundName,
  upcomingReportRounds,
  WorkingCalendar,
  type Actor,
  type DutyAction,
  type DutyState,
  type ReportFigures,
  type ReportPlan,
} from '@duban/domain';
import { CampaignRepository, ReportRepository, WorkingCalendarRepository, type CampaignRow, type ReportRow } from '@duban/persistence';
import { campaignReportingWorkflowId, reportPlanChangedSignal } from '@duban/workflows';
import { signalWithStartWorkflow } from '@duban/temporal-client';
import { DutiesService } from '../duties/duties.service';
import type { ExportTable } from '../common/table-export';
import { callTemporal, temporalClient } from '../temporal/temporal-calls';
import { TemporalClientProvider } from '../temporal/temporal-client.provider';
import type { FileReportDto, ListReportsQuery, SetReportPlanDto } from './report.dto';
import type { ReportDetail, ReportFlagsView, ReportList, ReportPlanView, ReportRoundsView } from '@duban/contracts';
import { toFlaggedFiling, toReportFiling, toReportRound, toReportSummary } from './reports.views';

/** The tables write instants in Beijing time: back from the answer's ISO text to a Date. */
const instant = (iso: string | null): Date | null => (iso === null ? null : new Date(iso));

/** What a filing must do to the report's duty, from where the duty stands, to reach the office. */
const STEPS_TO_SUBMIT: Partial<Record<DutyState, DutyAction[]>> = {
  assigned: ['acknowledge', 'start', 'submit'],
  acknowledged: ['start', 'submit'],
  in_progress: ['submit'],
  returned: ['submit'],
};

/**
 * Periodic reports: the campaign's plan, the rounds its reporting workflow opened, and the
 * filings. A filing is stored as the report's next version and submits the report's duty
 * through its workflow (the duty carries lateness, reminders and the ladder); the office
 * accepts or returns it like any duty.
 */
@Injectable()
export class ReportsService {
  private readonly logger = new Logger(ReportsService.name);

  constructor(
    private readonly reports: ReportRepository,
    private readonly campaigns: CampaignRepository,
    private readonly duties: DutiesService,
    private readonly temporal: TemporalClientProvider,
    private readonly calendars: WorkingCalendarRepository,
  ) {}

  async plan(actor: Actor, campaignId: string): Promise<ReportPlanView> {
    assertMay(actor, 'report-plan.read');
    const campaign = await this.campaign(campaignId);
    const context = await this.reports.reportingContext(campaign.id);
    return { campaignId: campaign.id, plan: context?.plan ?? DEFAULT_REPORT_PLAN, isDefault: context?.planIsDefault ?? true };
  }

  /** The office changes the plan (logged with its reason); the reporting workflow reads it again, or starts. */
  async setPlan(actor: Actor, campaignId: string, dto: SetReportPlanDto): Promise<ReportPlanView> {
    assertMay(actor, 'report-plan.set');
    const campaign = await this.campaign(campaignId);
    const plan = dto.plan as ReportPlan;
    assertNoFieldProblems(prefixed(reportPlanProblems(plan), 'plan.'), DomainErrorCode.InvalidReportPlan);
    await this.reports.setPlan(campaign.id, plan, actor, dto.reason);
    await this.wakeReporting(campaign.id);
    return this.plan(actor, campaign.id);
  }

  /**
   * Starts the campaign's reporting workflow, or tells the running one to read the plan again.
   * Safe to repeat: one workflow id per campaign.
   */
  async wakeReporting(campaignId: string): Promise<void> {
    const client = await temporalClient(this.temporal, this.logger);
    const workflowId = campaignReportingWorkflowId(campaignId);
    await callTemporal(
      () =>
        signalWithStartWorkflow(client, 'CampaignReportingWorkflow', {
          taskQueue: this.temporal.taskQueue,
          workflowId,
          args: [{ campaignId }],
          signal: reportPlanChangedSignal,
          signalArgs: [],
        }),
      this.logger,
    );
    await this.reports.setReportingWorkflowId(campaignId, workflowId);
  }

  async rounds(actor: Actor, campaignId: string, include: { upcoming?: boolean } = {}): Promise<ReportRoundsView> {
    assertMay(actor, 'report-round.read');
    const campaign = await this.campaign(campaignId);
    const items = (await this.reports.rounds(campaign.id)).map(toReportRound);
    if (!include.upcoming) return { campaignId: campaign.id, items };
    // The schedule the reporting workflow follows (owedReportRounds in the domain), less what it opened.
    const [context, calendar] = await Promise.all([this.reports.reportingContext(campaign.id), this.calendars.allCurrentDays()]);
    const upcoming = context
      ? upcomingReportRounds(context.plan, context, new WorkingCalendar(calendar), new Date(context.createdAt).getTime(), new Set(items.map((r) => r.roundKey)))
      : [];
    return {
      campaignId: campaign.id,
      items,
      upcoming: upcoming.map((r) => ({
        kind: r.kind,
        roundKey: r.roundKey,
        name: reportRoundName(r),
        periodStart: r.periodStart,
        periodEnd: r.periodEnd,
        dueDate: r.dueDate,
        dueAt: new Date(r.dueAt).toISOString(),
        opensAt: new Date(r.opensAt).toISOString(),
        owedBy: r.owedBy,
      })),
    };
  }

  /** Officers see their own unit's reports; the office and viewers all; inspectors none. */
  async list(actor: Actor, query: ListReportsQuery): Promise<ReportList> {
    const unitIds = this.visibleUnits(actor);
    const filter = {
      campaignId: query.campaignId,
      roundId: query.roundId,
      unitIds: unitIds ? (query.unitId ? unitIds.filter((id) => id === query.unitId) : unitIds) : query.unitId ? [query.unitId] : undefined,
      dutyState: query.state,
      page: query.page,
      pageSize: query.pageSize,
    };
    const { total, items } = await this.reports.list(filter);
    return { total, page: query.page, pageSize: query.pageSize, items: items.map(toReportSummary) };
  }

  async get(actor: Actor, reportId: string): Promise<ReportDetail> {
    const report = await this.visibleReport(actor, reportId);
    return { ...toReportSummary(report), filings: (await this.reports.filings(report.id)).map(toReportFiling) };
  }

  /**
   * Files a report: checks the figures (400 by field; a falling cumulative figure needs a
   * correction note), flags what disagrees with the resource library, stores the filing as
   * the next version, then takes the duty to `submitted` through its workflow, each step
   * attributed to the filer. A refused submission takes the filing back, so nothing reaches
   * the record that did not reach the office.
   */
  async file(actor: Actor, reportId: string, dto: FileReportDto): Promise<ReportDetail> {
    const report = await this.visibleReport(actor, reportId);
    if (!may(actor, 'report.file', { departmentId: report.unitId })) {
      throw new DomainError(DomainErrorCode.ActionNotPermitted, `Only the liaison of ${report.unitName} files this report`);
    }
    const steps = STEPS_TO_SUBMIT[report.dutyState];
    if (!steps) {
      throw new DomainError(DomainErrorCode.DutyTransitionForbidden, `The report is ${report.dutyState}: it cannot be filed again`, {
        state: report.dutyState,
      });
    }
    const figures: ReportFigures = { census: { ...dto.census }, insurance: plainInsurance(dto.insurance) };
    const texts = { problems: dto.problems?.trim() ?? '', proposals: dto.proposals?.trim() ?? '', correctionNote: dto.correctionNote?.trim() || null };
    const previous = await this.reports.previousFigures(report.campaignId, report.unitId);
    assertNoFieldProblems(reportFormProblems(figures, texts, previous), DomainErrorCode.InvalidReport);
    const library = await this.reports.libraryCounts(report.unitKind === 'district' ? report.unitId : null);
    const flags = reportLibraryFlags(figures, library);
    const filing = await this.reports.insertFiling({ reportId: report.id, figures, ...texts, flags, actor, filedAt: new Date() });
    try {
      for (const action of steps) {
        await this.duties.act(actor, report.dutyId, action, action === 'submit' ? { result: `已报送第${filing.version}版报表` } : {});
      }
    } catch (error) {
      await this.reports.withdrawFiling(filing.id);
      throw error;
    }
    await this.reports.recordFirstFiled(report.id, filing.filedAt);
    return this.get(actor, report.id);
  }

  async flags(actor: Actor, campaignId: string): Promise<ReportFlagsView> {
    assertMay(actor, 'report-round.read');
    const campaign = await this.campaign(campaignId);
    return { campaignId: campaign.id, items: (await this.reports.flaggedFilings(campaign.id)).map(toFlaggedFiling) };
  }

  roundsTable(view: ReportRoundsView): ExportTable {
    return {
      asciiBase: 'report-rounds',
      chineseBase: '报告轮次',
      header: ['轮次', '类型', '起始日期', '截止统计日期', '报送截止日期', '应报', '已报', '已审核通过', '逾期'],
      rows: view.items.map((r) => [r.roundKey, KIND_NAMES[r.kind], r.periodStart, r.periodEnd, r.dueDate, r.reportCount, r.filed, r.accepted, r.late]),
    };
  }

  reportsTable(view: ReportList): ExportTable {
    return {
      asciiBase: 'reports',
      chineseBase: '工作报告',
      header: ['活动', '轮次', '报送单位', '截止时间', '状态', '首次报送时间', '最新版本', '与资源库不符'],
      rows: view.items.map((r) => [r.campaignName, r.roundKey, r.unitName, instant(r.dueAt), r.dutyState, instant(r.firstFiledAt), r.latestVersion, r.flagged]),
    };
  }

  flagsTable(view: ReportFlagsView): ExportTable {
    return {
      asciiBase: 'report-flags',
      chineseBase: '报表与资源库不符',
      header: ['轮次', '报送单位', '版本', '报送时间', '报送人', '项目', '说明', '报送数', '资源库数'],
      rows: view.items.flatMap((f) =>
        f.flags.map((flag) => [f.roundKey, f.unitName, f.version, instant(f.filedAt), f.filedByUsername, flag.field, flag.message, flag.reported, flag.library]),
      ),
    };
  }

  /** The units whose reports the caller reads: null for all; an officer's own unit. */
  private visibleUnits(actor: Actor): string[] | null {
    const scope = assertMay(actor, 'report.read');
    if (scope === 'all') return null;
    if (scope === 'own-department' && actor.departmentId) return [actor.departmentId];
    throw new DomainError(DomainErrorCode.ActionNotPermitted, refusalOf(actor.role, 'report.read'));
  }

  private async visibleReport(actor: Actor, reportId: string): Promise<ReportRow> {
    const units = this.visibleUnits(actor);
    const report = isUUID(reportId) ? await this.reports.findById(reportId) : null;
    if (!report) throw new DomainError(DomainErrorCode.ReportNotFound, `No report with id ${reportId}`);
    if (units && !units.includes(report.unitId)) {
      throw new DomainError(DomainErrorCode.ActionNotPermitted, `This report is owed by ${report.unitName}, not by your unit`);
    }
    return report;
  }

  private async campaign(campaignId: string): Promise<CampaignRow> {
    const campaign = isUUID(campaignId) ? await this.campaigns.findById(campaignId) : null;
    if (!campaign) throw new DomainError(DomainErrorCode.CampaignNotFound, `No campaign with id ${campaignId}`);
    return campaign;
  }
}

const KIND_NAMES = { ten_day: '旬报', monthly: '月报', quarterly: '季报', year_end: '年度总结' } as const;

function prefixed(fields: Record<string, string[]>, prefix: string): Record<string, string[]> {
  return Object.fromEntries(Object.entries(fields).map(([path, messages]) => [prefix + path, messages]));
}

/** The insurance figures as plain data, without the types nobody reported. */
function plainInsurance(insurance: FileReportDto['insurance']): ReportFigures['insurance'] {
  const out: ReportFigures['insurance'] = {};
  for (const [type, values] of Object.entries(insurance ?? {})) {
    if (values) out[type as keyof ReportFigures['insurance']] = { ...values };
  }
  return out;
}
