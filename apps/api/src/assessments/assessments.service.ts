import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { isUUID } from 'class-validator';
import { DateTime } from 'luxon';
import {
  assertMay,
  assessmentReviewProblems,
  assessmentRowsVisibleTo,
  assessmentRulesProblems,
  DEFAULT_ASSESSMENT_RULES,
  DomainError,
  DomainErrorCode,
  DUBAN_TIME_ZONE,
  OUTCOME_LABELS,
  UNIT_KIND_LABELS,
  type Actor,
  type AssessmentRules,
} from '@duban/domain';
import { AssessmentRepository, CampaignRepository, type AssessmentRow, type CampaignRow } from '@duban/persistence';
import type { AssessmentRulesView, AssessmentView } from '@duban/contracts';
import {
  assessmentLiveStateQuery,
  assessmentWorkflowId,
  finaliseAssessmentUpdate,
  recomputeAssessmentUpdate,
  reviewAssessmentUnitUpdate,
  type AssessmentLiveState,
  type AssessmentWorkflowInput,
} from '@duban/workflows';
import { startWorkflow } from '@duban/temporal-client';
import type { ExportTable } from '../common/table-export';
import { callTemporal, temporalClient } from '../temporal/temporal-calls';
import { TemporalClientProvider } from '../temporal/temporal-client.provider';
import type { FinaliseAssessmentDto, ReviewAssessmentUnitDto, SetAssessmentRulesDto, StartAssessmentDto } from './assessment.dto';
import { assessmentView } from './assessments.views';

/** The table writes instants in Beijing time: back from the answer's ISO text to a Date. */
const instant = (iso: string | null): Date | null => (iso === null ? null : new Date(iso));

/** How long a new assessment's answer waits for its first scorecards. */
const FIRST_COMPUTATION_WAIT_MS = 30_000;

const today = () => DateTime.now().setZone(DUBAN_TIME_ZONE).toISODate()!;

/** The campaign's assessment rules and its acceptance assessment (office runs it; assessors read it). */
@Injectable()
export class AssessmentsService {
  private readonly logger = new Logger(AssessmentsService.name);

  constructor(
    private readonly assessments: AssessmentRepository,
    private readonly campaigns: CampaignRepository,
    private readonly temporal: TemporalClientProvider,
  ) {}

  async rules(actor: Actor, campaignId: string): Promise<AssessmentRulesView> {
    assertMay(actor, 'assessment-rules.read');
    const campaign = await this.campaign(campaignId);
    const stored = await this.assessments.rules(campaign.id);
    return { campaignId: campaign.id, rules: stored ?? DEFAULT_ASSESSMENT_RULES, isDefault: stored === null || stored === undefined };
  }

  /** Replaces the rules (checked whole: 400 with every problem by field), logged with who and why. */
  async setRules(actor: Actor, campaignId: string, dto: SetAssessmentRulesDto): Promise<AssessmentRulesView> {
    assertMay(actor, 'assessment-rules.set');
    const campaign = await this.campaign(campaignId);
    const units = await this.assessments.campaignUnits(campaign.id);
    const problems = assessmentRulesProblems(dto.rules, new Set(units.map((u) => u.unitId)));
    const fields = Object.fromEntries(Object.entries(problems).map(([path, messages]) => [path === '' ? 'rules' : `rules.${path}`, messages]));
    if (Object.keys(fields).length > 0) {
      throw new DomainError(DomainErrorCode.InvalidAssessmentRules, 'The assessment rules are not valid', { fields });
    }
    await this.assessments.setRules(campaign.id, dto.rules as unknown as AssessmentRules, actor, dto.reason);
    return this.rules(actor, campaign.id);
  }

