import { assessmentReviewProblems, assessmentRulesProblems, DEFAULT_ASSESSMENT_RULES, proposedOutcomes, scoreUnit, subsidyAdjustment, type AssessmentRules } from './assessment';

const rules: AssessmentRules = {
  ...DEFAULT_ASSESSMENT_RULES,
  weights: { targets: 50, dutiesOnTime: 30, reportsOnTime: 20 },
  subsidy: { rule: 'proportional', ratePercent: 100, capPercent: 20, baseYuan: [{ unitId: 'd1', yuan: 1_000_000 }] },
};

describe('assessment scorecard', () => {
  it('weighs targets, duties and reports on time, less the return penalty (worked by hand)', () => {
    // attainment 0.9 → targets 90; duties 3 of 4 on time → 75 %; reports 1 of 2 → 50 %; 2 returns → 2 points.
    // 0.5 × 90 + 0.3 × 75 + 0.2 × 50 = 45 + 22.5 + 10 = 77.5; less 2 = 75.5.
    const card = scoreUnit({ attainment: 0.9, dutiesDue: 4, dutiesOnTime: 3, reportsDue: 2, reportsOnTime: 1, returns: 2 }, rules);
    expect(card).toMatchObject({ targetsScore: 90, dutiesOnTimeRate: 75, reportsOnTimeRate: 50, returnPenalty: 2, score: 75.5 });
  });

  it('caps the targets at 100 and counts nothing due as all on time', () => {
    // attainment 1.25 → 100; no duties, no reports due → 100 and 100: 100.
    expect(scoreUnit({ attainment: 1.25, dutiesDue: 0, dutiesOnTime: 0, reportsDue: 0, reportsOnTime: 0, returns: 0 }, rules).score).toBe(100);
  });

  it('caps the penalty and never goes below 0', () => {
    const card = scoreUnit({ attainment: 0, dutiesDue: 3, dutiesOnTime: 0, reportsDue: 1, reportsOnTime: 0, returns: 40 }, rules);
    expect(card.returnPenalty).toBe(10);
    expect(card.score).toBe(0);
  });

  it('rounds the score to one decimal', () => {
    // 0.5 × 100 + 0.3 × (2/3 × 100) + 0.2 × 100 = 50 + 20 + 20 = 90 exactly; with 1 of 3 reports:
    // 50 + 0.3 × 66.666… + 0.2 × 33.333… = 50 + 20 + 6.666… = 76.666… → 76.7.
    expect(scoreUnit({ attainment: 1, dutiesDue: 3, dutiesOnTime: 2, reportsDue: 3, reportsOnTime: 1, returns: 0 }, rules).score).toBe(76.7);
  });

  it('scores a unit without target shares on duties and reports alone, their weights scaled to 100', () => {
    // (30 × 50 + 20 × 100) / 50 = (1500 + 2000) / 50 = 70.
    const card = scoreUnit({ attainment: null, dutiesDue: 2, dutiesOnTime: 1, reportsDue: 1, reportsOnTime: 1, returns: 0 }, rules);
    expect(card).toMatchObject({ targetsScore: null, score: 70 });
  });
});

