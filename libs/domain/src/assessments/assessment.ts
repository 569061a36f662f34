import type { Actor } from '../roles';
import { may } from '../access';
import { addFieldMessage, type FieldMessages } from '../campaigns/field-messages';
import type { ReportingUnitKind } from '../reports/report-figures';

/**
 * The acceptance assessment (docs/domain.md, "Assessment and circulars"): each district and
 * department is scored on targets reached, duties done on time and reports on time, less a
 * penalty for returned work; the score proposes the outcomes — commendation, circulated criticism (通报批评), loss of
 * eligibility for "advanced unit" awards (取消评先评优资格) — and the fund-gap subsidy is raised or
 * cut in proportion to over- or under-achievement. The office reviews each proposal and then
 * finalises. The rules are a campaign setting (null: DEFAULT_ASSESSMENT_RULES).
 */
export interface AssessmentRules {
  /** Points of 100 for each component; they add up to 100. */
  weights: { targets: number; dutiesOnTime: number; reportsOnTime: number };
  /** Points taken off per returned duty (report duties included)… */
  returnPenaltyPoints: number;
  /** …up to this many in all. */
  maxReturnPenalty: number;
  /** Commended at or above this score, when every target share is reached (attainment ≥ 1). */
  commendationMinScore: number;
  /** Criticised (通报批评) below this score. */
  criticismBelowScore: number;
  /** Not eligible for "advanced unit" awards below this score; criticised units are not either. */
  awardIneligibleBelowScore: number;
  subsidy: SubsidyRule;
}

/**
 * 'proportional': the subsidy moves by `ratePercent` % of its base per 1 % over or under the
 * target (100: one for one), at most `capPercent` % of the base either way. Units without a base
 * get no subsidy and no adjustment.
 */
export interface SubsidyRule {
  rule: 'proportional';
  ratePercent: number;
  capPercent: number;
  baseYuan: Array<{ unitId: string; yuan: number }>;
}

export const DEFAULT_ASSESSMENT_RULES: AssessmentRules = {
  weights: { targets: 60, dutiesOnTime: 20, reportsOnTime: 20 },
  returnPenaltyPoints: 1,
  maxReturnPenalty: 10,
  commendationMinScore: 90,
  criticismBelowScore: 60,
  awardIneligibleBelowScore: 70,
  subsidy: { rule: 'proportional', ratePercent: 100, capPercent: 20, baseYuan: [] },
};

export const SUBSIDY_RULES = ['proportional'] as const;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
/** Yuan to the fen: at most two decimals. */
export const isYuan = (v: unknown): v is number => isNumber(v) && Math.abs(Math.round(v * 100) - v * 100) < 1e-6;

/**
 * Every problem of a rules document, by field (`weights.targets`, `subsidy.baseYuan.0.unitId`).
 * `unitIds`: the campaign's districts and departments; a subsidy base must name one of them.
 */
