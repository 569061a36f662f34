import { LEADING_GROUP_CHAIR, NO_REPORT_PLAN, registerDistricts, seededDepartments, type Unit } from '../support/campaign-fixtures';
import { TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait-for';

/**
 * GET /campaigns/:id/phases/:phaseId/launch-preview: what a launch would create, decided by the
 * code the launch runs, so the console can show it before the office confirms.
 */
describe('campaign API: the launch preview', () => {
  let stack: TestStack;
  let office: Awaited<ReturnType<TestStack['userWithToken']>>;
  let units: Map<string, Unit>;
  let districts: Unit[];

  beforeAll(async () => {
    stack = await TestStack.start();
    office = await stack.userWithToken('office');
    units = await seededDepartments(stack, office.token);
    districts = await registerDistricts(stack, office.token, ['雁峰区', '石鼓区']);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const create = async () => {
    const sia = units.get('SIA')!;
    const created = await stack.http('POST', '/campaigns', {
      token: office.token,
      body: {
        name: `预览测试${Math.random().toString(36).slice(2, 8)}`,
        reportPlan: NO_REPORT_PLAN,
        jurisdiction: { name: '衡阳市', level: 'city', districtIds: districts.map((d) => d.id) },
        period: { start: '2026-01-01', end: '2027-12-31' },
        legalBasis: { title: '实施方案', number: '衡政办发〔2026〕1号' },
        targets: [],
        leadingGroup: { chair: LEADING_GROUP_CHAIR, viceChairs: [], members: [{ departmentId: sia.id, liaison: { name: '联络员' }, head: { name: '负责人' } }] },
        phases: [
          {
            kind: 'mobilisation',
            name: '动员部署',
            window: { start: '2026-01-01', end: '2027-06-30' },
            templates: [
              { title: '制定方案', description: '明确责任人', route: { kind: 'function', key: 'registration' }, scope: 'once', due: { workingDaysAfterLaunch: 5 } },
              { title: '签订目标责任状', description: '', route: { kind: 'district' }, scope: 'per_district', due: { workingDaysAfterLaunch: 10 } },
            ],
          },
          {
            kind: 'acceptance',
            name: '总结验收',
            window: { start: '2027-07-01', end: '2027-12-31' },
            templates: [{ title: '自查', description: '', route: { kind: 'district' }, scope: 'per_district', due: { workingDaysAfterLaunch: 10 } }],
          },
        ],
      },
    });
    expect(created.status).toBe(201);
    // Another test file may edit the shared matrix: the campaign's copy routes registration to SIA.
    const pinned = await stack.http('PUT', `/campaigns/${created.body.id}/duty-matrix/function/registration`, {
      token: office.token,
      body: { departmentId: sia.id, reason: '测试' },
    });
    expect(pinned.status).toBe(200);
    return created.body as { id: string; phases: Array<{ id: string }> };
  };

  it('shows the duties the launch then creates: titles, departments, districts and due times', async () => {
    const campaign = await create();
    const [mobilisation, acceptance] = campaign.phases;
    const path = `/campaigns/${campaign.id}/phases/${mobilisation.id}/launch-preview`;
    const preview = await stack.http('GET', path, { token: office.token });
    expect(preview.status).toBe(200);
    expect(preview.body.refusal).toBeNull();
    expect(preview.body.dutyCount).toBe(3);
    expect(preview.body.phase.status).toBe('planned');
    const sia = units.get('SIA')!;
    expect(preview.body.duties.map((d: any) => [d.title, d.department.id, d.district?.id ?? null])).toEqual([
      ['制定方案', sia.id, null],
      ['签订目标责任状（雁峰区）', districts[0].id, districts[0].id],
      ['签订目标责任状（石鼓区）', districts[1].id, districts[1].id],
    ]);
    expect(preview.body.duties[0].department.name).toBe(sia.name);
    expect(preview.body.duties[1].district.name).toBe('雁峰区');
    for (const d of preview.body.duties) expect(Date.parse(d.dueAt)).toBeGreaterThan(Date.parse(preview.body.asOf));
    // Writes nothing.
    const [{ n }] = await stack.dataSource.query(`SELECT count(*)::int AS n FROM phase_fanout WHERE phase_id = $1`, [mobilisation.id]);
    expect(n).toBe(0);
    expect((await stack.http('GET', `/campaigns/${campaign.id}/phases/${mobilisation.id}`, { token: office.token })).body.status).toBe('planned');

    // A viewer reads it too; department officers and inspectors see no campaign.
    const viewer = await stack.userWithToken('viewer');
    expect((await stack.http('GET', path, { token: viewer.token })).status).toBe(200);
    const officer = await stack.userWithToken('department_officer', sia.id);
    expect((await stack.http('GET', path, { token: officer.token })).status).toBe(403);
    const inspector = await stack.userWithToken('inspector');
    expect((await stack.http('GET', path, { token: inspector.token })).status).toBe(403);

    const launched = await stack.http('POST', `/campaigns/${campaign.id}/phases/${mobilisation.id}/launch`, { token: office.token, body: {} });
    expect(launched.status).toBe(200);
    expect(launched.body.dutyCount).toBe(preview.body.dutyCount);
    const rows: Array<{ title: string; department_id: string; due_at: Date }> = await stack.dataSource.query(
      `SELECT title, department_id, due_at FROM phase_fanout WHERE phase_id = $1 ORDER BY ordinal`,
      [mobilisation.id],
    );
    expect(rows.map((r) => [r.title, r.department_id])).toEqual(preview.body.duties.map((d: any) => [d.title, d.department.id]));
    // Same day of launch (Beijing time) → the same due times.
    const day = (iso: string | number | Date) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    if (day(preview.body.asOf) === day(launched.body.phase.launchedAt)) {
      expect(rows.map((r) => r.due_at.toISOString())).toEqual(preview.body.duties.map((d: any) => d.dueAt));
    }

    // A launched phase has nothing to preview: 409, as a second launch.
    const again = await stack.http('GET', path, { token: office.token });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('PHASE_ALREADY_LAUNCHED');

    // The next phase previews, and says a launch now needs force (mobilisation is still open).
    await waitFor('the phase open', async () => {
      const phase = await stack.http('GET', `/campaigns/${campaign.id}/phases/${mobilisation.id}`, { token: office.token });
      return phase.body.status === 'open';
    });
    // The list names the phase each campaign is in.
    const listed = (await stack.http('GET', '/campaigns', { token: office.token })).body.find((c: any) => c.id === campaign.id);
    expect(listed.currentPhase).toMatchObject({ id: mobilisation.id, kind: 'mobilisation', status: 'open' });
    expect(listed.phaseCount).toBe(2);
    const next = await stack.http('GET', `/campaigns/${campaign.id}/phases/${acceptance.id}/launch-preview`, { token: office.token });
    expect(next.status).toBe(200);
    expect(next.body.dutyCount).toBe(2);
    expect(next.body.refusal.code).toBe('PREVIOUS_PHASE_OPEN');
  });

  it('answers 404 for an unknown campaign or phase, and for a phase of another campaign', async () => {
    const one = await create();
    const other = await create();
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await stack.http('GET', `/campaigns/${unknown}/phases/${one.phases[0].id}/launch-preview`, { token: office.token })).status).toBe(404);
    const noPhase = await stack.http('GET', `/campaigns/${one.id}/phases/${unknown}/launch-preview`, { token: office.token });
    expect(noPhase.status).toBe(404);
    expect(noPhase.body.code).toBe('PHASE_NOT_FOUND');
    expect((await stack.http('GET', `/campaigns/${one.id}/phases/${other.phases[0].id}/launch-preview`, { token: office.token })).status).toBe(404);
    expect((await stack.http('GET', `/campaigns/${one.id}/phases/not-a-uuid/launch-preview`, { token: office.token })).status).toBe(404);
  });

  describe('a launch before the window opens', () => {
    // Windows relative to today, so the round's always lies ahead: this year's mobilisation is open now.
    const year = new Date().getUTCFullYear();
    const roundStart = `${year + 1}-07-01`;
    const roundEnd = `${year + 1}-12-31`;
    const createAhead = async () => {
      const sia = units.get('SIA')!;
      const created = await stack.http('POST', '/campaigns', {
        token: office.token,
        body: {
          name: `提前启动测试${Math.random().toString(36).slice(2, 8)}`,
          reportPlan: NO_REPORT_PLAN,
          jurisdiction: { name: '衡阳市', level: 'city', districtIds: [] },
          period: { start: `${year}-01-01`, end: `${year + 1}-12-31` },
          legalBasis: { title: '实施方案', number: '衡政办发〔2026〕3号' },
          targets: [],
          leadingGroup: { chair: LEADING_GROUP_CHAIR, viceChairs: [], members: [{ departmentId: sia.id, liaison: { name: '联络员' }, head: { name: '负责人' } }] },
          phases: [
            {
              kind: 'mobilisation',
              name: '动员部署',
              window: { start: `${year}-01-01`, end: `${year + 1}-06-30` },
              templates: [{ title: '制定方案', description: '', route: { kind: 'function', key: 'registration' }, scope: 'once', due: { workingDaysAfterLaunch: 5 } }],
            },
            {
              kind: 'special_operation',
              name: '第一轮集中攻坚',
              window: { start: roundStart, end: roundEnd },
              focusSectors: [],
              templates: [
                { title: '摸底排查', description: '', route: { kind: 'function', key: 'registration' }, scope: 'once', due: { workingDaysAfterLaunch: 5 } },
                { title: '阶段小结', description: '', route: { kind: 'function', key: 'registration' }, scope: 'once', due: { at: `${year + 1}-07-15T18:00:00+08:00` } },
              ],
            },
          ],
        },
      });
      expect(created.status).toBe(201);
      const pinned = await stack.http('PUT', `/campaigns/${created.body.id}/duty-matrix/function/registration`, {
        token: office.token,
        body: { departmentId: sia.id, reason: '测试' },
      });
      expect(pinned.status).toBe(200);
      const campaign = created.body as { id: string; phases: Array<{ id: string }> };
      const first = await stack.http('POST', `/campaigns/${campaign.id}/phases/${campaign.phases[0].id}/launch`, { token: office.token, body: {} });
      // In its window: not early.
      expect(first.status).toBe(200);
      expect(first.body.phase).toMatchObject({ launchedEarly: false, earlyReason: null });
      return campaign;
    };
    const unchanged = async (campaignId: string, phaseId: string) => ({
      phase: (await stack.http('GET', `/campaigns/${campaignId}/phases/${phaseId}`, { token: office.token })).body.status,
      fanout: (await stack.dataSource.query(`SELECT count(*)::int AS n FROM phase_fanout WHERE phase_id = $1`, [phaseId]))[0].n,
      events: (await stack.http('GET', `/campaigns/${campaignId}/events`, { token: office.token })).body.length,
    });

    it('is refused with 409 naming the window, forced or not; the preview says an early launch is needed', async () => {
      const campaign = await createAhead();
      const round = campaign.phases[1];
      const path = `/campaigns/${campaign.id}/phases/${round.id}/launch`;
      const before = await unchanged(campaign.id, round.id);

      const forced = await stack.http('POST', path, { token: office.token, body: { force: true, reason: '市里要求提前' } });
      expect(forced.status).toBe(409);
      expect(forced.body.code).toBe('PHASE_WINDOW_NOT_OPEN');
      expect(forced.body.message).toContain(`${roundStart} to ${roundEnd}`);
      expect(forced.body.details).toMatchObject({ windowStart: roundStart, windowEnd: roundEnd });
      expect(Date.parse(forced.body.details.windowOpensAt)).toBe(Date.parse(`${roundStart}T00:00:00+08:00`));
      // `early` does not lift the order of phases: the mobilisation is still open.
      const earlyOnly = await stack.http('POST', path, { token: office.token, body: { early: true, reason: '提前部署' } });
      expect(earlyOnly.status).toBe(409);
      expect(earlyOnly.body.code).toBe('PREVIOUS_PHASE_OPEN');
      expect(await unchanged(campaign.id, round.id)).toEqual(before);

      const preview = await stack.http('GET', `/campaigns/${campaign.id}/phases/${round.id}/launch-preview`, { token: office.token });
      expect(preview.status).toBe(200);
      expect(preview.body.earlyLaunch).toMatchObject({ required: true, code: 'PHASE_WINDOW_NOT_OPEN', windowStart: roundStart, windowEnd: roundEnd });
      expect(preview.body.earlyLaunch.message).toContain(roundStart);
      expect(Date.parse(preview.body.windowOpensAt)).toBe(Date.parse(`${roundStart}T00:00:00+08:00`));
      // The duties an early launch would create, due times counted from now, none before it.
      for (const d of preview.body.duties) expect(Date.parse(d.dueAt)).toBeGreaterThan(Date.parse(preview.body.asOf));
    });

    it('refuses bad early input with 400 and changes nothing', async () => {
      const campaign = await createAhead();
      const round = campaign.phases[1];
      const path = `/campaigns/${campaign.id}/phases/${round.id}/launch`;
      const before = await unchanged(campaign.id, round.id);
      const bad: Array<[Record<string, unknown>, string]> = [
        [{ force: true, early: true }, 'EARLY_LAUNCH_REASON_MISSING'],
        [{ force: true, early: true, reason: '   ' }, 'reason'],
        [{ force: true, early: 'true', reason: '提前' }, 'early'],
        [{ force: true, early: 1, reason: '提前' }, 'early'],
        [{ force: true, early: true, reason: '提前\u0000部署' }, 'reason'],
        [{ force: true, early: true, reason: 'x'.repeat(2001) }, 'reason'],
        [{ force: true, early: true, reason: '提前', earlyUntil: '2027-01-01' }, 'earlyUntil'],
      ];
      for (const [body, what] of bad) {
        const answer = await stack.http('POST', path, { token: office.token, body });
        expect(answer.status).toBe(400);
        if (what === what.toUpperCase()) expect(answer.body.code).toBe(what);
        else expect(Object.keys(answer.body.fields ?? {})).toContain(what);
      }
      // Not the office: 403, whatever the flag says.
      const viewer = await stack.userWithToken('viewer');
      expect((await stack.http('POST', path, { token: viewer.token, body: { force: true, early: true, reason: '提前' } })).status).toBe(403);
      expect(await unchanged(campaign.id, round.id)).toEqual(before);
    });

    it('opens early with a reason: attributable, due times from the launch and never before it, once', async () => {
      const campaign = await createAhead();
      const round = campaign.phases[1];
      const path = `/campaigns/${campaign.id}/phases/${round.id}/launch`;
      const requestedAt = Date.now();
      const launched = await stack.http('POST', path, { token: office.token, body: { force: true, early: true, reason: '省里要求年内完成摸底' } });
      expect(launched.status).toBe(200);
      expect(launched.body.phase).toMatchObject({ status: 'open', launchedEarly: true, earlyReason: '省里要求年内完成摸底', launchForced: true, launchedBy: office.user.id });
      const launchedAt = Date.parse(launched.body.phase.launchedAt);
      expect(launchedAt).toBeGreaterThanOrEqual(requestedAt - 1000);

      const rows: Array<{ title: string; due_at: Date }> = await stack.dataSource.query(`SELECT title, due_at FROM phase_fanout WHERE phase_id = $1 ORDER BY ordinal`, [round.id]);
      expect(rows.map((r) => r.title)).toEqual(['摸底排查', '阶段小结']);
      for (const r of rows) expect(r.due_at.getTime()).toBeGreaterThan(launchedAt);
      // Five working days after the launch: months before the window, as the office chose.
      expect(rows[0].due_at.getTime()).toBeLessThan(Date.parse(`${roundStart}T00:00:00+08:00`));
      expect(rows[1].due_at.toISOString()).toBe(new Date(`${year + 1}-07-15T18:00:00+08:00`).toISOString());

      const events = (await stack.http('GET', `/campaigns/${campaign.id}/events`, { token: office.token })).body as any[];
      const early = events.filter((e) => e.phaseId === round.id && e.action.startsWith('phase_launched'));
      expect(early).toHaveLength(1);
      expect(early[0]).toMatchObject({ action: 'phase_launched_early', reason: '省里要求年内完成摸底', actorUserId: office.user.id });
      expect(early[0].details).toMatchObject({
        early: true,
        forced: true,
        forceReason: '省里要求年内完成摸底',
        windowOpensAt: new Date(`${roundStart}T00:00:00+08:00`).toISOString(),
      });

      // The same request again creates nothing.
      const again = await stack.http('POST', path, { token: office.token, body: { force: true, early: true, reason: '省里要求年内完成摸底' } });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('PHASE_ALREADY_LAUNCHED');
      const [{ n }] = await stack.dataSource.query(`SELECT count(*)::int AS n FROM phase_fanout WHERE phase_id = $1`, [round.id]);
      expect(n).toBe(2);
    });
  });
});
