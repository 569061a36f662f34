import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import { DateTime } from 'luxon';
import { DUBAN_CONFIG, type DubanConfig } from '@duban/config';
import { campaignProgress, DEFAULT_ASSESSMENT_RULES, DUBAN_TIME_ZONE, proposedOutcomes, scoreUnit, subsidyBaseOf, type Actor, type AssessmentOutcomes } from '@duban/domain';
import { renderAssessmentOutcome, renderCircularEmail } from '@duban/mail';
import { AssessmentRepository, CampaignRepository, CircularRepository, ReportViewsRepository, type ComputedScore } from '@duban/persistence';
import type { AssessmentActivities, ComputedAssessment } from '@duban/workflows';
import { refusalsAsFailures } from '../common/activity-failures';
import { OnceOnlyMail } from '../common/once-only-mail';

/** The end of a local (Beijing) day: what "by the assessment's day" means. */
export const endOfLocalDay = (date: string) => DateTime.fromISO(date, { zone: DUBAN_TIME_ZONE }).endOf('day').toJSDate();

/** The assessment's and the circulars' I/O: the record, the scoring, e-mail. */
@Injectable()
export class AssessmentActivitiesService implements AssessmentActivities {
  constructor(
    @Inject(DUBAN_CONFIG) private readonly config: DubanConfig,
    private readonly assessments: AssessmentRepository,
    private readonly circulars: CircularRepository,
    private readonly campaigns: CampaignRepository,
    private readonly reportViews: ReportViewsRepository,
    private readonly mail: OnceOnlyMail,
  ) {}

  async computeAssessment(input: { assessmentId: string; asOf: string; computedAt: number; recomputedBy?: Actor }): Promise<ComputedAssessment> {
    const assessment = await this.assessments.find(input.assessmentId);
    if (!assessment) throw ApplicationFailure.nonRetryable(`Assessment ${input.assessmentId} is not in the database`, 'AssessmentMissing');
    const campaign = (await this.campaigns.findById(assessment.campaignId))!;
    // The campaign's rules as they stand now; the assessment keeps the copy it was computed with.
    const rules = (await this.assessments.rules(campaign.id)) ?? DEFAULT_ASSESSMENT_RULES;
    const units = await this.assessments.campaignUnits(campaign.id);
    const asOfEnd = endOfLocalDay(input.asOf);
    const [reported, records] = await Promise.all([this.reportViews.latestCountedReports(campaign.id, asOfEnd), this.assessments.unitRecords(campaign.id, asOfEnd)]);
    const progress = campaignProgress({
      targets: campaign.targets,
      periodStart: campaign.periodStart,
      periodEnd: campaign.periodEnd,
      asOf: input.asOf,
      districtIds: units.filter((u) => u.unitKind === 'district').map((u) => u.unitId),
      departmentIds: units.filter((u) => u.unitKind === 'department').map((u) => u.unitId),
      reported,
    });
    const scores: ComputedScore[] = units.map((unit) => {
      const attainment = progress.units.find((p) => p.unitId === unit.unitId)?.attainment ?? null;
      const record = records.find((r) => r.unitId === unit.unitId);
      const scorecard = scoreUnit(
        {
          attainment,
          dutiesDue: record?.dutiesDue ?? 0,
          dutiesOnTime: record?.dutiesOnTime ?? 0,
          reportsDue: record?.reportsDue ?? 0,
          reportsOnTime: record?.reportsOnTime ?? 0,
          returns: record?.returns ?? 0,
        },
        rules,
      );
      const base = subsidyBaseOf(rules, unit.unitId);
      return { unitId: unit.unitId, unitKind: unit.unitKind, scorecard, proposedOutcomes: proposedOutcomes(scorecard, attainment, rules, base), subsidyBaseYuan: base };
    });
    await this.assessments.storeScores({ assessmentId: assessment.id, rules, asOf: input.asOf, computedAt: new Date(input.computedAt), scores, recomputedBy: input.recomputedBy });
    return { asOf: input.asOf, computedAt: input.computedAt, units: scores.map((s) => ({ unitId: s.unitId, subsidyBaseYuan: s.subsidyBaseYuan })) };
  }

  recordAssessmentReview(input: { assessmentId: string; unitId: string; outcomes: AssessmentOutcomes; actor: Actor; reason: string; reviewedAt: number }): Promise<void> {
    return refusalsAsFailures(() => this.assessments.review({ ...input, reviewedAt: new Date(input.reviewedAt) }));
  }

  finaliseAssessment(input: { assessmentId: string; actor: Actor; reason: string | null; finalisedAt: number }): Promise<void> {
    return refusalsAsFailures(() => this.assessments.finalise({ ...input, finalisedAt: new Date(input.finalisedAt) }));
  }

  async sendAssessmentOutcomes(input: { assessmentId: string }): Promise<{ emails: number }> {
    const assessment = await this.assessments.find(input.assessmentId);
    if (!assessment?.finalisedAt) throw ApplicationFailure.nonRetryable(`Assessment ${input.assessmentId} is not finalised`, 'AssessmentNotFinalised');
    const [campaign, units, scores] = await Promise.all([
      this.campaigns.findById(assessment.campaignId),
      this.assessments.campaignUnits(assessment.campaignId),
      this.assessments.scores(assessment.id),
    ]);
    let emails = 0;
    for (const score of scores) {
      const unit = units.find((u) => u.unitId === score.unitId);
      if (!unit) continue;
      const email = renderAssessmentOutcome({
        campaignName: campaign?.name ?? '',
        unitName: score.unitName,
        scorecard: score.scorecard,
        outcomes: score.outcomes,
        subsidyBaseYuan: score.subsidyBaseYuan,
        finalisedAt: assessment.finalisedAt,
        link: `${this.config.http.publicUrl}/assessments/${assessment.id}`,
      });
      await this.mail.send({ key: `assessment:${assessment.id}:unit:${unit.unitId}:outcome`, recipients: [unit.liaisonEmail], subject: email.subject, body: email.text });
      emails++;
    }
    return { emails };
  }

  async publishCircular(input: { circularId: string; actor: Actor; publishedAt: number }): Promise<{ serialNumber: string }> {
    const circular = await refusalsAsFailures(() => this.circulars.publish({ id: input.circularId, actor: input.actor, at: new Date(input.publishedAt) }));
    return { serialNumber: circular.serialNumber! };
  }

  async sendCircular(input: { circularId: string }): Promise<{ emails: number }> {
    const circular = await this.circulars.find(input.circularId);
    if (!circular || circular.status !== 'published') throw ApplicationFailure.nonRetryable(`Circular ${input.circularId} is not published`, 'CircularNotPublished');
    const units = await this.assessments.campaignUnits(circular.campaignId);
    // Member departments: liaison and head; districts: liaison. An address is written to once.
    const addresses = [...new Set(units.flatMap((u) => (u.unitKind === 'department' ? [u.liaisonEmail, u.headEmail] : [u.liaisonEmail])).map((a) => a.trim().toLowerCase()))];
    const email = renderCircularEmail({
      serialNumber: circular.serialNumber,
      title: circular.title,
      body: circular.body,
      publishedAt: circular.publishedAt,
      link: `${this.config.http.publicUrl}/circulars/${circular.id}/page`,
    });
    for (const address of addresses) {
      // Keys hold 200 characters: a very long address is named by its hash.
      const to = address.length <= 120 ? address : createHash('sha256').update(address).digest('hex');
      await this.mail.send({ key: `circular:${circular.id}:to:${to}`, recipients: [address], subject: email.subject, body: email.text });
    }
    return { emails: addresses.length };
  }
}