export function assessmentRulesProblems(input: unknown, unitIds?: ReadonlySet<string>): FieldMessages {
  const fields: FieldMessages = {};
  if (!isRecord(input)) {
    addFieldMessage(fields, '', 'the rules must be an object');
    return fields;
  }
  const known = new Set(['weights', 'returnPenaltyPoints', 'maxReturnPenalty', 'commendationMinScore', 'criticismBelowScore', 'awardIneligibleBelowScore', 'subsidy']);
  for (const key of Object.keys(input)) if (!known.has(key)) addFieldMessage(fields, key, 'is not a setting of the assessment');

  const points = (path: string, value: unknown, max = 100) => {
    if (!isNumber(value)) addFieldMessage(fields, path, 'must be a number');
    else if (value < 0 || value > max) addFieldMessage(fields, path, `must be between 0 and ${max}`);
  };

  const weights = input.weights;
  if (!isRecord(weights)) addFieldMessage(fields, 'weights', 'must give targets, dutiesOnTime and reportsOnTime');
  else {
    for (const key of Object.keys(weights))
      if (!['targets', 'dutiesOnTime', 'reportsOnTime'].includes(key)) addFieldMessage(fields, `weights.${key}`, 'is not a component of the score');
    for (const key of ['targets', 'dutiesOnTime', 'reportsOnTime']) points(`weights.${key}`, weights[key]);
    const values = [weights.targets, weights.dutiesOnTime, weights.reportsOnTime];
    if (values.every(isNumber)) {
      const sum = Math.round((values as number[]).reduce((a, b) => a + b, 0) * 1000) / 1000;
      if (sum !== 100) addFieldMessage(fields, 'weights', `the weights add up to ${sum}, not to 100`);
    }
  }
  points('returnPenaltyPoints', input.returnPenaltyPoints);
  points('maxReturnPenalty', input.maxReturnPenalty);
  points('commendationMinScore', input.commendationMinScore);
  points('criticismBelowScore', input.criticismBelowScore);
  points('awardIneligibleBelowScore', input.awardIneligibleBelowScore);
  if (isNumber(input.criticismBelowScore) && isNumber(input.commendationMinScore) && input.criticismBelowScore > input.commendationMinScore) {
    addFieldMessage(fields, 'criticismBelowScore', 'must not be above commendationMinScore (a unit cannot be both commended and criticised)');
  }
  if (isNumber(input.awardIneligibleBelowScore) && isNumber(input.commendationMinScore) && input.awardIneligibleBelowScore > input.commendationMinScore) {
    addFieldMessage(fields, 'awardIneligibleBelowScore', 'must not be above commendationMinScore (a commended unit is eligible for awards)');
  }

  const subsidy = input.subsidy;
  if (!isRecord(subsidy)) addFieldMessage(fields, 'subsidy', 'must give rule, ratePercent, capPercent and baseYuan');
  else {
    for (const key of Object.keys(subsidy))
      if (!['rule', 'ratePercent', 'capPercent', 'baseYuan'].includes(key)) addFieldMessage(fields, `subsidy.${key}`, 'is not a setting of the subsidy');
    if (!SUBSIDY_RULES.includes(subsidy.rule as never)) addFieldMessage(fields, 'subsidy.rule', `must be one of ${SUBSIDY_RULES.join(', ')}`);
    points('subsidy.ratePercent', subsidy.ratePercent, 1000);
    points('subsidy.capPercent', subsidy.capPercent);
    if (!Array.isArray(subsidy.baseYuan)) addFieldMessage(fields, 'subsidy.baseYuan', 'must be a list of { unitId, yuan }');
    else {
      const seen = new Set<string>();
      subsidy.baseYuan.forEach((entry: unknown, i) => {
        const path = `subsidy.baseYuan.${i}`;
        if (!isRecord(entry)) return addFieldMessage(fields, path, 'must be { unitId, yuan }');
        if (typeof entry.unitId !== 'string' || entry.unitId === '') addFieldMessage(fields, `${path}.unitId`, 'must name a district or department');
        else if (seen.has(entry.unitId)) addFieldMessage(fields, `${path}.unitId`, 'is listed twice');
        else if (unitIds && !unitIds.has(entry.unitId)) addFieldMessage(fields, `${path}.unitId`, 'is not a district or member department of the campaign');
        if (typeof entry.unitId === 'string') seen.add(entry.unitId);
        if (!isYuan(entry.yuan) || entry.yuan < 0) addFieldMessage(fields, `${path}.yuan`, 'must be an amount of yuan of at least 0, to the fen');
        for (const key of Object.keys(entry)) if (key !== 'unitId' && key !== 'yuan') addFieldMessage(fields, `${path}.${key}`, 'is not a field of a subsidy base');
      });
    }
  }
  return fields;
}

/** What the record says about one unit by the assessment's day. */
export interface UnitAssessmentInput {
  /** Mean share of its targets reached (campaignProgress); null when the unit has no target shares. */
  attainment: number | null;
  dutiesDue: number;
  dutiesOnTime: number;
  reportsDue: number;
  reportsOnTime: number;
  /** Times the office returned the unit's campaign duties (report duties included). */
  returns: number;
}

export interface Scorecard extends UnitAssessmentInput {
  /** min(attainment, 1) × 100; null without target shares (the other weights are scaled up to 100). */
  targetsScore: number | null;
  /** Percent of due duties submitted on time; 100 when none was due. */
  dutiesOnTimeRate: number;
  reportsOnTimeRate: number;
  returnPenalty: number;
  /** Weighted components less the penalty, 0–100, one decimal. */
  score: number;
}

export interface AssessmentOutcomes {
  commendation: boolean;
  criticism: boolean;
  awardIneligible: boolean;
  /** Yuan to the fen, + raised / − cut; null when the unit has no subsidy base (or no targets). */
  subsidyAdjustmentYuan: number | null;
}

const round = (n: number, decimals: number) => {
  const f = 10 ** decimals;
  // Half away from zero, and immune to 0.1 + 0.2 style representation errors.
  return (Math.sign(n) * Math.round(Math.abs(n) * f + 1e-7)) / f;
};
const rate = (done: number, due: number) => (due <= 0 ? 100 : (Math.min(done, due) / due) * 100);

/** The scorecard of one unit under the rules (see docs/assessments.md "Worked example"). */
export function scoreUnit(input: UnitAssessmentInput, rules: AssessmentRules): Scorecard {
  const targetsScore = input.attainment === null ? null : Math.min(input.attainment, 1) * 100;
  const dutiesOnTimeRate = rate(input.dutiesOnTime, input.dutiesDue);
  const reportsOnTimeRate = rate(input.reportsOnTime, input.reportsDue);
  const w = rules.weights;
  const components: Array<[weight: number, value: number]> = [
    ...(targetsScore === null ? [] : [[w.targets, targetsScore] as [number, number]]),
    [w.dutiesOnTime, dutiesOnTimeRate],
    [w.reportsOnTime, reportsOnTimeRate],
  ];
  const weightSum = components.reduce((sum, [weight]) => sum + weight, 0);
  const weighted = weightSum <= 0 ? 0 : components.reduce((sum, [weight, value]) => sum + weight * value, 0) / weightSum;
  const returnPenalty = Math.min(input.returns * rules.returnPenaltyPoints, rules.maxReturnPenalty);
  const score = round(Math.min(100, Math.max(0, weighted - returnPenalty)), 1);
  return {
    ...input,
    targetsScore: targetsScore === null ? null : round(targetsScore, 2),
    dutiesOnTimeRate: round(dutiesOnTimeRate, 2),
    reportsOnTimeRate: round(reportsOnTimeRate, 2),
    returnPenalty: round(returnPenalty, 2),
    score,
  };
}

