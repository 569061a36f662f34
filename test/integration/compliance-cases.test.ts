import { randomUUID } from 'node:crypto';
import { LEADING_GROUP_CHAIR, NO_REPORT_PLAN, pinCampaignRoutes, registerDistricts, seededDepartments, type Unit } from '../support/campaign-fixtures';
import { validCreditCode } from '../support/credit-codes';
import { recordHistoryIfAsked } from '../support/recorded-histories';
import { TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait-for';

/**
 * The compliance chain against the real services: the comparison opens cases routed by the
 * campaign's matrix, a case walks notice → deadline → inspection → exposure proposal → the
 * office's approval → a media duty; a construction unit reaches the bidding ban and then
 * rectifies, which stops everything pending; a unit that rectifies before its deadline
 * escalates nothing. A working day lasts one second here.
 */
describe('compliance cases: comparison, notice, escalation, exposure, bidding ban, rectification', () => {
  let stack: TestStack;
  let office: Awaited<ReturnType<TestStack['userWithToken']>>;
  let viewer: Awaited<ReturnType<TestStack['userWithToken']>>;
  let units: Map<string, Unit>;
  let district: Unit;
  let teamId: string;
  let inspector: Awaited<ReturnType<TestStack['userWithToken']>>;
  let otherInspector: Awaited<ReturnType<TestStack['userWithToken']>>;
  const officers = new Map<string, Awaited<ReturnType<TestStack['userWithToken']>>>();
  let campaignId: string;
  let elsewhere: Unit;
  const code = {
    restaurant: validCreditCode(),
    builder: validCreditCode(),
    arrears: validCreditCode(),
    compliant: validCreditCode(),
  };

  const officer = async (departmentCode: string) => {
    if (!officers.has(departmentCode)) officers.set(departmentCode, await stack.userWithToken('department_officer', units.get(departmentCode)!.id));
    return officers.get(departmentCode)!;
  };
  const record = async (creditCode: string, facts: Record<string, unknown>, source: string) => {
    const result = await stack.http('POST', '/units', {
      token: office.token,
      body: { creditCode, ...facts, source: { departmentId: units.get(source)!.id, file: `${source}-2026-10.xlsx`, date: '2026-10-31' } },
    });
    expect([200, 201]).toContain(result.status);
  };
  const caseOf = async (creditCode: string, finding: string) => {
    const listed = await stack.http('GET', `/compliance-cases?creditCode=${creditCode}&finding=${finding}`, { token: office.token });
    expect(listed.status).toBe(200);
    return listed.body.items[0] as { id: string; departmentId: string; state: string };
  };
  const detail = async (caseId: string) => (await stack.http('GET', `/compliance-cases/${caseId}`, { token: office.token })).body;
  const act = (token: string, caseId: string, body: Record<string, unknown>) => stack.http('POST', `/compliance-cases/${caseId}/actions`, { token, body });
  const evidence = async (token: string, caseId: string, text: string) => {
    const form = new FormData();
    form.append('file', new Blob([`%PDF-1.4\n${text}\n%%EOF\n`], { type: 'application/pdf' }), '参保登记回执.pdf');
    const response = await fetch(`${stack.baseUrl}/compliance-cases/${caseId}/evidence`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  const departmentOf = (departmentCode: string) => units.get(departmentCode)!.id;
  const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

  beforeAll(async () => {
    stack = await TestStack.start({ DUBAN_WORKING_DAY_SECONDS: '1' });
    office = await stack.userWithToken('office');
    viewer = await stack.userWithToken('viewer');
    units = await seededDepartments(stack, office.token);
    [district] = await registerDistricts(stack, office.token, ['雁峰区']);
    // The seeded city-wide inspection team (it names no districts) takes this test's cases;
    // another team answers for another district only.
    teamId = (await stack.dataSource.query(`SELECT id FROM departments WHERE code = 'INSPECT'`))[0].id;
    [elsewhere] = await registerDistricts(stack, office.token, ['耒阳市']);
    const otherTeam = await stack.http('POST', '/departments', {
      token: office.token,
      body: {
        code: `T${randomUUID().slice(0, 8).toUpperCase()}`,
        name: '耒阳市劳动保障监察大队',
        kind: 'inspection_team',
        districtIds: [elsewhere.id],
        liaisonEmail: 'ly@duban.test',
        headEmail: 'ly-head@duban.test',
      },
    });
    expect(otherTeam.status).toBe(201);
    const otherTeamId = otherTeam.body.id as string;
    inspector = await stack.userWithToken('inspector', teamId);
    otherInspector = await stack.userWithToken('inspector', otherTeamId);

    const created = await stack.http('POST', '/campaigns', {
      token: office.token,
      body: {
        name: `扩面专项${randomUUID().slice(0, 6)}`,
        reportPlan: NO_REPORT_PLAN,
        jurisdiction: { name: '衡阳市', level: 'city', districtIds: [district.id] },
        period: { start: '2026-01-01', end: '2027-12-31' },
        legalBasis: { title: '全民参保专项行动实施方案', number: '衡政办发〔2026〕8号' },
        targets: [],
        leadingGroup: { chair: LEADING_GROUP_CHAIR, viceChairs: [], members: [] },
        phases: [
          {
            kind: 'mobilisation',
            name: '动员部署',
            window: { start: '2026-01-01', end: '2027-12-31' },
            templates: [{ title: '制定方案', description: '', route: { kind: 'function', key: 'registration' }, scope: 'once', due: { workingDaysAfterLaunch: 200 } }],
          },
        ],
      },
    });
    if (created.status !== 201) throw new Error(JSON.stringify(created.body));
    campaignId = created.body.id;
    await pinCampaignRoutes(stack, office.token, campaignId, [
      ['sector', 'restaurants', units.get('HEALTH')!],
      ['sector', 'construction', units.get('CONS')!],
      ['function', 'registration', units.get('SIA')!],
      ['function', 'arrears_clearance', units.get('TAX')!],
      ['function', 'exposure', units.get('MEDIA')!],
      ['function', 'bidding_ban', units.get('CONS')!],
    ]);

    // Before a phase runs, findings have no campaign to join.
    const early = await stack.http('POST', '/compliance-runs', { token: office.token, body: { campaignId } });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('CAMPAIGN_NOT_RUNNING');
    const launched = await stack.http('POST', `/campaigns/${campaignId}/phases/${created.body.phases[0].id}/launch`, { token: office.token, body: {} });
    expect(launched.status).toBe(200);

    await record(
      code.restaurant,
      { name: '雁峰区好味餐馆', sectorKey: 'restaurants', districtId: district.id, contactEmail: 'haowei@unit.test', employees: 8, registeredWith: ['market_regulation'] },
      'SAMR',
    );
    await record(code.builder, { name: '衡阳建工劳务有限公司', sectorKey: 'construction', districtId: district.id, employees: 50, registeredWith: ['tax'] }, 'TAX');
    await record(code.builder, { insured: { pension: 30, work_injury: 50 }, registeredWith: ['social_insurance'] }, 'SIA');
    await record(code.arrears, { name: '衡阳某超市', sectorKey: 'restaurants', districtId: district.id, contactEmail: 'market@unit.test', arrears: 5000 }, 'TAX');
    await record(code.arrears, { registeredWith: ['social_insurance'], employees: 4, insured: { pension: 4 } }, 'SIA');
    await record(code.compliant, { name: '合规公司', sectorKey: 'restaurants', employees: 10, insured: { pension: 10 }, registeredWith: ['tax', 'social_insurance'] }, 'SIA');
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('opens one case per finding, routed by sector, and a second run opens none', async () => {
    expect((await stack.http('POST', '/compliance-runs', { token: (await officer('HEALTH')).token, body: { campaignId } })).status).toBe(403);
    expect((await stack.http('POST', '/compliance-runs', { token: office.token, body: { campaignId: 'nope' } })).body.fields).toHaveProperty('campaignId');

    const started = await stack.http('POST', '/compliance-runs', { token: office.token, body: { campaignId, reason: '10月数据比对' } });
    expect(started.status).toBe(202);
    const run = await waitFor('the run to complete', async () => {
      const got = await stack.http('GET', `/compliance-runs/${started.body.id}`, { token: office.token });
      return got.body.status === 'completed' && got.body;
    });
    // Other test files share the database: count what this run did for this file's units.
    const runCasesOf = async (runId: string) =>
      (
        await stack.dataSource.query(`SELECT credit_code AS code, finding FROM compliance_cases WHERE run_id = $1 AND credit_code = ANY($2::text[]) ORDER BY finding`, [
          runId,
          Object.values(code),
        ])
      ).map((r: { code: string; finding: string }) => `${r.code}:${r.finding}`);
    expect(await runCasesOf(run.id)).toEqual([`${code.arrears}:in_arrears`, `${code.restaurant}:not_registered`, `${code.builder}:under_insured`]);
    expect(run.findingsNew).toBeGreaterThanOrEqual(3);
    expect(run.unitsCompared).toBeGreaterThanOrEqual(4);

    const restaurant = await caseOf(code.restaurant, 'not_registered');
    const builder = await caseOf(code.builder, 'under_insured');
    const arrears = await caseOf(code.arrears, 'in_arrears');
    expect(restaurant.departmentId).toBe(units.get('HEALTH')!.id);
    expect(builder.departmentId).toBe(units.get('CONS')!.id);
    expect(arrears.departmentId).toBe(units.get('HEALTH')!.id);
    expect((await stack.http('GET', `/compliance-cases?creditCode=${code.compliant}`, { token: office.token })).body.total).toBe(0);
    expect((await detail(builder.id)).evidenceOfFinding).toMatchObject({ employees: 50, shortfall: { pension: 20 } });

    const again = await stack.http('POST', '/compliance-runs', { token: office.token, body: { campaignId } });
    const second = await waitFor('the second run', async () => {
      const got = await stack.http('GET', `/compliance-runs/${again.body.id}`, { token: office.token });
      return got.body.status === 'completed' && got.body;
    });
    expect(await runCasesOf(second.id)).toEqual([]);
    expect(second.findingsOpenAlready).toBeGreaterThanOrEqual(3);
    const [{ n }] = await stack.dataSource.query(`SELECT count(*)::int AS n FROM compliance_cases WHERE campaign_id = $1`, [campaignId]);
    expect(n).toBe(3);

    // Each case's workflow is running and answers its live state.
    await waitFor('the case workflow', async () => (await detail(restaurant.id)).workflow?.state === 'identified');
    await recordHistoryIfAsked(stack.temporal.workflow.getHandle(`compliance-run-${started.body.id}`), 'compliance-run-workflow.three-findings');
    await recordHistoryIfAsked(stack.temporal.workflow.getHandle(`compliance-run-${started.body.id}-batch-0`), 'compliance-case-batch-workflow.three-cases');
  });

  it('registers inspection teams: a district answers to one team, and only districts are covered', async () => {
    const team = (body: Record<string, unknown>) =>
      stack.http('POST', '/departments', {
        token: office.token,
        body: {
          code: `T${randomUUID().slice(0, 8).toUpperCase()}`,
          name: '监察大队',
          kind: 'inspection_team',
          liaisonEmail: 't@duban.test',
          headEmail: 't-head@duban.test',
          ...body,
        },
      });
    const before = (await stack.dataSource.query(`SELECT count(*)::int AS n FROM departments`))[0].n;
    const taken = await team({ districtIds: [elsewhere.id] });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('DISTRICT_COVERED_BY_ANOTHER_TEAM');
    const notADistrict = await team({ districtIds: [units.get('TAX')!.id] });
    expect(notADistrict.status).toBe(400);
    expect(notADistrict.body.fields).toHaveProperty(['districtIds.0']);
    const notATeam = await team({ kind: 'department', districtIds: [district.id] });
    expect(notATeam.body.fields).toHaveProperty('districtIds');
    expect((await stack.dataSource.query(`SELECT count(*)::int AS n FROM departments`))[0].n).toBe(before);
    const teams = await stack.http('GET', '/inspection-teams', { token: inspector.token });
    expect(teams.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: teamId, code: 'INSPECT', districtIds: [] }), expect.objectContaining({ districtIds: [elsewhere.id] })]),
    );
  });

  it('scopes cases: officers see their department’s, refuse other departments, and bad input changes nothing', async () => {
    const restaurant = await caseOf(code.restaurant, 'not_registered');
    const health = await officer('HEALTH');
    const cons = await officer('CONS');
    expect(
      (await stack.http('GET', '/compliance-cases', { token: health.token })).body.items.every((c: { departmentId: string }) => c.departmentId === units.get('HEALTH')!.id),
    ).toBe(true);
    expect((await stack.http('GET', `/compliance-cases/${restaurant.id}`, { token: cons.token })).status).toBe(403);
    expect((await stack.http('GET', `/compliance-cases/${randomUUID()}`, { token: office.token })).status).toBe(404);
    expect((await act(office.token, randomUUID(), { action: 'issue_notice' })).status).toBe(404);
    expect((await act(viewer.token, restaurant.id, { action: 'issue_notice' })).status).toBe(403);
    expect((await act(health.token, restaurant.id, { action: 'dismiss', reason: '企业已注销' })).status).toBe(403);
    const noReason = await act(office.token, restaurant.id, { action: 'dismiss' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.fields).toHaveProperty('reason');
    const pastDeadline = await act(health.token, restaurant.id, { action: 'issue_notice', deadline: '2020-01-01T00:00:00Z' });
    expect(pastDeadline.status).toBe(400);
    expect(pastDeadline.body.fields).toHaveProperty('deadline');
    const badAction = await act(health.token, restaurant.id, { action: 'escalate' });
    expect(badAction.status).toBe(400);
    const noEvidence = await act(health.token, restaurant.id, { action: 'record_rectification', rectification: { kind: 'registration', evidenceIds: [randomUUID()] } });
    expect(noEvidence.status).toBe(400);
    expect(noEvidence.body.fields).toHaveProperty(['rectification.evidenceIds']);
    expect((await stack.http('GET', `/compliance-cases/${restaurant.id}/notice`, { token: office.token })).status).toBe(409);
    expect((await detail(restaurant.id)).transitions).toHaveLength(1);
  });

  it('walks notice → deadline → inspection → exposure proposal → office approval → media duty', async () => {
    const restaurant = await caseOf(code.restaurant, 'not_registered');
    const health = await officer('HEALTH');
    const notice = await act(health.token, restaurant.id, { action: 'issue_notice', deadline: inSeconds(2) });
    expect(notice.status).toBe(200);
    expect(notice.body).toMatchObject({ state: 'notified', noticeNumber: expect.stringMatching(/^\d{4}-\d{6}$/) });
    expect((await act(health.token, restaurant.id, { action: 'issue_notice' })).status).toBe(409);

    const mail = await waitFor('the rectification order e-mail', () => stack.smtp.emails.find((e) => e.to.includes('haowei@unit.test')));
    expect(mail.subject).toContain('社会保险限期改正通知书');
    expect(mail.text).toContain(code.restaurant);
    expect(mail.text).toContain(notice.body.noticeNumber);
    const page = await stack.http('GET', `/compliance-cases/${restaurant.id}/notice`, { token: health.token });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<h1>社会保险限期改正通知书</h1>');
    expect(page.body).toContain('雁峰区好味餐馆');

    const escalated = await waitFor('the inspection case', async () => {
      const got = await detail(restaurant.id);
      return got.state === 'escalated' && got.inspectionCaseId ? got : undefined;
    });
    expect(escalated.inspectionTeamId).toBe(teamId);
    expect(escalated.transitions.map((t: { action: string }) => t.action)).toEqual(['identify', 'issue_notice', 'escalate']);
    expect(escalated.transitions[2]).toMatchObject({ actorUsername: 'system', fromState: 'notified', toState: 'escalated' });
    // The team's inspector now reads the case; another team's does not.
    expect((await stack.http('GET', `/compliance-cases/${restaurant.id}`, { token: inspector.token })).status).toBe(200);
    expect((await stack.http('GET', `/compliance-cases/${restaurant.id}`, { token: otherInspector.token })).status).toBe(403);

    const proposed = await waitFor(
      'the exposure proposal',
      async () => {
        const got = await detail(restaurant.id);
        return got.exposureStatus === 'proposed' && got;
      },
      { timeoutMs: 40_000 },
    );
    await waitFor('the office to hear of the proposal', () => stack.smtp.emails.find((e) => e.subject.includes('曝光待审批') && e.text.includes(code.restaurant)));
    const decide = (token: string, body: Record<string, unknown>) => stack.http('POST', `/exposure-proposals/${proposed.exposureProposalId}/decision`, { token, body });
    for (const who of [health, inspector, viewer]) expect((await decide(who.token, { decision: 'approve' })).status).toBe(403);
    expect((await stack.http('POST', `/exposure-proposals/${randomUUID()}/decision`, { token: office.token, body: { decision: 'approve' } })).status).toBe(404);
    const rejectWithoutReason = await decide(office.token, { decision: 'reject' });
    expect(rejectWithoutReason.status).toBe(400);
    expect(rejectWithoutReason.body.fields).toHaveProperty('reason');

    const approved = await decide(office.token, { decision: 'approve' });
    expect(approved.status).toBe(200);
    expect(approved.body.exposure).toBe('approved');
    expect((await decide(office.token, { decision: 'reject', reason: '再议' })).status).toBe(409);

    const mediaDuty = await waitFor('the media duty', async () => {
      const rows = await stack.dataSource.query(
        `SELECT d.id, d.department_id AS "departmentId", d.state, d.title FROM exposure_proposals p JOIN duties d ON d.id = p.media_duty_id WHERE p.case_id = $1`,
        [restaurant.id],
      );
      return rows[0];
    });
    expect(mediaDuty).toMatchObject({ departmentId: units.get('MEDIA')!.id, state: 'assigned' });
    expect(mediaDuty.title).toContain('雁峰区好味餐馆');
    await waitFor('the media liaison to be told', () => stack.smtp.emails.find((e) => e.to.includes(units.get('MEDIA')!.liaisonEmail) && e.text.includes('雁峰区好味餐馆')));
    const proposal = (await stack.dataSource.query(`SELECT status, decider_username AS "by" FROM exposure_proposals WHERE case_id = $1`, [restaurant.id]))[0];
    expect(proposal).toEqual({ status: 'approved', by: office.user.username });
  });

  it('rectifies before the deadline and escalates nothing', async () => {
    const arrears = await caseOf(code.arrears, 'in_arrears');
    const health = await officer('HEALTH');
    expect((await act(health.token, arrears.id, { action: 'issue_notice', deadline: inSeconds(6) })).status).toBe(200);
    const receipt = await evidence(health.token, arrears.id, '缴费凭证 5000 元');
    const rectified = await act(health.token, arrears.id, { action: 'record_rectification', reason: '已补缴欠费', rectification: { kind: 'payment', evidenceIds: [receipt] } });
    expect(rectified.status).toBe(200);
    expect(rectified.body).toMatchObject({ state: 'closed', outcome: 'rectified' });
    expect(rectified.body.transitions.at(-1)).toMatchObject({ action: 'record_rectification', details: { rectification: { kind: 'payment', evidenceIds: [receipt] } } });
    expect((await act(office.token, arrears.id, { action: 'dismiss', reason: '重复' })).status).toBe(409);

    const handle = stack.temporal.workflow.getHandle(`compliance-case-${arrears.id}`);
    expect(await handle.result()).toMatchObject({ state: 'closed', outcome: 'rectified' });
    // Only the case's own workflow takes escalation steps, and it has finished: its whole history
    // schedules none, so none can be taken after the deadline either (no need to sleep past it).
    const scheduled = ((await handle.fetchHistory()).events ?? []).flatMap((e) => e.activityTaskScheduledEventAttributes?.activityType?.name ?? []);
    expect(scheduled).toContain('recordCaseTransition');
    expect(scheduled).not.toContain('takeEscalationStep');
    expect(await stack.dataSource.query(`SELECT step FROM compliance_case_steps WHERE case_id = $1`, [arrears.id])).toEqual([]);
    expect(await stack.dataSource.query(`SELECT id FROM inspection_cases WHERE case_id = $1`, [arrears.id])).toEqual([]);
  });

  it('bars a construction unit from bidding, and its rectification stops every pending step', async () => {
    const builder = await caseOf(code.builder, 'under_insured');
    const cons = await officer('CONS');
    expect((await act(cons.token, builder.id, { action: 'issue_notice', deadline: inSeconds(1) })).status).toBe(200);
    const banned = await waitFor(
      'the bidding-ban duty',
      async () => {
        const got = await detail(builder.id);
        const step = got.steps.find((s: { step: string }) => s.step === 'bidding_ban');
        return step?.dutyId ? got : undefined;
      },
      { timeoutMs: 40_000 },
    );
    const banStep = banned.steps.find((s: { step: string }) => s.step === 'bidding_ban');
    const banDuty = await waitFor(
      'the duty row',
      async () => (await stack.dataSource.query(`SELECT department_id AS "departmentId", state FROM duties WHERE id = $1`, [banStep.dutyId]))[0],
    );
    expect(banDuty).toEqual({ departmentId: units.get('CONS')!.id, state: 'assigned' });
    expect(banned.steps.map((s: { step: string }) => s.step).sort()).toEqual(['bidding_ban', 'exposure', 'inspection']);

    // An inspector of the team records the registration it found on site.
    const receipt = await evidence(inspector.token, builder.id, '补办参保登记 20 人');
    const rectified = await act(inspector.token, builder.id, {
      action: 'record_rectification',
      reason: '已为全部职工参保',
      rectification: { kind: 'registration', evidenceIds: [receipt] },
    });
    expect(rectified.status).toBe(200);
    expect(rectified.body).toMatchObject({ state: 'closed', outcome: 'rectified' });

    await stack.temporal.workflow.getHandle(`compliance-case-${builder.id}`).result();
    const after = await detail(builder.id);
    expect(after.steps.find((s: { step: string }) => s.step === 'court_referral')).toMatchObject({ status: 'cancelled' });
    expect(after.exposureStatus).toBe('withdrawn');
    const inspection = (await stack.dataSource.query(`SELECT status, close_reason AS reason FROM inspection_cases WHERE case_id = $1`, [builder.id]))[0];
    expect(inspection).toEqual({ status: 'closed', reason: 'The unit rectified' });
    await waitFor(
      'the bidding-ban duty to be cancelled',
      async () => (await stack.dataSource.query(`SELECT state FROM duties WHERE id = $1`, [banStep.dutyId]))[0].state === 'cancelled',
    );
  });

  it('escalates once after a worker stopped over the deadline restarts, and a dismissal stops the rest', async () => {
    const creditCode = validCreditCode();
    await record(creditCode, { name: '重启测试商行', employees: 3, registeredWith: ['market_regulation'] }, 'SAMR');
    const run = await stack.http('POST', '/compliance-runs', { token: office.token, body: { campaignId } });
    await waitFor('the run', async () => (await stack.http('GET', `/compliance-runs/${run.body.id}`, { token: office.token })).body.status === 'completed');
    // Only the new unit: the rectified builder and the unit that paid are not found again while
    // their data has not changed since (the escalated restaurant's case is open already).
    const opened = await stack.dataSource.query(`SELECT credit_code AS code FROM compliance_cases WHERE run_id = $1 AND credit_code = ANY($2::text[])`, [
      run.body.id,
      [...Object.values(code), creditCode],
    ]);
    expect(opened).toEqual([{ code: creditCode }]);
    const kase = await caseOf(creditCode, 'not_registered');
    // No sector: the matrix's registration function answers.
    expect(kase.departmentId).toBe(units.get('SIA')!.id);
    await waitFor('the case workflow', async () => (await detail(kase.id)).workflow?.state === 'identified');
    expect((await act(office.token, kase.id, { action: 'issue_notice', deadline: inSeconds(2) })).status).toBe(200);
    // Stop once the worker has nothing in hand (the notice's activities done, the deadline's timer
    // set): a task handed to a worker that is stopping is retried by Temporal only after its
    // timeout, which is not under test.
    const caseHistory = async () => (await stack.temporal.workflow.getHandle(`compliance-case-${kase.id}`).fetchHistory()).events ?? [];
    const deadlineTimer = await waitFor('the notice to be handled', async () => {
      const events = await caseHistory();
      const completed = events.filter((e) => e.activityTaskCompletedEventAttributes).length;
      return completed >= 2 && events.find((e) => e.timerStartedEventAttributes)?.timerStartedEventAttributes?.timerId;
    });

    await stack.stopWorker();
    // The server fires the deadline's timer with no worker there; until a worker runs the
    // workflow again, nothing escalates.
    await waitFor('the deadline to pass with no worker', async () => (await caseHistory()).some((e) => e.timerFiredEventAttributes?.timerId === deadlineTimer));
    expect((await stack.dataSource.query(`SELECT state FROM compliance_cases WHERE id = $1`, [kase.id]))[0].state).toBe('notified');
    await stack.startWorker();

    await waitFor(
      'the escalation after the restart',
      async () => {
        const got = await detail(kase.id);
        return got.state === 'escalated' && got.inspectionCaseId ? got : undefined;
      },
      { timeoutMs: 90_000 },
    );
    const dismissed = await act(office.token, kase.id, { action: 'dismiss', reason: '经核实该商行已于10月注销' });
    expect(dismissed.status).toBe(200);
    expect(dismissed.body).toMatchObject({ state: 'closed', outcome: 'dismissed' });
    const handle = stack.temporal.workflow.getHandle(`compliance-case-${kase.id}`);
    await handle.result();
    const after = await detail(kase.id);
    expect(after.transitions.map((t: { action: string }) => t.action)).toEqual(['identify', 'issue_notice', 'escalate', 'dismiss']);
    expect(after.transitions[3]).toMatchObject({ actorUsername: office.user.username, reason: '经核实该商行已于10月注销' });
    const steps = Object.fromEntries(after.steps.map((step: { step: string; status: string }) => [step.step, step.status]));
    // On a loaded machine the exposure (ten working seconds after the deadline) may come first:
    // then its proposal is withdrawn. Court referral (thirty) never does.
    expect(steps).toMatchObject({ inspection: 'taken', court_referral: 'cancelled' });
    expect(after.exposureStatus ?? null).toBe(steps.exposure === 'taken' ? 'withdrawn' : null);
    const [{ n }] = await stack.dataSource.query(`SELECT count(*)::int AS n FROM inspection_cases WHERE case_id = $1 AND status = 'closed'`, [kase.id]);
    expect(n).toBe(1);
    await recordHistoryIfAsked(handle, 'compliance-case-workflow.escalated-then-dismissed');
  }, 180_000);

  it('gives inspectors their team’s inbox and log, a unit’s history, the approved exposure list and the views', async () => {
    const restaurant = await caseOf(code.restaurant, 'not_registered');
    const health = await officer('HEALTH');
    const inbox = await stack.http('GET', '/inspection-cases', { token: inspector.token });
    expect(inbox.status).toBe(200);
    const mine = inbox.body.items.find((c: { caseId: string }) => c.caseId === restaurant.id);
    expect(mine).toMatchObject({ creditCode: code.restaurant, unitName: '雁峰区好味餐馆', teamId, status: 'open', finding: 'not_registered', exposureStatus: 'approved' });
    expect(inbox.body.items.every((c: { teamId: string }) => c.teamId === teamId)).toBe(true);
    expect((await stack.http('GET', '/inspection-cases', { token: otherInspector.token })).body.items.some((c: { caseId: string }) => c.caseId === restaurant.id)).toBe(false);
    expect((await stack.http('GET', '/inspection-cases', { token: health.token })).status).toBe(403);
    expect((await stack.http('GET', `/inspection-cases/${mine.id}`, { token: otherInspector.token })).status).toBe(403);
    expect((await stack.http('GET', `/inspection-cases/${randomUUID()}`, { token: office.token })).status).toBe(404);

    const log = (token: string, body: Record<string, unknown>) => stack.http('POST', `/inspection-cases/${mine.id}/actions`, { token, body });
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const photo = await evidence(inspector.token, restaurant.id, '现场检查照片');
    const onSite = await log(inspector.token, { type: 'on_site_inspection', date: today, findings: '在岗 8 人，均未参保', evidenceIds: [photo] });
    expect(onSite.status).toBe(201);
    expect(onSite.body).toMatchObject({ type: 'on_site_inspection', recorderUsername: inspector.user.username, recorderTeamId: teamId, evidenceIds: [photo] });
    const noAmount = await log(inspector.token, { type: 'penalty', date: today, findings: '逾期不改正' });
    expect(noAmount.status).toBe(400);
    expect(noAmount.body.fields).toHaveProperty('penaltyYuan');
    const future = await log(inspector.token, { type: 'rectification_order', date: '2099-01-01', findings: 'x' });
    expect(future.body.fields).toHaveProperty('date');
    expect((await log(inspector.token, { type: 'teatime', date: today, findings: 'x' })).body.fields).toHaveProperty('type');
    expect((await log(otherInspector.token, { type: 'on_site_inspection', date: today, findings: 'x' })).status).toBe(403);
    expect((await log(health.token, { type: 'on_site_inspection', date: today, findings: 'x' })).status).toBe(403);
    const penalty = await log(inspector.token, { type: 'penalty', date: today, findings: '逾期不改正', outcome: '处罚款', penaltyYuan: 5000.5 });
    expect(penalty.status).toBe(201);
    expect(penalty.body.penaltyYuan).toBe(5000.5);
    // The office approved this unit's exposure: the inspectors may log it.
    expect((await log(inspector.token, { type: 'exposure', date: today, findings: '市融媒体中心发布' })).status).toBe(201);
    expect((await stack.http('GET', `/inspection-cases/${mine.id}`, { token: inspector.token })).body.actions.map((a: { type: string }) => a.type)).toEqual([
      'on_site_inspection',
      'penalty',
      'exposure',
    ]);

    // The builder's inspection case closed when it rectified: nothing more is logged on it, and
    // its exposure was never approved.
    const builder = await caseOf(code.builder, 'under_insured');
    const closedList = await stack.http('GET', '/inspection-cases?status=closed', { token: inspector.token });
    const closed = closedList.body.items.find((c: { caseId: string }) => c.caseId === builder.id);
    const late = await stack.http('POST', `/inspection-cases/${closed.id}/actions`, { token: inspector.token, body: { type: 'on_site_inspection', date: today, findings: 'x' } });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('INSPECTION_CASE_CLOSED');

    const history = await stack.http('GET', `/units/${code.restaurant}/enforcement-history`, { token: office.token });
    expect(history.status).toBe(200);
    const kinds = history.body.events.map((e: { kind: string; what: string }) => `${e.kind}:${e.what}`);
    expect(kinds.slice(0, 3)).toEqual(['transition:identify: — → identified', 'transition:issue_notice: identified → notified', 'transition:escalate: notified → escalated']);
    expect(kinds).toEqual(expect.arrayContaining(['escalation_step:inspection taken', 'escalation_step:exposure taken', 'enforcement_action:penalty']));
    const times = history.body.events.map((e: { at: string }) => e.at);
    expect([...times].sort()).toEqual(times);
    expect((await stack.http('GET', `/units/${code.restaurant}/enforcement-history`, { token: (await officer('CONS')).token })).body.events).toEqual([]);
    expect((await stack.http('GET', `/units/${validCreditCode()}/enforcement-history`, { token: office.token })).status).toBe(404);

    const list = await stack.http('GET', '/exposure-list', { token: office.token });
    expect(list.body.map((r: { creditCode: string }) => r.creditCode)).toEqual([code.restaurant]);
    expect(list.body[0]).toMatchObject({ unitName: '雁峰区好味餐馆', approvedBy: office.user.username, mediaDutyState: 'assigned' });
    for (const who of [health, inspector]) expect((await stack.http('GET', '/exposure-list', { token: who.token })).status).toBe(403);
    const csv = await fetch(`${stack.baseUrl}/exposure-list?format=csv`, { headers: { authorization: `Bearer ${viewer.token}` } });
    const csvText = Buffer.from(await csv.arrayBuffer()).toString('utf8');
    expect(csvText.startsWith('\uFEFF统一社会信用代码,单位名称')).toBe(true);
    expect(csvText).toContain(code.restaurant);
    const page = await fetch(`${stack.baseUrl}/exposure-list?format=html`, { headers: { authorization: `Bearer ${office.token}` } });
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain('<h1>拒不参保和欠费单位曝光名单</h1>');
    expect(html).toContain('雁峰区好味餐馆');
    expect(html).not.toContain(code.builder);

    const unitsView = await stack.http('GET', '/compliance/overview/units?groupBy=sector', { token: viewer.token });
    const [{ total }] = await stack.dataSource.query(`SELECT count(*)::int AS total FROM units`);
    expect(unitsView.body.groups.reduce((sum: number, g: { total: number }) => sum + g.total, 0)).toBe(total);
    const restaurants = unitsView.body.groups.find((g: { groupKey: string }) => g.groupKey === 'restaurants');
    // Other files' units share the database: at least this file's escalated restaurant and rectified one.
    expect(restaurants.byStatus.escalated).toBeGreaterThanOrEqual(1);
    expect(restaurants.byStatus.rectified).toBeGreaterThanOrEqual(1);
    // An officer counts the units with a case of their department, by those cases only.
    const healthUnits = await stack.http('GET', '/compliance/overview/units', { token: health.token });
    expect(healthUnits.body).toMatchObject({ scoped: true, totals: { byStatus: { no_findings: 0 } } });
    const byDistrict = await fetch(`${stack.baseUrl}/compliance/overview/units?groupBy=district&format=csv`, { headers: { authorization: `Bearer ${office.token}` } });
    expect(
      Buffer.from(await byDistrict.arrayBuffer())
        .toString('utf8')
        .split('\r\n')[0],
    ).toBe('\uFEFF县区,单位数,未发现问题,已发现,已下达限期改正,逾期升级,已整改,已撤销');

    const cases = await stack.http('GET', `/compliance/overview/cases?campaignId=${campaignId}`, { token: office.token });
    expect(cases.body.stages).toEqual(
      expect.arrayContaining([
        { finding: 'in_arrears', stage: 'closed_rectified', cases: 1 },
        { finding: 'under_insured', stage: 'closed_rectified', cases: 1 },
        { finding: 'not_registered', stage: 'escalated', cases: 1 },
      ]),
    );
    expect(cases.body.steps).toEqual(expect.arrayContaining([{ step: 'bidding_ban', status: 'taken', cases: 1 }]));
    const healthCases = await stack.http('GET', `/compliance/overview/cases?campaignId=${campaignId}`, { token: health.token });
    expect(healthCases.body.stages.reduce((sum: number, s: { cases: number }) => sum + s.cases, 0)).toBe(2);
    expect((await stack.http('GET', `/compliance/overview/cases?departmentId=${departmentOf('CONS')}`, { token: health.token })).status).toBe(403);
  });
});
