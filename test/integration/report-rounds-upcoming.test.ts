import { DateTime } from 'luxon';
import { campaignReportingWorkflowId, reportingLiveStateQuery } from '@duban/workflows';
import { LEADING_GROUP_CHAIR, NO_REPORT_PLAN, registerDistricts } from '../support/campaign-fixtures';
import { TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait-for';

/**
 * The rounds a campaign's plan will open, listed before they open
 * (`GET /campaigns/:id/report-rounds?include=upcoming`), against what the reporting workflow then
 * opens. Time is placed as reports.test.ts places it: the campaign's period runs from two months
 * back, and the record says it was set up five weeks ago, so some rounds are owed at once, one is
 * under way, and the rest lie ahead. The worker is stopped while the plan is set, so the list is
 * read before the workflow has opened anything.
 */
describe('upcoming report rounds', () => {
  let stack: TestStack;
  type Login = Awaited<ReturnType<TestStack['userWithToken']>>;
  let office: Login, viewer: Login, inspector: Login, officer: Login;
  let campaignId: string;
  const today = DateTime.now().setZone('Asia/Shanghai');
  const period = { start: today.minus({ months: 2 }).startOf('month').toISODate()!, end: today.plus({ months: 1 }).endOf('month').toISODate()! };
  const plan = {
    kinds: [
      { kind: 'ten_day', owedBy: ['district'] },
      { kind: 'monthly', owedBy: ['department', 'district'], dueDay: 5 },
    ],
    dueOnDayOff: 'next_working_day',
  };
  const rounds = (token = office.token, query = '?include=upcoming') => stack.http('GET', `/campaigns/${campaignId}/report-rounds${query}`, { token });
  const sameRound = (r: any) => ({
    roundKey: r.roundKey,
    kind: r.kind,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    dueDate: r.dueDate,
    dueAt: new Date(r.dueAt).toISOString(),
  });

  beforeAll(async () => {
    stack = await TestStack.start();
    office = await stack.userWithToken('office');
    viewer = await stack.userWithToken('viewer');
    inspector = await stack.userWithToken('inspector');
    const [district] = await registerDistricts(stack, office.token, ['轮次甲区']);
    const dept = await stack.department(office.token);
    officer = await stack.userWithToken('department_officer', dept.id);
    const created = await stack.http('POST', '/campaigns', {
      token: office.token,
      body: {
        name: `轮次预告${Date.now()}`,
        jurisdiction: { name: '衡阳市', level: 'city', districtIds: [district.id] },
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
    await stack.dataSource.query(`UPDATE campaigns SET created_at = $2 WHERE id = $1`, [campaignId, today.minus({ weeks: 5 }).toJSDate()]);
    // The workflow started with the campaign ends at once: its plan asks for nothing.
    await stack.temporal.workflow.getHandle(campaignReportingWorkflowId(campaignId)).result();
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('lists, before anything opens, exactly the rounds the reporting workflow then opens, and it waits for the next one listed', async () => {
    const none = await rounds();
    expect(none.body).toEqual({ campaignId, items: [], upcoming: [] });

    let upcoming: any[] = [];
    await stack.stopWorker();
    try {
      expect((await stack.http('PUT', `/campaigns/${campaignId}/report-plan`, { token: office.token, body: { plan, reason: '按实施方案报送旬报和月报' } })).status).toBe(200);
      const before = await rounds();
      expect(before.status).toBe(200);
      expect(before.body.items).toEqual([]);
      upcoming = before.body.upcoming;
    } finally {
      await stack.startWorker();
    }
    // Some owed at once (due since the set-up, or under way), some ahead; every one due after the set-up and in opening order.
    const now = Date.now();
    const due = upcoming.filter((r) => Date.parse(r.opensAt) <= now);
    const ahead = upcoming.filter((r) => Date.parse(r.opensAt) > now);
    expect(due.length).toBeGreaterThanOrEqual(4);
    expect(ahead.length).toBeGreaterThanOrEqual(3);
    expect(upcoming.map((r) => Date.parse(r.opensAt))).toEqual(upcoming.map((r) => Date.parse(r.opensAt)).sort((a, b) => a - b));
    expect(upcoming.find((r) => r.roundKey.startsWith('monthly'))).toMatchObject({ owedBy: ['department', 'district'], name: expect.stringMatching(/^\d{4}年\d{1,2}月$/) });
    for (const r of upcoming) expect([r.roundKey, r.periodStart >= period.start && r.periodEnd <= period.end]).toEqual([r.roundKey, true]);

    // The workflow opens those whose time has come, with the periods and due times listed…
    const opened = await waitFor(
      'the rounds due to open',
      async () => {
        const got = await rounds();
        return got.body.items.length === due.length && got.body.items.every((r: any) => r.reportCount > 0) && got.body;
      },
      { timeoutMs: 60_000 },
    );
    expect(opened.items.map(sameRound).sort((a: any, b: any) => a.roundKey.localeCompare(b.roundKey))).toEqual(
      due.map(sameRound).sort((a, b) => a.roundKey.localeCompare(b.roundKey)),
    );
    // …and the rest stay listed, unchanged, with the next to open the one the workflow sleeps until.
    expect(opened.upcoming).toEqual(ahead);
    // Once it has opened what was due it sleeps until the next round's time (not before: it may still be starting the last one's duties).
    const live = await waitFor('the workflow waiting for the next round', async () => {
      const state = await stack.temporal.workflow.getHandle(campaignReportingWorkflowId(campaignId)).query(reportingLiveStateQuery);
      return state.nextRound && state.nextRound.opensAt > Date.now() ? state : undefined;
    });
    expect(live.nextRound).toEqual({ roundKey: ahead[0].roundKey, opensAt: Date.parse(ahead[0].opensAt) });
  });

  it('reads a plan change at once: the rounds it adds are listed and the ones under way open', async () => {
    const { upcoming: ahead } = (await rounds()).body;
    let listed: any[] = [];
    await stack.stopWorker();
    try {
      const quarterly = { ...plan, kinds: [...plan.kinds, { kind: 'quarterly', owedBy: ['department'], dueDay: 10 }] };
      expect((await stack.http('PUT', `/campaigns/${campaignId}/report-plan`, { token: office.token, body: { plan: quarterly, reason: '增加季报' } })).status).toBe(200);
      listed = (await rounds()).body.upcoming;
    } finally {
      await stack.startWorker();
    }
    const added = listed.filter((r) => r.kind === 'quarterly');
    expect(added.length).toBeGreaterThanOrEqual(1);
    expect(listed.filter((r) => r.kind !== 'quarterly')).toEqual(ahead);
    const openNow = listed.filter((r) => Date.parse(r.opensAt) <= Date.now());
    expect(openNow.map((r) => r.kind)).toEqual(['quarterly']);
    const after = await waitFor(
      'the quarter under way',
      async () => {
        const got = await rounds();
        return got.body.items.some((r: any) => r.roundKey === openNow[0].roundKey && r.reportCount > 0) && got.body;
      },
      { timeoutMs: 60_000 },
    );
    expect(sameRound(after.items.find((r: any) => r.roundKey === openNow[0].roundKey))).toEqual(sameRound(openNow[0]));
    expect(after.upcoming).toEqual(listed.filter((r) => r.roundKey !== openNow[0].roundKey));
  });

  it('refuses bad input and other roles without a server error', async () => {
    expect((await rounds(viewer.token)).status).toBe(200);
    expect((await rounds(inspector.token)).status).toBe(403);
    expect((await rounds(officer.token)).status).toBe(403);
    for (const query of ['?include=everything', '?include=upcoming%00', '?include[]=upcoming', `?include=${'u'.repeat(10_000)}`]) {
      const bad = await rounds(office.token, query);
      expect([bad.status, query.slice(0, 30)]).toEqual([expect.any(Number), query.slice(0, 30)]);
      expect(bad.status).toBeLessThan(500);
      expect(bad.status).not.toBe(200);
    }
    const wrong = await rounds(office.token, '?include=everything');
    expect(wrong.status).toBe(400);
    expect(wrong.body.fields).toHaveProperty('include');
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-campaign']) {
      const unknown = await stack.http('GET', `/campaigns/${id}/report-rounds?include=upcoming`, { token: office.token });
      expect(unknown.status).toBe(404);
    }
    // A NUL in the path is refused at the front door.
    expect((await stack.http('GET', `/campaigns/%00/report-rounds?include=upcoming`, { token: office.token })).status).toBe(400);
  });
});
