import { DateTime } from 'luxon';
import { reportDutyTitle, reportRounds, WorkingCalendar } from '@duban/domain';
import { campaignReportingWorkflowId } from '@duban/workflows';
import { LEADING_GROUP_CHAIR, NO_REPORT_PLAN, registerDistricts, type Unit } from '../support/campaign-fixtures';
import { validCreditCode } from '../support/credit-codes';
import { recordHistoryIfAsked } from '../support/recorded-histories';
import { TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait-for';

/**
 * Periodic reports (issue 5) against the real stack: a campaign set up five weeks ago owes the
 * rounds due since then; the reporting workflow opens them at once (the late ones climb the
 * ladder: one working day lasts two seconds here), opens the current one, and leaves the
 * future ones for their time. Districts' liaisons file reports; the checks refuse a falling
 * cumulative figure without a correction note and flag figures above the resource library.
 */
describe('periodic reports', () => {
  let stack: TestStack;
  type Login = Awaited<ReturnType<TestStack['userWithToken']>>;
  let office: Login, viewer: Login, inspector: Login, officerD1: Login, officerD2: Login, officerDept: Login;
  let d1: Unit, d2: Unit, dept: { id: string; liaisonEmail: string };
  let campaignId: string;
  const zone = 'Asia/Shanghai';
  const today = DateTime.now().setZone(zone);
  // Two months back to the end of next month; set up in Duban five weeks ago.
  const period = { start: today.minus({ months: 2 }).startOf('month').toISODate()!, end: today.plus({ months: 1 }).endOf('month').toISODate()! };
  const setUpAt = today.minus({ weeks: 5 });
  const plan = {
    kinds: [
      { kind: 'ten_day', owedBy: ['district'] },
      { kind: 'monthly', owedBy: ['department'], dueDay: 5 },
    ],
    dueOnDayOff: 'keep',
  };
  // What the plan owes by now, worked by the pure schedule (specified day by day in report-plan.spec.ts).
  const owed = reportRounds(plan as never, { periodStart: period.start, periodEnd: period.end }, new WorkingCalendar()).filter(
    (r) => r.dueAt > setUpAt.toMillis() && r.opensAt <= Date.now(),
  );
  const census = (unitsSurveyed: number) => ({ unitsSurveyed, uninsuredUnitsFound: 0, uninsuredPersonsFound: 0, unitsNewlyInsured: 0 });

  beforeAll(async () => {
    stack = await TestStack.start({ DUBAN_WORKING_DAY_SECONDS: '2' });
    office = await stack.userWithToken('office');
    viewer = await stack.userWithToken('viewer');
    inspector = await stack.userWithToken('inspector');
    [d1, d2] = await registerDistricts(stack, office.token, ['报告甲区', '报告乙县']);
    dept = await stack.department(office.token);
    officerD1 = await stack.userWithToken('department_officer', d1.id);
    officerD2 = await stack.userWithToken('department_officer', d2.id);
    officerDept = await stack.userWithToken('department_officer', dept.id);
    const created = await stack.http('POST', '/campaigns', {
      token: office.token,
      body: {
        name: `报告测试${Date.now()}`,
        jurisdiction: { name: '衡阳市', level: 'city', districtIds: [d1.id, d2.id] },
        period,
        legalBasis: { title: '扩面专项行动实施方案', number: `测〔2026〕${Math.floor(Math.random() * 1e6)}号` },
        targets: [],
        leadingGroup: { chair: LEADING_GROUP_CHAIR, viceChairs: [], members: [{ departmentId: dept.id, liaison: { name: '联络员' }, head: { name: '负责人' } }] },
        phases: [{ kind: 'mobilisation', name: '动员部署', window: period, templates: [] }],
        reportPlan: NO_REPORT_PLAN,
      },
    });
    expect(created.status).toBe(201);
    campaignId = created.body.id;
    // The campaign was set up in Duban five weeks ago (the record says so); its plan comes now.
    await stack.dataSource.query(`UPDATE campaigns SET created_at = $2 WHERE id = $1`, [campaignId, setUpAt.toJSDate()]);
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('refuses a plan that does not hold together, field by field, and lets only the office set it', async () => {
    const bad = await stack.http('PUT', `/campaigns/${campaignId}/report-plan`, {
      token: office.token,
      body: {
        plan: {
          kinds: [
            { kind: 'monthly', owedBy: ['district'], dueDay: 31 },
            { kind: 'monthly', owedBy: [] },
          ],
          dueOnDayOff: 'keep',
        },
        reason: '试',
      },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['plan.kinds.0.dueDay', 'plan.kinds.1.kind', 'plan.kinds.1.owedBy']);
    expect((await stack.http('PUT', `/campaigns/${campaignId}/report-plan`, { token: viewer.token, body: { plan, reason: '试' } })).status).toBe(403);
    const unchanged = await stack.http('GET', `/campaigns/${campaignId}/report-plan`, { token: office.token });
    expect(unchanged.body.plan).toEqual(NO_REPORT_PLAN);
  });

  it('opens every round owed since the campaign was set up, one report per owing unit, and none ahead of its time', async () => {
    const set = await stack.http('PUT', `/campaigns/${campaignId}/report-plan`, { token: office.token, body: { plan, reason: '按实施方案报送旬报和月报' } });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ isDefault: false, plan });
    const rounds = await waitFor(
      'the owed rounds',
      async () => {
        const got = await stack.http('GET', `/campaigns/${campaignId}/report-rounds`, { token: office.token });
        return got.body.items.length === owed.length && got.body.items;
      },
      { timeoutMs: 60_000 },
    );
    expect(rounds.map((r: any) => r.roundKey).sort()).toEqual(owed.map((r) => r.roundKey).sort());
    for (const round of rounds) {
      const expected = owed.find((r) => r.roundKey === round.roundKey)!;
      expect(round).toMatchObject({ dueDate: expected.dueDate, reportCount: round.kind === 'ten_day' ? 2 : 1 });
      expect(Date.parse(round.dueAt)).toBe(expected.dueAt);
    }
    // A round due before the campaign was set up is not owed.
    expect(owed.length).toBeGreaterThanOrEqual(4);
    const all = reportRounds(plan as never, { periodStart: period.start, periodEnd: period.end }, new WorkingCalendar());
    expect(all.some((r) => r.dueAt <= setUpAt.toMillis())).toBe(true);
    const listed = await stack.http('GET', `/reports?campaignId=${campaignId}&pageSize=100`, { token: office.token });
    expect(listed.body.total).toBe(owed.reduce((n, r) => n + (r.kind === 'ten_day' ? 2 : 1), 0));
    // The officer sees their own unit's only; an inspector none.
    const own = await stack.http('GET', `/reports?campaignId=${campaignId}`, { token: officerD1.token });
    expect(new Set(own.body.items.map((r: any) => r.unitId))).toEqual(new Set([d1.id]));
    expect((await stack.http('GET', '/reports', { token: inspector.token })).status).toBe(403);
    await recordHistoryIfAsked(stack.temporal.workflow.getHandle(campaignReportingWorkflowId(campaignId)), 'campaign-reporting-workflow.owed-rounds');
  });

  it('walks a late report up the ladder and mails each step', async () => {
    const late = owed.filter((r) => r.kind === 'ten_day' && r.dueAt < Date.now())[0];
    const reports = await stack.http('GET', `/reports?campaignId=${campaignId}&unitId=${d2.id}&pageSize=100`, { token: office.token });
    const report = reports.body.items.find((r: any) => r.roundKey === late.roundKey);
    const duty = await waitFor(
      'three escalation steps',
      async () => {
        const got = await stack.http('GET', `/duties/${report.dutyId}`, { token: office.token });
        return got.body.escalations?.length === 3 && got.body;
      },
      { timeoutMs: 60_000 },
    );
    expect(duty).toMatchObject({ title: reportDutyTitle(late), departmentId: d2.id, overdue: true });
    expect(duty.escalations.map((e: any) => e.step)).toEqual(['overdue', 'chase_head', 'leading_group']);
    const mails = await waitFor('the escalation e-mails', () => {
      const found = stack.smtp.emails.filter((e) => e.text.includes(reportDutyTitle(late)) && e.to.includes(d2.headEmail));
      return found.length >= 2 && found;
    });
    expect(mails.map((m) => m.subject.split('：')[0])).toEqual(
      expect.arrayContaining(['【催办】督办事项逾期未办结，请部门负责人督促', '【督办】督办事项逾期未办结，已报领导小组']),
    );
  });

  it('files a report: the duty reaches the office, the first filing time is kept, figures above the library are flagged', async () => {
    // The library holds one unit in 报告甲区.
    const recorded = await stack.http('POST', '/units', {
      token: office.token,
      body: {
        creditCode: validCreditCode(),
        name: '报告甲区某商贸公司',
        districtId: d1.id,
        employees: 12,
        source: { departmentId: dept.id, file: '报告测试.csv', date: today.toISODate() },
      },
    });
    expect(recorded.status).toBe(201);
    const current = owed.filter((r) => r.kind === 'ten_day').at(-1)!;
    const report = (await stack.http('GET', `/reports?campaignId=${campaignId}&unitId=${d1.id}&pageSize=100`, { token: officerD1.token })).body.items.find(
      (r: any) => r.roundKey === current.roundKey,
    );
    const body = {
      census: { unitsSurveyed: 3, uninsuredUnitsFound: 1, uninsuredPersonsFound: 9, unitsNewlyInsured: 1 },
      insurance: { pension: { newlyInsured: 40, contributionRate: 91.5, fundsCollectedYuan: 120000.5 } },
      problems: '部分单位负责人不配合',
      proposals: '请税务部门共享登记信息',
    };
    // Not the liaison of this unit, or not a liaison at all: refused, nothing stored.
    expect((await stack.http('POST', `/reports/${report.id}/filings`, { token: officerD2.token, body })).status).toBe(403);
    expect((await stack.http('POST', `/reports/${report.id}/filings`, { token: office.token, body })).status).toBe(403);
    expect((await stack.http('POST', '/reports/00000000-0000-4000-8000-000000000000/filings', { token: officerD1.token, body })).status).toBe(404);
    const badRate = await stack.http('POST', `/reports/${report.id}/filings`, { token: officerD1.token, body: { ...body, insurance: { pension: { contributionRate: 101 } } } });
    expect(badRate.status).toBe(400);
    expect(badRate.body.fields).toHaveProperty(['insurance.pension.contributionRate']);

    const filed = await stack.http('POST', `/reports/${report.id}/filings`, { token: officerD1.token, body });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ dutyState: 'submitted', latestVersion: 1, flagged: true });
    expect(filed.body.filings).toHaveLength(1);
    expect(filed.body.filings[0]).toMatchObject({ version: 1, filedByUsername: officerD1.user.username, problems: '部分单位负责人不配合' });
    // Against the library's 1 unit employing 12: 3 units surveyed and 40 persons newly insured are above it; 1 newly insured unit is not.
    expect(filed.body.filings[0].flags.map((f: any) => [f.field, f.reported, f.library])).toEqual([
      ['census.unitsSurveyed', 3, 1],
      ['insurance.pension.newlyInsured', 40, 12],
    ]);
    const flags = await stack.http('GET', `/campaigns/${campaignId}/report-flags`, { token: office.token });
    expect(flags.body.items.map((f: any) => f.reportId)).toEqual([report.id]);
    const timeline = await stack.http('GET', `/duties/${report.dutyId}/timeline`, { token: office.token });
    // Each step the filing took is the filer's, in order.
    const steps = timeline.body.entries.filter((e: any) => e.kind === 'transition');
    expect(steps.map((e: any) => [e.what, e.who.username])).toEqual([
      ['assign', office.user.username],
      ['acknowledge', officerD1.user.username],
      ['start', officerD1.user.username],
      ['submit', officerD1.user.username],
    ]);
    const rounds = await stack.http('GET', `/campaigns/${campaignId}/report-rounds`, { token: viewer.token });
    expect(rounds.body.items.find((r: any) => r.roundKey === current.roundKey)).toMatchObject({ filed: 1, reportCount: 2 });
  });

  it('refuses a falling cumulative figure without a correction note, takes it with one, and nothing after acceptance', async () => {
    const current = owed.filter((r) => r.kind === 'ten_day').at(-1)!;
    const report = (await stack.http('GET', `/reports?campaignId=${campaignId}&unitId=${d1.id}&pageSize=100`, { token: officerD1.token })).body.items.find(
      (r: any) => r.roundKey === current.roundKey,
    );
    const returned = await stack.http('POST', `/duties/${report.dutyId}/return`, { token: office.token, body: { reason: '调查单位数与台账不符，请核实' } });
    expect(returned.status).toBe(200);
    const falling = { census: census(2), insurance: { pension: { newlyInsured: 40 } } };
    const refused = await stack.http('POST', `/reports/${report.id}/filings`, { token: officerD1.token, body: falling });
    expect(refused.status).toBe(400);
    expect(refused.body.fields['census.unitsSurveyed'][0]).toContain('falls from 3 to 2');
    expect(refused.body.fields).toHaveProperty('correctionNote');
    expect((await stack.http('GET', `/reports/${report.id}`, { token: office.token })).body).toMatchObject({ latestVersion: 1, dutyState: 'returned' });

    const corrected = await stack.http('POST', `/reports/${report.id}/filings`, { token: officerD1.token, body: { ...falling, correctionNote: '核减重复调查的1户' } });
    expect(corrected.status).toBe(201);
    expect(corrected.body).toMatchObject({ latestVersion: 2, dutyState: 'submitted' });
    expect(corrected.body.filings[1]).toMatchObject({ version: 2, correctionNote: '核减重复调查的1户' });
    // The first filing time stays that of version 1 (reports on time are judged by it).
    expect(corrected.body.firstFiledAt).toBe(corrected.body.filings[0].filedAt);

    expect((await stack.http('POST', `/duties/${report.dutyId}/accept`, { token: office.token, body: {} })).status).toBe(200);
    const afterAccept = await stack.http('POST', `/reports/${report.id}/filings`, { token: officerD1.token, body: { ...falling, correctionNote: '再改' } });
    expect(afterAccept.status).toBe(409);
    expect((await stack.http('GET', `/reports/${report.id}`, { token: office.token })).body.latestVersion).toBe(2);
  });

  it('lets the department owing the monthly report file it, and lists reports as CSV and XLSX', async () => {
    const monthly = (await stack.http('GET', `/reports?campaignId=${campaignId}`, { token: officerDept.token })).body.items[0];
    expect(monthly.kind).toBe('monthly');
    const filed = await stack.http('POST', `/reports/${monthly.id}/filings`, {
      token: officerDept.token,
      body: { census: census(0), insurance: { pension: { fundsCollectedYuan: 5_000_000 } } },
    });
    expect(filed.status).toBe(201);
    const csv = await fetch(`${stack.baseUrl}/campaigns/${campaignId}/report-rounds?format=csv`, { headers: { authorization: `Bearer ${office.token}` } });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toContain('轮次');
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(owed.length + 1);
    const xlsx = await fetch(`${stack.baseUrl}/reports?campaignId=${campaignId}&format=xlsx`, { headers: { authorization: `Bearer ${office.token}` } });
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect((await xlsx.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  });
});
