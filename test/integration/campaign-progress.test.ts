import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import type { ReportFigures } from '@duban/domain';
import type { Unit } from '../support/campaign-fixtures';
import { figures, ReportFixture } from '../support/report-fixtures';
import { TestStack } from '../support/test-stack';

/**
 * Targets against actuals (issue 5, item 3) on the real stack: reports written by the read-side
 * fixture, read through GET /campaigns/:id/progress, /rankings and /history, in JSON, CSV and
 * XLSX. Other files share the database: every figure here is of this file's own campaign.
 *
 * The campaign runs 2026-01-01 to 2026-12-31 (365 days). Targets:
 *   pension newly insured 1,000 — districts 甲 500, 乙 300, 丙 200; departments tax 400, civil 600
 *   pension funds ¥1,000,000 (stretch ¥1,200,000) — tax 1,000,000 (stretch 1,200,000)
 *   unemployment contribution rate 90 % — not split
 * Reports (figures cumulative), monthly rounds due 03-05, 04-05 and 05-05:
 *   Feb (filed 03-04): 甲 150 and rate 85; 乙 90 and rate 95; tax 120 and ¥200,000; civil 180
 *   Mar: 甲 250, rate 86 (04-03, accepted); 乙 140, rate 92 (04-03) corrected to 150 (04-08);
 *        tax 130 and ¥400,000 (04-04) RETURNED → tax falls back to its Feb report;
 *        civil 300 (04-02, accepted). Apr: 丙's only report, 180 (05-03), RETURNED — 丙 never counts.
 */
