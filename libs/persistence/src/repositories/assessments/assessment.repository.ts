import type { DataSource, EntityManager } from 'typeorm';
import {
  DomainError,
  DomainErrorCode,
  type Actor,
  type AssessmentOutcomes,
  type AssessmentRules,
  type AssessmentStatus,
  type ReportingUnitKind,
  type Scorecard,
} from '@duban/domain';
import { CampaignRepository } from '../campaigns/campaign.repository';
import { isUniqueViolation } from '../common/pg-errors';

/** A district or member department of a campaign: who is assessed and who is written to. */
export interface CampaignUnit {
  unitId: string;
  unitKind: ReportingUnitKind;
  code: string;
  name: string;
  liaisonEmail: string;
  headEmail: string;
}

/** What the record says about a unit's work by the assessment's day (see unitRecords). */
export interface UnitRecord {
  unitId: string;
  dutiesDue: number;
  dutiesOnTime: number;
  reportsDue: number;
  reportsOnTime: number;
  returns: number;
}

export interface AssessmentRow {
  id: string;
  campaignId: string;
  status: AssessmentStatus;
  rules: AssessmentRules;
  asOf: string;
  computedAt: Date;
  createdBy: string;
  createdAt: Date;
  finalisedBy: string | null;
  finalisedByUsername: string | null;
  finalisedAt: Date | null;
  finaliseReason: string | null;
  workflowId: string;
}

export interface AssessmentScoreRow {
  unitId: string;
  unitKind: ReportingUnitKind;
  unitCode: string;
  unitName: string;
  scorecard: Scorecard;
  proposedOutcomes: AssessmentOutcomes;
  outcomes: AssessmentOutcomes;
  subsidyBaseYuan: number | null;
  subsidyAdjustmentYuan: number | null;
  reviewedBy: string | null;
  reviewedByUsername: string | null;
  reviewedAt: Date | null;
  reviewReason: string | null;
}

export interface ComputedScore {
  unitId: string;
  unitKind: ReportingUnitKind;
  scorecard: Scorecard;
  proposedOutcomes: AssessmentOutcomes;
  subsidyBaseYuan: number | null;
}

const ASSESSMENT_COLUMNS = `
  a.id, a.campaign_id AS "campaignId", a.status, a.rules, to_char(a.as_of, 'YYYY-MM-DD') AS "asOf", a.computed_at AS "computedAt",
  a.created_by AS "createdBy", a.created_at AS "createdAt", a.finalised_by AS "finalisedBy", fu.username AS "finalisedByUsername",
  a.finalised_at AS "finalisedAt", a.finalise_reason AS "finaliseReason", a.workflow_id AS "workflowId"`;

const toNumber = (v: string | number | null) => (v === null ? null : Number(v));

/**
 * The acceptance assessment's record: the campaign's rules, the facts each unit is scored on
 * (duties and reports on time, returns), the assessment and its scorecards. Writes that an
 * activity makes are idempotent (upserts; events keyed), and nothing changes once finalised.
 */
export class AssessmentRepository {
  private readonly campaigns: CampaignRepository;

  constructor(private readonly dataSource: DataSource) {
    this.campaigns = new CampaignRepository(dataSource);
  }

  /** The campaign's stored rules (null: the defaults), or undefined when there is no such campaign. */
  async rules(campaignId: string): Promise<AssessmentRules | null | undefined> {
    const rows: Array<{ rules: AssessmentRules | null }> = await this.dataSource.query(`SELECT assessment_rules AS rules FROM campaigns WHERE id = $1`, [campaignId]);
    return rows.length === 0 ? undefined : rows[0].rules;
  }

