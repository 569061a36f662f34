import { Worker } from '@temporalio/worker';
import { campaignWorkflowId, phaseBatchWorkflowId, phaseWorkflowId } from '@duban/workflows';
import { hengyangCampaign } from '../../scripts/lib/hengyang-campaign';
import { NO_REPORT_PLAN, pinCampaignRoutes, registerDistricts, seededDepartments, type Unit } from '../support/campaign-fixtures';
import { recordHistoryIfAsked } from '../support/recorded-histories';
import { TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait-for';

/**
 * A campaign modelled on the Hengyang programme (seed 000): mobilisation; three rounds of
 * special operations with their focus sectors; acceptance. Time is compressed: a day of the
 * plan lasts two seconds (DUBAN_WORKING_DAY_SECONDS), so windows of weeks last a minute or two
 * and a duty due in one working day is due in two seconds.
 */
describe('a Hengyang-style campaign through its phases', () => {
  let stack: TestStack;
  let office: Awaited<ReturnType<TestStack['userWithToken']>>;
  let units: Map<string, Unit>;
  let districts: Unit[];
  const officers = new Map<string, string>();

  const unit = (code: string) => units.get(code)!;
  const officerToken = async (department: Unit) => {
    if (!officers.has(department.id)) officers.set(department.id, (await stack.userWithToken('department_officer', department.id)).token);
    return officers.get(department.id)!;
  };

  beforeAll(async () => {
    stack = await TestStack.start({ DUBAN_WORKING_DAY_SECONDS: '2' });
    office = await stack.userWithToken('office');
    units = await seededDepartments(stack, office.token);
    districts = await registerDistricts(stack, office.token, ['珠晖区', '雁峰区', '衡阳县']);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const hengyangPlan = () => ({
    ...hengyangCampaign(
      unit,
      districts.map((d) => d.id),
      2026,
    ),
    reportPlan: NO_REPORT_PLAN,
  });

  let campaign: any;
  const phase = (i: number) => campaign.phases[i];
  const launch = (i: number, body: object = {}) => stack.http('POST', `/campaigns/${campaign.id}/phases/${phase(i).id}/launch`, { token: office.token, body });
  const dutiesOf = async (phaseId: string) =>
    (await stack.dataSource.query(
      `SELECT d.id, d.title, d.state, d.department_id AS "departmentId", d.district_id AS "districtId", d.sector_key AS "sectorKey",
              d.late, d.return_count AS "returnCount"
       FROM duties d WHERE d.phase_id = $1 ORDER BY d.title, d.department_id`,
      [phaseId],
    )) as Array<{ id: string; title: string; state: string; departmentId: string; districtId: string | null; sectorKey: string | null; late: boolean; returnCount: number }>;

  it('refuses targets whose split does not add up, naming the field, and records nothing', async () => {
    const plan = hengyangPlan();
    plan.targets[0].districtShares![2].value -= 1_000;
    const refused = await stack.http('POST', '/campaigns', { token: office.token, body: plan });
    expect(refused.status).toBe(400);
    expect(refused.body.fields['targets.0.districtShares']).toEqual(['the shares add up to 75000, not to the whole 76000']);
    const [{ count }] = await stack.dataSource.query(`SELECT count(*)::int AS count FROM campaigns WHERE name = $1`, [plan.name]);
    expect(count).toBe(0);
  });

  it('records the campaign with its plan, leading group and its own copy of the matrix, and starts its workflow', async () => {
    const plan = hengyangPlan();
    // Fifteen working days (30 s) for mobilisation: the departments here finish on time even
    // on a loaded machine, so the summary counts them on time.
    for (const template of plan.phases[0].templates) template.due = { workingDaysAfterLaunch: 15 };
    const created = await stack.http('POST', '/campaigns', { token: office.token, body: plan });
    expect(created.status).toBe(201);
    campaign = created.body;
    expect(campaign.status).toBe('planned');
    expect(campaign.phases.map((p: any) => [p.kind, p.round, p.status])).toEqual([
      ['mobilisation', null, 'planned'],
      ['special_operation', 1, 'planned'],
      ['special_operation', 2, 'planned'],
      ['special_operation', 3, 'planned'],
      ['acceptance', null, 'planned'],
    ]);
    expect(campaign.jurisdiction.districts.map((d: any) => d.name)).toEqual(['珠晖区', '雁峰区', '衡阳县']);
    expect(campaign.leadingGroup.chair).toEqual({ name: '王某', title: '副市长' });
    expect(campaign.escalationLadder.escalationLadder.map((s: any) => s.step)).toEqual(['overdue', 'chase_head', 'leading_group']);
    await pinCampaignRoutes(stack, office.token, campaign.id, [
      ['function', 'registration', unit('SIA')],
      ['function', 'contribution_collection', unit('TAX')],
      ['function', 'publicity', unit('MEDIA')],
      ['sector', 'social_organisations', unit('CIVIL')],
      ['sector', 'private_non_enterprise', unit('CIVIL')],
      ['sector', 'entertainment', unit('PSB')],
      ['sector', 'internet_bars', unit('CULT')],
      ['sector', 'hospitals_clinics', unit('HEALTH')],
      ['sector', 'bathhouses', unit('PSB')],
    ]);
    const live = await stack.http('GET', `/campaigns/${campaign.id}/live`, { token: office.token });
    expect(live.body.workflow.phases.every((p: any) => p.status === 'planned')).toBe(true);
  });

  it('launches mobilisation once: every department and district gets its duty, a second launch creates nothing', async () => {
    const launched = await launch(0);
    expect(launched.status).toBe(200);
    expect(launched.body).toMatchObject({ dutyCount: 6, forced: false });
    expect(launched.body.phase.status).toBe('open');

    const again = await launch(0);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('PHASE_ALREADY_LAUNCHED');

    const duties = await waitFor('six duties recorded', async () => {
      const rows = await dutiesOf(phase(0).id);
      return rows.length === 6 && rows;
    });
    const holders = duties.map((d) => d.departmentId);
    expect(holders).toEqual(expect.arrayContaining([unit('SIA').id, unit('TAX').id, unit('MEDIA').id, ...districts.map((d) => d.id)]));
    // Each district's own duty concerns that district.
    expect(
      duties
        .filter((d) => d.districtId)
        .map((d) => d.districtId)
        .sort(),
    ).toEqual(districts.map((d) => d.id).sort());
    await waitFor('an assignment e-mail to every holder', () =>
      [unit('SIA'), unit('TAX'), unit('MEDIA'), ...districts].every((u) => stack.smtp.to(u.liaisonEmail).some((m) => m.text.includes('责任'))),
    );
    // Launching again did not add a duty or an e-mail.
    expect(await dutiesOf(phase(0).id)).toHaveLength(6);

    const events = await stack.http('GET', `/campaigns/${campaign.id}/events`, { token: office.token });
    expect(events.body.filter((e: any) => e.action.startsWith('phase_launched'))).toHaveLength(1);
  });

  it('will not launch the next round while mobilisation is open, unless forced', async () => {
    const early = await launch(1);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('PREVIOUS_PHASE_OPEN');
    const skipping = await launch(2);
    expect(skipping.status).toBe(409);
    expect(skipping.body.code).toBe('PHASE_OUT_OF_ORDER');
  });

  it('closes mobilisation when every duty is accepted; a returned duty is resubmitted and counted', async () => {
    const duties = await dutiesOf(phase(0).id);
    for (const duty of duties) {
      const token = await officerToken([...units.values(), ...districts].find((u) => u.id === duty.departmentId)!);
      for (const [action, body] of [
        ['acknowledge', {}],
        ['start', {}],
        ['submit', { result: '已制定方案，责任人：张三' }],
      ] as const) {
        const acted = await stack.http('POST', `/duties/${duty.id}/${action}`, { token, body });
        expect([action, acted.status]).toEqual([action, 200]);
      }
    }
    const taxDuty = duties.find((d) => d.departmentId === unit('TAX').id)!;
    const returned = await stack.http('POST', `/duties/${taxDuty.id}/return`, { token: office.token, body: { reason: '未明确分管领导' } });
    expect(returned.status).toBe(200);
    // Phase stays open while a duty is back with its department.
    const taxToken = await officerToken(unit('TAX'));
    expect((await stack.http('POST', `/duties/${taxDuty.id}/submit`, { token: taxToken, body: { result: '分管领导：李四' } })).status).toBe(200);
    for (const duty of duties) {
      expect((await stack.http('POST', `/duties/${duty.id}/accept`, { token: office.token, body: {} })).status).toBe(200);
    }

    const closed = await waitFor('mobilisation closed', async () => {
      const got = await stack.http('GET', `/campaigns/${campaign.id}/phases/${phase(0).id}`, { token: office.token });
      return got.body.status === 'closed' && got.body;
    });
    expect(closed.closeReason).toBe('all_duties_closed');
    expect(closed.summary).toMatchObject({ total: 6, onTime: 6, late: 0, openAtClose: 0 });
    expect(closed.summary.byState.accepted).toBe(6);
    expect(closed.summary.byDepartment[unit('TAX').id]).toMatchObject({ total: 1, onTime: 1 });
    expect(Object.keys(closed.summary.byDistrict).sort()).toEqual(districts.map((d) => d.id).sort());
    expect((await dutiesOf(phase(0).id)).find((d) => d.id === taxDuty.id)!.returnCount).toBe(1);
  });

  it('launches round 1, then forces round 2 with a reason: the matrix routes each focus sector', async () => {
    expect((await launch(1)).status).toBe(200);
    const unforced = await launch(2);
    expect(unforced.body.code).toBe('PREVIOUS_PHASE_OPEN');
    const noReason = await launch(2, { force: true });
    expect(noReason.status).toBe(400);

    const forced = await launch(2, { force: true, reason: '市政府要求第二轮提前启动' });
    expect(forced.status).toBe(200);
    expect(forced.body).toMatchObject({ forced: true, dutyCount: 4 });
    expect(forced.body.phase).toMatchObject({ launchForced: true, launchReason: '市政府要求第二轮提前启动' });
    const events = await stack.http('GET', `/campaigns/${campaign.id}/events`, { token: office.token });
    expect(events.body.find((e: any) => e.action === 'phase_launched_forced')).toMatchObject({
      phaseId: phase(2).id,
      reason: '市政府要求第二轮提前启动',
      actorUserId: office.user.id,
    });

    const duties = await waitFor('four round-2 duties', async () => {
      const rows = await dutiesOf(phase(2).id);
      return rows.length === 4 && rows;
    });
    const bySector = Object.fromEntries(duties.map((d) => [d.sectorKey, d.departmentId]));
    expect(bySector).toEqual({
      internet_bars: unit('CULT').id,
      entertainment: unit('PSB').id,
      bathhouses: unit('PSB').id,
      hospitals_clinics: unit('HEALTH').id,
    });
    expect(duties.find((d) => d.sectorKey === 'internet_bars')!.title).toBe('开展专项扩面行动（网吧）');
  });

  it('walks a round-2 duty left alone up the whole ladder, each step recorded and e-mailed', async () => {
    const duty = (await dutiesOf(phase(2).id)).find((d) => d.sectorKey === 'hospitals_clinics')!;
    const done = await waitFor(
      'three escalation steps',
      async () => {
        const got = await stack.http('GET', `/duties/${duty.id}`, { token: office.token });
        return got.body.escalations.length === 3 && got.body;
      },
      { timeoutMs: 40_000 },
    );
    expect(done.escalations.map((e: any) => e.step)).toEqual(['overdue', 'chase_head', 'leading_group']);
    await waitFor('the head of health chased', () => stack.smtp.to(unit('HEALTH').headEmail).some((m) => m.text.includes('开展专项扩面行动')));
  });

  it('shows the campaign live: workflow query and stored phases agree', async () => {
    const live = await stack.http('GET', `/campaigns/${campaign.id}/live`, { token: office.token });
    expect(live.status).toBe(200);
    expect(live.body.status).toBe('active');
    expect(live.body.workflow.phases.map((p: any) => p.status)).toEqual(['closed', 'open', 'open', 'planned', 'planned']);
    expect(live.body.phases.map((p: any) => p.status)).toEqual(['closed', 'open', 'open', 'planned', 'planned']);
    const phaseLive = await stack.http('GET', `/campaigns/${campaign.id}/phases/${phase(2).id}/live`, { token: office.token });
    expect(phaseLive.body.workflow).toMatchObject({ dutyCount: 4, batchesStarted: 1, closed: false });
  });

  // The campaign's own workflow histories, as far as they have run: each replays against today's
  // workflow code (a non-deterministic change fails here), and with RECORD_HISTORIES=1 it is also
  // kept as a replay fixture for workflow-replay.test.ts.
  it.each([
    ['campaign-workflow.hengyang-forced-launch', () => campaignWorkflowId(campaign.id), 'RUNNING'],
    ['phase-workflow.all-duties-closed', () => phaseWorkflowId(phase(0).id), 'COMPLETED'],
    ['phase-duty-batch-workflow.all-accepted', () => phaseBatchWorkflowId(phase(0).id, 0), 'COMPLETED'],
  ])('replays its %s history, kept as a replay fixture when asked', async (fixture, workflowId, status) => {
    const handle = stack.temporal.workflow.getHandle(workflowId());
    expect((await handle.describe()).status.name).toBe(status);
    const history = await handle.fetchHistory();
    await Worker.runReplayHistory({ workflowBundle: { codePath: process.env.WORKFLOW_BUNDLE_PATH! }, replayName: fixture }, history, workflowId());
    await recordHistoryIfAsked(handle, fixture);
  });
});
