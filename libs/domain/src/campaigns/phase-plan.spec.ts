import { DateTime } from 'luxon';
import { EMPTY_CALENDAR, type WorkingCalendarDays } from '../calendar/working-calendar';
import { DomainError, DomainErrorCode } from '../errors';
import { DOMAIN_DUTY_MATRIX } from './duty-matrix';
import {
  MAX_WORKING_DAYS_AFTER_LAUNCH,
  assertValidPhasePlan,
  decidePhaseLaunch,
  earlyLaunchRefusal,
  fanOutPhase,
  launchOverridesOpenPhase,
  phaseLaunchRefusal,
  phasePlanProblems,
  phaseWindowEndsAt,
  phaseWindowOpensAt,
  planTiming,
  routeKeyOf,
  specialOperationRounds,
  templateDueAt,
  type CampaignDutyRoute,
  type DistrictRef,
  type DutyTemplate,
  type PhasePlanContext,
  type PhaseProgress,
  type PlannedPhase,
  type PlanTiming,
} from './phase-plan';

const shanghai = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Shanghai' }).toMillis();

// The 2025 National Day week: Oct 1–8 off, Sun Sep 28 and Sat Oct 11 worked instead.
const nationalDay2025: WorkingCalendarDays = {
  holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08'],
  makeUpWorkdays: ['2025-09-28', '2025-10-11'],
};
const real: PlanTiming = { calendar: nationalDay2025 };
/** Time compressed as the integration tests do it: a day of the plan lasts one second. */
const compressed: PlanTiming = { calendar: nationalDay2025, dayMs: 1000 };

const template = (over: Partial<DutyTemplate> & Pick<DutyTemplate, 'id'>): DutyTemplate => ({
  title: '制定工作方案',
  description: 'Name a responsible person and file a work plan.',
  route: { kind: 'function', key: 'coordination' },
  scope: 'once',
  due: { workingDaysAfterLaunch: 5 },
  ...over,
});

const phase = (over: Partial<PlannedPhase> & Pick<PlannedPhase, 'id'>): PlannedPhase => ({
  kind: 'special_operation',
  name: over.id,
  windowStart: '2025-06-01',
  windowEnd: '2025-07-30',
  focusSectors: [],
  templates: [],
  ...over,
});

/** The Hengyang program's shape: mobilisation, three special-operation rounds, acceptance. */
const hengyang: PlannedPhase[] = [
  phase({
    id: 'mobilisation',
    kind: 'mobilisation',
    name: '动员部署',
    windowStart: '2025-05-06',
    windowEnd: '2025-05-31',
    templates: [template({ id: 'work-plan' }), template({ id: 'district-plan', route: { kind: 'district' }, scope: 'per_district', due: { workingDaysAfterLaunch: 10 } })],
  }),
  phase({
    id: 'round-1',
    name: '第一轮专项行动',
    focusSectors: ['private_non_enterprise', 'social_organisations'],
    templates: [template({ id: 'census', title: '摸底排查', route: { kind: 'focus_sectors' }, due: { at: shanghai('2025-07-30T18:00') } })],
  }),
  phase({
    id: 'round-2',
    name: '第二轮专项行动',
    windowStart: '2025-08-01',
    windowEnd: '2025-09-15',
    focusSectors: ['entertainment', 'internet_bars', 'bathhouses'],
    templates: [template({ id: 'census', title: '摸底排查', route: { kind: 'focus_sectors' }, scope: 'per_district' })],
  }),
  phase({
    id: 'round-3',
    name: '第三轮专项行动',
    windowStart: '2025-09-15',
    windowEnd: '2025-11-30',
    focusSectors: ['logistics', 'supermarkets', 'building_materials', 'rental_transport'],
    templates: [
      template({ id: 'census', title: '摸底排查', route: { kind: 'focus_sectors' } }),
      template({ id: 'arrears', title: '清理欠费', route: { kind: 'function', key: 'arrears_clearance' }, scope: 'per_district' }),
    ],
  }),
  phase({
    id: 'acceptance',
    kind: 'acceptance',
    name: '总结验收',
    windowStart: '2025-12-01',
    windowEnd: '2025-12-31',
    templates: [
      template({ id: 'self-check', title: '自查报告', route: { kind: 'district' }, scope: 'per_district' }),
      template({ id: 'assess', route: { kind: 'function', key: 'performance_assessment' }, due: { at: shanghai('2025-12-31T17:00') } }),
    ],
  }),
];