describe('campaign progress: targets against actuals, lights, rankings, history', () => {
  let stack: TestStack;
  let fx: ReportFixture;
  type Login = Awaited<ReturnType<TestStack['userWithToken']>>;
  let office: Login, viewer: Login, inspector: Login, officerA: Login, officerTax: Login, outsider: Login;
  let jia: Unit, yi: Unit, bing: Unit;
  let tax: { id: string; code: string; name: string }, civil: { id: string; code: string; name: string };

  const at = (date: string, time = '10:00') => DateTime.fromISO(`${date}T${time}`, { zone: 'Asia/Shanghai' }).toJSDate();
  const pension = (newlyInsured: number, fundsCollectedYuan?: number) => ({ newlyInsured, ...(fundsCollectedYuan !== undefined ? { fundsCollectedYuan } : {}) });
  const get = (path: string, token = office.token) => stack.http('GET', `/campaigns/${fx.campaignId}${path}`, { token });
  const download = async (path: string, token = office.token) => {
    const response = await fetch(`${stack.baseUrl}/campaigns/${fx.campaignId}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      disposition: response.headers.get('content-disposition'),
      bytes: Buffer.from(await response.arrayBuffer()),
    };
  };

  beforeAll(async () => {
    stack = await TestStack.start();
    office = await stack.userWithToken('office');
    fx = await ReportFixture.create(stack, office, {
      districts: ['进度测试甲区', '进度测试乙县', '进度测试丙区'],
      departments: 2,
      period: { start: '2026-01-01', end: '2026-12-31' },
      targets: ({ districts: [a, b, c], departments: [t, m] }) => [
        {
          insuranceType: 'pension',
          kind: 'persons',
          measure: 'newly_insured',
          value: 1000,
          districtShares: [
            { unitId: a.id, value: 500 },
            { unitId: b.id, value: 300 },
            { unitId: c.id, value: 200 },
          ],
          departmentShares: [
            { unitId: t.id, value: 400 },
            { unitId: m.id, value: 600 },
          ],
        },
        { insuranceType: 'pension', kind: 'funds', value: 1_000_000, stretch: 1_200_000, departmentShares: [{ unitId: t.id, value: 1_000_000, stretch: 1_200_000 }] },
        { insuranceType: 'unemployment', kind: 'contribution_rate', value: 90 },
      ],
    });
    [jia, yi, bing] = fx.districts;
    [tax, civil] = fx.departments;
    [viewer, inspector, officerA, officerTax, outsider] = await Promise.all([
      stack.userWithToken('viewer'),
      stack.userWithToken('inspector'),
      stack.userWithToken('department_officer', jia.id),
      stack.userWithToken('department_officer', tax.id),
      stack.userWithToken('department_officer', (await stack.department(office.token)).id),
    ]);

    const feb = await fx.round({ kind: 'monthly', roundKey: 'monthly:2026-02', periodStart: '2026-02-01', periodEnd: '2026-02-28', dueDate: '2026-03-05' });
    const mar = await fx.round({ kind: 'monthly', roundKey: 'monthly:2026-03', periodStart: '2026-03-01', periodEnd: '2026-03-31', dueDate: '2026-04-05' });
    const apr = await fx.round({ kind: 'monthly', roundKey: 'monthly:2026-04', periodStart: '2026-04-01', periodEnd: '2026-04-30', dueDate: '2026-05-05' });
    const filed = (date: string, insurance: ReportFigures['insurance']) => ({ filedAt: at(date), figures: figures({ insurance }) });

    await fx.report({
      round: feb,
      unitId: jia.id,
      unitKind: 'district',
      state: 'accepted',
      filings: [filed('2026-03-04', { pension: pension(150), unemployment: { contributionRate: 85 } })],
    });
    await fx.report({
      round: feb,
      unitId: yi.id,
      unitKind: 'district',
      state: 'accepted',
      filings: [filed('2026-03-04', { pension: pension(90), unemployment: { contributionRate: 95 } })],
    });
    await fx.report({ round: feb, unitId: tax.id, unitKind: 'department', state: 'accepted', filings: [filed('2026-03-04', { pension: pension(120, 200_000) })] });
    await fx.report({ round: feb, unitId: civil.id, unitKind: 'department', state: 'accepted', filings: [filed('2026-03-04', { pension: pension(180) })] });

    await fx.report({
      round: mar,
      unitId: jia.id,
      unitKind: 'district',
      state: 'accepted',
      filings: [filed('2026-04-03', { pension: pension(250), unemployment: { contributionRate: 86 } })],
    });
    await fx.report({
      round: mar,
      unitId: yi.id,
      unitKind: 'district',
      state: 'submitted',
      filings: [
        filed('2026-04-03', { pension: pension(140), unemployment: { contributionRate: 92 } }),
        { ...filed('2026-04-08', { pension: pension(150), unemployment: { contributionRate: 92 } }), correctionNote: '补报漏统计人数' },
      ],
    });
    await fx.report({ round: mar, unitId: tax.id, unitKind: 'department', state: 'returned', filings: [filed('2026-04-04', { pension: pension(130, 400_000) })] });
    await fx.report({ round: mar, unitId: civil.id, unitKind: 'department', state: 'accepted', filings: [filed('2026-04-02', { pension: pension(300) })] });
    // 丙's first report, for April, is returned: it has filed, but nothing of it counts.
    await fx.report({ round: apr, unitId: bing.id, unitKind: 'district', state: 'returned', filings: [filed('2026-05-03', { pension: pension(180) })] });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const target = (body: any, insuranceType: string, kind: string) => body.targets.find((t: any) => t.insuranceType === insuranceType && t.kind === kind);

  describe('the dashboard', () => {
    it('adds up the districts, falls back past a returned report, and lights each target against the pace', async () => {
      const answer = await get('/progress?asOf=2026-04-10');
      expect(answer.status).toBe(200);
      const body = answer.body;
      // 2026-04-10 is day 100 of 365: 0.274 of the time used.
      expect(body).toMatchObject({ campaignId: fx.campaignId, asOf: '2026-04-10', period: { start: '2026-01-01', end: '2026-12-31' }, timeShare: 0.274, scope: 'campaign' });
      expect(body.thresholds).toEqual({ yellowBelow: 1, redBelow: 0.8 });
      // 甲 250 + 乙 150 (its correction of 04-08) = 400 of 1,000; 274 expected by now: ahead, green.
      expect(target(body, 'pension', 'persons')).toEqual({
        insuranceType: 'pension',
        kind: 'persons',
        measure: 'newly_insured',
        value: 1000,
        actual: 400,
        reachedShare: 0.4,
        expectedByNow: 274,
        light: 'green',
        countedFrom: 'district',
        reportingUnits: 2,
      });
      // The tax bureau's March report was returned: its February ¥200,000 counts. 0.2 / 0.274 = 0.73 of pace: red.
      expect(target(body, 'pension', 'funds')).toEqual({
        insuranceType: 'pension',
        kind: 'funds',
        value: 1_000_000,
        stretch: 1_200_000,
        stretchShare: 0.1667,
        actual: 200_000,
        reachedShare: 0.2,
        expectedByNow: 274_000,
        light: 'red',
        countedFrom: 'department',
        reportingUnits: 1,
      });
      // A rate is the mean of the districts' (86 and 92): 89 of 90 expected all along, yellow.
      expect(target(body, 'unemployment', 'contribution_rate')).toMatchObject({
        actual: 89,
        reachedShare: 0.9889,
        expectedByNow: 90,
        light: 'yellow',
        countedFrom: 'district',
        reportingUnits: 2,
      });
      expect(body.byInsuranceType.map((g: any) => [g.insuranceType, g.light, g.targets.length])).toEqual([
        ['pension', 'red', 2],
        ['unemployment', 'yellow', 1],
      ]);
    });

    it('shows each unit against its share, with the report its figures come from, and one that never reported', async () => {
      const body = (await get('/progress?asOf=2026-04-10')).body;
      expect(body.districts.map((d: any) => d.unitId)).toEqual([jia.id, yi.id, bing.id]);
      const [a, b, c] = body.districts;
      expect(a).toMatchObject({ code: jia.code, name: '进度测试甲区', unitKind: 'district', reported: true, attainment: 0.5, light: 'green', rank: 1 });
      expect(a.latestReport).toMatchObject({ roundKey: 'monthly:2026-03', periodEnd: '2026-03-31', version: 1, filedAt: at('2026-04-03').toISOString() });
      expect(a.targets).toEqual([
        { insuranceType: 'pension', kind: 'persons', measure: 'newly_insured', share: 500, actual: 250, reachedShare: 0.5, expectedByNow: 137, light: 'green' },
      ]);
      expect(b).toMatchObject({ reported: true, attainment: 0.5, rank: 1, latestReport: { roundKey: 'monthly:2026-03', version: 2, filedAt: at('2026-04-08').toISOString() } });
      expect(c).toMatchObject({ code: bing.code, reported: false, hasFiled: false, latestReport: null, attainment: 0, light: 'red', rank: 3 });
      expect(a.hasFiled).toBe(true);
      expect(c.targets).toEqual([
        { insuranceType: 'pension', kind: 'persons', measure: 'newly_insured', share: 200, actual: null, reachedShare: 0, expectedByNow: 54.8, light: 'red' },
      ]);

      const [t, m] = body.departments;
      // Tax: persons 120 / 400 = 0.3 (green), funds 0.2 (red); mean 0.25 against 0.274: yellow.
      expect(t).toMatchObject({ unitId: tax.id, name: tax.name, code: tax.code, reported: true, attainment: 0.25, light: 'yellow', rank: 2 });
      expect(t.latestReport).toMatchObject({ roundKey: 'monthly:2026-02', version: 1 });
      expect(t.targets.map((x: any) => [x.kind, x.share, x.actual, x.reachedShare, x.light])).toEqual([
        ['persons', 400, 120, 0.3, 'green'],
        ['funds', 1_000_000, 200_000, 0.2, 'red'],
      ]);
      expect(m).toMatchObject({ unitId: civil.id, attainment: 0.5, light: 'green', rank: 1, latestReport: { roundKey: 'monthly:2026-03' } });
    });

    it('counts only filings made by the end of the day asked for', async () => {
      // On 04-05 乙's correction (04-08) is not filed yet: its first version's 140 counts.
      const body = (await get('/progress?asOf=2026-04-05')).body;
      expect(target(body, 'pension', 'persons')).toMatchObject({ actual: 390 });
      expect(body.districts[1].latestReport).toMatchObject({ version: 1 });
      // Before any filing, nobody has reported; the target's actual is unknown.
      const before = (await get('/progress?asOf=2026-02-15')).body;
      expect(target(before, 'pension', 'persons')).toMatchObject({ actual: null, reachedShare: 0, reportingUnits: 0 });
      expect(before.districts.every((d: any) => d.reported === false && d.latestReport === null)).toBe(true);
    });

    it('tells a unit whose only report was returned from one that never filed', async () => {
      const body = (await get('/progress?asOf=2026-05-10')).body;
      expect(body.districts[2]).toMatchObject({ unitId: bing.id, reported: false, hasFiled: true, latestReport: null, attainment: 0 });
      expect(target(body, 'pension', 'persons')).toMatchObject({ actual: 400, reportingUnits: 2 });
    });

    it('turns the light of the same filings from green to red as time passes', async () => {
      const lightOn = async (asOf: string) => {
        const body = (await get(`/progress?asOf=${asOf}`)).body;
        return { timeShare: body.timeShare, ...pick(target(body, 'pension', 'persons'), 'actual', 'expectedByNow', 'light') };
      };
      // 400 of 1,000 throughout. Day 100: 274 expected, green. Day 166 (06-15): 454.8 expected,
      // 0.4 / 0.4548 = 0.88 of pace, yellow. Day 243 (08-31): 665.8 expected, 0.60 of pace, red.
      expect(await lightOn('2026-04-10')).toEqual({ timeShare: 0.274, actual: 400, expectedByNow: 274, light: 'green' });
      expect(await lightOn('2026-06-15')).toEqual({ timeShare: 0.4548, actual: 400, expectedByNow: 454.8, light: 'yellow' });
      expect(await lightOn('2026-08-31')).toEqual({ timeShare: 0.6658, actual: 400, expectedByNow: 665.8, light: 'red' });
    });

    it('shows no red light before the campaign starts, the 90 % rate target included', async () => {
      const body = (await get('/progress?asOf=2025-12-31')).body;
      expect(body.timeShare).toBe(0);
      expect(body.targets.map((t: any) => [t.insuranceType, t.kind, t.light])).toEqual([
        ['pension', 'persons', 'green'],
        ['pension', 'funds', 'green'],
        ['unemployment', 'contribution_rate', 'green'],
      ]);
      expect(target(body, 'unemployment', 'contribution_rate')).toMatchObject({ actual: null, expectedByNow: 90 });
      expect(body.byInsuranceType.map((g: any) => g.light)).toEqual(['green', 'green']);
      for (const unit of [...body.districts, ...body.departments]) expect([unit.name, unit.light]).toEqual([unit.name, 'green']);
      // The day it starts, nothing filed yet is behind again.
      const first = (await get('/progress?asOf=2026-01-01')).body;
      expect(target(first, 'unemployment', 'contribution_rate').light).toBe('red');
    });

    it('judges the filed rate against the rate itself, whatever the share of time used', async () => {
      const rateOn = async (asOf: string) => pick(target((await get(`/progress?asOf=${asOf}`)).body, 'unemployment', 'contribution_rate'), 'actual', 'expectedByNow', 'light');
      // (86 + 92) / 2 = 89 of 90 from April to the end of the year: yellow throughout, while the head count's light turns red.
      for (const asOf of ['2026-04-10', '2026-08-31', '2026-12-31']) {
        expect([asOf, await rateOn(asOf)]).toEqual([asOf, { actual: 89, expectedByNow: 90, light: 'yellow' }]);
      }
      // (85 + 95) / 2 = 90 in March: green.
      expect(await rateOn('2026-03-10')).toEqual({ actual: 90, expectedByNow: 90, light: 'green' });
    });

    it('lights a campaign that has not started without red, through the dashboard as it opens today', async () => {
      const start = DateTime.now().setZone('Asia/Shanghai').plus({ months: 3 }).startOf('month');
      const later = await ReportFixture.create(stack, office, {
        districts: ['未开始甲区'],
        departments: 1,
        period: { start: start.toISODate()!, end: start.plus({ months: 9 }).endOf('month').toISODate()! },
        targets: ({ districts: [a], departments: [t] }) => [
          { insuranceType: 'pension', kind: 'persons', measure: 'newly_insured', value: 500, districtShares: [{ unitId: a.id, value: 500 }] },
          { insuranceType: 'pension', kind: 'contribution_rate', value: 80, districtShares: [{ unitId: a.id, value: 80 }] },
          { insuranceType: 'medical', kind: 'funds', value: 300_000, departmentShares: [{ unitId: t.id, value: 300_000 }] },
          { insuranceType: 'medical', kind: 'persons', measure: 'total_insured', value: 9000, departmentShares: [{ unitId: t.id, value: 9000 }] },
        ],
      });
      const body = (await stack.http('GET', `/campaigns/${later.campaignId}/progress`, { token: office.token })).body;
      expect(body).toMatchObject({ timeShare: 0, scope: 'campaign' });
      const lights = [...body.targets, ...body.byInsuranceType, ...body.districts, ...body.departments].map((x: any) => x.light);
      expect(lights).toHaveLength(4 + 2 + 1 + 1);
      expect(lights.filter((l: string) => l !== 'green')).toEqual([]);
      const rankings = (await stack.http('GET', `/campaigns/${later.campaignId}/progress/rankings?kind=district`, { token: office.token })).body;
      expect(JSON.stringify(rankings)).not.toContain('"red"');
    });

    it('defaults to today in Beijing time', async () => {
      const today = DateTime.now().setZone('Asia/Shanghai').toISODate();
      const body = (await get('/progress')).body;
      // Unless the day turned between the two readings.
      expect([today, DateTime.now().setZone('Asia/Shanghai').toISODate()]).toContain(body.asOf);
    });
  });

  describe('rankings', () => {
    it('ranks districts best first, equal attainments sharing a rank', async () => {
      const answer = await get('/progress/rankings?asOf=2026-04-10&kind=district');
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ kind: 'district', asOf: '2026-04-10', timeShare: 0.274, scope: 'campaign' });
      expect(answer.body.rankings.map((r: any) => [r.name, r.rank, r.attainment, r.light, r.reported])).toEqual([
        ['进度测试甲区', 1, 0.5, 'green', true],
        ['进度测试乙县', 1, 0.5, 'green', true],
        ['进度测试丙区', 3, 0, 'red', false],
      ]);
      expect(answer.body.rankings[0]).not.toHaveProperty('targets');
    });

    it('ranks departments, and districts by default', async () => {
      const departments = (await get('/progress/rankings?asOf=2026-04-10&kind=department')).body;
      expect(departments.rankings.map((r: any) => [r.unitId, r.rank, r.attainment])).toEqual([
        [civil.id, 1, 0.5],
        [tax.id, 2, 0.25],
      ]);
      // On 03-10 only February counts: 甲 150/500 = 0.3 ahead of 乙 90/300 = 0.3 — a tie again; 丙 last.
      const early = (await get('/progress/rankings?asOf=2026-03-10')).body;
      expect(early.kind).toBe('district');
      expect(early.rankings.map((r: any) => [r.unitId, r.rank, r.attainment])).toEqual([
        [jia.id, 1, 0.3],
        [yi.id, 1, 0.3],
        [bing.id, 3, 0],
      ]);
    });
  });

  describe('history', () => {
    it('gives the actuals and lights at each round’s due date, and at the last day asked for', async () => {
      const answer = await get('/progress/history?from=2026-01-01&to=2026-05-31');
      expect(answer.status).toBe(200);
      const body = answer.body;
      expect(body).toMatchObject({ from: '2026-01-01', to: '2026-05-31', step: 'round', pointsAt: 'round_due_dates' });
      expect(body.points.map((p: any) => [p.date, p.dueRounds, p.timeShare])).toEqual([
        ['2026-03-05', ['monthly:2026-02'], 0.1753],
        ['2026-04-05', ['monthly:2026-03'], 0.2603],
        ['2026-05-05', ['monthly:2026-04'], 0.3425],
        ['2026-05-31', [], 0.4137],
      ]);
      const series = (insuranceType: string, kind: string) => body.points.map((p: any) => pick(target(p, insuranceType, kind), 'actual', 'light'));
      // Persons: 150 + 90; then 250 + 140 (乙's correction comes 04-08); then 400 — behind pace by the end of May.
      expect(series('pension', 'persons')).toEqual([
        { actual: 240, light: 'green' },
        { actual: 390, light: 'green' },
        { actual: 400, light: 'green' },
        { actual: 400, light: 'yellow' },
      ]);
      // Funds: ¥200,000 from February on (March's was returned): green at first, then red.
      expect(series('pension', 'funds')).toEqual([
        { actual: 200_000, light: 'green' },
        { actual: 200_000, light: 'red' },
        { actual: 200_000, light: 'red' },
        { actual: 200_000, light: 'red' },
      ]);
      expect(series('unemployment', 'contribution_rate')).toEqual([
        { actual: 90, light: 'green' },
        { actual: 89, light: 'yellow' },
        { actual: 89, light: 'yellow' },
        { actual: 89, light: 'yellow' },
      ]);
      // Each point equals the dashboard read for that day.
      const dashboard = (await get('/progress?asOf=2026-04-05')).body;
      expect(body.points[1].targets).toEqual(dashboard.targets.map(({ countedFrom: _c, ...t }: any) => t));
    });

    it('steps by month end, and falls back to month ends where no round is due', async () => {
      const byMonth = (await get('/progress/history?from=2026-01-01&to=2026-04-30&step=month')).body;
      expect(byMonth.pointsAt).toBe('month_ends');
      expect(byMonth.points.map((p: any) => [p.date, target(p, 'pension', 'persons').actual])).toEqual([
        ['2026-01-31', null],
        ['2026-02-28', null],
        ['2026-03-31', 240],
        ['2026-04-30', 400],
      ]);
      const noRounds = (await get('/progress/history?from=2026-06-01&to=2026-08-31')).body;
      expect(noRounds).toMatchObject({ step: 'round', pointsAt: 'month_ends' });
      expect(noRounds.points.map((p: any) => [p.date, target(p, 'pension', 'persons').light])).toEqual([
        ['2026-06-30', 'yellow'],
        ['2026-07-31', 'red'],
        ['2026-08-31', 'red'],
      ]);
    });

    it('refuses a range that ends before it starts or has too many points', async () => {
      expect((await get('/progress/history?from=2026-05-01&to=2026-04-30')).status).toBe(400);
      const tooMany = await get('/progress/history?from=1900-01-01&to=2026-12-31&step=month');
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.fields.from[0]).toContain('more than 400 points');
    });
  });

  describe('downloads', () => {
    const csvRows = (bytes: Buffer) => {
      const text = bytes.toString('utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      // Nothing in these tables holds a comma or a quote.
      return text
        .slice(1)
        .trimEnd()
        .split('\r\n')
        .map((line) => line.split(','));
    };
    const xlsxRows = async (bytes: Buffer) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as never);
      const rows: unknown[][] = [];
      workbook.worksheets[0].eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1)));
      return { name: workbook.worksheets[0].name, rows };
    };
    /** The rows the JSON says, as cells: numbers, text, or null for empty. */
    const pct = (share: number | null | undefined) => (share === null || share === undefined ? null : Math.round(share * 10_000) / 100);
    const time = (iso: string) => DateTime.fromISO(iso).setZone('Asia/Shanghai').toFormat('yyyy-MM-dd HH:mm:ss');
    const KINDS: Record<string, string> = { persons: '新增参保人数', funds: '基金征收（元）', contribution_rate: '缴费率（%）' };
    const TYPES: Record<string, string> = { pension: '养老保险', unemployment: '失业保险' };
    const LIGHTS: Record<string, string> = { green: '绿', yellow: '黄', red: '红' };
    const expectedProgressRows = (body: any): unknown[][] => [
      ...body.targets.map((t: any) => [
        '整体',
        null,
        body.campaignName,
        TYPES[t.insuranceType],
        KINDS[t.kind],
        t.value,
        t.stretch ?? null,
        t.actual,
        pct(t.reachedShare),
        pct(t.stretchShare),
        t.expectedByNow,
        LIGHTS[t.light],
        t.reportingUnits,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
      ]),
      ...[...body.districts, ...body.departments].flatMap((u: any) =>
        u.targets.map((t: any) => [
          u.unitKind === 'district' ? '县区' : '部门',
          u.code,
          u.name,
          TYPES[t.insuranceType],
          KINDS[t.kind],
          t.share,
          null,
          t.actual,
          pct(t.reachedShare),
          null,
          t.expectedByNow,
          LIGHTS[t.light],
          null,
          u.reported ? '是' : '否',
          u.hasFiled ? '是' : '否',
          u.latestReport?.roundKey ?? null,
          u.latestReport ? time(u.latestReport.filedAt) : null,
          u.latestReport?.version ?? null,
          pct(u.attainment),
          u.rank,
        ]),
      ),
    ];
    const asCsv = (rows: unknown[][]) => rows.map((r) => r.map((v) => (v === null ? '' : String(v))));
    /** Excel drops trailing empty cells of a row. */
    const trimmed = (rows: unknown[][]) =>
      rows.map((r) => {
        // Array.from, not map: the cells ExcelJS leaves empty are holes.
        const out = Array.from(r, (v) => v ?? null);
        while (out.length > 0 && out[out.length - 1] === null) out.pop();
        return out;
      });

    it('gives the dashboard as CSV and XLSX, the same figures as the JSON, one row per target and per unit × share', async () => {
      const body = (await get('/progress?asOf=2026-04-10')).body;
      const expected = expectedProgressRows(body);
      // 3 campaign targets; 甲 乙 丙 one share each; tax two, civil one.
      expect(expected).toHaveLength(3 + 3 + 3);

      const csv = await download('/progress?asOf=2026-04-10&format=csv');
      expect(csv.status).toBe(200);
      expect(csv.type).toContain('text/csv');
      expect(csv.disposition).toMatch(/^attachment; filename="campaign-progress-2026-04-10-\d{8}-\d{4}\.csv"; filename\*=UTF-8''/);
      const lines = csvRows(csv.bytes);
      expect(lines[0]).toEqual([
        '范围',
        '单位代码',
        '单位名称',
        '险种',
        '指标',
        '目标值',
        '挑战值',
        '实际值',
        '完成率（%）',
        '挑战完成率（%）',
        '按进度应完成',
        '进度灯',
        '报送单位数',
        '已报送（计入）',
        '曾报送',
        '最近报告轮次',
        '报送时间',
        '版本',
        '综合完成率（%）',
        '排名',
      ]);
      expect(lines.slice(1)).toEqual(asCsv(expected));
      // Worked by hand: 丙 never reported.
      expect(lines.find((l) => l[2] === '进度测试丙区')).toEqual([
        '县区',
        bing.code,
        '进度测试丙区',
        '养老保险',
        '新增参保人数',
        '200',
        '',
        '',
        '0',
        '',
        '54.8',
        '红',
        '',
        '否',
        '否',
        '',
        '',
        '',
        '0',
        '3',
      ]);

      const xlsx = await download('/progress?asOf=2026-04-10&format=xlsx');
      expect(xlsx.status).toBe(200);
      expect(xlsx.type).toContain('spreadsheetml');
      expect(xlsx.disposition).toContain('.xlsx"');
      const sheet = await xlsxRows(xlsx.bytes);
      expect(sheet.name).toBe('扩面进度2026-04-10');
      expect(sheet.rows[0]).toEqual(lines[0]);
      expect(trimmed(sheet.rows.slice(1))).toEqual(trimmed(expected));
    });

    it('gives the rankings and the history as tables too', async () => {
      const rankings = (await get('/progress/rankings?asOf=2026-04-10&kind=district')).body;
      const expectedRankings = rankings.rankings.map((u: any) => [
        u.rank,
        '县区',
        u.code,
        u.name,
        pct(u.attainment),
        LIGHTS[u.light],
        u.reported ? '是' : '否',
        u.hasFiled ? '是' : '否',
        u.latestReport?.roundKey ?? null,
        u.latestReport ? time(u.latestReport.filedAt) : null,
      ]);
      const rankingCsv = csvRows((await download('/progress/rankings?asOf=2026-04-10&kind=district&format=csv')).bytes);
      expect(rankingCsv[0]).toEqual(['排名', '类别', '单位代码', '单位名称', '综合完成率（%）', '进度灯', '已报送（计入）', '曾报送', '最近报告轮次', '报送时间']);
      expect(rankingCsv.slice(1)).toEqual(asCsv(expectedRankings));
      const rankingXlsx = await xlsxRows((await download('/progress/rankings?asOf=2026-04-10&kind=district&format=xlsx')).bytes);
      expect(trimmed(rankingXlsx.rows.slice(1))).toEqual(trimmed(expectedRankings));

      const history = (await get('/progress/history?from=2026-01-01&to=2026-05-31')).body;
      const expectedHistory = history.points.flatMap((p: any) =>
        p.targets.map((t: any) => [
          p.date,
          p.dueRounds.join(' '),
          pct(p.timeShare),
          TYPES[t.insuranceType],
          KINDS[t.kind],
          t.value,
          t.actual,
          pct(t.reachedShare),
          t.expectedByNow,
          LIGHTS[t.light],
          t.reportingUnits,
        ]),
      );
      expect(expectedHistory).toHaveLength(4 * 3);
      const historyCsv = csvRows((await download('/progress/history?from=2026-01-01&to=2026-05-31&format=csv')).bytes);
      expect(historyCsv[0]).toEqual(['日期', '到期报告轮次', '时间进度（%）', '险种', '指标', '目标值', '实际值', '完成率（%）', '按进度应完成', '进度灯', '报送单位数']);
      expect(historyCsv.slice(1)).toEqual(asCsv(expectedHistory));
      expect(historyCsv[1]).toEqual(['2026-03-05', 'monthly:2026-02', '17.53', '养老保险', '新增参保人数', '1000', '240', '24', '175.3', '绿', '2']);
      const historyXlsx = await xlsxRows((await download('/progress/history?from=2026-01-01&to=2026-05-31&format=xlsx')).bytes);
      // An empty text cell (the last point is due for no round) reads back as an empty string or nothing.
      expect(trimmed(historyXlsx.rows.slice(1)).map((r) => r.map((v) => (v === '' ? null : v)))).toEqual(trimmed(expectedHistory).map((r) => r.map((v) => (v === '' ? null : v))));
    });

    it('takes the format from the Accept header when ?format is absent', async () => {
      const response = await fetch(`${stack.baseUrl}/campaigns/${fx.campaignId}/progress?asOf=2026-04-10`, {
        headers: { authorization: `Bearer ${office.token}`, accept: 'text/csv' },
      });
      expect(response.headers.get('content-type')).toContain('text/csv');
      expect((await get('/progress?asOf=2026-04-10&format=pdf')).status).toBe(400);
    });
  });

  describe('who may read it', () => {
    it('refuses impossible dates and unknown parameters, and answers 404 for an unknown campaign', async () => {
      for (const asOf of ['2026-02-30', '2026-4-1', 'today', '2026-13-01']) {
        const answer = await get(`/progress?asOf=${asOf}`);
        expect({ asOf, status: answer.status }).toEqual({ asOf, status: 400 });
        expect(answer.body.fields.asOf).toEqual(['asOf must be a date YYYY-MM-DD']);
      }
      expect((await get('/progress/rankings?kind=sector')).status).toBe(400);
      expect((await get('/progress/history?step=week')).status).toBe(400);
      expect((await get('/progress/history?from=2026-02-30')).status).toBe(400);
      for (const id of [randomUUID(), 'not-a-campaign']) {
        for (const path of ['progress', 'progress/rankings', 'progress/history']) {
          expect((await stack.http('GET', `/campaigns/${id}/${path}`, { token: viewer.token })).status).toBe(404);
        }
      }
    });

    it('lets viewers read everything and refuses inspectors', async () => {
      const asViewer = (await get('/progress?asOf=2026-04-10', viewer.token)).body;
      expect(asViewer.scope).toBe('campaign');
      expect(asViewer.districts).toHaveLength(3);
      for (const path of ['/progress', '/progress/rankings', '/progress/history', '/progress?format=csv']) {
        expect((await get(path, inspector.token)).status).toBe(403);
      }
      expect((await stack.http('GET', `/campaigns/${fx.campaignId}/progress`)).status).toBe(401);
    });

    it('shows a department officer the totals and their own unit only', async () => {
      const whole = (await get('/progress?asOf=2026-04-10')).body;
      const district = (await get('/progress?asOf=2026-04-10', officerA.token)).body;
      expect(district.scope).toBe('own_unit');
      expect(district.targets).toEqual(whole.targets);
      expect(district.byInsuranceType).toEqual(whole.byInsuranceType);
      expect(district.districts.map((d: any) => d.unitId)).toEqual([jia.id]);
      expect(district.districts[0]).toEqual(whole.districts[0]);
      expect(district.departments).toEqual([]);
      // Their own line keeps its rank among all the districts.
      const ranking = (await get('/progress/rankings?asOf=2026-04-10', officerA.token)).body;
      expect(ranking.rankings.map((r: any) => [r.unitId, r.rank])).toEqual([[jia.id, 1]]);
      expect((await get('/progress/rankings?asOf=2026-04-10&kind=department', officerA.token)).body.rankings).toEqual([]);

      const department = (await get('/progress?asOf=2026-04-10', officerTax.token)).body;
      expect(department.districts).toEqual([]);
      expect(department.departments.map((d: any) => [d.unitId, d.rank])).toEqual([[tax.id, 2]]);
      const csv = csvLines((await download('/progress?asOf=2026-04-10&format=csv', officerTax.token)).bytes);
      // Three campaign targets and the tax bureau's two shares.
      expect(csv.slice(1).map((l) => l[0])).toEqual(['整体', '整体', '整体', '部门', '部门']);

      // An officer of a department outside the campaign: the totals, no unit.
      const other = (await get('/progress?asOf=2026-04-10', outsider.token)).body;
      expect(other).toMatchObject({ scope: 'own_unit', districts: [], departments: [] });
      expect(other.targets).toEqual(whole.targets);
      const history = await get('/progress/history?from=2026-01-01&to=2026-05-31', outsider.token);
      expect(history.status).toBe(200);
      expect(history.body.points).toHaveLength(4);
    });
  });

  const csvLines = (bytes: Buffer) =>
    bytes
      .toString('utf8')
      .slice(1)
      .trimEnd()
      .split('\r\n')
      .map((line) => line.split(','));
});

function pick<T extends Record<string, unknown>, K extends keyof T>(object: T, ...keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, object[k]])) as Pick<T, K>;
}
