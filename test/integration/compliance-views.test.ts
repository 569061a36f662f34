import { randomUUID } from 'node:crypto';
import { UNIT_COMPLIANCE_STATUSES, unitComplianceStatus, type ComplianceCaseOutcome, type ComplianceCaseState } from '@duban/domain';
import { registerDistricts, type Unit } from '../support/campaign-fixtures';
import { ComplianceFixture, registerInspectionTeam, type CaseSpec } from '../support/compliance-fixtures';
import { TestStack } from '../support/test-stack';
import { asCsvRows, csvAndXlsx } from '../support/table-download';

/**
 * The exposure list (JSON, CSV, printable page) and the views of units by compliance status and
 * of cases by stage (issue 4). The run's test files share one database, so the exact counts
 * are taken where this file owns everything (its own districts, departments, team and
 * campaign); elsewhere the test checks that the counts add up.
 */
describe('compliance views and the exposure list', () => {
  let stack: TestStack;
  let fx: ComplianceFixture;
  type Login = Awaited<ReturnType<TestStack['userWithToken']>>;
  let office: Login, viewer: Login, officerX: Login, officerY: Login, inspectorT: Login;
  let d1: Unit, d2: Unit;
  let deptX: { id: string }, deptY: { id: string };
  let units: Record<'none' | 'notified' | 'escalated' | 'rectified' | 'dismissed' | 'identified', string>;
  let mediaDutyId: string;
  const EXPOSED_NAME = `=HYPERLINK("http://x")<script>alert('x')</script>&某建材公司`;

  type Counts = Record<(typeof UNIT_COMPLIANCE_STATUSES)[number], number>;
  interface Group {
    groupKey: string | null;
    groupName: string | null;
    total: number;
    byStatus: Counts;
  }
  interface UnitsOverview {
    groupBy: string;
    scoped: boolean;
    groups: Group[];
    totals: { units: number; byStatus: Counts };
  }
  const counts = (partial: Partial<Counts>): Counts => ({ ...(Object.fromEntries(UNIT_COMPLIANCE_STATUSES.map((s) => [s, 0])) as Counts), ...partial });
  const csv = async (path: string, token: string) => {
    const response = await fetch(`${stack.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      disposition: response.headers.get('content-disposition'),
      text: Buffer.from(await response.arrayBuffer()).toString('utf8'),
    };
  };
  /** Every group's statuses add up to its total, and the groups to the totals. */
  const expectAddsUp = (overview: UnitsOverview) => {
    for (const group of overview.groups) expect(Object.values(group.byStatus).reduce((a, b) => a + b, 0)).toBe(group.total);
    expect(overview.groups.reduce((sum, g) => sum + g.total, 0)).toBe(overview.totals.units);
    for (const status of UNIT_COMPLIANCE_STATUSES) expect(overview.groups.reduce((sum, g) => sum + g.byStatus[status], 0)).toBe(overview.totals.byStatus[status]);
  };

  beforeAll(async () => {
    stack = await TestStack.start();
    office = await stack.userWithToken('office');
    fx = await ComplianceFixture.create(stack, office);
    [d1, d2] = await registerDistricts(stack, office.token, ['视图测试甲区', '视图测试乙县']);
    [deptX, deptY] = await Promise.all([stack.department(office.token), stack.department(office.token)]);
    const team = await registerInspectionTeam(stack, office.token, '雁峰区劳动保障监察大队', [d1.id]);
    [viewer, officerX, officerY, inspectorT] = await Promise.all([
      stack.userWithToken('viewer'),
      stack.userWithToken('department_officer', deptX.id),
      stack.userWithToken('department_officer', deptY.id),
      stack.userWithToken('inspector', team.id),
    ]);
    const unit = (name: string, sectorKey: string, district: Unit) => fx.unit({ name, sectorKey, districtId: district.id });
    units = {
      none: await unit('无问题餐馆', 'restaurants', d1),
      notified: await unit('已通知餐馆', 'restaurants', d1),
      escalated: await unit(EXPOSED_NAME, 'building_materials', d1),
      rectified: await unit('已整改超市', 'supermarkets', d1),
      dismissed: await unit('已撤销超市', 'supermarkets', d2),
      identified: await unit('新发现超市', 'supermarkets', d2),
    };
    const media = fx.department('MEDIA');
    const duty = await stack.http('POST', '/duties', {
      token: office.token,
      body: { departmentId: media.id, title: '曝光拒不参保单位', description: '在媒体公布名单', dueAt: new Date(Date.now() + 30 * 86_400_000).toISOString() },
    });
    expect(duty.status).toBe(201);
    mediaDutyId = duty.body.id;
    const at = (code: string, sectorKey: string, district: Unit) => ({ creditCode: code, sectorKey, districtId: district.id });
    const specs: CaseSpec[] = [
      { ...at(units.notified, 'restaurants', d1), finding: 'in_arrears', state: 'identified', departmentId: deptX.id },
      { ...at(units.notified, 'restaurants', d1), finding: 'not_registered', state: 'notified', departmentId: deptX.id },
      {
        ...at(units.escalated, 'building_materials', d1),
        finding: 'not_registered',
        state: 'escalated',
        departmentId: deptX.id,
        inspection: { teamId: team.id },
        exposure: { status: 'approved', mediaDutyId },
        steps: [{ step: 'inspection' }, { step: 'exposure' }, { step: 'bidding_ban' }],
      },
      {
        ...at(units.escalated, 'building_materials', d1),
        finding: 'in_arrears',
        state: 'closed',
        outcome: 'rectified',
        deadlineInDays: -3,
        departmentId: deptY.id,
        exposure: { status: 'rejected' },
        steps: [{ step: 'inspection' }, { step: 'exposure' }, { step: 'court_referral', status: 'cancelled' }],
      },
      { ...at(units.rectified, 'supermarkets', d1), finding: 'under_insured', state: 'closed', outcome: 'rectified', departmentId: deptY.id },
      { ...at(units.rectified, 'supermarkets', d1), finding: 'in_arrears', state: 'closed', outcome: 'dismissed', departmentId: deptY.id },
      { ...at(units.dismissed, 'supermarkets', d2), finding: 'in_arrears', state: 'closed', outcome: 'dismissed', departmentId: deptY.id },
      { ...at(units.identified, 'supermarkets', d2), finding: 'under_insured', state: 'identified', departmentId: deptY.id },
    ];
    for (const spec of specs) await fx.case(spec);
    // Setting up takes many calls; on a loaded machine (2 cores shared) more than the default 90 s.
  }, 300_000);

  afterAll(async () => {
    await stack?.stop();
  });

  describe('units by compliance status', () => {
    it('counts each unit once per district by its most advanced open case, else how its cases ended', async () => {
      const answer = await stack.http<UnitsOverview>('GET', '/compliance/overview/units?groupBy=district', { token: viewer.token });
      expect(answer.status).toBe(200);
      expect(answer.body.scoped).toBe(false);
      expectAddsUp(answer.body);
      const group = (district: Unit) => answer.body.groups.find((g) => g.groupKey === district.id);
      expect(group(d1)).toEqual({ groupKey: d1.id, groupName: '视图测试甲区', total: 4, byStatus: counts({ no_findings: 1, notified: 1, escalated: 1, rectified: 1 }) });
      expect(group(d2)).toEqual({ groupKey: d2.id, groupName: '视图测试乙县', total: 2, byStatus: counts({ identified: 1, dismissed: 1 }) });
    });

    it('agrees with the domain rule (unitComplianceStatus) for every unit of the districts', async () => {
      const rows: Array<{ creditCode: string; districtId: string; state: ComplianceCaseState | null; outcome: ComplianceCaseOutcome | null }> = await stack.dataSource.query(
        `SELECT u.credit_code AS "creditCode", u.district_id AS "districtId", c.state, c.outcome
         FROM units u LEFT JOIN compliance_cases c ON c.credit_code = u.credit_code WHERE u.district_id = ANY($1::uuid[])`,
        [[d1.id, d2.id]],
      );
      const byUnit = new Map<string, { districtId: string; cases: Array<{ state: ComplianceCaseState; outcome: ComplianceCaseOutcome | null }> }>();
      for (const row of rows) {
        const entry = byUnit.get(row.creditCode) ?? { districtId: row.districtId, cases: [] };
        if (row.state) entry.cases.push({ state: row.state, outcome: row.outcome });
        byUnit.set(row.creditCode, entry);
      }
      const expected = new Map<string, Counts>([
        [d1.id, counts({})],
        [d2.id, counts({})],
      ]);
      for (const { districtId, cases } of byUnit.values()) expected.get(districtId)![unitComplianceStatus(cases)] += 1;
      const answer = await stack.http<UnitsOverview>('GET', '/compliance/overview/units?groupBy=district', { token: office.token });
      for (const district of [d1, d2]) expect(answer.body.groups.find((g) => g.groupKey === district.id)?.byStatus).toEqual(expected.get(district.id));
    });

    it('groups by sector, and the groups add up to every unit', async () => {
      const answer = await stack.http<UnitsOverview>('GET', '/compliance/overview/units?groupBy=sector', { token: office.token });
      expect(answer.status).toBe(200);
      expectAddsUp(answer.body);
      const supermarkets = answer.body.groups.find((g) => g.groupKey === 'supermarkets')!;
      expect(supermarkets.groupName).toBe('超市');
      expect(supermarkets.byStatus.dismissed).toBeGreaterThanOrEqual(1);
      expect(answer.body.groups.map((g) => g.groupKey)).toEqual(expect.arrayContaining(['restaurants', 'building_materials']));
    });

    it('scopes an officer to the units with a case of their department, by those cases only; an inspector to their team’s', async () => {
      const x = await stack.http<UnitsOverview>('GET', '/compliance/overview/units?groupBy=district', { token: officerX.token });
      expect(x.body.scoped).toBe(true);
      expectAddsUp(x.body);
      // The escalated unit's rectified case is routed to Y: X sees the unit escalated by its own case.
      expect(x.body.totals).toEqual({ units: 2, byStatus: counts({ notified: 1, escalated: 1 }) });
      const y = await stack.http<UnitsOverview>('GET', '/compliance/overview/units?groupBy=district', { token: officerY.token });
      expect(y.body.totals).toEqual({ units: 4, byStatus: counts({ rectified: 2, dismissed: 1, identified: 1 }) });
      const t = await stack.http<UnitsOverview>('GET', '/compliance/overview/units?groupBy=sector', { token: inspectorT.token });
      expect(t.body.groups).toEqual([{ groupKey: 'building_materials', groupName: '建材', total: 1, byStatus: counts({ escalated: 1 }) }]);
    });

    it('exports CSV with a BOM, Chinese headers and a total row', async () => {
      const file = await csv('/compliance/overview/units?groupBy=district&format=csv', office.token);
      expect(file.status).toBe(200);
      expect(file.type).toContain('text/csv');
      expect(file.disposition).toMatch(/^attachment; filename="units-by-district-\d{8}-\d{4}\.csv"/);
      const lines = file.text.split('\r\n');
      expect(lines[0]).toBe('\uFEFF县区,单位数,未发现问题,已发现,已下达限期改正,逾期升级,已整改,已撤销');
      expect(lines).toContain('视图测试甲区,4,1,0,1,1,1,0');
      expect(lines).toContain('视图测试乙县,2,0,1,0,0,0,1');
      expect(lines[lines.length - 2]).toMatch(/^合计,\d+,/);
      expect(lines[lines.length - 1]).toBe('');
      const scoped = await csv('/compliance/overview/units?groupBy=district&format=csv', officerX.token);
      expect(scoped.text.split('\r\n')).toContain('合计,2,0,0,1,1,0,0');
      expect((await stack.http('GET', '/compliance/overview/units?groupBy=department', { token: office.token })).body.fields).toHaveProperty('groupBy');
    });
  });

  describe('cases by stage', () => {
    it('counts a campaign’s cases by finding and stage, and escalation steps by status', async () => {
      const answer = await stack.http('GET', `/compliance/overview/cases?campaignId=${fx.campaignId}`, { token: viewer.token });
      expect(answer.status).toBe(200);
      expect(answer.body.stages).toEqual([
        { finding: 'in_arrears', stage: 'closed_dismissed', cases: 2 },
        { finding: 'in_arrears', stage: 'closed_rectified', cases: 1 },
        { finding: 'in_arrears', stage: 'identified', cases: 1 },
        { finding: 'not_registered', stage: 'escalated', cases: 1 },
        { finding: 'not_registered', stage: 'notified', cases: 1 },
        { finding: 'under_insured', stage: 'closed_rectified', cases: 1 },
        { finding: 'under_insured', stage: 'identified', cases: 1 },
      ]);
      expect(answer.body.steps).toEqual([
        { step: 'bidding_ban', status: 'taken', cases: 1 },
        { step: 'court_referral', status: 'cancelled', cases: 1 },
        { step: 'exposure', status: 'taken', cases: 2 },
        { step: 'inspection', status: 'taken', cases: 2 },
      ]);
      expect(answer.body.total).toBe(8);
    });

    it('filters by district, sector and department, and the parts add up to the whole', async () => {
      const total = async (query: string, token = office.token) =>
        (await stack.http('GET', `/compliance/overview/cases?campaignId=${fx.campaignId}&${query}`, { token })).body.total as number;
      expect(await total(`districtId=${d1.id}`)).toBe(6);
      expect(await total(`districtId=${d2.id}`)).toBe(2);
      expect(await total('sectorKey=supermarkets')).toBe(4);
      expect(await total('sectorKey=restaurants')).toBe(2);
      expect(await total('sectorKey=building_materials')).toBe(2);
      expect(await total(`departmentId=${deptX.id}`)).toBe(3);
      expect(await total(`departmentId=${deptY.id}`)).toBe(5);
      expect(await total(`departmentId=${randomUUID()}`)).toBe(0);
    });

    it('scopes officers to their department (another named → 403) and inspectors to their team', async () => {
      const x = await stack.http('GET', `/compliance/overview/cases?campaignId=${fx.campaignId}`, { token: officerX.token });
      expect(x.body.total).toBe(3);
      expect((await stack.http('GET', `/compliance/overview/cases?departmentId=${deptY.id}`, { token: officerX.token })).status).toBe(403);
      expect((await stack.http('GET', `/compliance/overview/cases?departmentId=${deptX.id}&campaignId=${fx.campaignId}`, { token: officerX.token })).body.total).toBe(3);
      const t = await stack.http('GET', '/compliance/overview/cases', { token: inspectorT.token });
      expect(t.body).toEqual({
        stages: [{ finding: 'not_registered', stage: 'escalated', cases: 1 }],
        steps: [
          { step: 'bidding_ban', status: 'taken', cases: 1 },
          { step: 'exposure', status: 'taken', cases: 1 },
          { step: 'inspection', status: 'taken', cases: 1 },
        ],
        total: 1,
      });
    });

    it('exports CSV in Chinese with a total row', async () => {
      const file = await csv(`/compliance/overview/cases?campaignId=${fx.campaignId}&format=csv`, office.token);
      const lines = file.text.split('\r\n');
      expect(lines[0]).toBe('\uFEFF类别,问题或措施,阶段或状态,案件数');
      expect(lines).toEqual(
        expect.arrayContaining([
          '案件阶段,欠缴社会保险费,撤销结案,2',
          '案件阶段,应参保未参保,逾期升级,1',
          '升级措施,媒体曝光,已采取,2',
          '升级措施,申请人民法院强制执行,已取消,1',
          '合计,,,8',
        ]),
      );
    });

    it('downloads the campaign’s cases as CSV and XLSX, scoped as the list is', async () => {
      const listed = await stack.http('GET', `/compliance-cases?campaignId=${fx.campaignId}&limit=200`, { token: office.token });
      expect(listed.body.total).toBe(8);
      const both = await csvAndXlsx(stack.baseUrl, `/compliance-cases?campaignId=${fx.campaignId}&format=csv`, office.token);
      expect(both.csv.disposition).toMatch(/^attachment; filename="compliance-cases-\d{8}-\d{4}\.csv"/);
      expect(both.xlsx.disposition).toMatch(/^attachment; filename="compliance-cases-\d{8}-\d{4}\.xlsx"/);
      expect(asCsvRows(both.sheet)).toEqual(both.rows);
      const [header, ...data] = both.rows;
      expect(header.slice(0, 4)).toEqual(['统一社会信用代码', '单位名称', '问题', '阶段']);
      expect(data.map((row) => row.at(-1))).toEqual(listed.body.items.map((c: { id: string }) => c.id));
      const stages = data.map((row) => row[3]).sort();
      expect(stages).toEqual(['已下达限期改正', '已发现', '已发现', '已整改结案', '已整改结案', '撤销结案', '撤销结案', '逾期升级'].sort());
      const exposed = data.find((row) => row[0] === units.escalated)!;
      expect(exposed[1]).toBe(`'=HYPERLINK("http://x")<script>alert('x')</script>&某建材公司`);

      const x = await csvAndXlsx(stack.baseUrl, `/compliance-cases?campaignId=${fx.campaignId}&format=csv`, officerX.token);
      expect(x.rows).toHaveLength(1 + 3);
      expect(asCsvRows(x.sheet)).toEqual(x.rows);
      const page = await csvAndXlsx(stack.baseUrl, `/compliance-cases?campaignId=${fx.campaignId}&format=csv&limit=2&offset=1`, office.token);
      expect(page.rows.slice(1).map((row) => row.at(-1))).toEqual(listed.body.items.slice(1, 3).map((c: { id: string }) => c.id));
      expect((await stack.http('GET', `/compliance-cases?departmentId=${deptY.id}&format=xlsx`, { token: officerX.token })).status).toBe(403);
    });
  });

  describe('the exposure list', () => {
    it('lists the units whose exposure the office approved, with the media duty, never a rejected one', async () => {
      const list = await stack.http('GET', '/exposure-list', { token: viewer.token });
      expect(list.status).toBe(200);
      const ours = (list.body as Array<{ creditCode: string }>).filter((r) => Object.values(units).includes(r.creditCode));
      expect(ours).toEqual([
        expect.objectContaining({
          creditCode: units.escalated,
          unitName: EXPOSED_NAME,
          sectorKey: 'building_materials',
          districtName: '视图测试甲区',
          finding: 'not_registered',
          approvedBy: office.user.username,
          mediaDutyId,
          mediaDutyState: 'assigned',
        }),
      ]);
      expect(Date.parse((ours[0] as unknown as { noticeDeadline: string }).noticeDeadline)).toBeLessThan(Date.now());
      expect(Date.parse((ours[0] as unknown as { approvedAt: string }).approvedAt)).toBeLessThan(Date.now());
    });

    it('exports CSV with a BOM, Chinese headers and formulas defused', async () => {
      const file = await csv('/exposure-list?format=csv', office.token);
      expect(file.status).toBe(200);
      const lines = file.text.split('\r\n');
      expect(lines[0]).toBe('\uFEFF统一社会信用代码,单位名称,行业,县区,问题,限期改正通知书,整改期限,批准时间,批准人,媒体发布事项状态');
      const row = lines.find((l) => l.startsWith(units.escalated))!;
      expect(row).toContain(`,"'=HYPERLINK(""http://x"")<script>alert('x')</script>&某建材公司",building_materials,视图测试甲区,应参保未参保,`);
      expect(row.endsWith(`,${office.user.username},assigned`)).toBe(true);
    });

    it('prints as a page with its title, print CSS and every name escaped', async () => {
      const response = await fetch(`${stack.baseUrl}/exposure-list?format=html`, { headers: { authorization: `Bearer ${viewer.token}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      const html = await response.text();
      expect(html).toContain('<title>拒不参保和欠费单位曝光名单</title>');
      expect(html).toContain('<h1>拒不参保和欠费单位曝光名单</h1>');
      expect(html).toContain('@media print');
      expect(html).toContain('=HYPERLINK(&quot;http://x&quot;)&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;某建材公司');
      expect(html).not.toContain("<script>alert('x')</script>");
      expect(html).toContain(units.escalated);
    });

    it('is the office’s and the viewers’ only, in every format', async () => {
      for (const who of [officerX, inspectorT]) {
        for (const format of ['json', 'csv', 'html']) {
          const answer = await stack.http('GET', `/exposure-list?format=${format}`, { token: who.token });
          expect({ who: who.user.username, format, status: answer.status }).toEqual({ who: who.user.username, format, status: 403 });
        }
      }
      expect((await stack.http('GET', '/exposure-list?format=pdf', { token: office.token })).status).toBe(400);
    });
  });
});