describe('proposed outcomes', () => {
  it('commends at or above the score only when every target is reached', () => {
    expect(proposedOutcomes({ score: 95 }, 1.02, rules, null)).toEqual({ commendation: true, criticism: false, awardIneligible: false, subsidyAdjustmentYuan: null });
    expect(proposedOutcomes({ score: 95 }, 0.99, rules, null).commendation).toBe(false);
  });

  it('criticises below 60 (and so makes the unit ineligible), makes it ineligible below 70', () => {
    expect(proposedOutcomes({ score: 59.9 }, 0.5, rules, null)).toMatchObject({ criticism: true, awardIneligible: true, commendation: false });
    expect(proposedOutcomes({ score: 65 }, 0.5, rules, null)).toMatchObject({ criticism: false, awardIneligible: true });
    expect(proposedOutcomes({ score: 70 }, 0.5, rules, null)).toMatchObject({ criticism: false, awardIneligible: false });
  });

  it('adjusts the subsidy in proportion, to the fen, within the cap (worked by hand)', () => {
    // 1,000,000 × (0.9 − 1) × 100 % = −100,000.00 yuan (10 % under target → 10 % cut).
    expect(subsidyAdjustment(1_000_000, 0.9, rules.subsidy)).toBe(-100_000);
    // 1,000,000 × (1.1234 − 1) × 50 % = 61,700.00.
    expect(subsidyAdjustment(1_000_000, 1.1234, { ratePercent: 50, capPercent: 20 })).toBe(61_700);
    // 1,000,000 × 0.5 = 500,000, capped at 20 % = 200,000.
    expect(subsidyAdjustment(1_000_000, 1.5, rules.subsidy)).toBe(200_000);
    expect(subsidyAdjustment(1_000_000, 0.2, rules.subsidy)).toBe(-200_000);
    // 333.33 × (0.9999 − 1) = −0.033333 yuan = −3.3333 fen → −3 fen.
    expect(subsidyAdjustment(333.33, 0.9999, rules.subsidy)).toBe(-0.03);
    expect(Object.is(subsidyAdjustment(1000, 1, rules.subsidy), 0)).toBe(true);
    expect(proposedOutcomes({ score: 80 }, 0.9, rules, 1_000_000).subsidyAdjustmentYuan).toBe(-100_000);
    expect(proposedOutcomes({ score: 80 }, null, rules, 1_000_000).subsidyAdjustmentYuan).toBeNull();
  });
});

describe('assessment rules', () => {
  it('accepts the defaults', () => {
    expect(assessmentRulesProblems(DEFAULT_ASSESSMENT_RULES)).toEqual({});
  });

  it('names every problem by field', () => {
    const fields = assessmentRulesProblems(
      {
        ...DEFAULT_ASSESSMENT_RULES,
        weights: { targets: 50, dutiesOnTime: 30, reportsOnTime: 30 },
        criticismBelowScore: 95,
        extra: 1,
        subsidy: {
          rule: 'flat',
          ratePercent: -1,
          capPercent: 20,
          baseYuan: [
            { unitId: 'x', yuan: 1.234 },
            { unitId: 'd1', yuan: 5 },
          ],
        },
      },
      new Set(['d1']),
    );
    expect(fields).toEqual({
      extra: ['is not a setting of the assessment'],
      weights: ['the weights add up to 110, not to 100'],
      criticismBelowScore: ['must not be above commendationMinScore (a unit cannot be both commended and criticised)'],
      'subsidy.rule': ['must be one of proportional'],
      'subsidy.ratePercent': ['must be between 0 and 1000'],
      'subsidy.baseYuan.0.unitId': ['is not a district or member department of the campaign'],
      'subsidy.baseYuan.0.yuan': ['must be an amount of yuan of at least 0, to the fen'],
    });
  });

  it('checks the outcomes the office sets', () => {
    const ok = { commendation: false, criticism: true, awardIneligible: true, subsidyAdjustmentYuan: -500.5 };
    expect(assessmentReviewProblems(ok, 1000, '复核')).toEqual({});
    expect(assessmentReviewProblems({ ...ok, commendation: true, awardIneligible: false, subsidyAdjustmentYuan: -2000 }, 1000, ' ')).toEqual({
      reason: ['say why the outcome is set so'],
      commendation: ['a unit cannot be commended and criticised at once'],
      awardIneligible: ['a criticised unit is not eligible for awards'],
      subsidyAdjustmentYuan: ['a cut cannot exceed the base of 1000 yuan'],
    });
    expect(assessmentReviewProblems({ ...ok, subsidyAdjustmentYuan: 5 }, null, '复核').subsidyAdjustmentYuan).toEqual([
      'the unit has no subsidy base to adjust (set one in the assessment rules)',
    ]);
  });
});