const context: PhasePlanContext = {
  periodStart: '2025-05-01',
  periodEnd: '2025-12-31',
  routeKeys: new Set(DOMAIN_DUTY_MATRIX.map((r) => routeKeyOf(r.kind, r.key))),
  districtCount: 3,
};

/** The plan with phase `i` changed. */
const withPhase = (i: number, over: Partial<PlannedPhase>) => hengyang.map((p, j) => (j === i ? { ...p, ...over } : p));
/** The plan with template `j` of phase `i` changed. */
const withTemplate = (i: number, j: number, over: Partial<DutyTemplate>) => withPhase(i, { templates: hengyang[i].templates.map((t, k) => (k === j ? { ...t, ...over } : t)) });

describe('phase plan', () => {
  describe('phasePlanProblems', () => {
    it('accepts the Hengyang shape', () => {
      expect(phasePlanProblems(hengyang, context)).toEqual({});
    });

    it('needs at least one phase', () => {
      expect(phasePlanProblems([], context)).toEqual({ phases: ['a campaign needs at least one phase'] });
    });

    it('keeps the kinds in order: mobilisation, special operations, acceptance', () => {
      const june = (p: PlannedPhase): PlannedPhase => ({ ...p, windowStart: '2025-06-01', windowEnd: '2025-06-30', templates: [] });
      expect(phasePlanProblems([hengyang[0], hengyang[4], hengyang[1]].map(june), context)).toEqual({
        'phases.2.kind': ['a special_operation phase cannot follow a acceptance phase'],
      });
      expect(phasePlanProblems([hengyang[1], hengyang[0]].map(june), context)).toEqual({
        'phases.1.kind': ['a mobilisation phase cannot follow a special_operation phase'],
      });
    });

    it('lets a plan leave out a kind', () => {
      expect(phasePlanProblems([hengyang[1], hengyang[2]], context)).toEqual({});
      expect(phasePlanProblems([hengyang[0], hengyang[4]], context)).toEqual({});
    });

    it('refuses a window that ends before it starts', () => {
      expect(phasePlanProblems(withPhase(0, { windowEnd: '2025-05-05' }), context)).toEqual({
        'phases.0.windowEnd': ['the window ends before it starts'],
      });
    });

    it("keeps every window inside the campaign's period, both days included", () => {
      const message = "the window must lie in the campaign's period 2025-05-01–2025-12-31";
      expect(phasePlanProblems(withPhase(0, { windowStart: '2025-04-30' }), context)).toEqual({ 'phases.0.windowStart': [message] });
      expect(phasePlanProblems(withPhase(4, { windowEnd: '2026-01-01' }), context)).toEqual({ 'phases.4.windowEnd': [message] });
      expect(phasePlanProblems(withPhase(0, { windowStart: '2025-05-01' }), context)).toEqual({});
    });

    it('refuses a phase that starts before the phase before it, but lets rounds overlap', () => {
      // Round 3 starts on the day round 2 ends (Sep 15), as in Hengyang's plan.
      expect(hengyang[3].windowStart).toBe(hengyang[2].windowEnd);
      expect(phasePlanProblems(withPhase(2, { windowStart: '2025-05-31' }), context)).toEqual({
        'phases.2.windowStart': ['a phase cannot start before the phase before it'],
      });
    });

    it('gives focus sectors to special-operation rounds only', () => {
      expect(phasePlanProblems(withPhase(0, { focusSectors: ['construction'] }), context)).toEqual({
        'phases.0.focusSectors': ['only a special-operation round has focus sectors'],
      });
      expect(Object.keys(phasePlanProblems(withPhase(4, { focusSectors: ['construction'] }), context))).toEqual(['phases.4.focusSectors']);
    });

    it('refuses a focus sector the duty matrix does not know, and one named twice', () => {
      // Hengyang's third round names coal mining, which the matrix routes nowhere.
      expect(phasePlanProblems(withPhase(3, { focusSectors: ['logistics', 'coal'] }), context)).toEqual({
        'phases.3.focusSectors.1': ['the duty matrix has no sector "coal"'],
      });
      // A function key is not a sector.
      expect(Object.keys(phasePlanProblems(withPhase(3, { focusSectors: ['publicity'] }), context))).toEqual(['phases.3.focusSectors.0']);
      expect(phasePlanProblems(withPhase(3, { focusSectors: ['logistics', 'supermarkets', 'logistics'] }), context)).toEqual({
        'phases.3.focusSectors': ['a sector is named twice'],
      });
    });

    it('refuses template routes the matrix cannot resolve', () => {
      expect(phasePlanProblems(withTemplate(0, 0, { route: { kind: 'function', key: 'coal_mining' } }), context)).toEqual({
        'phases.0.templates.0.route.key': ['the duty matrix names no department for function "coal_mining"'],
      });
      // "construction" is a sector, not a function: the kind is part of the key.
      expect(phasePlanProblems(withTemplate(0, 0, { route: { kind: 'function', key: 'construction' } }), context)).toEqual({
        'phases.0.templates.0.route.key': ['the duty matrix names no department for function "construction"'],
      });
      expect(phasePlanProblems(withTemplate(0, 0, { route: { kind: 'sector', key: 'construction' } }), context)).toEqual({});
      expect(phasePlanProblems(withTemplate(0, 0, { route: { kind: 'sector', key: 'coordination' } }), context)).toEqual({
        'phases.0.templates.0.route.key': ['the duty matrix names no department for sector "coordination"'],
      });
    });

    it('routes by focus sectors only in a phase that has some', () => {
      expect(phasePlanProblems(withTemplate(0, 0, { route: { kind: 'focus_sectors' } }), context)).toEqual({
        'phases.0.templates.0.route.kind': ['this phase has no focus sectors to route by'],
      });
    });

    it('makes a duty of the district governments per_district', () => {
      expect(phasePlanProblems(withTemplate(0, 1, { scope: 'once' }), context)).toEqual({
        'phases.0.templates.1.scope': ['a duty for the district governments is per_district'],
      });
    });

    it('refuses per_district templates in a campaign without districts', () => {
      const fields = phasePlanProblems(hengyang, { ...context, districtCount: 0 });
      expect(fields).toEqual({
        'phases.0.templates.1.scope': ['the campaign has no districts'],
        'phases.2.templates.0.scope': ['the campaign has no districts'],
        'phases.3.templates.1.scope': ['the campaign has no districts'],
        'phases.4.templates.0.scope': ['the campaign has no districts'],
      });
    });

    it("keeps a fixed due time inside the phase's window by its date in Asia/Shanghai", () => {
      const outside = ["the due time must fall in the phase's window 2025-06-01–2025-07-30"];
      // 16:30 UTC on Jul 30 is already 00:30 on Jul 31 in Shanghai: outside the window.
      expect(phasePlanProblems(withTemplate(1, 0, { due: { at: Date.parse('2025-07-30T16:30:00Z') } }), context)).toEqual({
        'phases.1.templates.0.due.at': outside,
      });
      // 15:59 UTC on Jul 30 is 23:59 on the last day in Shanghai: inside.
      expect(phasePlanProblems(withTemplate(1, 0, { due: { at: Date.parse('2025-07-30T15:59:00Z') } }), context)).toEqual({});
      // 16:30 UTC on May 31 is already Jun 1 in Shanghai: inside, although UTC says May.
      expect(phasePlanProblems(withTemplate(1, 0, { due: { at: Date.parse('2025-05-31T16:30:00Z') } }), context)).toEqual({});
      expect(phasePlanProblems(withTemplate(1, 0, { due: { at: Date.parse('2025-05-31T15:30:00Z') } }), context)).toEqual({
        'phases.1.templates.0.due.at': outside,
      });
    });

    it(`takes a whole number of working days after the launch, 1–${MAX_WORKING_DAYS_AFTER_LAUNCH}`, () => {
      const problem = (n: number) => phasePlanProblems(withTemplate(0, 0, { due: { workingDaysAfterLaunch: n } }), context);
      for (const n of [1, 20, MAX_WORKING_DAYS_AFTER_LAUNCH]) expect(problem(n)).toEqual({});
      for (const n of [0, -1, 2.5, MAX_WORKING_DAYS_AFTER_LAUNCH + 1, NaN]) {
        expect(problem(n)).toEqual({ 'phases.0.templates.0.due.workingDaysAfterLaunch': ['a whole number of working days, 1–250'] });
      }
    });

    it('throws INVALID_CAMPAIGN with the problems by field when asserted', () => {
      expect(() => assertValidPhasePlan(hengyang, context)).not.toThrow();
      const plan = withPhase(0, { focusSectors: ['coal'] });
      try {
        assertValidPhasePlan(plan, context);
        throw new Error('expected a refusal');
      } catch (error) {
        expect(error).toBeInstanceOf(DomainError);
        expect((error as DomainError).code).toBe(DomainErrorCode.InvalidCampaign);
        expect((error as DomainError).details).toEqual({ fields: phasePlanProblems(plan, context) });
        expect((error as DomainError).message).toContain('phases.0.focusSectors.0: the duty matrix has no sector "coal"');
      }
    });
  });

  it('numbers the special-operation rounds 1, 2, 3 in plan order', () => {
    expect(specialOperationRounds(hengyang)).toEqual([null, 1, 2, 3, null]);
    expect(specialOperationRounds([{ kind: 'mobilisation' }, { kind: 'acceptance' }])).toEqual([null, null]);
    expect(specialOperationRounds([])).toEqual([]);
  });

  describe('templateDueAt', () => {
    it('keeps a fixed due time whatever the timing', () => {
      const at = shanghai('2025-07-30T18:00');
      expect(templateDueAt({ at }, shanghai('2025-06-01T09:00'), real)).toBe(at);
      expect(templateDueAt({ at }, 0, compressed)).toBe(at);
    });

    it('with compressed time, counts plain compressed days from the launch', () => {
      expect(templateDueAt({ workingDaysAfterLaunch: 5 }, 10_000, compressed)).toBe(15_000);
      expect(templateDueAt({ workingDaysAfterLaunch: 1 }, 10_000, { calendar: EMPTY_CALENDAR, dayMs: 250 })).toBe(10_250);
    });

    it('puts the deadline at the end of the N-th working day in Asia/Shanghai', () => {
      const launched = shanghai('2025-09-24T10:00'); // a Wednesday
      expect(templateDueAt({ workingDaysAfterLaunch: 1 }, launched, real)).toBe(shanghai('2025-09-25T23:59:59.999'));
      expect(new Date(templateDueAt({ workingDaysAfterLaunch: 1 }, launched, real)).toISOString()).toBe('2025-09-25T15:59:59.999Z');
    });

    it('counts a make-up workday and skips the holiday week of the calendar', () => {
      const friday = shanghai('2025-09-26T10:00');
      // Sun Sep 28 is worked; Mon 29 and Tue 30 are ordinary; Oct 1–8 are off; Thu Oct 9 is the fourth.
      expect(templateDueAt({ workingDaysAfterLaunch: 1 }, friday, real)).toBe(shanghai('2025-09-28T23:59:59.999'));
      expect(templateDueAt({ workingDaysAfterLaunch: 4 }, friday, real)).toBe(shanghai('2025-10-09T23:59:59.999'));
      expect(templateDueAt({ workingDaysAfterLaunch: 6 }, friday, real)).toBe(shanghai('2025-10-11T23:59:59.999'));
      // Without the calendar the same launch counts ordinary weeks.
      const plain: PlanTiming = { calendar: EMPTY_CALENDAR };
      expect(templateDueAt({ workingDaysAfterLaunch: 1 }, friday, plain)).toBe(shanghai('2025-09-29T23:59:59.999'));
      expect(templateDueAt({ workingDaysAfterLaunch: 4 }, friday, plain)).toBe(shanghai('2025-10-02T23:59:59.999'));
    });

    it('counts from the local date of the launch, not the UTC one', () => {
      // 16:30 UTC on Thursday Sep 25 is 00:30 on Friday Sep 26 in Shanghai.
      const launched = Date.parse('2025-09-25T16:30:00Z');
      expect(templateDueAt({ workingDaysAfterLaunch: 1 }, launched, { calendar: EMPTY_CALENDAR })).toBe(shanghai('2025-09-29T23:59:59.999'));
    });
  });

  describe('phaseWindowEndsAt', () => {
    it('with compressed time, lasts as many compressed days as the window has calendar days, from the launch', () => {
      // Hengyang round 1: Jun 1–Jul 30 is 60 days.
      expect(phaseWindowEndsAt({ windowStart: '2025-06-01', windowEnd: '2025-07-30' }, 5000, compressed)).toBe(5000 + 60 * 1000);
      expect(phaseWindowEndsAt({ windowStart: '2025-09-15', windowEnd: '2025-09-15' }, 5000, compressed)).toBe(6000);
      // Holidays do not shorten a window: they are calendar days.
      expect(phaseWindowEndsAt({ windowStart: '2025-09-29', windowEnd: '2025-10-08' }, 0, compressed)).toBe(10_000);
    });

    it("in real time, ends at the end of the window's last local day, whenever the phase was launched", () => {
      const window = { windowStart: '2025-06-01', windowEnd: '2025-07-30' };
      expect(phaseWindowEndsAt(window, shanghai('2025-06-01T09:00'), real)).toBe(shanghai('2025-07-30T23:59:59.999'));
      expect(new Date(phaseWindowEndsAt(window, shanghai('2025-06-20T09:00'), real)).toISOString()).toBe('2025-07-30T15:59:59.999Z');
      // A window ending on a holiday still ends that day.
      expect(phaseWindowEndsAt({ windowStart: '2025-09-15', windowEnd: '2025-10-01' }, 0, real)).toBe(shanghai('2025-10-01T23:59:59.999'));
    });
  });

  describe('fanOutPhase', () => {
    /** The campaign's copy of the matrix, each code standing for a department id. */
    const routes: CampaignDutyRoute[] = DOMAIN_DUTY_MATRIX.map((r) => ({
      kind: r.kind,
      key: r.key,
      label: r.label,
      departmentId: `dept-${r.departmentCode.toLowerCase()}`,
    }));
    const districts: DistrictRef[] = [
      { id: 'yanfeng', name: '雁峰区' },
      { id: 'zhuhui', name: '珠晖区' },
      { id: 'shigu', name: '石鼓区' },
    ];
    const launchedAt = shanghai('2025-09-26T10:00');
    const fanOut = (p: PlannedPhase, timing: PlanTiming = compressed) => fanOutPhase(p, routes, districts, launchedAt, timing);

    it('routes a function duty through the matrix to one department', () => {
      const [draft, ...rest] = fanOut({ ...hengyang[0], templates: [hengyang[0].templates[0]] });
      expect(rest).toEqual([]);
      expect(draft).toEqual({
        key: 'mobilisation:work-plan:-:dept-hrss:-',
        templateId: 'work-plan',
        departmentId: 'dept-hrss',
        districtId: null,
        sectorKey: null,
        title: '制定工作方案',
        description: 'Name a responsible person and file a work plan.',
        dueAt: launchedAt + 5 * 1000,
      });
    });

    it('sends a duty for the district governments to every district even when its scope says once', () => {
      const p = phase({ id: 'p', templates: [template({ id: 't', title: '自查', route: { kind: 'district' }, scope: 'once' })] });
      expect(fanOut(p).map((d) => [d.departmentId, d.districtId])).toEqual(districts.map((d) => [d.id, d.id]));
    });

    it('routes a sector duty to the sector department and records the sector', () => {
      const p = phase({ id: 'p', templates: [template({ id: 't', title: '建筑业参保', route: { kind: 'sector', key: 'construction' } })] });
      expect(fanOut(p)).toMatchObject([{ key: 'p:t:construction:dept-cons:-', departmentId: 'dept-cons', sectorKey: 'construction', districtId: null, title: '建筑业参保' }]);
    });

    it('makes one duty per focus sector, each to its department, with the sector in the title', () => {
      const drafts = fanOut(hengyang[1]);
      expect(drafts.map((d) => [d.key, d.departmentId, d.sectorKey, d.title])).toEqual([
        ['round-1:census:private_non_enterprise:dept-civil:-', 'dept-civil', 'private_non_enterprise', '摸底排查（民办非企业单位）'],
        ['round-1:census:social_organisations:dept-civil:-', 'dept-civil', 'social_organisations', '摸底排查（社会组织）'],
      ]);
      // A fixed due time is taken as it stands.
      expect(drafts.every((d) => d.dueAt === shanghai('2025-07-30T18:00'))).toBe(true);
    });

    it('makes a per_district duty once per district, in district order, with the district in the title', () => {
      const p = { ...hengyang[3], templates: [hengyang[3].templates[1]] };
      expect(fanOut(p).map((d) => [d.key, d.departmentId, d.districtId, d.title])).toEqual([
        ['round-3:arrears:-:dept-tax:yanfeng', 'dept-tax', 'yanfeng', '清理欠费（雁峰区）'],
        ['round-3:arrears:-:dept-tax:zhuhui', 'dept-tax', 'zhuhui', '清理欠费（珠晖区）'],
        ['round-3:arrears:-:dept-tax:shigu', 'dept-tax', 'shigu', '清理欠费（石鼓区）'],
      ]);
    });

    it('gives a district-government duty to each district itself', () => {
      const p = { ...hengyang[4], templates: [hengyang[4].templates[0]] };
      expect(fanOut(p).map((d) => [d.key, d.departmentId, d.districtId, d.sectorKey])).toEqual([
        ['acceptance:self-check:-:yanfeng:yanfeng', 'yanfeng', 'yanfeng', null],
        ['acceptance:self-check:-:zhuhui:zhuhui', 'zhuhui', 'zhuhui', null],
        ['acceptance:self-check:-:shigu:shigu', 'shigu', 'shigu', null],
      ]);
    });

    it('crosses focus sectors with districts, sector by sector', () => {
      const drafts = fanOut(hengyang[2]);
      expect(drafts).toHaveLength(3 * 3);
      expect(drafts.slice(0, 4).map((d) => [d.key, d.title])).toEqual([
        ['round-2:census:entertainment:dept-psb:yanfeng', '摸底排查（娱乐场所）（雁峰区）'],
        ['round-2:census:entertainment:dept-psb:zhuhui', '摸底排查（娱乐场所）（珠晖区）'],
        ['round-2:census:entertainment:dept-psb:shigu', '摸底排查（娱乐场所）（石鼓区）'],
        ['round-2:census:internet_bars:dept-cult:yanfeng', '摸底排查（网吧）（雁峰区）'],
      ]);
      // Entertainment and bathhouses both go to the public security bureau: the sector keeps the keys apart.
      expect(drafts.filter((d) => d.departmentId === 'dept-psb')).toHaveLength(6);
      expect(new Set(drafts.map((d) => d.key)).size).toBe(drafts.length);
    });

    it('fans out templates in plan order, each with its own due time', () => {
      const drafts = fanOut(hengyang[0], real);
      expect(drafts.map((d) => d.templateId)).toEqual(['work-plan', 'district-plan', 'district-plan', 'district-plan']);
      // Five and ten working days after Friday Sep 26 under the National Day calendar.
      expect(drafts[0].dueAt).toBe(shanghai('2025-10-10T23:59:59.999'));
      expect(drafts[1].dueAt).toBe(shanghai('2025-10-16T23:59:59.999'));
    });

    it('is deterministic: the same inputs give identical drafts in the same order', () => {
      for (const p of hengyang) {
        const first = fanOut(p);
        expect(fanOut(structuredClone(p))).toEqual(first);
      }
      const keys = hengyang.flatMap((p) => fanOut(p).map((d) => d.key));
      expect(keys).toHaveLength(4 + 2 + 9 + 4 + 3 + 3 + 1);
      expect(new Set(keys).size).toBe(keys.length);
    });

    it('keeps a title within 200 characters', () => {
      const p = phase({ id: 'p', templates: [template({ id: 't', title: '长'.repeat(199), scope: 'per_district' })] });
      expect(fanOut(p).map((d) => d.title)).toEqual(districts.map(() => `${'长'.repeat(199)}（`));
    });

    it('refuses with NO_DUTY_ROUTE when the matrix names no department', () => {
      const refusal = (p: PlannedPhase) => {
        try {
          fanOut(p);
        } catch (error) {
          if (error instanceof DomainError) return error;
          throw error;
        }
        throw new Error('expected a refusal');
      };
      const coal = refusal({ ...hengyang[3], focusSectors: ['logistics', 'coal'] });
      expect(coal.code).toBe(DomainErrorCode.NoDutyRoute);
      expect(coal.details).toEqual({ kind: 'sector', key: 'coal' });
      expect(coal.message).toContain('sector "coal"');
      const fn = refusal(phase({ id: 'p', templates: [template({ id: 't', route: { kind: 'function', key: 'coal_mining' } })] }));
      expect(fn.code).toBe(DomainErrorCode.NoDutyRoute);
      expect(fn.details).toEqual({ kind: 'function', key: 'coal_mining' });
      // A route of the wrong kind does not stand in.
      expect(refusal(phase({ id: 'p', templates: [template({ id: 't', route: { kind: 'sector', key: 'coordination' } })] })).code).toBe(DomainErrorCode.NoDutyRoute);
    });
  });

  describe('launching phases', () => {
    const progress = (...statuses: PhaseProgress['status'][]): PhaseProgress[] => statuses.map((status, i) => ({ phaseId: `p${i}`, name: `phase ${i}`, status }));
    const code = (phases: PhaseProgress[], phaseId: string, force: { reason?: string } | null = null) => phaseLaunchRefusal(phases, phaseId, force)?.code ?? null;
    const reason = { reason: 'the leading group decided to start round two early' };

    it('launches the first phase freely', () => {
      expect(phaseLaunchRefusal(progress('planned', 'planned', 'planned'), 'p0', null)).toBeNull();
    });

    it('launches the next phase once the one before is closed', () => {
      expect(code(progress('closed', 'planned', 'planned'), 'p1')).toBeNull();
      expect(code(progress('closed', 'closed', 'planned'), 'p2')).toBeNull();
    });

    it('refuses an unknown phase with PHASE_NOT_FOUND', () => {
      expect(code(progress('planned'), 'p9')).toBe(DomainErrorCode.PhaseNotFound);
      expect(code([], 'p0', reason)).toBe(DomainErrorCode.PhaseNotFound);
    });

    it('refuses a phase launched already, open or closed, with PHASE_ALREADY_LAUNCHED', () => {
      expect(code(progress('open', 'planned'), 'p0')).toBe(DomainErrorCode.PhaseAlreadyLaunched);
      expect(code(progress('closed', 'planned'), 'p0')).toBe(DomainErrorCode.PhaseAlreadyLaunched);
      expect(code(progress('closed', 'open'), 'p1', reason)).toBe(DomainErrorCode.PhaseAlreadyLaunched);
      expect(phaseLaunchRefusal(progress('closed', 'open'), 'p1', null)?.message).toContain('it is open');
    });

    it('refuses to skip an unlaunched earlier phase, even when forced', () => {
      expect(code(progress('planned', 'planned'), 'p1')).toBe(DomainErrorCode.PhaseOutOfOrder);
      expect(code(progress('planned', 'planned'), 'p1', reason)).toBe(DomainErrorCode.PhaseOutOfOrder);
      expect(code(progress('closed', 'planned', 'planned'), 'p2', reason)).toBe(DomainErrorCode.PhaseOutOfOrder);
      // It names the first phase still waiting, not just the one before.
      expect(phaseLaunchRefusal(progress('closed', 'planned', 'planned', 'planned'), 'p3', reason)?.message).toContain('launch "phase 1" first');
    });

    it('refuses while the previous phase is open, unless the office forces the launch with a reason', () => {
      const phases = progress('closed', 'open', 'planned');
      expect(code(phases, 'p2')).toBe(DomainErrorCode.PreviousPhaseOpen);
      expect(phaseLaunchRefusal(phases, 'p2', null)?.message).toContain('"phase 1" is still open');
      expect(code(phases, 'p2', reason)).toBeNull();
    });

    it('refuses a forced launch without a reason or with a blank one', () => {
      const phases = progress('open', 'planned');
      expect(code(phases, 'p1', {})).toBe(DomainErrorCode.ForceReasonMissing);
      expect(code(phases, 'p1', { reason: '' })).toBe(DomainErrorCode.ForceReasonMissing);
      expect(code(phases, 'p1', { reason: '  \n\t ' })).toBe(DomainErrorCode.ForceReasonMissing);
    });

    it('tells whether a launch overrode an open previous phase', () => {
      expect(launchOverridesOpenPhase(progress('open', 'planned'), 'p1')).toBe(true);
      expect(launchOverridesOpenPhase(progress('closed', 'open', 'planned'), 'p2')).toBe(true);
      expect(launchOverridesOpenPhase(progress('closed', 'planned'), 'p1')).toBe(false);
      expect(launchOverridesOpenPhase(progress('planned', 'planned'), 'p0')).toBe(false);
      expect(launchOverridesOpenPhase(progress('planned', 'planned'), 'p1')).toBe(false);
      expect(launchOverridesOpenPhase(progress('open', 'planned'), 'p9')).toBe(false);
    });
  });

  describe('decidePhaseLaunch (the launch, and its preview)', () => {
    const routes: CampaignDutyRoute[] = DOMAIN_DUTY_MATRIX.map((r) => ({ kind: r.kind, key: r.key, label: r.label, departmentId: `dept-${r.departmentCode.toLowerCase()}` }));
    const districts: DistrictRef[] = [{ id: 'yanfeng', name: '雁峰区' }];
    const launchedAt = shanghai('2025-09-26T10:00');
    const mobilisation = phase({
      id: 'm',
      kind: 'mobilisation',
      windowStart: '2025-09-01',
      windowEnd: '2025-12-31',
      templates: [template({ id: 'plan' }), template({ id: 'pledge', route: { kind: 'district' }, scope: 'per_district' })],
    });

    it('is the fan-out with the window end', () => {
      const decision = decidePhaseLaunch(mobilisation, routes, districts, launchedAt, real);
      expect(decision.drafts).toEqual(fanOutPhase(mobilisation, routes, districts, launchedAt, real));
      expect(decision.windowEndsAt).toBe(phaseWindowEndsAt(mobilisation, launchedAt, real));
      expect(decision.drafts.map((d) => d.departmentId)).toEqual(['dept-hrss', 'yanfeng']);
    });

    it('refuses a phase whose window is over, or whose fixed due time has passed', () => {
      const refusal = (p: PlannedPhase) => {
        try {
          decidePhaseLaunch(p, routes, districts, launchedAt, real);
        } catch (error) {
          return (error as DomainError).code;
        }
        return null;
      };
      expect(refusal({ ...mobilisation, windowEnd: '2025-09-25' })).toBe(DomainErrorCode.PhaseWindowOver);
      expect(refusal({ ...mobilisation, templates: [template({ id: 'late', due: { at: shanghai('2025-09-20T18:00') } })] })).toBe(DomainErrorCode.PhaseWindowOver);
    });

    describe('a launch before the window opens', () => {
      // Launched on 2025-09-26 (a Friday); the round's window opens on 2025-11-03 (a Monday).
      const round = phase({ ...mobilisation, id: 'r', windowStart: '2025-11-03', windowEnd: '2025-12-31' });
      const caught = (f: () => unknown) => {
        try {
          f();
        } catch (error) {
          return error as DomainError;
        }
        return null;
      };

      it('is refused without early, naming the window', () => {
        const error = caught(() => decidePhaseLaunch(round, routes, districts, launchedAt, real));
        expect(error?.code).toBe(DomainErrorCode.PhaseWindowNotOpen);
        expect(error?.message).toContain('2025-11-03');
        expect(error?.message).toContain('2025-12-31');
        expect(error?.details).toEqual({ windowStart: '2025-11-03', windowEnd: '2025-12-31', windowOpensAt: '2025-11-02T16:00:00.000Z' });
        expect(earlyLaunchRefusal(round, launchedAt, real)?.code).toBe(DomainErrorCode.PhaseWindowNotOpen);
      });

      it('needs a reason with early', () => {
        expect(caught(() => decidePhaseLaunch(round, routes, districts, launchedAt, real, { early: { reason: '  ' } }))?.code).toBe(DomainErrorCode.EarlyLaunchReasonMissing);
      });

      it('opens early with a reason, due times counted from the launch and never before it', () => {
        const decision = decidePhaseLaunch(round, routes, districts, launchedAt, real, { early: { reason: '省里要求提前部署' } });
        expect(decision.early).toBe(true);
        expect(decision.windowOpensAt).toBe(shanghai('2025-11-03T00:00'));
        // Five working days after Friday 26 September, over the National Day holiday: 2025-10-10.
        expect(decision.drafts.map((d) => d.dueAt)).toEqual([shanghai('2025-10-10T23:59:59.999'), shanghai('2025-10-10T23:59:59.999')]);
        for (const d of decision.drafts) expect(d.dueAt).toBeGreaterThan(launchedAt);
      });

      it("is no early launch from the window's first moment on, nor with compressed time", () => {
        expect(earlyLaunchRefusal(round, shanghai('2025-11-03T00:00'), real)).toBeNull();
        expect(decidePhaseLaunch(round, routes, districts, shanghai('2025-11-03T09:00'), real).early).toBe(false);
        expect(phaseWindowOpensAt(round, compressed)).toBeNull();
        expect(decidePhaseLaunch(round, routes, districts, launchedAt, compressed).early).toBe(false);
      });
    });

    it('takes the unit of time from the configured length of a day', () => {
      expect(planTiming(nationalDay2025, undefined)).toEqual(real);
      expect(planTiming(nationalDay2025, 1)).toEqual(compressed);
    });
  });
});
