import { DomainError, DomainErrorCode } from '../errors';
import { assertValidCampaignTargets, campaignTargetProblems, type CampaignTarget } from './campaign-targets';

// Hengyang-like jurisdiction: three districts, and the leading group's member departments.
const units = {
  districtIds: new Set(['yanfeng', 'zhuhui', 'shigu']),
  departmentIds: new Set(['hrss', 'tax', 'fin']),
};
const problems = (...targets: CampaignTarget[]) => campaignTargetProblems(targets, units);

/** The Hengyang program's +76,000 persons in pension insurance, split over the three districts. */
const newlyInsured = (over: Partial<CampaignTarget> = {}): CampaignTarget => ({
  insuranceType: 'pension',
  kind: 'persons',
  measure: 'newly_insured',
  value: 76_000,
  districtShares: [
    { unitId: 'yanfeng', value: 30_000 },
    { unitId: 'zhuhui', value: 26_000 },
    { unitId: 'shigu', value: 20_000 },
  ],
  ...over,
});

/** The city plan's pooled-fund collection: 430 M yuan, stretch 450 M. */
const funds = (over: Partial<CampaignTarget> = {}): CampaignTarget => ({
  insuranceType: 'pension',
  kind: 'funds',
  value: 430_000_000,
  stretch: 450_000_000,
  ...over,
});

/** Liaoning's contribution rate above 90 %, given per district as a rate of its own. */
const rate = (over: Partial<CampaignTarget> = {}): CampaignTarget => ({
  insuranceType: 'pension',
  kind: 'contribution_rate',
  value: 90,
  ...over,
});