/** The unit's subsidy base under the rules, or null. */
export function subsidyBaseOf(rules: AssessmentRules, unitId: string): number | null {
  return rules.subsidy.baseYuan.find((b) => b.unitId === unitId)?.yuan ?? null;
}

/**
 * The adjustment of a subsidy base for an attainment: base × (attainment − 1) × rate / 100,
 * rounded to the fen (half away from zero) and held within ± cap % of the base. Computed in fen.
 */
export function subsidyAdjustment(baseYuan: number, attainment: number, subsidy: Pick<SubsidyRule, 'ratePercent' | 'capPercent'>): number {
  const baseFen = Math.round(baseYuan * 100);
  const rawFen = round(baseFen * (attainment - 1) * (subsidy.ratePercent / 100), 0);
  const capFen = round((baseFen * subsidy.capPercent) / 100, 0);
  const fen = Math.max(-capFen, Math.min(capFen, rawFen));
  return fen / 100 + 0; // + 0 turns -0 into 0
}

/** What the score proposes; the office reviews it before finalising. */
export function proposedOutcomes(scorecard: Pick<Scorecard, 'score'>, attainment: number | null, rules: AssessmentRules, subsidyBaseYuan: number | null): AssessmentOutcomes {
  const criticism = scorecard.score < rules.criticismBelowScore;
  const commendation = !criticism && scorecard.score >= rules.commendationMinScore && attainment !== null && attainment >= 1;
  return {
    commendation,
    criticism,
    awardIneligible: criticism || scorecard.score < rules.awardIneligibleBelowScore,
    subsidyAdjustmentYuan: subsidyBaseYuan === null || attainment === null ? null : subsidyAdjustment(subsidyBaseYuan, attainment, rules.subsidy),
  };
}

/** Problems of the outcomes the office sets for a unit (`reason` is required: every change says why). */
export function assessmentReviewProblems(outcomes: AssessmentOutcomes, subsidyBaseYuan: number | null, reason: string | undefined): FieldMessages {
  const fields: FieldMessages = {};
  if (!reason || reason.trim() === '') addFieldMessage(fields, 'reason', 'say why the outcome is set so');
  if (outcomes.commendation && outcomes.criticism) addFieldMessage(fields, 'commendation', 'a unit cannot be commended and criticised at once');
  if (outcomes.criticism && !outcomes.awardIneligible) addFieldMessage(fields, 'awardIneligible', 'a criticised unit is not eligible for awards');
  const adjustment = outcomes.subsidyAdjustmentYuan;
  if (adjustment !== null) {
    if (!isYuan(adjustment)) addFieldMessage(fields, 'subsidyAdjustmentYuan', 'must be an amount of yuan to the fen');
    else if (subsidyBaseYuan === null) addFieldMessage(fields, 'subsidyAdjustmentYuan', 'the unit has no subsidy base to adjust (set one in the assessment rules)');
    else if (adjustment < -subsidyBaseYuan) addFieldMessage(fields, 'subsidyAdjustmentYuan', `a cut cannot exceed the base of ${subsidyBaseYuan} yuan`);
  }
  return fields;
}

export const ASSESSMENT_STATUSES = ['draft', 'finalised'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** Only the office runs, reviews and finalises an assessment. */
export function assessmentActionRefusal(actor: Actor, status: AssessmentStatus): { code: 'forbidden' | 'finalised'; message: string } | null {
  // Recomputing, reviewing and finalising are the office's alone (assessment.run, .review, .finalise alike).
  if (!may(actor, 'assessment.review')) return { code: 'forbidden', message: 'Only the office reviews and finalises the assessment' };
  if (status === 'finalised') return { code: 'finalised', message: 'The assessment has been finalised; its outcomes are fixed' };
  return null;
}

/**
 * Who reads an assessment: the office and viewers (assessors) every unit; a department officer
 * their own unit's row; inspectors nothing.
 */
export function assessmentRowsVisibleTo<T extends { unitId: string }>(actor: Actor, rows: readonly T[]): T[] | null {
  if (!may(actor, 'assessment.read')) return null;
  return rows.filter((r) => may(actor, 'assessment.read', { departmentId: r.unitId }));
}

export const OUTCOME_LABELS = {
  commendation: '通报表扬',
  criticism: '通报批评',
  awardIneligible: '取消评先评优资格',
} as const;

export const UNIT_KIND_LABELS: Record<ReportingUnitKind, string> = { district: '县市区', department: '成员单位' };
