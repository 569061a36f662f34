import { BadRequestException, Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DateTime } from 'luxon';
import {
  assertMay,
  campaignProgress,
  DEFAULT_PROGRESS_THRESHOLDS,
  DomainError,
  DomainErrorCode,
  DUBAN_TIME_ZONE,
  INSURANCE_TYPES,
  may,
  scopeOf,
  type Actor,
  type CampaignProgress,
  type ProgressLight,
} from '@duban/domain';
import { CampaignRepository, ReportViewsRepository, type CampaignRow, type CountedReport } from '@duban/persistence';
import type { HistoryStep, RankingKind } from './progress.dto';
import type { HistoryView, ProgressView, RankingsView, UnitProgressView } from '@duban/contracts';

/** The most points a history answers with (ten years by month, or years of ten-day rounds). */
export const MAX_HISTORY_POINTS = 400;

const LIGHT_ORDER: Record<ProgressLight, number> = { green: 0, yellow: 1, red: 2 };
const worst = (lights: ProgressLight[]): ProgressLight => lights.reduce<ProgressLight>((w, l) => (LIGHT_ORDER[l] > LIGHT_ORDER[w] ? l : w), 'green');

const today = () => DateTime.now().setZone(DUBAN_TIME_ZONE).toISODate()!;
/** Filings up to the end of the local day count for that day. */
const endOfLocalDay = (date: string) => DateTime.fromISO(date, { zone: DUBAN_TIME_ZONE }).endOf('day').toJSDate();

function badRequest(field: string, message: string): BadRequestException {
  return new BadRequestException({ statusCode: 400, error: 'BAD_REQUEST', message: [message], fields: { [field]: [message] } });
}

/**
 * Targets against actuals (issue 5, item 3), computed by `campaignProgress` from each unit's
 * latest counted report. Who reads: the office and viewers everything; a department officer
 * (of a member department or a district) the campaign's totals, its history and their own
 * unit's lines, not the other units'; inspectors nothing.
 */
