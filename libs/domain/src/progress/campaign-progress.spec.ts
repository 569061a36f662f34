import type { CampaignTarget } from '../campaigns/campaign-targets';
import { campaignProgress, campaignStarted, expectedShare, progressLight, rank, timeShareUsed } from './campaign-progress';
import type { ReportFigures } from '../reports/report-figures';

const census = { unitsSurveyed: 0, uninsuredUnitsFound: 0, uninsuredPersonsFound: 0, unitsNewlyInsured: 0 };
const pensionNew = (n: number, funds?: number): ReportFigures => ({
  census,
  insurance: { pension: { newlyInsured: n, ...(funds !== undefined ? { fundsCollectedYuan: funds } : {}) } },
});

const targets: CampaignTarget[] = [
  {
    insuranceType: 'pension',
    kind: 'persons',
    measure: 'newly_insured',
    value: 1000,
    districtShares: [
      { unitId: 'd1', value: 600 },
      { unitId: 'd2', value: 400 },
    ],
  },
  { insuranceType: 'pension', kind: 'funds', value: 1_000_000, stretch: 1_200_000, departmentShares: [{ unitId: 'tax', value: 1_000_000 }] },
];

const base = {
  targets,
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  districtIds: ['d1', 'd2'],
  departmentIds: ['tax'],
};

