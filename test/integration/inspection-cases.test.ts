import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { registerDistricts, type Unit } from '../support/campaign-fixtures';
import { ComplianceFixture, registerInspectionTeam, type FixtureCase } from '../support/compliance-fixtures';
import { validCreditCode } from '../support/credit-codes';
import { asCsvRows, csvAndXlsx, download, parseCsv } from '../support/table-download';
import { TestStack } from '../support/test-stack';

/**
 * Inspection teams, the inspectors' inbox, the enforcement log, a unit's enforcement history and
 * the evidence of compliance cases (issue 4). Cases come from the read-side fixture (rows in
 * the states the compliance workflows leave them), so every state is at hand without waiting
 * for a deadline.
 */
describe('inspectors: teams, inbox, enforcement log, history, case evidence', () => {
  let stack: TestStack;
  let fx: ComplianceFixture;
  type Login = Awaited<ReturnType<TestStack['userWithToken']>>;
  let office: Login, viewer: Login, inspectorA: Login, inspectorB: Login, teamless: Login, officerSia: Login, officerTax: Login;
  let districtA: Unit, districtB: Unit, spare: Unit;
  let teamA: { id: string }, teamB: { id: string };
  let unitA: string, unitB: string;
  /** teamA: open, exposure only proposed. teamB: open, exposure approved. teamA: closed (rectified). */
  let proposed: FixtureCase, approved: FixtureCase, closed: FixtureCase;

  const today = () => DateTime.now().setZone('Asia/Shanghai').toISODate()!;
  const daysFromToday = (days: number) => DateTime.now().setZone('Asia/Shanghai').plus({ days }).toISODate()!;
  const log = (token: string, id: string, body: Record<string, unknown>) => stack.http('POST', `/inspection-cases/${id}/actions`, { token, body });
  const upload = async (token: string, caseId: string, text: string) => {
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`)], { type: 'application/pdf' }), `${text}.pdf`);
    const response = await fetch(`${stack.baseUrl}/compliance-cases/${caseId}/evidence`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    return { status: response.status, body: (await response.json()) as { id: string; code?: string } };
  };

  beforeAll(async () => {
    stack = await TestStack.start();
    office = await stack.userWithToken('office');
    fx = await ComplianceFixture.create(stack, office);
    [districtA, districtB, spare] = await registerDistricts(stack, office.token, ['珠晖区', '耒阳市', '南岳区']);
    teamA = await registerInspectionTeam(stack, office.token, '珠晖区劳动保障监察大队', [districtA.id]);
    teamB = await registerInspectionTeam(stack, office.token, '耒阳市劳动保障监察大队', [districtB.id]);
    [viewer, inspectorA, inspectorB, teamless, officerSia, officerTax] = await Promise.all([
      stack.userWithToken('viewer'),
      stack.userWithToken('inspector', teamA.id),
      stack.userWithToken('inspector', teamB.id),
      stack.userWithToken('inspector'),
      stack.userWithToken('department_officer', fx.department('SIA').id),
      stack.userWithToken('department_officer', fx.department('TAX').id),
    ]);
    unitA = await fx.unit({ name: '珠晖区某餐馆', sectorKey: 'restaurants', districtId: districtA.id });
    unitB = await fx.unit({ name: '耒阳市某网吧', sectorKey: 'internet_bars', districtId: districtB.id });
    const common = { departmentId: fx.department('SIA').id } as const;
    proposed = await fx.case({
      ...common,
      creditCode: unitA,
      finding: 'not_registered',
      state: 'escalated',
      sectorKey: 'restaurants',
      districtId: districtA.id,
      daysAgo: 20,
      inspection: { teamId: teamA.id },
      exposure: { status: 'proposed' },
      steps: [{ step: 'inspection' }, { step: 'exposure' }],
    });
    closed = await fx.case({
      ...common,
      creditCode: unitA,
      finding: 'in_arrears',
      state: 'closed',
      outcome: 'rectified',
      deadlineInDays: -5,
      sectorKey: 'restaurants',
      districtId: districtA.id,
      daysAgo: 30,
      inspection: { teamId: teamA.id, status: 'closed', closeReason: '单位已补缴' },
      steps: [{ step: 'inspection' }, { step: 'court_referral', status: 'cancelled' }],
    });
    approved = await fx.case({
      departmentId: fx.department('TAX').id,
      creditCode: unitB,
      finding: 'in_arrears',
      state: 'escalated',
      sectorKey: 'internet_bars',
      districtId: districtB.id,
      inspection: { teamId: teamB.id },
      exposure: { status: 'approved' },
      steps: [{ step: 'inspection' }, { step: 'exposure' }],
    });
    // Setting up takes many calls; on a loaded machine (2 cores shared) more than the default 90 s.
  }, 300_000);

  afterAll(async () => {
    await stack?.stop();
  });

  describe('inspection teams', () => {
    it('lists each team with the districts it answers for; a city-wide team names none', async () => {
      const cityWide = await registerInspectionTeam(stack, office.token, '市劳动保障监察支队（测试）', []);
      const teams = await stack.http('GET', '/inspection-teams', { token: inspectorA.token });
      expect(teams.status).toBe(200);
      const byId = new Map((teams.body as Array<{ id: string }>).map((t) => [t.id, t]));
      expect(byId.get(teamA.id)).toMatchObject({ cityWide: false, districtIds: [districtA.id], districts: [{ id: districtA.id, code: districtA.code, name: '珠晖区' }] });
      expect(byId.get(cityWide.id)).toMatchObject({ cityWide: true, districtIds: [], districts: [] });
      // The seeded teams: the city-wide INSPECT and INSPECT-LEIYANG for 耒阳市.
      const codes = (teams.body as Array<{ code: string }>).map((t) => t.code);
      expect(codes).toEqual(expect.arrayContaining(['INSPECT', 'INSPECT-LEIYANG']));
    });

    it('refuses a district another team answers for (409) and what is not a district (400), leaving nothing behind', async () => {
      const count = async () => (await stack.dataSource.query(`SELECT count(*)::int AS n FROM departments WHERE kind = 'inspection_team'`))[0].n as number;
      const before = await count();
      const body = (districtIds: string[], kind = 'inspection_team') => {
        const code = `T${randomUUID().slice(0, 8).toUpperCase()}`;
        return { code, name: '监察大队', kind, districtIds, liaisonEmail: `${code.toLowerCase()}@duban.test`, headEmail: `${code.toLowerCase()}-h@duban.test` };
      };
      const taken = await stack.http('POST', '/departments', { token: office.token, body: body([spare.id, districtA.id]) });
      expect(taken.status).toBe(409);
      expect(taken.body).toMatchObject({ code: 'DISTRICT_COVERED_BY_ANOTHER_TEAM', details: { districtIds: [districtA.id] } });
      const notDistrict = await stack.http('POST', '/departments', { token: office.token, body: body([spare.id, fx.department('TAX').id, 'not-a-uuid']) });
      expect(notDistrict.status).toBe(400);
      expect(notDistrict.body.fields).toHaveProperty('districtIds');
      const notDistrict2 = await stack.http('POST', '/departments', { token: office.token, body: body([spare.id, fx.department('TAX').id]) });
      expect(notDistrict2.status).toBe(400);
      expect(notDistrict2.body.fields).toEqual({ 'districtIds.1': ['not a registered district'] });
      const notTeam = await stack.http('POST', '/departments', { token: office.token, body: body([spare.id], 'department') });
      expect(notTeam.body.fields).toEqual({ districtIds: ['only an inspection team names the districts it answers for'] });
      expect(await count()).toBe(before);
      // The spare district was not taken by the refused registrations.
      const [one, two] = await Promise.all([body([spare.id, spare.id]), body([spare.id])].map((b) => stack.http('POST', '/departments', { token: office.token, body: b })));
      expect([one.status, two.status].sort()).toEqual([201, 409]);
      const winner = one.status === 201 ? one : two;
      expect(winner.body.districtIds).toEqual([spare.id]);
      expect(await count()).toBe(before + 1);
    });
  });

  describe('the inbox', () => {
    it('gives an inspector their own team’s cases, with the unit, finding, deadline, opening and last action, and counts', async () => {
      const inbox = await stack.http('GET', '/inspection-cases', { token: inspectorA.token });
      expect(inbox.status).toBe(200);
      expect(inbox.body).toMatchObject({ total: 2, limit: 50, offset: 0, countsByStatus: { open: 1, closed: 1 } });
      expect(inbox.body.items.map((c: { id: string }) => c.id)).toEqual([proposed.inspectionCaseId, closed.inspectionCaseId]);
      expect(inbox.body.items[0]).toMatchObject({
        caseId: proposed.caseId,
        creditCode: unitA,
        unitName: '珠晖区某餐馆',
        sectorKey: 'restaurants',
        districtId: districtA.id,
        districtName: '珠晖区',
        finding: 'not_registered',
        teamId: teamA.id,
        status: 'open',
        exposureStatus: 'proposed',
      });
      expect(Date.parse(inbox.body.items[0].noticeDeadline)).toBeLessThan(Date.now());
      expect(Date.parse(inbox.body.items[0].openedAt)).toBeLessThan(Date.now());

      const page = await stack.http('GET', '/inspection-cases?limit=1&offset=1', { token: inspectorA.token });
      expect(page.body).toMatchObject({ total: 2, limit: 1, offset: 1, items: [{ id: closed.inspectionCaseId }] });
      const open = await stack.http('GET', '/inspection-cases?status=open', { token: inspectorA.token });
      expect(open.body).toMatchObject({ total: 1, countsByStatus: { open: 1, closed: 1 } });

      const other = await stack.http('GET', '/inspection-cases', { token: inspectorB.token });
      expect(other.body.items.map((c: { id: string }) => c.id)).toEqual([approved.inspectionCaseId]);
      expect((await stack.http('GET', '/inspection-cases', { token: teamless.token })).body).toMatchObject({ total: 0, items: [] });
    });

    it('refuses another team’s cases to an inspector and the inbox to officers; the office and viewers filter all', async () => {
      expect((await stack.http('GET', `/inspection-cases?teamId=${teamB.id}`, { token: inspectorA.token })).status).toBe(403);
      expect((await stack.http('GET', `/inspection-cases/${approved.inspectionCaseId}`, { token: inspectorA.token })).body.code).toBe('ACTION_NOT_PERMITTED');
      expect((await stack.http('GET', '/inspection-cases', { token: officerSia.token })).status).toBe(403);
      expect((await stack.http('GET', `/inspection-cases/${proposed.inspectionCaseId}`, { token: officerSia.token })).status).toBe(403);
      expect((await stack.http('GET', `/inspection-cases/${randomUUID()}`, { token: office.token })).status).toBe(404);
      expect((await stack.http('GET', `/inspection-cases/not-a-uuid`, { token: office.token })).status).toBe(404);

      const byTeam = await stack.http('GET', `/inspection-cases?teamId=${teamB.id}`, { token: viewer.token });
      expect(byTeam.body.items.map((c: { id: string }) => c.id)).toEqual([approved.inspectionCaseId]);
      const byDistrict = await stack.http('GET', `/inspection-cases?districtId=${districtA.id}&status=closed`, { token: office.token });
      expect(byDistrict.body.items.map((c: { id: string }) => c.id)).toEqual([closed.inspectionCaseId]);
      const bySector = await stack.http('GET', `/inspection-cases?sectorKey=internet_bars&teamId=${teamB.id}`, { token: office.token });
      expect(bySector.body.total).toBe(1);
      const bad = await stack.http('GET', '/inspection-cases?status=pending&limit=0', { token: office.token });
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.fields).sort()).toEqual(['limit', 'status']);
    });

    it('downloads the inbox as CSV and XLSX: every case of the filter, in the inbox’s order', async () => {
      const { csv, xlsx, sheet, rows } = await csvAndXlsx(stack.baseUrl, '/inspection-cases?format=csv', inspectorA.token);
      expect(csv.disposition).toMatch(/^attachment; filename="inspection-cases-\d{8}-\d{4}\.csv"/);
      expect(xlsx.disposition).toMatch(/^attachment; filename="inspection-cases-\d{8}-\d{4}\.xlsx"/);
      expect(asCsvRows(sheet)).toEqual(rows);
      const [header, ...data] = rows;
      expect(header.slice(0, 6)).toEqual(['统一社会信用代码', '单位名称', '问题', '案件阶段', '监察大队', '办理状态']);
      expect(data.map((row) => row.at(-1))).toEqual([proposed.inspectionCaseId, closed.inspectionCaseId]);
      expect(data[0].slice(0, 3)).toEqual([unitA, '珠晖区某餐馆', '应参保未参保']);
      expect(data.map((row) => row[header.indexOf('办理状态')])).toEqual(['办理中', '已办结']);
      expect(sheet.values.slice(1).every((row) => typeof row[header.indexOf('执法措施次数')] === 'number')).toBe(true);

      const page = await download(stack.baseUrl, '/inspection-cases?format=csv&limit=1&offset=1', inspectorA.token);
      expect(parseCsv(page.text.slice(1)).map((row) => row.at(-1))).toEqual(['监察案件编号', closed.inspectionCaseId]);
      expect((await download(stack.baseUrl, '/inspection-cases?format=xlsx', officerSia.token)).status).toBe(403);
      expect((await download(stack.baseUrl, `/inspection-cases?format=csv&teamId=${teamB.id}`, inspectorA.token)).status).toBe(403);
    });
  });

  describe('the enforcement log', () => {
    it('answers 400 with field messages for bad bodies, and logs nothing', async () => {
      const id = proposed.inspectionCaseId!;
      const empty = await log(inspectorA.token, id, {});
      expect(empty.status).toBe(400);
      expect(Object.keys(empty.body.fields).sort()).toEqual(['date', 'findings', 'type']);
      const cases: Array<[Record<string, unknown>, string, string]> = [
        [{ type: 'raid', date: today(), findings: 'x' }, 'type', 'type must be one of the following values'],
        [{ type: 'on_site_inspection', date: '2026/11/01', findings: 'x' }, 'date', 'date must be a date YYYY-MM-DD'],
        [{ type: 'on_site_inspection', date: '2026-02-30', findings: 'x' }, 'date', 'not a calendar date'],
        [{ type: 'on_site_inspection', date: daysFromToday(2), findings: 'x' }, 'date', 'an action is logged once taken: the date is not in the future'],
        [{ type: 'on_site_inspection', date: today(), findings: '   ' }, 'findings', 'findings must be longer than or equal to 1 characters'],
        [{ type: 'penalty', date: today(), findings: '处罚' }, 'penaltyYuan', 'a penalty states its amount in yuan'],
        [{ type: 'penalty', date: today(), findings: '处罚', penaltyYuan: 100.005 }, 'penaltyYuan', 'penaltyYuan must be a number conforming to the specified constraints'],
        [{ type: 'penalty', date: today(), findings: '处罚', penaltyYuan: 0 }, 'penaltyYuan', 'penaltyYuan must not be less than 0.01'],
        [{ type: 'penalty', date: today(), findings: '处罚', penaltyYuan: '500' }, 'penaltyYuan', 'penaltyYuan must be a number conforming to the specified constraints'],
        [{ type: 'rectification_order', date: today(), findings: '责令改正', penaltyYuan: 500 }, 'penaltyYuan', 'only a penalty has an amount'],
        [{ type: 'on_site_inspection', date: today(), findings: 'x', evidenceIds: ['nope'] }, 'evidenceIds', 'each value in evidenceIds must be a UUID'],
        [{ type: 'on_site_inspection', date: today(), findings: 'x', recordedBy: 'someone' }, 'recordedBy', 'property recordedBy should not exist'],
      ];
      for (const [body, field, message] of cases) {
        const answer = await log(inspectorA.token, id, body);
        expect({ body, status: answer.status, messages: answer.body.fields?.[field] }).toEqual({
          body,
          status: 400,
          messages: expect.arrayContaining([expect.stringContaining(message)]),
        });
      }
      // Evidence of another case is not evidence of this one.
      const foreign = await upload(inspectorB.token, approved.caseId, 'foreign');
      expect(foreign.status).toBe(201);
      const notOurs = await log(inspectorA.token, id, { type: 'on_site_inspection', date: today(), findings: 'x', evidenceIds: [foreign.body.id] });
      expect(notOurs.body.fields).toEqual({ evidenceIds: [`not evidence of this case: ${foreign.body.id}`] });
      expect((await stack.http('GET', `/inspection-cases/${id}`, { token: office.token })).body.actions).toEqual([]);
    });

    it('refuses other teams, officers and viewers (403) and unknown cases (404)', async () => {
      const body = { type: 'on_site_inspection', date: today(), findings: '现场检查' };
      for (const who of [inspectorB, teamless, viewer, officerSia]) {
        const answer = await log(who.token, proposed.inspectionCaseId!, body);
        expect({ who: who.user.username, status: answer.status, code: answer.body.code }).toEqual({ who: who.user.username, status: 403, code: 'ACTION_NOT_PERMITTED' });
      }
      expect((await log(inspectorA.token, randomUUID(), body)).status).toBe(404);
    });

    it('logs actions append-only, each attributable to who, which team and when, with penalty amounts and evidence', async () => {
      const id = proposed.inspectionCaseId!;
      const evidence = await upload(inspectorA.token, proposed.caseId, '现场检查笔录');
      expect(evidence.status).toBe(201);
      const before = Date.now();
      const inspection = await log(inspectorA.token, id, {
        type: 'on_site_inspection',
        date: daysFromToday(-3),
        findings: '在岗职工 52 人，参保 30 人',
        outcome: '责令限期补缴',
        evidenceIds: [evidence.body.id],
      });
      expect(inspection.status).toBe(201);
      expect(inspection.body).toMatchObject({
        inspectionCaseId: id,
        creditCode: unitA,
        type: 'on_site_inspection',
        actionDate: daysFromToday(-3),
        outcome: '责令限期补缴',
        penaltyYuan: null,
        evidenceIds: [evidence.body.id],
        recordedBy: inspectorA.user.id,
        recorderUsername: inspectorA.user.username,
        recorderTeamId: teamA.id,
      });
      expect(Date.parse(inspection.body.recordedAt)).toBeGreaterThanOrEqual(before - 1000);

      const penalty = await log(inspectorA.token, id, { type: 'penalty', date: today(), findings: '逾期未改正', penaltyYuan: 5000.5 });
      expect(penalty.status).toBe(201);
      expect(penalty.body.penaltyYuan).toBe(5000.5);
      // The office may log too; it belongs to no team.
      const order = await log(office.token, id, { type: 'credit_record', date: today(), findings: '纳入失信记录' });
      expect(order.body).toMatchObject({ recorderUsername: office.user.username, recorderTeamId: null });

      const detail = await stack.http('GET', `/inspection-cases/${id}`, { token: inspectorA.token });
      expect(detail.body.actions.map((a: { type: string }) => a.type)).toEqual(['on_site_inspection', 'penalty', 'credit_record']);
      const inbox = await stack.http('GET', '/inspection-cases?status=open', { token: inspectorA.token });
      expect(inbox.body.items[0]).toMatchObject({ actionCount: 3, lastActionType: 'credit_record', lastActionDate: today() });
      // The log has no route to change or remove an entry.
      expect((await stack.http('DELETE', `/inspection-cases/${id}/actions`, { token: office.token })).status).toBe(404);
      expect((await stack.http('PUT', `/inspection-cases/${id}/actions`, { token: office.token, body: {} })).status).toBe(404);
    });

    it('logs an exposure only once the office approved it, and nothing on a closed case (409)', async () => {
      const exposure = { type: 'exposure', date: today(), findings: '在衡阳日报曝光' };
      const unapproved = await log(inspectorA.token, proposed.inspectionCaseId!, exposure);
      expect(unapproved.status).toBe(409);
      expect(unapproved.body).toMatchObject({ code: 'EXPOSURE_NOT_APPROVED', message: expect.stringContaining('The office must approve the exposure') });
      expect((await log(inspectorB.token, approved.inspectionCaseId!, exposure)).status).toBe(201);
      // Withdrawn after approval: refused again, by the write itself.
      await stack.dataSource.query(`UPDATE exposure_proposals SET status = 'withdrawn' WHERE id = $1`, [approved.proposalId]);
      expect((await log(inspectorB.token, approved.inspectionCaseId!, exposure)).body.code).toBe('EXPOSURE_NOT_APPROVED');
      await stack.dataSource.query(`UPDATE exposure_proposals SET status = 'approved' WHERE id = $1`, [approved.proposalId]);

      const late = await log(inspectorA.token, closed.inspectionCaseId!, { type: 'on_site_inspection', date: today(), findings: '复查' });
      expect(late.status).toBe(409);
      expect(late.body).toMatchObject({ code: 'INSPECTION_CASE_CLOSED', message: expect.stringContaining('单位已补缴') });
      // Another team hears 403 before anything about the case's state.
      expect((await log(inspectorB.token, closed.inspectionCaseId!, { type: 'on_site_inspection', date: today(), findings: '复查' })).status).toBe(403);
    });
  });

  describe('a unit’s enforcement history', () => {
    it('puts cases’ transitions, steps and enforcement actions in time order', async () => {
      const history = await stack.http('GET', `/units/${unitA}/enforcement-history`, { token: office.token });
      expect(history.status).toBe(200);
      const events = history.body.events as Array<{ at: string; kind: string; caseId: string; what: string; who: string }>;
      expect(events.map((e) => e.at)).toEqual([...events.map((e) => e.at)].sort());
      expect(new Set(history.body.cases.map((c: { id: string }) => c.id))).toEqual(new Set([proposed.caseId, closed.caseId]));
      expect(history.body.inspectionCases.map((ic: { id: string }) => ic.id).sort()).toEqual([proposed.inspectionCaseId, closed.inspectionCaseId].sort());
      // The closed case was found 30 days ago, the open one 20: the older case's story comes first.
      const ofClosed = events.filter((e) => e.caseId === closed.caseId).map((e) => `${e.kind}:${e.what}`);
      expect(ofClosed).toEqual([
        'transition:identify: — → identified',
        'transition:issue_notice: identified → notified',
        'transition:escalate: notified → escalated',
        'escalation_step:inspection taken',
        'transition:record_rectification: escalated → closed',
        'escalation_step:court_referral cancelled',
      ]);
      expect(events.findIndex((e) => e.caseId === closed.caseId)).toBe(0);
      const actions = events.filter((e) => e.kind === 'enforcement_action');
      expect(actions.map((e) => e.what)).toEqual(['on_site_inspection', 'penalty', 'credit_record']);
      expect(actions[0]).toMatchObject({ who: inspectorA.user.username, caseId: proposed.caseId });
      // Logged now, after everything the fixture dated in the past.
      expect(events.slice(-3)).toEqual(actions);
    });

    it('shows each reader what they may read of it', async () => {
      const kinds = async (token: string, code = unitA) => {
        const answer = await stack.http('GET', `/units/${code}/enforcement-history`, { token });
        expect(answer.status).toBe(200);
        return { cases: answer.body.cases.length, actions: answer.body.actions.length, events: answer.body.events.length };
      };
      const all = await kinds(viewer.token);
      expect(all).toMatchObject({ cases: 2, actions: 3 });
      // The team of both inspection cases sees both cases; the routed department too.
      expect(await kinds(inspectorA.token)).toEqual(all);
      expect(await kinds(officerSia.token)).toEqual(all);
      // Another team and another department see nothing of this unit.
      expect(await kinds(inspectorB.token)).toEqual({ cases: 0, actions: 0, events: 0 });
      expect(await kinds(officerTax.token)).toEqual({ cases: 0, actions: 0, events: 0 });
      expect(await kinds(officerTax.token, unitB)).toMatchObject({ cases: 1, actions: 1 });
      expect((await stack.http('GET', `/units/${validCreditCode()}/enforcement-history`, { token: office.token })).status).toBe(404);
    });
  });

  describe('evidence of a compliance case', () => {
    it('is added by the office, the routed department and the case’s team; read by viewers; refused to others', async () => {
      const caseId = proposed.caseId;
      for (const who of [office, officerSia, inspectorA]) {
        const added = await upload(who.token, caseId, `证据-${who.user.username}`);
        expect({ who: who.user.username, status: added.status }).toEqual({ who: who.user.username, status: 201 });
      }
      for (const who of [viewer, officerTax, inspectorB, teamless]) {
        const refused = await upload(who.token, caseId, `拒绝-${who.user.username}`);
        expect({ who: who.user.username, status: refused.status, code: refused.body.code }).toEqual({ who: who.user.username, status: 403, code: 'ACTION_NOT_PERMITTED' });
      }
      const again = await upload(inspectorA.token, caseId, `证据-${inspectorA.user.username}`);
      expect(again.status).toBe(200);
      const listed = await stack.http('GET', `/compliance-cases/${caseId}/evidence`, { token: viewer.token });
      expect(listed.status).toBe(200);
      const mine = listed.body.find((e: { fileName: string }) => e.fileName === `证据-${inspectorA.user.username}.pdf`);
      expect(mine).toMatchObject({ uploaderUsername: inspectorA.user.username, downloadPath: `/compliance-cases/${caseId}/evidence/${mine.id}` });
      const file = await fetch(`${stack.baseUrl}${mine.downloadPath}`, { headers: { authorization: `Bearer ${viewer.token}` } });
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toContain('application/pdf');
      expect(Buffer.from(await file.arrayBuffer()).toString()).toContain(`证据-${inspectorA.user.username}`);
      expect((await stack.http('GET', `/compliance-cases/${caseId}/evidence`, { token: inspectorB.token })).status).toBe(403);
      expect((await stack.http('GET', `/compliance-cases/${caseId}/evidence/${randomUUID()}`, { token: office.token })).status).toBe(404);
      // A closed case takes no more evidence; a non-PDF named .pdf is refused for what it is.
      expect((await upload(office.token, closed.caseId, '结案后')).status).toBe(409);
      const form = new FormData();
      form.append('file', new Blob([Buffer.from('<html><script>alert(1)</script></html>')], { type: 'application/pdf' }), 'fake.pdf');
      const fake = await fetch(`${stack.baseUrl}/compliance-cases/${caseId}/evidence`, { method: 'POST', headers: { authorization: `Bearer ${office.token}` }, body: form });
      expect(fake.status).toBe(415);
    });
  });
});