  /**
   * Runs the assessment: a new one is recorded and its workflow computes the scorecards (the
   * answer waits for them); a draft is recomputed (as of `asOf`, else its own day), keeping the
   * office's reviews; a finalised one is fixed (409).
   */
  async start(actor: Actor, campaignId: string, dto: StartAssessmentDto): Promise<{ created: boolean; view: AssessmentView }> {
    assertMay(actor, 'assessment.run');
    const campaign = await this.campaign(campaignId);
    const client = await temporalClient(this.temporal, this.logger);
    const existing = await this.assessments.ofCampaign(campaign.id);
    if (existing) {
      if (existing.status === 'finalised') throw finalised();
      await this.ensureWorkflow(existing);
      await callTemporal(() => client.workflow.getHandle(existing.workflowId).executeUpdate(recomputeAssessmentUpdate, { args: [{ actor, asOf: dto.asOf }] }), this.logger);
      return { created: false, view: await this.view(actor, existing.id) };
    }
    const asOf = dto.asOf ?? [today(), campaign.periodEnd].sort()[0];
    const rules = (await this.assessments.rules(campaign.id)) ?? DEFAULT_ASSESSMENT_RULES;
    const id = randomUUID();
    const { assessment, created } = await this.assessments.create({ id, campaignId: campaign.id, rules, asOf, actor, workflowId: assessmentWorkflowId(id) });
    if (!created) return this.start(actor, campaignId, dto);
    await this.ensureWorkflow(assessment);
    const handle = client.workflow.getHandle(assessment.workflowId);
    const deadline = Date.now() + FIRST_COMPUTATION_WAIT_MS;
    for (;;) {
      const live = await callTemporal(() => handle.query(assessmentLiveStateQuery), this.logger);
      if (live.status !== 'computing' || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { created: true, view: await this.view(actor, assessment.id) };
  }

  async ofCampaign(actor: Actor, campaignId: string): Promise<AssessmentView> {
    assertMay(actor, 'assessment.read');
    const campaign = await this.campaign(campaignId);
    const assessment = await this.assessments.ofCampaign(campaign.id);
    if (!assessment) throw new DomainError(DomainErrorCode.AssessmentNotFound, `Campaign "${campaign.name}" has not been assessed yet`);
    return this.view(actor, assessment.id);
  }

  async view(actor: Actor, assessmentId: string): Promise<AssessmentView> {
    assertMay(actor, 'assessment.read');
    const assessment = await this.assessment(assessmentId);
    const [campaign, scores] = await Promise.all([this.campaigns.findById(assessment.campaignId), this.assessments.scores(assessment.id)]);
    return assessmentView(assessment, campaign?.name ?? '', assessmentRowsVisibleTo(actor, scores) ?? []);
  }

  async live(assessment: AssessmentRow): Promise<AssessmentLiveState | null> {
    if (assessment.status === 'finalised') return null;
    const client = await temporalClient(this.temporal, this.logger);
    return callTemporal(() => client.workflow.getHandle(assessment.workflowId).query(assessmentLiveStateQuery), this.logger);
  }

  /** The office sets one unit's outcomes (with a reason) while the assessment is a draft. */
  async review(actor: Actor, assessmentId: string, unitId: string, dto: ReviewAssessmentUnitDto): Promise<AssessmentView> {
    assertMay(actor, 'assessment.review');
    const assessment = await this.assessment(assessmentId);
    if (assessment.status === 'finalised') throw finalised();
    const unit = isUUID(unitId) ? (await this.assessments.scores(assessment.id)).find((s) => s.unitId === unitId) : undefined;
    if (!unit) throw new DomainError(DomainErrorCode.AssessmentUnitNotFound, `Unit ${unitId} is not assessed in this assessment`);
    const outcomes = { commendation: dto.commendation, criticism: dto.criticism, awardIneligible: dto.awardIneligible, subsidyAdjustmentYuan: dto.subsidyAdjustmentYuan };
    const fields = assessmentReviewProblems(outcomes, unit.subsidyBaseYuan, dto.reason);
    if (Object.keys(fields).length > 0) throw new DomainError(DomainErrorCode.InvalidAssessmentReview, 'The outcome cannot be set so', { fields });
    await this.ensureWorkflow(assessment);
    const client = await temporalClient(this.temporal, this.logger);
    await callTemporal(
      () => client.workflow.getHandle(assessment.workflowId).executeUpdate(reviewAssessmentUnitUpdate, { args: [{ unitId, outcomes, reason: dto.reason, actor }] }),
      this.logger,
    );
    return this.view(actor, assessment.id);
  }

  /** Fixes the outcomes (who, when, why); the units' liaisons are e-mailed theirs. */
  async finalise(actor: Actor, assessmentId: string, dto: FinaliseAssessmentDto): Promise<AssessmentView> {
    assertMay(actor, 'assessment.finalise');
    const assessment = await this.assessment(assessmentId);
    if (assessment.status === 'finalised') throw finalised();
    await this.ensureWorkflow(assessment);
    const client = await temporalClient(this.temporal, this.logger);
    await callTemporal(() => client.workflow.getHandle(assessment.workflowId).executeUpdate(finaliseAssessmentUpdate, { args: [{ actor, reason: dto.reason }] }), this.logger);
    return this.view(actor, assessment.id);
  }

  /** The scorecards as a table (?format=csv|xlsx). */
  table(view: AssessmentView): ExportTable {
    const yes = (b: boolean) => (b ? '是' : '');
    return {
      asciiBase: 'assessment',
      chineseBase: `${view.campaignName}考核结果`,
      header: [
        '类别',
        '单位',
        '得分',
        '目标完成率(%)',
        '目标得分',
        '督办事项应办',
        '按时办结',
        '按时办结率(%)',
        '报告应报',
        '按时报送',
        '按时报送率(%)',
        '退回次数',
        '扣分',
        OUTCOME_LABELS.commendation,
        OUTCOME_LABELS.criticism,
        OUTCOME_LABELS.awardIneligible,
        '补助基数(元)',
        '补助调整(元)',
        '拟定调整(元)',
        '复核人',
        '复核时间',
        '复核理由',
      ],
      rows: view.units.map((u) => {
        const s = u.scorecard;
        return [
          UNIT_KIND_LABELS[u.unitKind],
          u.unitName,
          s.score,
          s.attainment === null ? null : Math.round(s.attainment * 10_000) / 100,
          s.targetsScore,
          s.dutiesDue,
          s.dutiesOnTime,
          s.dutiesOnTimeRate,
          s.reportsDue,
          s.reportsOnTime,
          s.reportsOnTimeRate,
          s.returns,
          s.returnPenalty,
          yes(u.outcomes.commendation),
          yes(u.outcomes.criticism),
          yes(u.outcomes.awardIneligible),
          u.subsidyBaseYuan,
          u.subsidyAdjustmentYuan,
          u.proposedOutcomes.subsidyAdjustmentYuan,
          u.reviewedByUsername,
          instant(u.reviewedAt),
          u.reviewReason,
        ];
      }),
    };
  }

  /** Starts the assessment's workflow unless it runs (an API that died after recording it left none). */
  private async ensureWorkflow(assessment: AssessmentRow): Promise<void> {
    const client = await temporalClient(this.temporal, this.logger);
    const input: AssessmentWorkflowInput = { assessmentId: assessment.id, campaignId: assessment.campaignId, asOf: assessment.asOf };
    try {
      await callTemporal(() => startWorkflow(client, 'AssessmentWorkflow', { taskQueue: this.temporal.taskQueue, workflowId: assessment.workflowId, args: [input] }), this.logger);
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }

  private async campaign(campaignId: string): Promise<CampaignRow> {
    const campaign = isUUID(campaignId) ? await this.campaigns.findById(campaignId) : null;
    if (!campaign) throw new DomainError(DomainErrorCode.CampaignNotFound, `No campaign with id ${campaignId}`);
    return campaign;
  }

  private async assessment(assessmentId: string): Promise<AssessmentRow> {
    const assessment = isUUID(assessmentId) ? await this.assessments.find(assessmentId) : null;
    if (!assessment) throw new DomainError(DomainErrorCode.AssessmentNotFound, `No assessment with id ${assessmentId}`);
    return assessment;
  }
}

const finalised = () => new DomainError(DomainErrorCode.AssessmentFinalised, 'The assessment has been finalised; its outcomes are fixed');