describe('campaign progress', () => {
  it('counts the share of the period used, both ends included', () => {
    expect(timeShareUsed('2026-01-01', '2026-01-10', '2025-12-31')).toBe(0);
    expect(timeShareUsed('2026-01-01', '2026-01-10', '2026-01-01')).toBe(0.1);
    expect(timeShareUsed('2026-01-01', '2026-01-10', '2026-01-05')).toBe(0.5);
    expect(timeShareUsed('2026-01-01', '2026-01-10', '2026-02-01')).toBe(1);
  });

  it('lights green at or ahead of pace, yellow a little behind, red far behind', () => {
    expect(progressLight(0.5, 0.5)).toBe('green');
    expect(progressLight(0.45, 0.5)).toBe('yellow');
    expect(progressLight(0.39, 0.5)).toBe('red');
    expect(progressLight(1, 1)).toBe('green');
    expect(progressLight(0, 0)).toBe('green');
  });

  it('turns the same figures from green to red as time passes', () => {
    const reported = [
      { unitId: 'd1', unitKind: 'district' as const, figures: pensionNew(200) },
      { unitId: 'd2', unitKind: 'district' as const, figures: pensionNew(100) },
    ];
    const light = (asOf: string) => campaignProgress({ ...base, asOf, reported }).targets[0].light;
    // 300 of 1,000 is 30 %: ahead of pace in March, a little behind at the start of May, far behind in June.
    expect(light('2026-03-01')).toBe('green');
    expect(light('2026-04-30')).toBe('yellow');
    expect(light('2026-06-30')).toBe('red');
  });

  it('adds up districts for the whole, compares each unit with its share and ranks them', () => {
    const progress = campaignProgress({
      ...base,
      asOf: '2026-07-01',
      reported: [
        { unitId: 'd1', unitKind: 'district', figures: pensionNew(300) },
        { unitId: 'd2', unitKind: 'district', figures: pensionNew(300) },
        { unitId: 'tax', unitKind: 'department', figures: pensionNew(0, 1_100_000) },
      ],
    });
    expect(progress.targets[0]).toMatchObject({ actual: 600, reachedShare: 0.6, countedFrom: 'district', reportingUnits: 2 });
    // Funds are not split by district and no district reported them: the tax bureau's figure counts.
    expect(progress.targets[1]).toMatchObject({ actual: 1_100_000, reachedShare: 1.1, stretchShare: 0.9167, countedFrom: 'department', light: 'green' });
    const d2 = progress.units.find((u) => u.unitId === 'd2')!;
    // 2026-07-01 is day 182 of 365: 400 × 0.4986 = 199.44 expected by then.
    expect(d2).toMatchObject({ attainment: 0.75, targets: [{ share: 400, actual: 300, reachedShare: 0.75, expectedByNow: 199.44 }] });
    expect(progress.rankings.districts.map((r) => [r.unitId, r.rank])).toEqual([
      ['d2', 1],
      ['d1', 2],
    ]);
    expect(progress.rankings.departments).toEqual([{ unitId: 'tax', unitKind: 'department', attainment: 1.1, rank: 1 }]);
  });

  it('shows a unit that has not reported as reaching nothing, and a target nobody reported as unknown', () => {
    const progress = campaignProgress({ ...base, asOf: '2026-02-01', reported: [] });
    expect(progress.targets[0]).toMatchObject({ actual: null, reachedShare: 0, reportingUnits: 0 });
    expect(progress.units.find((u) => u.unitId === 'd1')).toMatchObject({ reported: false, attainment: 0, light: 'red' });
  });

  it('lights a contribution rate against the whole rate, not against the share of time used', () => {
    const rateTargets: CampaignTarget[] = [{ insuranceType: 'unemployment', kind: 'contribution_rate', value: 90, districtShares: [{ unitId: 'd1', value: 90 }] }];
    const rate = (n: number): ReportFigures => ({ census, insurance: { unemployment: { contributionRate: n } } });
    const at = (asOf: string, value: number) => campaignProgress({ ...base, targets: rateTargets, asOf, reported: [{ unitId: 'd1', unitKind: 'district', figures: rate(value) }] });
    // 60 % of a 90 % rate in February: expected by now is 90 (the rate), so red, early or late.
    const early = at('2026-02-01', 60);
    expect(early.targets[0]).toMatchObject({ actual: 60, reachedShare: 0.6667, expectedByNow: 90, light: 'red' });
    expect(early.units.find((u) => u.unitId === 'd1')).toMatchObject({ attainment: 0.6667, light: 'red', targets: [{ light: 'red' }] });
    expect(at('2026-02-01', 80).targets[0].light).toBe('yellow');
    expect(at('2026-02-01', 90).targets[0].light).toBe('green');
  });

  it('gives equal attainments the same rank and leaves units without shares unranked', () => {
    const ranked = rank([
      { unitId: 'a', unitKind: 'district', attainment: 0.5 },
      { unitId: 'b', unitKind: 'district', attainment: null },
      { unitId: 'c', unitKind: 'district', attainment: 0.9 },
      { unitId: 'd', unitKind: 'district', attainment: 0.5 },
    ]);
    expect(ranked.map((r) => [r.unitId, r.rank])).toEqual([
      ['c', 1],
      ['a', 2],
      ['d', 2],
      ['b', null],
    ]);
  });

  describe('lights for each kind of target', () => {
    // Hengyang's kinds: head counts newly and in total insured, an 80 % contribution rate, a fund with a stretch figure.
    const kinds: CampaignTarget[] = [
      { insuranceType: 'pension', kind: 'persons', measure: 'newly_insured', value: 1000, districtShares: [{ unitId: 'd1', value: 1000 }] },
      { insuranceType: 'medical', kind: 'persons', measure: 'total_insured', value: 5000, districtShares: [{ unitId: 'd1', value: 5000 }] },
      { insuranceType: 'pension', kind: 'contribution_rate', value: 80, districtShares: [{ unitId: 'd1', value: 80 }] },
      { insuranceType: 'medical', kind: 'funds', value: 1_000_000, stretch: 1_200_000, districtShares: [{ unitId: 'd1', value: 1_000_000, stretch: 1_200_000 }] },
    ];
    const filed = (pension: Record<string, number>, medical: Record<string, number>): ReportFigures => ({ census, insurance: { pension, medical } });
    const progress = (asOf: string, figures?: ReportFigures) =>
      campaignProgress({
        targets: kinds,
        periodStart: '2027-03-01',
        periodEnd: '2027-12-31',
        districtIds: ['d1'],
        departmentIds: [],
        asOf,
        reported: figures ? [{ unitId: 'd1', unitKind: 'district', figures }] : [],
      });
    const lights = (p: ReturnType<typeof progress>) => [...p.targets.map((t) => `${t.kind}/${t.measure ?? ''}:${t.light}`), `unit:${p.units[0].light}`];

    it('expects nothing of any kind before the campaign starts, the rate itself of a rate from its first day', () => {
      expect(campaignStarted('2027-03-01', '2027-02-28')).toBe(false);
      expect(campaignStarted('2027-03-01', '2027-03-01')).toBe(true);
      for (const kind of ['persons', 'funds', 'contribution_rate'] as const) expect(expectedShare(kind, 0, false)).toBe(0);
      expect(expectedShare('contribution_rate', 0.003, true)).toBe(1);
      expect(expectedShare('persons', 0.25, true)).toBe(0.25);
      expect(expectedShare('funds', 0.25, true)).toBe(0.25);
    });

    it('shows no red light before the campaign starts (time used 0 %), with nothing filed or a low rate filed early', () => {
      const before = progress('2027-01-15');
      expect(before.timeShare).toBe(0);
      expect(lights(before)).toEqual(['persons/newly_insured:green', 'persons/total_insured:green', 'contribution_rate/:green', 'funds/:green', 'unit:green']);
      // The rate target still says what it will be judged against.
      expect(before.targets[2]).toMatchObject({ actual: null, reachedShare: 0, expectedByNow: 80 });
      const early = progress('2027-02-20', filed({ contributionRate: 50 }, {}));
      expect(early.targets.map((t) => t.light)).not.toContain('red');
      expect(early.units[0].light).not.toBe('red');
    });

    it('judges a filed rate against the rate itself, the same on the first day and the last', () => {
      for (const asOf of ['2027-03-01', '2027-07-15', '2027-12-31']) {
        const rate = (value: number) => progress(asOf, filed({ contributionRate: value }, {})).targets[2];
        expect([asOf, rate(80).light, rate(79).light, rate(64).light, rate(63.9).light]).toEqual([asOf, 'green', 'yellow', 'yellow', 'red']);
        expect(rate(72)).toMatchObject({ actual: 72, reachedShare: 0.9, expectedByNow: 80 });
      }
    });

    it('judges head counts and money against the time-based pace, the stretch figure aside', () => {
      // 2027-07-15 is day 137 of 306: 0.4477 of the time used.
      const figures = filed({ newlyInsured: 450 }, { totalInsured: 1500, fundsCollectedYuan: 420_000 });
      const mid = progress('2027-07-15', figures);
      expect(mid.timeShare).toBe(0.4477);
      expect(mid.targets.map((t) => [t.kind, t.measure ?? null, t.reachedShare, t.light])).toEqual([
        ['persons', 'newly_insured', 0.45, 'green'],
        ['persons', 'total_insured', 0.3, 'red'],
        ['contribution_rate', null, 0, 'red'],
        ['funds', null, 0.42, 'yellow'],
      ]);
      expect(mid.targets[3]).toMatchObject({ stretchShare: 0.35 });
      // The same figures at the end of the campaign: everything short of its target is far behind.
      expect(progress('2027-12-31', figures).targets.map((t) => t.light)).toEqual(['red', 'red', 'red', 'red']);
    });

    it('shows a running campaign with nothing filed as behind on every kind, rate included', () => {
      expect(lights(progress('2027-03-10'))).toEqual(['persons/newly_insured:red', 'persons/total_insured:red', 'contribution_rate/:red', 'funds/:red', 'unit:red']);
    });
  });
});
