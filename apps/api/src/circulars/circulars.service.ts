import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { isUUID } from 'class-validator';
import { DateTime } from 'luxon';
import { DUBAN_CONFIG, type DubanConfig } from '@duban/config';
import {
  assertMay,
  campaignProgress,
  circularText,
  DomainError,
  DomainErrorCode,
  DUBAN_TIME_ZONE,
  may,
  parseQuarter,
  type Actor,
  type CircularData,
  type CircularUnitLine,
  type RankedUnit,
  type UnitProgress,
} from '@duban/domain';
import { renderCircularPage } from '@duban/mail';
import { AssessmentRepository, CampaignRepository, CircularRepository, ReportViewsRepository, type CampaignRow, type CircularRow } from '@duban/persistence';
import { circularPublicationWorkflowId, type CircularPublicationInput } from '@duban/workflows';
import { startWorkflow } from '@duban/temporal-client';
import { callTemporal, temporalClient } from '../temporal/temporal-calls';
import { TemporalClientProvider } from '../temporal/temporal-client.provider';
import type { CircularView } from '@duban/contracts';
import type { CreateCircularDto, ReviseCircularDto } from './circular.dto';
import { circularView } from './circulars.views';

const localDay = (instant: Date) => DateTime.fromJSDate(instant).setZone(DUBAN_TIME_ZONE).toISODate()!;
const startOfLocalDay = (date: string) => DateTime.fromISO(date, { zone: DUBAN_TIME_ZONE }).startOf('day').toJSDate();
const endOfLocalDay = (date: string) => DateTime.fromISO(date, { zone: DUBAN_TIME_ZONE }).endOf('day').toJSDate();
const earliest = (...days: string[]) => [...days].sort()[0];

const invalid = (field: string, message: string) => new DomainError(DomainErrorCode.InvalidCircular, message, { fields: { [field]: [message] } });

/**
 * Circulars (通报): the office drafts one from the data (a quarter's progress, or the final
 * assessment), revises it, publishes it (serial number, e-mail to every member department and
 * district through CircularPublicationWorkflow). Viewers and officers read published ones.
 */
@Injectable()
export class CircularsService {
  private readonly logger = new Logger(CircularsService.name);

  constructor(
    @Inject(DUBAN_CONFIG) private readonly config: DubanConfig,
    private readonly circulars: CircularRepository,
    private readonly assessments: AssessmentRepository,
    private readonly campaigns: CampaignRepository,
    private readonly reportViews: ReportViewsRepository,
    private readonly temporal: TemporalClientProvider,
  ) {}

  /** Drafts (or drafts again, while unpublished) the circular of a quarter or the final one. */
  async draft(actor: Actor, campaignId: string, dto: CreateCircularDto): Promise<CircularView> {
    assertMay(actor, 'circular.draft');
    const campaign = await this.campaign(campaignId);
    const now = new Date();
    const data = dto.kind === 'quarterly' ? await this.quarterlyData(campaign, dto.quarter ?? '', now) : await this.finalData(campaign, now);
    const { title, body } = circularText(data);
    return circularView(await this.circulars.draft({ id: randomUUID(), campaignId: campaign.id, kind: dto.kind, periodKey: data.periodKey, title, body, data, actor, at: now }));
  }

  async revise(actor: Actor, circularId: string, dto: ReviseCircularDto): Promise<CircularView> {
    assertMay(actor, 'circular.revise');
    const circular = await this.circular(circularId);
    if (circular.status === 'published') throw published();
    return circularView(await this.circulars.revise({ id: circular.id, title: dto.title, body: dto.body, actor, reason: dto.reason, at: new Date() }));
  }

  /**
   * Publishes through the circular's publication workflow and answers when every e-mail is out.
   * A second publication (or two racing) gets 409: the record says published, or the workflow
   * id is taken (a failed publication may be started again).
   */
  async publish(actor: Actor, circularId: string): Promise<CircularView> {
    assertMay(actor, 'circular.publish');
    const circular = await this.circular(circularId);
    if (circular.status === 'published') throw published();
    const client = await temporalClient(this.temporal, this.logger);
    const input: CircularPublicationInput = { circularId: circular.id, actor };
    const handle = await callTemporal(async () => {
      try {
        return await startWorkflow(client, 'CircularPublicationWorkflow', {
          taskQueue: this.temporal.taskQueue,
          workflowId: circularPublicationWorkflowId(circular.id),
          workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY',
          args: [input],
        });
      } catch (error) {
        if (error instanceof WorkflowExecutionAlreadyStartedError) throw published();
        throw error;
      }
    }, this.logger);
    await callTemporal(() => handle.result(), this.logger);
    return circularView((await this.circulars.find(circular.id))!);
  }

  async get(actor: Actor, circularId: string): Promise<CircularView> {
    return circularView(await this.readable(actor, circularId));
  }

  async page(actor: Actor, circularId: string): Promise<string> {
    const circular = await this.readable(actor, circularId);
    return renderCircularPage({
      serialNumber: circular.serialNumber,
      title: circular.title,
      body: circular.body,
      publishedAt: circular.publishedAt,
      link: `${this.config.http.publicUrl}/circulars/${circular.id}/page`,
    });
  }

  async list(actor: Actor, campaignId: string): Promise<CircularView[]> {
    assertMay(actor, 'circular.read');
    const campaign = await this.campaign(campaignId);
    return (await this.circulars.list(campaign.id, !may(actor, 'circular-draft.read'))).map(circularView);
  }

