import { AssessmentActivitiesService } from '../../apps/worker/src/assessments/assessment-activities.service';
import { recordHistoryIfAsked } from '../support/recorded-histories';
import { endOfLocalDay, figures, ReportFixture } from '../support/report-fixtures';
import { TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait-for';

/**
 * The acceptance assessment and the circulars against the real services (PostgreSQL, Temporal,
 * an SMTP catcher). One campaign of 2026 with two districts (珠晖区, 雁峰区) and one member
 * department; reports and duties written by the read-side fixture, on time, late and returned.
 * Every scorecard and subsidy adjustment below is worked out by hand in the comments.
 */
describe('assessment and circulars', () => {
  let stack: TestStack;
  let office: Awaited<ReturnType<TestStack['userWithToken']>>;
  let viewer: Awaited<ReturnType<TestStack['userWithToken']>>;
  let inspector: Awaited<ReturnType<TestStack['userWithToken']>>;
  let fx: ReportFixture;
  let a: { id: string; name: string; liaisonEmail: string };
  let b: { id: string; name: string; liaisonEmail: string };
  let t: { id: string; name: string; liaisonEmail: string; headEmail: string };
  let assessmentId: string;
  let quarterlyId: string;

  const at = (iso: string) => new Date(`${iso}+08:00`);
  const http = (method: string, path: string, token: string, body?: unknown) => stack.http(method, path, { token, body });

  beforeAll(async () => {
    stack = await TestStack.start();
    office = await stack.userWithToken('office');
    viewer = await stack.userWithToken('viewer');
    inspector = await stack.userWithToken('inspector');
    fx = await ReportFixture.create(stack, office, {
      districts: ['珠晖区', '雁峰区'],
      departments: 1,
      period: { start: '2026-01-01', end: '2026-12-31' },
      targets: ({ districts, departments }) => [
        {
          insuranceType: 'pension',
          kind: 'persons',
          measure: 'newly_insured',
          value: 1000,
          districtShares: [
            { unitId: districts[0].id, value: 600 },
            { unitId: districts[1].id, value: 400 },
          ],
        },
        { insuranceType: 'pension', kind: 'funds', value: 1_000_000, departmentShares: [{ unitId: departments[0].id, value: 1_000_000 }] },
      ],
    });
    const [da, db] = fx.districts;
    a = da;
    b = db;
    const dept = (await stack.http('GET', `/departments`, { token: office.token })).body.find((d: { id: string }) => d.id === fx.departments[0].id);
    t = dept;

    // Reports: two monthly rounds, due 5 August and 5 September (both in the third quarter).
    const july = await fx.round({ kind: 'monthly', roundKey: 'monthly:2026-07', periodStart: '2026-07-01', periodEnd: '2026-07-31', dueDate: '2026-08-05' });
    const august = await fx.round({ kind: 'monthly', roundKey: 'monthly:2026-08', periodStart: '2026-08-01', periodEnd: '2026-08-31', dueDate: '2026-09-05' });
    const pension = (n: number) => figures({ insurance: { pension: { newlyInsured: n } } });
    const funds = (yuan: number) => figures({ insurance: { pension: { fundsCollectedYuan: yuan } } });
    // 珠晖区: both on time; 660 newly insured by August.
    await fx.report({ round: july, unitId: a.id, unitKind: 'district', state: 'accepted', filings: [{ figures: pension(300), filedAt: at('2026-08-03T10:00:00') }] });
    await fx.report({ round: august, unitId: a.id, unitKind: 'district', state: 'accepted', filings: [{ figures: pension(660), filedAt: at('2026-09-04T10:00:00') }] });
    // 雁峰区: July on time, August five days late; 300 by August.
    await fx.report({ round: july, unitId: b.id, unitKind: 'district', state: 'accepted', filings: [{ figures: pension(120), filedAt: at('2026-08-05T17:00:00') }] });
    await fx.report({ round: august, unitId: b.id, unitKind: 'district', state: 'accepted', filings: [{ figures: pension(300), filedAt: at('2026-09-10T09:00:00') }] });
    // The department: July on time (900,000 yuan collected), August never filed.
    await fx.report({ round: july, unitId: t.id, unitKind: 'department', state: 'accepted', filings: [{ figures: funds(900_000), filedAt: at('2026-08-04T09:00:00') }] });
    await fx.report({ round: august, unitId: t.id, unitKind: 'department', state: 'assigned' });

    // Campaign duties, due at the end of 30 June.
    const due = endOfLocalDay('2026-06-30');
    // 珠晖区: two on time, one of them returned once.
    await fx.duty({ unitId: a.id, state: 'accepted', dueAt: due, submittedAt: at('2026-06-20T10:00:00') });
    await fx.duty({ unitId: a.id, state: 'accepted', dueAt: due, submittedAt: at('2026-06-25T10:00:00'), returns: 1 });
    // 雁峰区: one on time; one first submitted on 5 July (late) and returned twice; one cancelled
    // (not counted); one due in December, not yet submitted (not due by the assessment's day).
    await fx.duty({ unitId: b.id, state: 'accepted', dueAt: due, submittedAt: at('2026-06-28T10:00:00') });
    await fx.duty({ unitId: b.id, state: 'accepted', dueAt: due, submittedAt: at('2026-07-05T10:00:00'), returns: 2 });
    await fx.duty({ unitId: b.id, state: 'cancelled', dueAt: due });
    await fx.duty({ unitId: b.id, state: 'in_progress', dueAt: endOfLocalDay('2026-12-15') });
    // The department: one overdue, never submitted.
    await fx.duty({ unitId: t.id, state: 'in_progress', dueAt: due });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('keeps the assessment rules per campaign: defaults, 400 by field, an edit logged with its reason', async () => {
    const defaults = await http('GET', `/campaigns/${fx.campaignId}/assessment-rules`, viewer.token);
    expect(defaults.status).toBe(200);
    expect(defaults.body).toMatchObject({ isDefault: true, rules: { weights: { targets: 60, dutiesOnTime: 20, reportsOnTime: 20 } } });

    const bad = await http('PUT', `/campaigns/${fx.campaignId}/assessment-rules`, office.token, {
      rules: {
        ...defaults.body.rules,
        weights: { targets: 50, dutiesOnTime: 30, reportsOnTime: 30 },
        subsidy: { ...defaults.body.rules.subsidy, baseYuan: [{ unitId: office.user.id, yuan: 1 }] },
      },
      reason: '试算',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toEqual({
      'rules.weights': ['the weights add up to 110, not to 100'],
      'rules.subsidy.baseYuan.0.unitId': ['is not a district or member department of the campaign'],
    });

    const set = await http('PUT', `/campaigns/${fx.campaignId}/assessment-rules`, office.token, {
      rules: {
        weights: { targets: 50, dutiesOnTime: 30, reportsOnTime: 20 },
        returnPenaltyPoints: 1,
        maxReturnPenalty: 10,
        commendationMinScore: 90,
        criticismBelowScore: 60,
        awardIneligibleBelowScore: 70,
        subsidy: {
          rule: 'proportional',
          ratePercent: 100,
          capPercent: 20,
          baseYuan: [
            { unitId: a.id, yuan: 1_000_000 },
            { unitId: b.id, yuan: 500_000 },
            { unitId: t.id, yuan: 200_000 },
          ],
        },
      },
      reason: '按市考核办意见：目标50分、督办30分、报告20分',
    });
    expect(set.status).toBe(200);
    expect(set.body.isDefault).toBe(false);
    const events = await http('GET', `/campaigns/${fx.campaignId}/events`, office.token);
    expect(events.body.find((e: { action: string }) => e.action === 'assessment_rules_changed')).toMatchObject({
      actorUsername: office.user.username,
      reason: '按市考核办意见：目标50分、督办30分、报告20分',
    });
  });

  it('scores every district and the department as worked by hand', async () => {
    const started = await http('POST', `/campaigns/${fx.campaignId}/assessments`, office.token, { asOf: '2026-11-20' });
    expect(started.status).toBe(201);
    assessmentId = started.body.id;
    expect(started.body).toMatchObject({ status: 'draft', asOf: '2026-11-20' });
    const units = Object.fromEntries((started.body.units as Array<{ unitId: string }>).map((u) => [u.unitId, u]));

    // 珠晖区: 660 of its 600 → attainment 1.1, targets min(1.1, 1) × 100 = 100; duties 2 of 2 on
    // time = 100 %; reports 2 of 2 = 100 %; one return = 1 point.
    // Score 0.5 × 100 + 0.3 × 100 + 0.2 × 100 − 1 = 99 → commended (≥ 90, attainment ≥ 1).
    // Subsidy 1,000,000 × (1.1 − 1) × 100 % = +100,000.00 (cap 20 % = 200,000: not reached).
    expect(units[a.id]).toMatchObject({
      unitKind: 'district',
      scorecard: {
        attainment: 1.1,
        targetsScore: 100,
        dutiesDue: 2,
        dutiesOnTime: 2,
        dutiesOnTimeRate: 100,
        reportsDue: 2,
        reportsOnTime: 2,
        reportsOnTimeRate: 100,
        returns: 1,
        returnPenalty: 1,
        score: 99,
      },
      proposedOutcomes: { commendation: true, criticism: false, awardIneligible: false, subsidyAdjustmentYuan: 100_000 },
      subsidyBaseYuan: 1_000_000,
      subsidyAdjustmentYuan: 100_000,
    });
    // 雁峰区: 300 of 400 → 0.75, targets 75; duties: the cancelled one and the one due in December
    // do not count, 1 of 2 on time = 50 %; reports 1 of 2 on time = 50 %; two returns = 2 points.
    // Score 0.5 × 75 + 0.3 × 50 + 0.2 × 50 − 2 = 37.5 + 15 + 10 − 2 = 60.5 → not criticised (≥ 60),
    // not eligible for awards (< 70). Subsidy 500,000 × (0.75 − 1) = −125,000, held at the cap of
    // 20 % × 500,000 = −100,000.00.
    expect(units[b.id]).toMatchObject({
      scorecard: {
        attainment: 0.75,
        targetsScore: 75,
        dutiesDue: 2,
        dutiesOnTime: 1,
        dutiesOnTimeRate: 50,
        reportsDue: 2,
        reportsOnTime: 1,
        reportsOnTimeRate: 50,
        returns: 2,
        returnPenalty: 2,
        score: 60.5,
      },
      proposedOutcomes: { commendation: false, criticism: false, awardIneligible: true, subsidyAdjustmentYuan: -100_000 },
    });
    // The department: 900,000 of 1,000,000 yuan → 0.9, targets 90; its only duty never submitted
    // = 0 %; reports 1 of 2 (August never filed) = 50 %; no returns.
    // Score 0.5 × 90 + 0.3 × 0 + 0.2 × 50 = 45 + 0 + 10 = 55 → criticised (< 60), so not eligible.
    // Subsidy 200,000 × (0.9 − 1) × 100 % = −20,000.00 (cap 40,000: not reached).
    expect(units[t.id]).toMatchObject({
      unitKind: 'department',
      scorecard: { attainment: 0.9, targetsScore: 90, dutiesDue: 1, dutiesOnTime: 0, reportsDue: 2, reportsOnTime: 1, returns: 0, returnPenalty: 0, score: 55 },
      proposedOutcomes: { commendation: false, criticism: true, awardIneligible: true, subsidyAdjustmentYuan: -20_000 },
    });
    // The rules applied are kept with the assessment.
    expect(started.body.rules.weights).toEqual({ targets: 50, dutiesOnTime: 30, reportsOnTime: 20 });
  });

  it('shows officers their own unit only, refuses inspectors, and downloads the table', async () => {
    const officerB = await stack.userWithToken('department_officer', b.id);
    const own = await http('GET', `/campaigns/${fx.campaignId}/assessment`, officerB.token);
    expect(own.status).toBe(200);
    expect(own.body.units.map((u: { unitId: string }) => u.unitId)).toEqual([b.id]);
    expect((await http('GET', `/assessments/${assessmentId}`, viewer.token)).body.units).toHaveLength(3);
    expect((await http('GET', `/assessments/${assessmentId}`, inspector.token)).status).toBe(403);

    const csv = await fetch(`${stack.baseUrl}/assessments/${assessmentId}?format=csv`, { headers: { authorization: `Bearer ${office.token}` } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    expect(text).toContain('类别,单位,得分');
    expect(text).toContain(`县市区,珠晖区,99,110,100,2,2,100,2,2,100,1,1,是,,,1000000,100000`);
    const xlsx = await fetch(`${stack.baseUrl}/campaigns/${fx.campaignId}/assessment?format=xlsx`, { headers: { authorization: `Bearer ${office.token}` } });
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
  });

  it('lets the office review one unit’s outcome with a reason, checked', async () => {
    const unreasoned = await http('PUT', `/assessments/${assessmentId}/units/${b.id}`, office.token, {
      commendation: false,
      criticism: true,
      awardIneligible: false,
      subsidyAdjustmentYuan: -50_000,
      reason: '区政府已补报',
    });
    expect(unreasoned.status).toBe(400);
    expect(unreasoned.body.fields).toEqual({ awardIneligible: ['a criticised unit is not eligible for awards'] });
    expect(
      (
        await http('PUT', `/assessments/${assessmentId}/units/${office.user.id}`, office.token, {
          commendation: false,
          criticism: false,
          awardIneligible: false,
          subsidyAdjustmentYuan: null,
          reason: '测试',
        })
      ).status,
    ).toBe(404);

    // The August report was late because of the provincial system's outage: the office halves the cut.
    const reviewed = await http('PUT', `/assessments/${assessmentId}/units/${b.id}`, office.token, {
      commendation: false,
      criticism: false,
      awardIneligible: true,
      subsidyAdjustmentYuan: -50_000,
      reason: '8月报告逾期系省平台故障所致，扣减减半',
    });
    expect(reviewed.status).toBe(200);
    const row = reviewed.body.units.find((u: { unitId: string }) => u.unitId === b.id);
    expect(row).toMatchObject({
      outcomes: { commendation: false, criticism: false, awardIneligible: true, subsidyAdjustmentYuan: -50_000 },
      proposedOutcomes: { subsidyAdjustmentYuan: -100_000 },
      subsidyAdjustmentYuan: -50_000,
      reviewedByUsername: office.user.username,
      reviewReason: '8月报告逾期系省平台故障所致，扣减减半',
    });
    expect(row.reviewedAt).toBeTruthy();

    // Recomputing keeps the review (and proposes the same again).
    const again = await http('POST', `/campaigns/${fx.campaignId}/assessments`, office.token, {});
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(assessmentId);
    expect(again.body.units.find((u: { unitId: string }) => u.unitId === b.id)).toMatchObject({
      subsidyAdjustmentYuan: -50_000,
      proposedOutcomes: { subsidyAdjustmentYuan: -100_000 },
    });
    const events = (await http('GET', `/campaigns/${fx.campaignId}/events`, office.token)).body as Array<{ action: string; reason: string | null; actorUsername: string }>;
    expect(events.filter((e) => e.action.startsWith('assessment_')).map((e) => e.action)).toEqual([
      'assessment_rules_changed',
      'assessment_started',
      'assessment_unit_reviewed',
      'assessment_recomputed',
    ]);
    expect(events.find((e) => e.action === 'assessment_unit_reviewed')).toMatchObject({ actorUsername: office.user.username, reason: '8月报告逾期系省平台故障所致，扣减减半' });
  });

  it('drafts the quarterly circular from the data, revises it, publishes it to everyone once', async () => {
    const drafted = await http('POST', `/campaigns/${fx.campaignId}/circulars`, office.token, { kind: 'quarterly', quarter: '2026-Q3' });
    expect(drafted.status).toBe(201);
    quarterlyId = drafted.body.id;
    expect(drafted.body).toMatchObject({ status: 'draft', kind: 'quarterly', periodKey: '2026-Q3', serialNumber: null });
    expect(drafted.body.title).toBe(`关于${drafted.body.data.campaignName}2026年第三季度工作进展情况的通报`);
    const body: string = drafted.body.body;
    // As of 30 September: 273 of 365 days → 74.8 % of the time; 660 + 300 = 960 of 1,000 newly insured
    // (96.0 %, the pace expects 1,000 × 0.7479 = 747.9: green); 900,000 of 1,000,000 yuan (90.0 %).
    expect(body).toContain('截至2026年9月30日，时间进度74.8%。');
    expect(body).toContain('（一）养老保险新增参保人数：目标1,000人，完成960人，完成率96.0%，按时序进度应完成747.9人，绿灯。');
    expect(body).toContain('（二）养老保险基金征缴：目标1,000,000元，完成900,000元，完成率90.0%');
    expect(body).toContain('二、县市区目标完成情况排名\n第1名\u3000珠晖区\u3000目标完成率110.0%（绿灯）\n第2名\u3000雁峰区\u3000目标完成率75.0%（绿灯）');
    expect(body).toContain(`第1名\u3000${t.name}\u3000目标完成率90.0%`);
    // Reports due in the quarter: 雁峰区's August report late, the department's never filed.
    expect(body).toMatch(new RegExp(`本期以下单位未按时报送工作报告：(雁峰区1次、${t.name}1次|${t.name}1次、雁峰区1次)。`));

    // Viewers do not see drafts.
    expect((await http('GET', `/circulars/${quarterlyId}`, viewer.token)).status).toBe(403);
    expect((await http('GET', `/campaigns/${fx.campaignId}/circulars`, viewer.token)).body).toEqual([]);

    const revised = await http('PUT', `/circulars/${quarterlyId}`, office.token, {
      title: drafted.body.title,
      body: `${body}\n附：<script>alert(1)</script>`,
      reason: '补充附注',
    });
    expect(revised.status).toBe(200);
    expect(revised.body).toMatchObject({ revisedByUsername: office.user.username, revisionReason: '补充附注' });

    const before = stack.smtp.emails.length;
    const publication = await http('POST', `/circulars/${quarterlyId}/publish`, office.token);
    expect(publication.status).toBe(200);
    expect(publication.body).toMatchObject({ status: 'published', publishedByUsername: office.user.username });
    expect(publication.body.serialNumber).toMatch(/^衡扩面办通〔2026〕\d+号$/);
    // Member department: liaison and head; districts: liaison. Each once.
    const recipients = [a.liaisonEmail, b.liaisonEmail, t.liaisonEmail, t.headEmail];
    await waitFor('the circular at every address', () => recipients.every((r) => stack.smtp.to(r).some((e) => e.subject.includes(drafted.body.title))));
    for (const r of recipients) {
      const mails = stack.smtp.to(r).filter((e) => e.subject.includes(drafted.body.title));
      expect(mails).toHaveLength(1);
      expect(mails[0].subject).toBe(`【通报】${drafted.body.title}（${publication.body.serialNumber}）`);
      expect(mails[0].text).toContain('第1名\u3000珠晖区');
      expect(mails[0].text).toContain(`http://duban.test/circulars/${quarterlyId}/page`);
    }
    expect(stack.smtp.emails.length - before).toBe(4);

    const twice = await http('POST', `/circulars/${quarterlyId}/publish`, office.token);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('CIRCULAR_PUBLISHED');
    expect((await http('PUT', `/circulars/${quarterlyId}`, office.token, { title: 'x', body: 'y', reason: 'z' })).status).toBe(409);
    expect((await http('POST', `/campaigns/${fx.campaignId}/circulars`, office.token, { kind: 'quarterly', quarter: '2026-Q3' })).status).toBe(409);
    expect(stack.smtp.emails.length - before).toBe(4);

    const page = await fetch(`${stack.baseUrl}/circulars/${quarterlyId}/page`, { headers: { authorization: `Bearer ${viewer.token}` } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain(publication.body.serialNumber);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    const listed = await http('GET', `/campaigns/${fx.campaignId}/circulars`, viewer.token);
    expect(listed.body.map((c: { id: string }) => c.id)).toEqual([quarterlyId]);
    const events = (await http('GET', `/campaigns/${fx.campaignId}/events`, office.token)).body.map((e: { action: string }) => e.action);
    expect(events).toEqual(expect.arrayContaining(['circular_drafted', 'circular_revised', 'circular_published']));

    await recordHistoryIfAsked(stack.temporal.workflow.getHandle(`circular-publication-${quarterlyId}`), 'circular-publication-workflow.quarterly');
  });

  it('refuses the final circular before the assessment is final, finalises it, e-mails each liaison once, then refuses changes', async () => {
    const early = await http('POST', `/campaigns/${fx.campaignId}/circulars`, office.token, { kind: 'final' });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('ASSESSMENT_NOT_FINALISED');

    const finalised = await http('POST', `/assessments/${assessmentId}/finalise`, office.token, { reason: '经领导小组第三次全体会议审定' });
    expect(finalised.status).toBe(200);
    expect(finalised.body).toMatchObject({ status: 'finalised', finalisedByUsername: office.user.username, finaliseReason: '经领导小组第三次全体会议审定' });

    for (const unit of [a, b, t]) {
      await waitFor(`the outcome e-mail to ${unit.name}`, () => stack.smtp.to(unit.liaisonEmail).some((e) => e.subject.startsWith('【考核结果】')));
    }
    const outcome = (unit: { liaisonEmail: string }) => stack.smtp.to(unit.liaisonEmail).filter((e) => e.subject.startsWith('【考核结果】'));
    expect(outcome(a)[0].text).toContain('考核得分：99.0分');
    expect(outcome(a)[0].text).toContain('考核结论：通报表扬');
    expect(outcome(a)[0].text).toContain('补助资金调整：增加100,000.00元（补助基数1,000,000.00元）');
    expect(outcome(b)[0].text).toContain('考核结论：取消评先评优资格');
    expect(outcome(b)[0].text).toContain('补助资金调整：扣减50,000.00元');
    expect(outcome(t)[0].text).toContain('考核结论：通报批评；取消评先评优资格');
    expect(stack.smtp.to(t.headEmail).filter((e) => e.subject.startsWith('【考核结果】'))).toHaveLength(0);

    const handle = stack.temporal.workflow.getHandle(`assessment-${assessmentId}`);
    await handle.result();
    for (const unit of [a, b, t]) expect(outcome(unit)).toHaveLength(1);
    await recordHistoryIfAsked(handle, 'assessment-workflow.reviewed-finalised');

    const review = await http('PUT', `/assessments/${assessmentId}/units/${a.id}`, office.token, {
      commendation: false,
      criticism: false,
      awardIneligible: false,
      subsidyAdjustmentYuan: null,
      reason: '改',
    });
    expect(review.status).toBe(409);
    expect(review.body.code).toBe('ASSESSMENT_FINALISED');
    expect((await http('POST', `/assessments/${assessmentId}/finalise`, office.token, {})).status).toBe(409);
    expect((await http('POST', `/campaigns/${fx.campaignId}/assessments`, office.token, {})).status).toBe(409);

    const final = await http('POST', `/campaigns/${fx.campaignId}/circulars`, office.token, { kind: 'final' });
    expect(final.status).toBe(201);
    expect(final.body.title).toBe(`关于${final.body.data.campaignName}考核结果的通报`);
    expect(final.body.body).toContain(`五、考核得分\n珠晖区\u300099.0分\n雁峰区\u300060.5分\n${t.name}\u300055.0分`);
    expect(final.body.body).toContain('六、表扬\n珠晖区。');
    expect(final.body.body).toContain(`七、通报批评\n${t.name}。`);
    expect(final.body.body).toContain(`八、取消评先评优资格\n雁峰区、${t.name}。`);
    expect(final.body.body).toContain('珠晖区：超额完成目标，增加补助资金100,000.00元。');
    expect(final.body.body).toContain('雁峰区：未完成目标，扣减补助资金50,000.00元。');
    expect(final.body.body).toContain(`${t.name}：未完成目标，扣减补助资金20,000.00元。`);
  });

  it('sends nobody a second copy when the sending activities run again (a retry after a crash)', async () => {
    const activities = stack.workerApp.get(AssessmentActivitiesService);
    const before = stack.smtp.emails.length;
    expect(await activities.sendCircular({ circularId: quarterlyId })).toEqual({ emails: 4 });
    expect(await activities.sendAssessmentOutcomes({ assessmentId })).toEqual({ emails: 3 });
    expect(stack.smtp.emails.length).toBe(before);
    const stored = await stack.dataSource.query(`SELECT status, count(*)::int AS n FROM emails WHERE idempotency_key LIKE $1 OR idempotency_key LIKE $2 GROUP BY status`, [
      `circular:${quarterlyId}:%`,
      `assessment:${assessmentId}:%`,
    ]);
    expect(stored).toEqual([{ status: 'sent', n: 7 }]);
  });
});