@Injectable()
export class ProgressService {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly reports: ReportViewsRepository,
  ) {}

  async progress(actor: Actor, campaignId: string, asOf: string | undefined): Promise<ProgressView> {
    const campaign = await this.readable(actor, campaignId);
    const day = asOf ?? today();
    const { units, progress, counted, filed } = await this.compute(campaign, day);
    const views = unitViews(progress, units, counted, filed).filter((u) => visibleUnit(actor, u.unitId));
    return {
      campaignId: campaign.id,
      campaignName: campaign.name,
      asOf: day,
      period: { start: campaign.periodStart, end: campaign.periodEnd },
      timeShare: progress.timeShare,
      thresholds: DEFAULT_PROGRESS_THRESHOLDS,
      scope: progressScope(actor),
      targets: progress.targets,
      byInsuranceType: INSURANCE_TYPES.map((insuranceType) => progress.targets.filter((t) => t.insuranceType === insuranceType))
        .filter((targets) => targets.length > 0)
        .map((targets) => ({ insuranceType: targets[0].insuranceType, light: worst(targets.map((t) => t.light)), targets })),
      districts: views.filter((u) => u.unitKind === 'district'),
      departments: views.filter((u) => u.unitKind === 'department'),
    };
  }

  /** Districts or departments best first (ties share a rank, units without shares last, unranked); an officer sees their own line only. */
  async rankings(actor: Actor, campaignId: string, asOf: string | undefined, kind: RankingKind): Promise<RankingsView> {
    const campaign = await this.readable(actor, campaignId);
    const day = asOf ?? today();
    const { units, progress, counted, filed } = await this.compute(campaign, day);
    const byId = new Map(unitViews(progress, units, counted, filed).map((u) => [u.unitId, u]));
    const ranked = kind === 'district' ? progress.rankings.districts : progress.rankings.departments;
    return {
      campaignId: campaign.id,
      campaignName: campaign.name,
      asOf: day,
      timeShare: progress.timeShare,
      kind,
      scope: progressScope(actor),
      rankings: ranked
        .filter((r) => visibleUnit(actor, r.unitId))
        .map((r) => {
          const { targets: _targets, ...unit } = byId.get(r.unitId)!;
          return unit;
        }),
    };
  }

  /**
   * The campaign's actuals and lights per target at each point from `from` to `to`: each report
   * round's due date (month ends when no round is due in the range, or by `step=month`), and `to`
   * itself last when it is not a point already. One query reads all points' reports.
   */
  async history(actor: Actor, campaignId: string, query: { from?: string; to?: string; step: HistoryStep }): Promise<HistoryView> {
    const campaign = await this.readable(actor, campaignId);
    const from = query.from ?? campaign.periodStart;
    let to = query.to;
    if (!to) {
      to = [today(), campaign.periodEnd].sort()[0];
      if (to < from) to = from;
    }
    if (to < from) throw badRequest('to', `to (${to}) is before from (${from})`);
    const dueRounds = new Map<string, string[]>();
    if (query.step === 'round') {
      for (const round of await this.reports.roundsDue(campaign.id, from, to)) {
        dueRounds.set(round.dueDate, [...(dueRounds.get(round.dueDate) ?? []), round.roundKey]);
      }
    }
    const pointsAt = dueRounds.size > 0 ? 'round_due_dates' : 'month_ends';
    const dates = pointsAt === 'round_due_dates' ? [...dueRounds.keys()] : monthEnds(from, to, MAX_HISTORY_POINTS + 1);
    if (dates[dates.length - 1] !== to) dates.push(to);
    if (dates.length > MAX_HISTORY_POINTS) {
      throw badRequest('from', `more than ${MAX_HISTORY_POINTS} points asked for: narrow from/to or step by month`);
    }
    const { districtIds, departmentIds } = await this.campaignUnits(campaign);
    const rows = await this.reports.latestCountedReportsAt(campaign.id, dates.map(endOfLocalDay));
    const byPoint = dates.map(() => [] as CountedReport[]);
    for (const row of rows) byPoint[row.point].push(row);
    return {
      campaignId: campaign.id,
      campaignName: campaign.name,
      from,
      to,
      step: query.step,
      scope: progressScope(actor),
      pointsAt,
      points: dates.map((date, i) => {
        const progress = campaignProgress({
          targets: campaign.targets,
          periodStart: campaign.periodStart,
          periodEnd: campaign.periodEnd,
          asOf: date,
          districtIds,
          departmentIds,
          reported: byPoint[i],
        });
        return {
          date,
          dueRounds: dueRounds.get(date) ?? [],
          timeShare: progress.timeShare,
          targets: progress.targets.map(({ countedFrom: _countedFrom, ...t }) => t),
        };
      }),
    };
  }

  private async compute(campaign: CampaignRow, asOf: string) {
    const { districtIds, departmentIds } = await this.campaignUnits(campaign);
    const [counted, filed, units] = await Promise.all([
      this.reports.latestCountedReports(campaign.id, endOfLocalDay(asOf)),
      this.reports.unitsThatFiled(campaign.id, endOfLocalDay(asOf)),
      this.reports.units([...districtIds, ...departmentIds]),
    ]);
    const progress = campaignProgress({
      targets: campaign.targets,
      periodStart: campaign.periodStart,
      periodEnd: campaign.periodEnd,
      asOf,
      districtIds,
      departmentIds,
      reported: counted,
    });
    return { progress, counted, filed, units: new Map(units.map((u) => [u.id, u])) };
  }

  /** The jurisdiction's districts in the campaign's order; the leading group's member departments. */
  private async campaignUnits(campaign: CampaignRow) {
    const districts = await this.campaigns.districts(campaign.id);
    return { districtIds: districts.map((d) => d.id), departmentIds: campaign.leadingGroup.members.map((m) => m.departmentId) };
  }

  private async readable(actor: Actor, campaignId: string): Promise<CampaignRow> {
    assertMay(actor, 'campaign-progress.read');
    const campaign = isUUID(campaignId) ? await this.campaigns.findById(campaignId) : null;
    if (!campaign) throw new DomainError(DomainErrorCode.CampaignNotFound, `No campaign with id ${campaignId}`);
    return campaign;
  }
}

/** What the answer covers: a department officer's own unit's lines (beside the campaign's totals), or the whole campaign. */
const progressScope = (actor: Actor) => (scopeOf(actor, 'campaign-progress.read') === 'own-department' ? 'own_unit' : 'campaign');
const visibleUnit = (actor: Actor, unitId: string) => may(actor, 'campaign-progress.read', { departmentId: unitId });

function unitViews(
  progress: CampaignProgress,
  units: Map<string, { code: string; name: string }>,
  counted: readonly CountedReport[],
  filed: ReadonlySet<string>,
): UnitProgressView[] {
  const reports = new Map(counted.map((r) => [r.unitId, r]));
  const ranks = new Map([...progress.rankings.districts, ...progress.rankings.departments].map((r) => [r.unitId, r.rank]));
  return progress.units.map((u) => {
    const report = reports.get(u.unitId);
    return {
      unitId: u.unitId,
      unitKind: u.unitKind,
      code: units.get(u.unitId)?.code ?? '',
      name: units.get(u.unitId)?.name ?? '',
      reported: u.reported,
      hasFiled: filed.has(u.unitId),
      latestReport: report
        ? { reportId: report.reportId, roundKey: report.roundKey, periodEnd: report.periodEnd, version: report.version, filedAt: report.filedAt.toISOString() }
        : null,
      attainment: u.attainment,
      light: u.light,
      rank: ranks.get(u.unitId) ?? null,
      targets: u.targets,
    };
  });
}

/** Month ends from the month of `from` to `to` (at most `limit`). */
function monthEnds(from: string, to: string, limit: number): string[] {
  const out: string[] = [];
  let end = DateTime.fromISO(from, { zone: 'UTC' }).endOf('month');
  while (out.length < limit) {
    const date = end.toISODate()!;
    if (date > to) break;
    out.push(date);
    end = end.plus({ days: 1 }).endOf('month');
  }
  return out;
}