  /** The circular, when the actor may read it: drafts only for those who may read drafts (the office). */
  private async readable(actor: Actor, circularId: string): Promise<CircularRow> {
    assertMay(actor, 'circular.read');
    const circular = await this.circular(circularId);
    if (circular.status !== 'published') assertMay(actor, 'circular-draft.read');
    return circular;
  }

  private async quarterlyData(campaign: CampaignRow, quarterKey: string, now: Date): Promise<CircularData> {
    const quarter = parseQuarter(quarterKey);
    if (!quarter) throw invalid('quarter', 'quarter must be written like 2026-Q3');
    if (quarter.end < campaign.periodStart || quarter.start > campaign.periodEnd) {
      throw invalid('quarter', `${quarterKey} is outside the campaign's period ${campaign.periodStart} – ${campaign.periodEnd}`);
    }
    if (quarter.start > localDay(now)) throw invalid('quarter', `${quarterKey} has not begun`);
    const asOf = earliest(quarter.end, campaign.periodEnd, localDay(now));
    const late = await this.circulars.lateReports(campaign.id, startOfLocalDay(quarter.start), endOfLocalDay(quarter.end), now);
    return this.progressData(campaign, { kind: 'quarterly', periodKey: quarter.key, period: { start: quarter.start, end: quarter.end }, asOf, now, late });
  }

  private async finalData(campaign: CampaignRow, now: Date): Promise<CircularData> {
    const assessment = await this.assessments.ofCampaign(campaign.id);
    if (assessment?.status !== 'finalised') {
      throw new DomainError(DomainErrorCode.AssessmentNotFinalised, 'The final circular reports the assessment: finalise the assessment first');
    }
    const late = await this.circulars.lateReports(campaign.id, startOfLocalDay(campaign.periodStart), endOfLocalDay(assessment.asOf), now);
    const data = await this.progressData(campaign, {
      kind: 'final',
      periodKey: 'final',
      period: { start: campaign.periodStart, end: campaign.periodEnd },
      asOf: assessment.asOf,
      now,
      late,
    });
    const scores = await this.assessments.scores(assessment.id);
    return {
      ...data,
      assessment: {
        asOf: assessment.asOf,
        units: scores.map((s) => ({ unitId: s.unitId, name: s.unitName, unitKind: s.unitKind, score: s.scorecard.score, outcomes: s.outcomes })),
      },
    };
  }

  /** Progress as of the day from each unit's latest counted report, with rankings and late units by name. */
  private async progressData(
    campaign: CampaignRow,
    what: { kind: CircularData['kind']; periodKey: string; period: CircularData['period']; asOf: string; now: Date; late: Array<{ unitId: string; late: number }> },
  ): Promise<CircularData> {
    const units = await this.assessments.campaignUnits(campaign.id);
    const reported = await this.reportViews.latestCountedReports(campaign.id, endOfLocalDay(what.asOf));
    const progress = campaignProgress({
      targets: campaign.targets,
      periodStart: campaign.periodStart,
      periodEnd: campaign.periodEnd,
      asOf: what.asOf,
      districtIds: units.filter((u) => u.unitKind === 'district').map((u) => u.unitId),
      departmentIds: units.filter((u) => u.unitKind === 'department').map((u) => u.unitId),
      reported,
    });
    const names = new Map(units.map((u) => [u.unitId, u.name]));
    const line = (r: RankedUnit): CircularUnitLine => {
      const unit = progress.units.find((u: UnitProgress) => u.unitId === r.unitId);
      return { unitId: r.unitId, name: names.get(r.unitId) ?? r.unitId, attainment: r.attainment, rank: r.rank, light: unit?.light ?? null };
    };
    return {
      kind: what.kind,
      periodKey: what.periodKey,
      campaignName: campaign.name,
      period: what.period,
      asOf: what.asOf,
      draftedOn: localDay(what.now),
      timeShare: progress.timeShare,
      targets: progress.targets.map((t) => ({
        insuranceType: t.insuranceType,
        kind: t.kind,
        ...(t.measure ? { measure: t.measure } : {}),
        value: t.value,
        actual: t.actual,
        reachedShare: t.reachedShare,
        expectedByNow: t.expectedByNow,
        light: t.light,
      })),
      districts: progress.rankings.districts.map(line),
      departments: progress.rankings.departments.map(line),
      lateReports: what.late.filter((l) => names.has(l.unitId)).map((l) => ({ unitId: l.unitId, name: names.get(l.unitId)!, late: l.late })),
    };
  }

  private async campaign(campaignId: string): Promise<CampaignRow> {
    const campaign = isUUID(campaignId) ? await this.campaigns.findById(campaignId) : null;
    if (!campaign) throw new DomainError(DomainErrorCode.CampaignNotFound, `No campaign with id ${campaignId}`);
    return campaign;
  }

  private async circular(circularId: string): Promise<CircularRow> {
    const circular = isUUID(circularId) ? await this.circulars.find(circularId) : null;
    if (!circular) throw new DomainError(DomainErrorCode.CircularNotFound, `No circular with id ${circularId}`);
    return circular;
  }
}

const published = () => new DomainError(DomainErrorCode.CircularPublished, 'The circular has been published; it is not published or changed again');
