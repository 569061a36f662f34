import { LEADING_GROUP_CHAIR, NO_REPORT_PLAN, registerDistricts, seededDepartments, type Unit } from '../support/campaign-fixtures';
import { TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait-for';

/** The campaign API refuses what it must, with the right status, and changes nothing when it does. */
describe('campaign API: bad input, access, edits and concurrent launches', () => {
  let stack: TestStack;
  let office: Awaited<ReturnType<TestStack['userWithToken']>>;
  let units: Map<string, Unit>;
  let district: Unit;

  beforeAll(async () => {
    stack = await TestStack.start();
    office = await stack.userWithToken('office');
    units = await seededDepartments(stack, office.token);
    [district] = await registerDistricts(stack, office.token, ['珠晖区']);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const body = (overrides: Record<string, unknown> = {}) => ({
    name: `接口测试${Math.random().toString(36).slice(2, 8)}`,
    reportPlan: NO_REPORT_PLAN,
    jurisdiction: { name: '衡阳市', level: 'city', districtIds: [district.id] },
    period: { start: '2026-01-01', end: '2027-12-31' },
    legalBasis: { title: '实施方案', number: '衡政办发〔2026〕1号' },
    targets: [
      {
        insuranceType: 'pension',
        kind: 'persons',
        measure: 'newly_insured',
        value: 1000,
        departmentShares: [{ unitId: units.get('SIA')!.id, value: 1000 }],
      },
    ],
    leadingGroup: {
      chair: LEADING_GROUP_CHAIR,
      viceChairs: [],
      members: [{ departmentId: units.get('SIA')!.id, liaison: { name: '联络员' }, head: { name: '负责人' } }],
    },
    phases: [
      {
        kind: 'mobilisation',
        name: '动员部署',
        window: { start: '2026-01-01', end: '2027-06-30' },
        templates: [{ title: '制定方案', description: '', route: { kind: 'function', key: 'registration' }, scope: 'once', due: { workingDaysAfterLaunch: 10 } }],
      },
      {
        kind: 'acceptance',
        name: '总结验收',
        window: { start: '2027-07-01', end: '2027-12-31' },
        templates: [{ title: '自查', description: '', route: { kind: 'district' }, scope: 'per_district', due: { workingDaysAfterLaunch: 10 } }],
      },
    ],
    ...overrides,
  });
  const create = async (overrides: Record<string, unknown> = {}) => {
    const created = await stack.http('POST', '/campaigns', { token: office.token, body: body(overrides) });
    expect(created.status).toBe(201);
    return created.body;
  };
  const campaignCount = async () => (await stack.dataSource.query(`SELECT count(*)::int AS n FROM campaigns`))[0].n as number;

  it.each([
    ['a missing name', { name: undefined }, 'name'],
    ['an unknown insurance type', { targets: [{ insuranceType: 'housing', kind: 'persons', measure: 'newly_insured', value: 1 }] }, 'targets.0.insuranceType'],
    ['a period that ends before it starts', { period: { start: '2026-06-01', end: '2026-01-01' } }, 'period.end'],
    ['a department given as a district', { jurisdiction: { name: '衡阳市', level: 'city', districtIds: [] as string[] } }, 'jurisdiction.districtIds.0'],
    ['a phase of an unknown kind', { phases: [{ kind: 'celebration', name: 'x', window: { start: '2026-02-01', end: '2026-03-01' }, templates: [] }] }, 'phases.0.kind'],
    ['acceptance before mobilisation', {}, 'phases.1.kind'],
    ['a template naming no matrix key', {}, 'phases.0.templates.0.route.key'],
    ['a due time given twice', {}, 'phases.0.templates.0.due'],
    ['a ladder step out of order', {}, 'escalationLadder.escalationLadder.1.after.workingDays'],
  ])('answers 400 naming the field for %s, and records nothing', async (_what, overrides, field) => {
    const sent = body(overrides);
    if (field === 'jurisdiction.districtIds.0') sent.jurisdiction.districtIds = [units.get('TAX')!.id];
    if (field === 'phases.1.kind') sent.phases = [...sent.phases].reverse();
    if (field === 'phases.0.templates.0.route.key') (sent.phases[0].templates[0].route as { key: string }).key = 'no_such_function';
    if (field === 'phases.0.templates.0.due') (sent.phases[0].templates[0].due as Record<string, unknown>).at = '2026-03-01T18:00:00+08:00';
    if (field.startsWith('escalationLadder')) {
      (sent as Record<string, unknown>).escalationLadder = {
        reminderBefore: { workingDays: 2 },
        escalationLadder: [
          { step: 'overdue', after: { workingDays: 2 }, notify: ['office'] },
          { step: 'chase_head', after: { workingDays: 1 }, notify: ['department_head'] },
        ],
      };
    }
    const before = await campaignCount();
    const refused = await stack.http('POST', '/campaigns', { token: office.token, body: sent });
    expect(refused.status).toBe(400);
    expect(Object.keys(refused.body.fields)).toContain(field);
    expect(await campaignCount()).toBe(before);
  });

  it('lets only the office manage campaigns; viewers read; officers and inspectors see nothing', async () => {
    const campaign = await create();
    const viewer = await stack.userWithToken('viewer');
    const inspector = await stack.userWithToken('inspector');
    const officer = await stack.userWithToken('department_officer', units.get('SIA')!.id);
    expect((await stack.http('POST', '/campaigns', { token: viewer.token, body: body() })).status).toBe(403);
    expect((await stack.http('GET', `/campaigns/${campaign.id}`, { token: viewer.token })).status).toBe(200);
    const launchAsViewer = await stack.http('POST', `/campaigns/${campaign.id}/phases/${campaign.phases[0].id}/launch`, { token: viewer.token, body: {} });
    expect(launchAsViewer.status).toBe(403);
    for (const token of [officer.token, inspector.token]) {
      expect((await stack.http('GET', '/campaigns', { token })).status).toBe(403);
      expect((await stack.http('GET', `/campaigns/${campaign.id}`, { token })).status).toBe(403);
    }
    expect((await stack.http('GET', `/campaigns/${campaign.id}/phases/${campaign.phases[0].id}`, { token: viewer.token })).body.status).toBe('planned');
  });

  it('answers 404 for unknown campaigns and phases, and for a phase of another campaign', async () => {
    const one = await create();
    const other = await create();
    expect((await stack.http('GET', '/campaigns/not-a-uuid', { token: office.token })).status).toBe(404);
    expect((await stack.http('GET', '/campaigns/00000000-0000-4000-8000-000000000000', { token: office.token })).body.code).toBe('CAMPAIGN_NOT_FOUND');
    const foreign = await stack.http('POST', `/campaigns/${one.id}/phases/${other.phases[0].id}/launch`, { token: office.token, body: {} });
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('PHASE_NOT_FOUND');
  });

  it('launches once when two launches race: one 200, one 409, one set of duties', async () => {
    const campaign = await create();
    const path = `/campaigns/${campaign.id}/phases/${campaign.phases[0].id}/launch`;
    const results = await Promise.all([1, 2].map(() => stack.http('POST', path, { token: office.token, body: {} })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.body.code).toBe('PHASE_ALREADY_LAUNCHED');
    const rows = await waitFor('the one duty', async () => {
      const found = await stack.dataSource.query(`SELECT id FROM duties WHERE phase_id = $1`, [campaign.phases[0].id]);
      return found.length > 0 && found;
    });
    expect(rows).toHaveLength(1);
    const [{ n }] = await stack.dataSource.query(`SELECT count(*)::int AS n FROM phase_fanout WHERE phase_id = $1`, [campaign.phases[0].id]);
    expect(n).toBe(1);
  });

  it('revises a planned phase (logged), refuses to revise a launched one (409), and checks the revision (400)', async () => {
    const campaign = await create();
    const [first, second] = campaign.phases;
    const revision = {
      kind: 'acceptance',
      name: '总结验收（修订）',
      window: { start: '2027-07-01', end: '2027-10-31' },
      templates: [{ title: '自查报告', description: '', route: { kind: 'district' }, scope: 'per_district', due: { workingDaysAfterLaunch: 5 } }],
      reason: '市政府调整验收时间',
    };
    const revised = await stack.http('PUT', `/campaigns/${campaign.id}/phases/${second.id}`, { token: office.token, body: revision });
    expect(revised.status).toBe(200);
    expect(revised.body).toMatchObject({ name: '总结验收（修订）', window: { end: '2027-10-31' } });
    const wrongKind = await stack.http('PUT', `/campaigns/${campaign.id}/phases/${second.id}`, { token: office.token, body: { ...revision, kind: 'mobilisation' } });
    expect(wrongKind.status).toBe(400);
    expect(Object.keys(wrongKind.body.fields)).toContain('kind');

    expect((await stack.http('POST', `/campaigns/${campaign.id}/phases/${first.id}/launch`, { token: office.token, body: {} })).status).toBe(200);
    const late = await stack.http('PUT', `/campaigns/${campaign.id}/phases/${first.id}`, {
      token: office.token,
      body: { ...revision, kind: 'mobilisation', window: { start: '2026-01-01', end: '2026-12-31' } },
    });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('PHASE_NOT_EDITABLE');
    const summary = await stack.http('GET', `/campaigns/${campaign.id}/phases/${first.id}/summary`, { token: office.token });
    expect(summary.status).toBe(409);
    expect(summary.body.code).toBe('PHASE_NOT_CLOSED');

    const events = await stack.http('GET', `/campaigns/${campaign.id}/events`, { token: office.token });
    expect(events.body.map((e: any) => e.action)).toEqual(['campaign_created', 'phase_plan_revised', 'phase_launched']);
    expect(events.body[1]).toMatchObject({ reason: '市政府调整验收时间', actorUserId: office.user.id });
  });

  it('changes targets, the leading group and the ladder with a reason, refusing what breaks the rules', async () => {
    const campaign = await create();
    const put = (path: string, sent: object) => stack.http('PUT', `/campaigns/${campaign.id}/${path}`, { token: office.token, body: sent });

    const badSplit = await put('targets', {
      targets: [{ insuranceType: 'pension', kind: 'persons', measure: 'newly_insured', value: 2000, departmentShares: [{ unitId: units.get('SIA')!.id, value: 1000 }] }],
      reason: '上调目标',
    });
    expect(badSplit.status).toBe(400);
    expect(badSplit.body.fields['targets.0.departmentShares']).toBeDefined();
    const raised = await put('targets', {
      targets: [
        { insuranceType: 'pension', kind: 'persons', measure: 'newly_insured', value: 2000, departmentShares: [{ unitId: units.get('SIA')!.id, value: 2000 }] },
        { insuranceType: 'medical', kind: 'funds', value: 1_000_000.5, stretch: 1_200_000 },
      ],
      reason: '上调目标',
    });
    expect(raised.status).toBe(200);
    expect(raised.body.targets).toHaveLength(2);

    const dropsShareHolder = await put('leading-group', { leadingGroup: { chair: LEADING_GROUP_CHAIR, viceChairs: [], members: [] }, reason: '调整成员' });
    expect(dropsShareHolder.status).toBe(400);

    const ladder = await put('escalation-ladder', {
      reminderBefore: { workingDays: 1 },
      escalationLadder: [
        { step: 'overdue', after: { workingDays: 0 }, notify: ['department_liaison'] },
        { step: 'leading_group', after: { workingDays: 2 }, notify: ['office', 'department_head'] },
      ],
      reason: '本专项行动时间紧，缩短催办间隔',
    });
    expect(ladder.status).toBe(200);
    const badLadder = await put('escalation-ladder', { reminderBefore: { workingDays: 1 }, escalationLadder: [], reason: 'x' });
    expect(badLadder.status).toBe(400);

    const events = await stack.http('GET', `/campaigns/${campaign.id}/events`, { token: office.token });
    const changed = events.body.filter((e: any) => e.action !== 'campaign_created');
    expect(changed.map((e: any) => e.action)).toEqual(['targets_changed', 'escalation_ladder_changed']);
    expect(changed[0].details.before[0].value).toBe(1000);
    expect(changed[0].details.after[0].value).toBe(2000);
    expect((await stack.http('GET', `/campaigns/${campaign.id}`, { token: office.token })).body.escalationLadder.escalationLadder).toHaveLength(2);
  });
});