  /** Replaces the campaign's assessment rules, logged with before and after, who and why. */
  async setRules(campaignId: string, rules: AssessmentRules, actor: Actor, reason: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const rows: Array<{ before: unknown }> = await tx.query(`SELECT assessment_rules AS before FROM campaigns WHERE id = $1 FOR UPDATE`, [campaignId]);
      if (rows.length === 0) throw new DomainError(DomainErrorCode.CampaignNotFound, `No campaign with id ${campaignId}`);
      const now = new Date();
      await tx.query(`UPDATE campaigns SET assessment_rules = $2, version = version + 1, updated_at = $3 WHERE id = $1`, [campaignId, JSON.stringify(rules), now]);
      await this.campaigns.recordEvent(tx, {
        key: `campaign:${campaignId}:assessment_rules_changed:${now.getTime()}:${actor.userId}`,
        campaignId,
        action: 'assessment_rules_changed',
        actor,
        reason,
        occurredAt: now,
        details: { before: rows[0].before, after: rules },
      });
    });
  }

  /** The campaign's districts (in its order), then the member departments of its leading group. */
  campaignUnits(campaignId: string, manager: EntityManager = this.dataSource.manager): Promise<CampaignUnit[]> {
    return manager.query(
      `SELECT "unitId", "unitKind", code, name, "liaisonEmail", "headEmail" FROM (
         SELECT d.id AS "unitId", 'district' AS "unitKind", d.code, d.name, d.liaison_email AS "liaisonEmail", d.head_email AS "headEmail", 0 AS part, cd.seq AS ord
           FROM campaign_districts cd JOIN departments d ON d.id = cd.district_id
          WHERE cd.campaign_id = $1
         UNION ALL
         SELECT d.id, 'department', d.code, d.name, d.liaison_email, d.head_email, 1, m.ord
           FROM campaigns c
          CROSS JOIN LATERAL jsonb_array_elements(c.leading_group -> 'members') WITH ORDINALITY AS m(member, ord)
           JOIN departments d ON d.id::text = m.member ->> 'departmentId'
          WHERE c.id = $1
       ) units ORDER BY part, ord`,
      [campaignId],
    );
  }

  /**
   * Per unit, by the end of the assessment's day (`asOfEnd`):
   * - duties: the unit's campaign duties that are not report duties and not cancelled, counted
   *   when due by then or already submitted; on time when first submitted at or before the due time;
   * - reports: the unit's reports of rounds due by then; on time when first filed by the round's due time;
   * - returns: the office's returns of any of the unit's campaign duties (report duties included).
   */
  async unitRecords(campaignId: string, asOfEnd: Date): Promise<UnitRecord[]> {
    const rows: Array<{ unitId: string; dutiesDue: string; dutiesOnTime: string; reportsDue: string; reportsOnTime: string; returns: string }> = await this.dataSource.query(
      `WITH duty_facts AS (
         SELECT d.department_id AS unit_id,
                count(*) FILTER (WHERE d.due_at <= $2 OR fs.at IS NOT NULL) AS due,
                count(*) FILTER (WHERE fs.at IS NOT NULL AND fs.at <= d.due_at) AS on_time
           FROM duties d
           LEFT JOIN LATERAL (SELECT min(t.occurred_at) AS at FROM duty_transitions t WHERE t.duty_id = d.id AND t.action = 'submit') fs ON true
          WHERE d.campaign_id = $1 AND d.state <> 'cancelled'
            AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.duty_id = d.id)
          GROUP BY d.department_id),
       report_facts AS (
         SELECT r.unit_id,
                count(*) AS due,
                count(*) FILTER (WHERE r.first_filed_at IS NOT NULL AND r.first_filed_at <= rr.due_at) AS on_time
           FROM reports r
           JOIN report_rounds rr ON rr.id = r.round_id
           JOIN duties d ON d.id = r.duty_id
          WHERE r.campaign_id = $1 AND rr.due_at <= $2 AND d.state <> 'cancelled'
          GROUP BY r.unit_id),
       return_facts AS (
         SELECT d.department_id AS unit_id, count(*) AS returns
           FROM duty_transitions t JOIN duties d ON d.id = t.duty_id
          WHERE d.campaign_id = $1 AND t.action = 'return' AND t.occurred_at <= $2
          GROUP BY d.department_id),
       units AS (SELECT unit_id FROM duty_facts UNION SELECT unit_id FROM report_facts UNION SELECT unit_id FROM return_facts)
       SELECT u.unit_id AS "unitId", COALESCE(df.due, 0) AS "dutiesDue", COALESCE(df.on_time, 0) AS "dutiesOnTime",
              COALESCE(rf.due, 0) AS "reportsDue", COALESCE(rf.on_time, 0) AS "reportsOnTime", COALESCE(xf.returns, 0) AS returns
         FROM units u
         LEFT JOIN duty_facts df ON df.unit_id = u.unit_id
         LEFT JOIN report_facts rf ON rf.unit_id = u.unit_id
         LEFT JOIN return_facts xf ON xf.unit_id = u.unit_id`,
      [campaignId, asOfEnd],
    );
    return rows.map((r) => ({
      unitId: r.unitId,
      dutiesDue: Number(r.dutiesDue),
      dutiesOnTime: Number(r.dutiesOnTime),
      reportsDue: Number(r.reportsDue),
      reportsOnTime: Number(r.reportsOnTime),
      returns: Number(r.returns),
    }));
  }

  /**
   * Records a new draft assessment of the campaign, or returns the one it has (one per campaign):
   * `created` tells which.
   */
  async create(input: {
    id: string;
    campaignId: string;
    rules: AssessmentRules;
    asOf: string;
    actor: Actor;
    workflowId: string;
  }): Promise<{ assessment: AssessmentRow; created: boolean }> {
    const now = new Date();
    try {
      await this.dataSource.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO assessments (id, campaign_id, status, rules, as_of, computed_at, created_by, created_at, workflow_id)
           VALUES ($1, $2, 'draft', $3, $4, $5, $6, $5, $7)`,
          [input.id, input.campaignId, JSON.stringify(input.rules), input.asOf, now, input.actor.userId, input.workflowId],
        );
        await this.campaigns.recordEvent(tx, {
          key: `assessment:${input.id}:started`,
          campaignId: input.campaignId,
          action: 'assessment_started',
          actor: input.actor,
          occurredAt: now,
          details: { assessmentId: input.id, asOf: input.asOf },
        });
      });
    } catch (error) {
      if (!isUniqueViolation(error, 'assessments_one_per_campaign')) throw error;
      return { assessment: (await this.ofCampaign(input.campaignId))!, created: false };
    }
    return { assessment: (await this.find(input.id))!, created: true };
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<AssessmentRow | null> {
    const rows: AssessmentRow[] = await manager.query(
      `SELECT ${ASSESSMENT_COLUMNS} FROM assessments a LEFT JOIN users fu ON fu.id = a.finalised_by WHERE a.id = $1${lock ? ' FOR UPDATE OF a' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  async ofCampaign(campaignId: string): Promise<AssessmentRow | null> {
    const rows: AssessmentRow[] = await this.dataSource.query(
      `SELECT ${ASSESSMENT_COLUMNS} FROM assessments a LEFT JOIN users fu ON fu.id = a.finalised_by WHERE a.campaign_id = $1`,
      [campaignId],
    );
    return rows[0] ?? null;
  }

  async scores(assessmentId: string): Promise<AssessmentScoreRow[]> {
    const rows: Array<AssessmentScoreRow & { subsidyBaseYuan: string | null; subsidyAdjustmentYuan: string | null }> = await this.dataSource.query(
      `SELECT s.unit_id AS "unitId", s.unit_kind AS "unitKind", d.code AS "unitCode", d.name AS "unitName", s.scorecard,
              s.proposed_outcomes AS "proposedOutcomes", s.outcomes, s.subsidy_base_yuan AS "subsidyBaseYuan",
              s.subsidy_adjustment_yuan AS "subsidyAdjustmentYuan", s.reviewed_by AS "reviewedBy", u.username AS "reviewedByUsername",
              s.reviewed_at AS "reviewedAt", s.review_reason AS "reviewReason"
         FROM assessment_scores s JOIN departments d ON d.id = s.unit_id LEFT JOIN users u ON u.id = s.reviewed_by
        WHERE s.assessment_id = $1
        ORDER BY CASE s.unit_kind WHEN 'district' THEN 0 ELSE 1 END, (s.scorecard ->> 'score')::numeric DESC, d.code`,
      [assessmentId],
    );
    return rows.map((r) => ({ ...r, subsidyBaseYuan: toNumber(r.subsidyBaseYuan), subsidyAdjustmentYuan: toNumber(r.subsidyAdjustmentYuan) }));
  }

  /**
   * Stores the scorecards of a draft (the same computation again writes the same rows). The
   * office's reviewed outcomes stay; units not reviewed take the proposal. A finalised
   * assessment is left as it is (false).
   */
  async storeScores(input: { assessmentId: string; rules: AssessmentRules; asOf: string; computedAt: Date; scores: ComputedScore[]; recomputedBy?: Actor }): Promise<boolean> {
    return this.dataSource.transaction(async (tx) => {
      const assessment = await this.find(input.assessmentId, tx, true);
      if (!assessment) throw new DomainError(DomainErrorCode.AssessmentNotFound, `No assessment with id ${input.assessmentId}`);
      if (assessment.status === 'finalised') return false;
      await tx.query(`UPDATE assessments SET rules = $2, as_of = $3, computed_at = $4 WHERE id = $1`, [
        input.assessmentId,
        JSON.stringify(input.rules),
        input.asOf,
        input.computedAt,
      ]);
      await tx.query(`DELETE FROM assessment_scores WHERE assessment_id = $1 AND NOT (unit_id = ANY($2::uuid[]))`, [input.assessmentId, input.scores.map((s) => s.unitId)]);
      for (const s of input.scores) {
        await tx.query(
          `INSERT INTO assessment_scores (assessment_id, unit_id, unit_kind, scorecard, proposed_outcomes, outcomes, subsidy_base_yuan, subsidy_adjustment_yuan)
           VALUES ($1, $2, $3, $4, $5, $5, $6, $7)
           ON CONFLICT (assessment_id, unit_id) DO UPDATE SET
             unit_kind = EXCLUDED.unit_kind, scorecard = EXCLUDED.scorecard, proposed_outcomes = EXCLUDED.proposed_outcomes,
             subsidy_base_yuan = EXCLUDED.subsidy_base_yuan,
             outcomes = CASE WHEN assessment_scores.reviewed_at IS NULL THEN EXCLUDED.outcomes ELSE assessment_scores.outcomes END,
             subsidy_adjustment_yuan = CASE WHEN assessment_scores.reviewed_at IS NULL THEN EXCLUDED.subsidy_adjustment_yuan
                                            ELSE assessment_scores.subsidy_adjustment_yuan END`,
          [input.assessmentId, s.unitId, s.unitKind, JSON.stringify(s.scorecard), JSON.stringify(s.proposedOutcomes), s.subsidyBaseYuan, s.proposedOutcomes.subsidyAdjustmentYuan],
        );
      }
      if (input.recomputedBy) {
        await this.campaigns.recordEvent(tx, {
          key: `assessment:${input.assessmentId}:recomputed:${input.computedAt.getTime()}`,
          campaignId: assessment.campaignId,
          action: 'assessment_recomputed',
          actor: input.recomputedBy,
          occurredAt: input.computedAt,
          details: { assessmentId: input.assessmentId, asOf: input.asOf, rules: input.rules },
        });
      }
      return true;
    });
  }

  /** The office's outcome for one unit, with who, when and why (logged with before and after). */
  async review(input: { assessmentId: string; unitId: string; outcomes: AssessmentOutcomes; actor: Actor; reason: string; reviewedAt: Date }): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const assessment = await this.find(input.assessmentId, tx, true);
      if (!assessment) throw new DomainError(DomainErrorCode.AssessmentNotFound, `No assessment with id ${input.assessmentId}`);
      const key = `assessment:${input.assessmentId}:unit:${input.unitId}:reviewed:${input.reviewedAt.getTime()}`;
      const done: unknown[] = await tx.query(`SELECT 1 FROM campaign_events WHERE event_key = $1`, [key]);
      if (done.length > 0) return; // a retry of a review already recorded
      if (assessment.status === 'finalised') throw new DomainError(DomainErrorCode.AssessmentFinalised, 'The assessment has been finalised; its outcomes are fixed');
      const before: Array<{ outcomes: AssessmentOutcomes }> = await tx.query(`SELECT outcomes FROM assessment_scores WHERE assessment_id = $1 AND unit_id = $2 FOR UPDATE`, [
        input.assessmentId,
        input.unitId,
      ]);
      if (before.length === 0) throw new DomainError(DomainErrorCode.AssessmentUnitNotFound, `Unit ${input.unitId} is not assessed in this assessment`);
      await tx.query(
        `UPDATE assessment_scores SET outcomes = $3, subsidy_adjustment_yuan = $4, reviewed_by = $5, reviewed_at = $6, review_reason = $7
          WHERE assessment_id = $1 AND unit_id = $2`,
        [input.assessmentId, input.unitId, JSON.stringify(input.outcomes), input.outcomes.subsidyAdjustmentYuan, input.actor.userId, input.reviewedAt, input.reason],
      );
      await this.campaigns.recordEvent(tx, {
        key,
        campaignId: assessment.campaignId,
        action: 'assessment_unit_reviewed',
        actor: input.actor,
        reason: input.reason,
        occurredAt: input.reviewedAt,
        details: { assessmentId: input.assessmentId, unitId: input.unitId, before: before[0].outcomes, after: input.outcomes },
      });
    });
  }

  /** Fixes the outcomes (once: a second call changes nothing). */
  async finalise(input: { assessmentId: string; actor: Actor; reason: string | null; finalisedAt: Date }): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const assessment = await this.find(input.assessmentId, tx, true);
      if (!assessment) throw new DomainError(DomainErrorCode.AssessmentNotFound, `No assessment with id ${input.assessmentId}`);
      if (assessment.status === 'finalised') return;
      await tx.query(`UPDATE assessments SET status = 'finalised', finalised_by = $2, finalised_at = $3, finalise_reason = $4 WHERE id = $1`, [
        input.assessmentId,
        input.actor.userId,
        input.finalisedAt,
        input.reason,
      ]);
      await this.campaigns.recordEvent(tx, {
        key: `assessment:${input.assessmentId}:finalised`,
        campaignId: assessment.campaignId,
        action: 'assessment_finalised',
        actor: input.actor,
        reason: input.reason,
        occurredAt: input.finalisedAt,
        details: { assessmentId: input.assessmentId },
      });
    });
  }
}