function refusal(fn: () => void): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('campaign targets', () => {
  describe('shares that add up', () => {
    it('accepts head counts split exactly over districts and departments', () => {
      const target = newlyInsured({
        departmentShares: [
          { unitId: 'hrss', value: 50_000 },
          { unitId: 'tax', value: 26_000 },
        ],
      });
      expect(problems(target)).toEqual({});
    });

    it('accepts a target with no split at all', () => {
      expect(problems(newlyInsured({ districtShares: undefined }), funds(), rate())).toEqual({});
      expect(problems(newlyInsured({ districtShares: [] }))).toEqual({});
    });

    it('compares money in fen, so shares whose float sum drifts still add up', () => {
      // 0.1 + 0.2 is 0.30000000000000004 in floating point.
      expect(0.1 + 0.2).not.toBe(0.3);
      const target = funds({
        value: 0.3,
        stretch: undefined,
        districtShares: [
          { unitId: 'yanfeng', value: 0.1 },
          { unitId: 'zhuhui', value: 0.2 },
        ],
      });
      expect(problems(target)).toEqual({});
      const cents = funds({
        value: 430_000_000.3,
        stretch: undefined,
        districtShares: [
          { unitId: 'yanfeng', value: 143_333_333.43 },
          { unitId: 'zhuhui', value: 143_333_333.43 },
          { unitId: 'shigu', value: 143_333_333.44 },
        ],
      });
      expect(problems(cents)).toEqual({});
    });

    it('accepts stretch shares that add up to the stretch figure', () => {
      const target = funds({
        districtShares: [
          { unitId: 'yanfeng', value: 200_000_000, stretch: 210_000_000.1 },
          { unitId: 'zhuhui', value: 130_000_000, stretch: 135_000_000.2 },
          { unitId: 'shigu', value: 100_000_000, stretch: 104_999_999.7 },
        ],
      });
      expect(problems(target)).toEqual({});
    });

    it('leaves the stretch unchecked when no share names one', () => {
      const target = funds({
        districtShares: [
          { unitId: 'yanfeng', value: 230_000_000 },
          { unitId: 'shigu', value: 200_000_000 },
        ],
      });
      expect(problems(target)).toEqual({});
    });
  });

  describe('shares that do not add up', () => {
    it('names the field path and both numbers for head counts', () => {
      const target = newlyInsured({
        districtShares: [
          { unitId: 'yanfeng', value: 30_000 },
          { unitId: 'zhuhui', value: 26_000 },
          { unitId: 'shigu', value: 19_999 },
        ],
      });
      const fields = problems(target);
      expect(Object.keys(fields)).toEqual(['targets.0.districtShares']);
      expect(fields['targets.0.districtShares']).toHaveLength(1);
      expect(fields['targets.0.districtShares'][0]).toContain('75999');
      expect(fields['targets.0.districtShares'][0]).toContain('76000');
    });

    it('names the target by its position and the department split by its own path', () => {
      const target = newlyInsured({ departmentShares: [{ unitId: 'hrss', value: 70_000 }] });
      const fields = problems(rate(), target);
      expect(Object.keys(fields)).toEqual(['targets.1.departmentShares']);
      expect(fields['targets.1.departmentShares'][0]).toMatch(/70000.*76000/);
    });

    it('shows money in yuan with two decimals, off by a single fen', () => {
      const target = funds({
        stretch: undefined,
        districtShares: [
          { unitId: 'yanfeng', value: 230_000_000 },
          { unitId: 'shigu', value: 199_999_999.99 },
        ],
      });
      expect(problems(target)).toEqual({
        'targets.0.districtShares': ['the shares add up to 429999999.99, not to the whole 430000000.00'],
      });
    });

    it('reports shares above the whole as well as below it', () => {
      const target = newlyInsured({
        districtShares: [
          { unitId: 'yanfeng', value: 40_000 },
          { unitId: 'zhuhui', value: 40_000 },
        ],
      });
      expect(problems(target)['targets.0.districtShares'][0]).toMatch(/80000.*76000/);
    });

    it('reports stretch shares that miss the stretch figure, with both figures', () => {
      const target = funds({
        districtShares: [
          { unitId: 'yanfeng', value: 230_000_000, stretch: 240_000_000 },
          { unitId: 'shigu', value: 200_000_000, stretch: 200_000_000 },
        ],
      });
      const messages = problems(target)['targets.0.districtShares'];
      expect(messages).toHaveLength(1);
      expect(messages[0]).toContain('stretch');
      expect(messages[0]).toContain('440000000.00');
      expect(messages[0]).toContain('450000000.00');
    });

    it('counts a share without a stretch as nothing once any share names one', () => {
      const target = funds({
        districtShares: [
          { unitId: 'yanfeng', value: 230_000_000, stretch: 250_000_000 },
          { unitId: 'shigu', value: 200_000_000 },
        ],
      });
      expect(problems(target)['targets.0.districtShares']).toEqual(['the stretch shares add up to 250000000.00, not to 450000000.00']);
    });
  });

  describe('rate targets', () => {
    it('does not sum the shares: each district has a rate of its own', () => {
      const target = rate({
        districtShares: [
          { unitId: 'yanfeng', value: 92 },
          { unitId: 'zhuhui', value: 90 },
          { unitId: 'shigu', value: 95.5 },
        ],
      });
      expect(problems(target)).toEqual({});
    });

    it('keeps the rate and every share within 0–100', () => {
      const fields = problems(
        rate({
          value: 100.5,
          districtShares: [
            { unitId: 'yanfeng', value: 100 },
            { unitId: 'zhuhui', value: 101 },
            { unitId: 'shigu', value: -1 },
          ],
        }),
      );
      expect(Object.keys(fields).sort()).toEqual(['targets.0.districtShares.1.value', 'targets.0.districtShares.2.value', 'targets.0.value']);
      expect(fields['targets.0.value']).toEqual(['a rate is a percentage, at most 100']);
      expect(fields['targets.0.districtShares.2.value']).toEqual(['must be a number ≥ 0']);
      expect(problems(rate({ value: 100 }))).toEqual({});
      expect(problems(rate({ value: 0 }))).toEqual({});
    });
  });

  describe('units named in the shares', () => {
    it('refuses a district that is not in the jurisdiction and a department that is not a member', () => {
      const fields = problems(
        newlyInsured({
          districtShares: [
            { unitId: 'yanfeng', value: 56_000 },
            { unitId: 'hrss', value: 20_000 },
          ],
          departmentShares: [
            { unitId: 'hrss', value: 50_000 },
            { unitId: 'psb', value: 26_000 },
          ],
        }),
      );
      expect(fields).toEqual({
        'targets.0.districtShares.1.unitId': ['not a district of the jurisdiction'],
        'targets.0.departmentShares.1.unitId': ['not a member department'],
      });
    });

    it('refuses a unit named twice in one split', () => {
      const fields = problems(
        newlyInsured({
          districtShares: [
            { unitId: 'yanfeng', value: 38_000 },
            { unitId: 'yanfeng', value: 38_000 },
          ],
        }),
      );
      expect(fields).toEqual({ 'targets.0.districtShares.1.unitId': ['named twice'] });
    });

    it('refuses a stretch share when the target has no stretch figure', () => {
      const fields = problems(
        funds({
          stretch: undefined,
          districtShares: [
            { unitId: 'yanfeng', value: 230_000_000, stretch: 240_000_000 },
            { unitId: 'shigu', value: 200_000_000 },
          ],
        }),
      );
      expect(fields).toEqual({ 'targets.0.districtShares.0.stretch': ['the target has no stretch figure to share'] });
    });
  });

  describe('the targets themselves', () => {
    it('allows one target per insurance type, kind and measure', () => {
      const fields = problems(newlyInsured(), rate(), newlyInsured({ districtShares: undefined }));
      expect(fields).toEqual({ 'targets.2': ['a second persons target for pension'] });
    });

    it('allows the same kind for another insurance type or another measure', () => {
      expect(
        problems(
          newlyInsured(),
          newlyInsured({ measure: 'total_insured', value: 7_500_000, districtShares: undefined }),
          newlyInsured({ insuranceType: 'unemployment', districtShares: undefined }),
          rate(),
          rate({ insuranceType: 'unemployment' }),
          funds(),
          funds({ insuranceType: 'medical' }),
        ),
      ).toEqual({});
    });

    it('needs a measure on a persons target, and only there', () => {
      expect(problems(newlyInsured({ measure: undefined }))).toEqual({
        'targets.0.measure': ['a persons target says newly_insured or total_insured'],
      });
      expect(problems(rate({ measure: 'newly_insured' }))).toEqual({ 'targets.0.measure': ['only a persons target has a measure'] });
    });

    it('refuses negative and fractional head counts, in the target and in its shares', () => {
      expect(problems(newlyInsured({ value: -5, districtShares: undefined }))).toEqual({ 'targets.0.value': ['must be a number ≥ 0'] });
      expect(problems(newlyInsured({ value: 76_000.5, districtShares: undefined }))).toEqual({
        'targets.0.value': ['a head count is a whole number'],
      });
      const fields = problems(
        newlyInsured({
          districtShares: [
            { unitId: 'yanfeng', value: 30_000.5 },
            { unitId: 'zhuhui', value: 26_000.5 },
            { unitId: 'shigu', value: 19_999 },
          ],
        }),
      );
      expect(fields['targets.0.districtShares.0.value']).toEqual(['a head count is a whole number']);
      expect(fields['targets.0.districtShares.1.value']).toEqual(['a head count is a whole number']);
      expect(fields['targets.0.districtShares.2.value']).toBeUndefined();
    });

    it('refuses values that are not finite numbers', () => {
      expect(problems(newlyInsured({ value: NaN, districtShares: undefined }))).toEqual({ 'targets.0.value': ['must be a number ≥ 0'] });
      expect(problems(funds({ value: Infinity, stretch: undefined }))).toEqual({ 'targets.0.value': ['must be a number ≥ 0'] });
    });

    it('counts money in yuan with at most two decimals', () => {
      expect(problems(funds({ value: 430_000_000.07 }))).toEqual({});
      expect(problems(funds({ value: 1.005, stretch: undefined }))).toEqual({ 'targets.0.value': ['yuan with at most two decimals'] });
      expect(problems(funds({ value: 0.001, stretch: undefined }))).toEqual({ 'targets.0.value': ['yuan with at most two decimals'] });
    });

    // value × 100 drifts for amounts of billions; the check must not refuse their fen.
    it('accepts a provincial funds target of billions of yuan with fen', () => {
      for (const value of [4_300_000_000.02, 5_000_000_000.02, 10_000_000_000.03, 19_999_999_999.99]) {
        expect(problems(funds({ value, stretch: undefined }))).toEqual({});
      }
      expect(problems(funds({ value: 5_000_000_000.025, stretch: undefined }))).toEqual({ 'targets.0.value': ['yuan with at most two decimals'] });
    });

    it('checks stretch shares: funds only, two decimals, never below the share', () => {
      const sia = 'c0000000-0000-4000-8000-000000000002';
      const shared = (stretch: number) => funds({ value: 100, stretch: 120, departmentShares: [{ unitId: sia, value: 100, stretch }] } as never);
      expect(campaignTargetProblems([shared(120) as never], { districtIds: new Set(), departmentIds: new Set([sia]) })).toEqual({});
      expect(Object.keys(campaignTargetProblems([shared(90) as never], { districtIds: new Set(), departmentIds: new Set([sia]) }))).toContain(
        'targets.0.departmentShares.0.stretch',
      );
    });

    it('keeps the stretch figure for funds, never below the floor', () => {
      expect(problems(funds({ stretch: 430_000_000 }))).toEqual({});
      expect(problems(funds({ stretch: 420_000_000 }))).toEqual({
        'targets.0.stretch': ['the stretch figure (420000000) is below the floor (430000000)'],
      });
      expect(problems(newlyInsured({ stretch: 80_000 }))).toEqual({ 'targets.0.stretch': ['only a funds target has a stretch figure'] });
      expect(problems(rate({ stretch: 95 }))).toEqual({ 'targets.0.stretch': ['only a funds target has a stretch figure'] });
    });

    it('collects every problem of every target at once', () => {
      const fields = problems(newlyInsured({ measure: undefined, value: -1, districtShares: undefined }), rate({ value: 120, stretch: 130 }));
      expect(Object.keys(fields).sort()).toEqual(['targets.0.measure', 'targets.0.value', 'targets.1.stretch', 'targets.1.value']);
    });
  });

  describe('assertValidCampaignTargets', () => {
    it('passes valid targets', () => {
      expect(() => assertValidCampaignTargets([newlyInsured(), funds(), rate()], units)).not.toThrow();
    });

    it('throws INVALID_CAMPAIGN with the problems by field in its details', () => {
      const target = newlyInsured({
        measure: undefined,
        districtShares: [{ unitId: 'yanfeng', value: 1 }],
      });
      const error = refusal(() => assertValidCampaignTargets([target], units));
      expect(error.code).toBe(DomainErrorCode.InvalidCampaign);
      expect(error.details).toEqual({ fields: campaignTargetProblems([target], units) });
      expect(Object.keys(error.details!.fields as object).sort()).toEqual(['targets.0.districtShares', 'targets.0.measure']);
      expect(error.message).toContain('targets.0.measure: a persons target says newly_insured or total_insured');
      expect(error.message).toContain('targets.0.districtShares: the shares add up to 1, not to the whole 76000');
    });
  });
});
