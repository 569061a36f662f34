import { LEADING_GROUP_CHAIR, NO_REPORT_PLAN, pinCampaignRoutes, registerDistricts, seededDepartments } from '../support/campaign-fixtures';
import { TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait-for';

/**
 * A phase whose window ends with a duty still open, and a fan-out interrupted by a worker
 * restart. Days last three seconds; batches hold five duties so a small phase fans out as a tree.
 */
describe('phase windows and fan-out under restarts', () => {
  let stack: TestStack;
  let office: Awaited<ReturnType<TestStack['userWithToken']>>;

  beforeAll(async () => {
    stack = await TestStack.start({ DUBAN_WORKING_DAY_SECONDS: '3', DUBAN_PHASE_BATCH_SIZE: '5' });
    office = await stack.userWithToken('office');
    // Templates name matrix keys; the matrix is seeded from docs/domain.md ("The duty matrix").
    await seededDepartments(stack, office.token);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const campaignBody = (name: string, districtIds: string[], phase: object) => ({
    name,
    jurisdiction: { name: '衡阳市', level: 'city', districtIds },
    reportPlan: NO_REPORT_PLAN,
    period: { start: '2026-01-01', end: '2026-12-31' },
    legalBasis: { title: '专项行动实施方案', number: `测〔2026〕${Math.floor(Math.random() * 1000)}号` },
    targets: [],
    leadingGroup: { chair: LEADING_GROUP_CHAIR, viceChairs: [], members: [] },
    phases: [phase],
  });
  const dutiesOf = (phaseId: string) =>
    stack.dataSource.query(`SELECT id, state, late, department_id AS "departmentId" FROM duties WHERE phase_id = $1 ORDER BY id`, [phaseId]) as Promise<
      Array<{ id: string; state: string; late: boolean; departmentId: string }>
    >;

  it('closes a phase when its window ends: open duties stay open, are marked late and count against their department', async () => {
    const prompt = await stack.department(office.token);
    const idle = await stack.department(office.token);
    const created = await stack.http('POST', '/campaigns', {
      token: office.token,
      body: campaignBody('窗口期测试', [], {
        kind: 'mobilisation',
        name: '动员部署',
        window: { start: '2026-05-01', end: '2026-05-04' },
        templates: [
          // Three days (9 s) leave the prompt department ample time, even on a busy machine.
          { title: '报送工作方案', description: '', route: { kind: 'function', key: 'registration' }, scope: 'once', due: { workingDaysAfterLaunch: 3 } },
          { title: '报送宣传计划', description: '', route: { kind: 'function', key: 'publicity' }, scope: 'once', due: { workingDaysAfterLaunch: 1 } },
        ],
      }),
    });
    expect(created.status).toBe(201);
    const campaign = created.body;
    await pinCampaignRoutes(stack, office.token, campaign.id, [
      ['function', 'registration', prompt],
      ['function', 'publicity', idle],
    ]);
    const phaseId = campaign.phases[0].id;
    const officer = await stack.userWithToken('department_officer', prompt.id);
    const launched = await stack.http('POST', `/campaigns/${campaign.id}/phases/${phaseId}/launch`, { token: office.token, body: {} });
    expect(launched.status).toBe(200);

    const duties = await waitFor('both duties', async () => {
      const rows = await dutiesOf(phaseId);
      return rows.length === 2 && rows;
    });
    const promptDuty = duties.find((d) => d.departmentId === prompt.id)!;
    for (const action of ['acknowledge', 'start']) {
      expect((await stack.http('POST', `/duties/${promptDuty.id}/${action}`, { token: officer.token, body: {} })).status).toBe(200);
    }
    expect((await stack.http('POST', `/duties/${promptDuty.id}/submit`, { token: officer.token, body: { result: '已报送' } })).status).toBe(200);
    expect((await stack.http('POST', `/duties/${promptDuty.id}/accept`, { token: office.token, body: {} })).status).toBe(200);

    const closed = await waitFor(
      'the window to end',
      async () => {
        const got = await stack.http('GET', `/campaigns/${campaign.id}/phases/${phaseId}`, { token: office.token });
        return got.body.status === 'closed' && got.body;
      },
      { timeoutMs: 40_000 },
    );
    expect(closed.closeReason).toBe('window_ended');
    expect(closed.summary).toMatchObject({ total: 2, onTime: 1, late: 1, openAtClose: 1 });
    expect(closed.summary.byDepartment[idle.id]).toMatchObject({ total: 1, late: 1, openAtClose: 1 });
    expect(closed.summary.byDepartment[prompt.id]).toMatchObject({ total: 1, onTime: 1, late: 0 });

    const csv = await fetch(`${stack.baseUrl}/campaigns/${campaign.id}/phases/${phaseId}/summary?format=csv`, {
      headers: { authorization: `Bearer ${office.token}` },
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0].startsWith('范围,单位代码,单位,事项数,按时办结,逾期')).toBe(true);
    expect(lines.find((l) => l.includes(idle.code))).toMatch(new RegExp(`^部门,${idle.code},[^,]+,1,0,1,1,0,`));

    const after = await dutiesOf(phaseId);
    const idleDuty = after.find((d) => d.departmentId === idle.id)!;
    expect(idleDuty).toMatchObject({ state: 'assigned', late: true });
    expect(after.find((d) => d.departmentId === prompt.id)!.late).toBe(false);
    // The late duty lives on: its department can still act on it.
    const idleOfficer = await stack.userWithToken('department_officer', idle.id);
    expect((await stack.http('POST', `/duties/${idleDuty.id}/acknowledge`, { token: idleOfficer.token, body: {} })).status).toBe(200);

    // Every phase closed: the campaign is complete.
    await waitFor('the campaign completed', async () => {
      const got = await stack.http('GET', `/campaigns/${campaign.id}`, { token: office.token });
      return got.body.status === 'completed';
    });
  });

  it('loses and duplicates nothing when the worker restarts in the middle of a fan-out', async () => {
    const districts = await registerDistricts(
      stack,
      office.token,
      Array.from({ length: 10 }, (_, i) => `测试区${i + 1}`),
    );
    const templates = ['摸底登记', '入户宣传', '台账报送', '自查整改'].map((title) => ({
      title,
      description: '',
      route: { kind: 'district' },
      scope: 'per_district',
      due: { workingDaysAfterLaunch: 30 },
    }));
    const created = await stack.http('POST', '/campaigns', {
      token: office.token,
      body: campaignBody(
        '重启测试',
        districts.map((d) => d.id),
        {
          kind: 'mobilisation',
          name: '动员部署',
          window: { start: '2026-05-01', end: '2026-06-30' },
          templates,
        },
      ),
    });
    expect(created.status).toBe(201);
    const campaign = created.body;
    const phaseId = campaign.phases[0].id;

    const launched = await stack.http('POST', `/campaigns/${campaign.id}/phases/${phaseId}/launch`, { token: office.token, body: {} });
    expect(launched.status).toBe(200);
    expect(launched.body.dutyCount).toBe(40);
    // The launch is recorded; the fan-out (8 batches of 5) is under way when the worker goes.
    await waitFor('the first duties', async () => (await dutiesOf(phaseId)).length > 0, { intervalMs: 10 });
    await stack.stopWorker();
    const during = (await dutiesOf(phaseId)).length;
    await stack.startWorker();

    const duties = await waitFor(
      'all forty duties',
      async () => {
        const rows = await dutiesOf(phaseId);
        return rows.length === 40 && rows;
      },
      { timeoutMs: 60_000 },
    );
    expect(during).toBeLessThanOrEqual(40);
    expect(new Set(duties.map((d) => d.id)).size).toBe(40);
    const perDistrict = new Map<string, number>();
    for (const d of duties) perDistrict.set(d.departmentId, (perDistrict.get(d.departmentId) ?? 0) + 1);
    expect([...perDistrict.values()]).toEqual(Array(10).fill(4));

    // One assignment e-mail per duty, recorded once and caught once.
    const [{ count }] = await waitFor('forty assignment e-mails sent', async () => {
      const rows = await stack.dataSource.query(`SELECT count(*)::int AS count FROM emails WHERE duty_id = ANY($1) AND idempotency_key LIKE '%:assigned' AND status = 'sent'`, [
        duties.map((d) => d.id),
      ]);
      return rows[0].count === 40 && rows;
    });
    expect(count).toBe(40);
    const caught = districts.flatMap((d) => stack.smtp.to(d.liaisonEmail));
    expect(caught).toHaveLength(40);
    expect(new Set(caught.map((m) => m.messageId)).size).toBe(40);

    const live = await stack.http('GET', `/campaigns/${campaign.id}/phases/${phaseId}/live`, { token: office.token });
    expect(live.body.workflow).toMatchObject({ dutyCount: 40, batches: 8, batchesStarted: 8, closed: false });
  });
});
