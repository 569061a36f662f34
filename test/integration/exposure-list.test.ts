import { MIGRATIONS } from '@duban/persistence';
import { ComplianceFixture } from '../support/compliance-fixtures';
import { ComplianceChain } from '../support/compliance-chain';
import { validCreditCode } from '../support/credit-codes';
import { TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait-for';

/**
 * The exposure list is always true (issue 15, item 1): a unit is on the public list — JSON,
 * CSV, the printable page — only while the office's approval of its exposure stands and its case
 * is open. Through the whole chain (comparison, notice, deadline, proposal, approval, media duty)
 * against the real services, three units are approved; one rectifies while the media duty is
 * open, one after the media department published, one's case the office dismisses. Each leaves
 * the public list the moment its case closes and stays in the office's view with when, by whom
 * and why. A working day lasts one second here.
 */
describe('the exposure list: only units that are still out of compliance', () => {
  let stack: TestStack;
  let chain: ComplianceChain;
  type Login = Awaited<ReturnType<TestStack['userWithToken']>>;
  let office: Login, viewer: Login, media: Login, health: Login, inspector: Login;
  const code = { open: validCreditCode(), published: validCreditCode(), dismissed: validCreditCode() };
  const name = { open: '雁峰区好味餐馆', published: '衡阳某某劳务派遣有限公司', dismissed: '蒸湘区某商行' };
  let cases: Map<string, string>;
  const mediaDutyOf = new Map<string, string>();

  interface Row {
    caseId: string;
    creditCode: string;
    unitName: string;
    listing: 'listed' | 'rectified' | 'withdrawn';
    mediaDutyState: string | null;
    approvedBy: string;
    delistedAt: string | null;
    delistedBy: string | null;
    delistedReason: string | null;
  }
  const list = async (query = '', token = office.token) => {
    const answer = await stack.http<Row[]>('GET', `/exposure-list${query}`, { token });
    expect(answer.status).toBe(200);
    return answer.body.filter((r) => Object.values(code).includes(r.creditCode));
  };
  const page = async () => {
    const response = await fetch(`${stack.baseUrl}/exposure-list?format=html`, { headers: { authorization: `Bearer ${viewer.token}` } });
    expect(response.status).toBe(200);
    return response.text();
  };
  const csv = async (query = '') => {
    const response = await fetch(`${stack.baseUrl}/exposure-list?format=csv${query}`, { headers: { authorization: `Bearer ${office.token}` } });
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer()).toString('utf8');
  };
  const proposal = async (caseId: string) =>
    (
      await stack.dataSource.query(
        `SELECT status, decider_username AS "approvedBy", approved_at AS "approvedAt", withdrawn_at AS "withdrawnAt", withdrawer_username AS "withdrawnBy",
                withdrawal_reason AS "withdrawalReason" FROM exposure_proposals WHERE case_id = $1`,
        [caseId],
      )
    )[0];
  const dutyState = async (dutyId: string) => (await stack.dataSource.query(`SELECT state FROM duties WHERE id = $1`, [dutyId]))[0]?.state as string | undefined;
  const mediaMails = (creditCode: string) => stack.smtp.to(chain.unit('MEDIA').liaisonEmail).filter((e) => e.subject.startsWith('【撤回曝光】') && e.text.includes(creditCode));

  beforeAll(async () => {
    stack = await TestStack.start({ DUBAN_WORKING_DAY_SECONDS: '1' });
    office = await stack.userWithToken('office');
    chain = await ComplianceChain.start(stack, office);
    [viewer, media, health, inspector] = await Promise.all([
      stack.userWithToken('viewer'),
      stack.userWithToken('department_officer', chain.unit('MEDIA').id),
      stack.userWithToken('department_officer', chain.unit('HEALTH').id),
      stack.userWithToken('inspector', chain.unit('INSPECT').id),
    ]);
    for (const key of Object.keys(code) as Array<keyof typeof code>) {
      await chain.unregisteredUnit(code[key], { name: name[key], sectorKey: 'restaurants', districtId: chain.district.id });
    }
    cases = await chain.compare(Object.values(code));
    for (const caseId of cases.values()) await chain.notify(caseId, 1);
    // Ten working days after the deadline each case proposes its exposure; the office approves.
    for (const [creditCode, caseId] of cases) {
      const proposed = await waitFor(
        'the exposure proposal',
        async () => {
          const got = await chain.detail(caseId);
          return got.exposureStatus === 'proposed' && got;
        },
        { timeoutMs: 60_000 },
      );
      const approved = await stack.http('POST', `/exposure-proposals/${proposed.exposureProposalId}/decision`, { token: office.token, body: { decision: 'approve' } });
      expect(approved.status).toBe(200);
      mediaDutyOf.set(
        creditCode,
        await waitFor('the media duty', async () => {
          const rows = await stack.dataSource.query(`SELECT d.id FROM exposure_proposals p JOIN duties d ON d.id = p.media_duty_id WHERE p.case_id = $1`, [caseId]);
          return rows[0]?.id as string | undefined;
        }),
      );
    }
  }, 240_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('publishes the approved units, with who approved and the media duty', async () => {
    const rows = await list();
    expect(rows.map((r) => r.creditCode).sort()).toEqual(Object.values(code).sort());
    expect(rows.every((r) => r.listing === 'listed' && r.approvedBy === office.user.username && r.delistedAt === null)).toBe(true);
    const html = await page();
    for (const unit of Object.values(name)) expect(html).toContain(unit);
  });

  it('takes a unit that rectifies off the public list at once, and the office still sees it rectified, when, by whom and why', async () => {
    const caseId = cases.get(code.open)!;
    expect(await dutyState(mediaDutyOf.get(code.open)!)).toBe('assigned');
    const rectified = await chain.rectify(caseId, '已为全部职工办理参保登记');
    expect(rectified.status).toBe(200);
    // Read at once, before the case workflow has withdrawn the proposal.
    expect((await list()).map((r) => r.creditCode)).not.toContain(code.open);
    expect(await page()).not.toContain(name.open);
    expect(await csv()).not.toContain(code.open);
    const delisted = (await list('?include=delisted')).find((r) => r.creditCode === code.open)!;
    expect(delisted).toMatchObject({ listing: 'rectified', delistedBy: office.user.username });
    expect(delisted.delistedReason).toContain('已为全部职工办理参保登记');
    expect(Date.parse(delisted.delistedAt!)).toBeLessThanOrEqual(Date.now());
    expect(await csv('&include=delisted')).toContain('已整改，撤出名单');

    await stack.temporal.workflow.getHandle(`compliance-case-${caseId}`).result();
    expect(await proposal(caseId)).toMatchObject({
      status: 'withdrawn',
      approvedBy: office.user.username,
      approvedAt: expect.any(Date),
      withdrawnAt: expect.any(Date),
      withdrawnBy: office.user.username,
      withdrawalReason: 'The unit rectified：已为全部职工办理参保登记',
    });
    // The media duty is cancelled, and the media department is told not to publish.
    await waitFor('the media duty to be cancelled', async () => (await dutyState(mediaDutyOf.get(code.open)!)) === 'cancelled');
    const told = await waitFor('the media department to be told', () => mediaMails(code.open).length > 0 && mediaMails(code.open));
    expect(told[0].text).toContain(name.open);
    // The office's queue of proposals and the unit's history say the same.
    const queue = await stack.http('GET', '/exposure-proposals?status=withdrawn&limit=200', { token: viewer.token });
    expect(queue.body.items.find((p: { caseId: string }) => p.caseId === caseId)).toMatchObject({
      status: 'withdrawn',
      deciderUsername: office.user.username,
      approvedAt: expect.any(String),
      withdrawnAt: expect.any(String),
      withdrawerUsername: office.user.username,
      withdrawalReason: 'The unit rectified：已为全部职工办理参保登记',
    });
    const history = await stack.http('GET', `/units/${code.open}/enforcement-history`, { token: office.token });
    const exposureEvents = history.body.events.filter((e: { kind: string }) => e.kind === 'exposure').map((e: { what: string; who: string }) => `${e.what} by ${e.who}`);
    expect(exposureEvents).toEqual([`exposure approved by ${office.user.username}`, `exposure withdrawn by ${office.user.username}`]);
    const after = (await list('?include=delisted')).find((r) => r.creditCode === code.open)!;
    expect(after).toMatchObject({ listing: 'rectified', delistedBy: office.user.username, delistedReason: 'The unit rectified：已为全部职工办理参保登记' });
    // The inspectors can no longer log this exposure as done: its approval no longer stands.
    const inspection = (await chain.detail(caseId)).inspectionCaseId as string;
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const logged = await stack.http('POST', `/inspection-cases/${inspection}/actions`, {
      token: office.token,
      body: { type: 'exposure', date: today, findings: '融媒体中心发布' },
    });
    expect(logged.status).toBe(409);
  });

  it('takes a unit off the list that rectifies after the media department published it, and asks for it to come down', async () => {
    const caseId = cases.get(code.published)!;
    const dutyId = mediaDutyOf.get(code.published)!;
    for (const [token, action, body] of [
      [media.token, 'acknowledge', {}],
      [media.token, 'start', { note: '已安排刊发' }],
      [media.token, 'submit', { result: '已在衡阳日报及融媒体平台刊发' }],
      [office.token, 'accept', { note: '已发布' }],
    ] as const) {
      const answer = await stack.http('POST', `/duties/${dutyId}/${action}`, { token, body });
      expect({ action, status: answer.status }).toEqual({ action, status: 200 });
    }
    expect((await list()).find((r) => r.creditCode === code.published)).toMatchObject({ listing: 'listed', mediaDutyState: 'accepted' });

    expect((await chain.rectify(caseId, '已补缴并为职工参保')).status).toBe(200);
    expect((await list()).map((r) => r.creditCode)).not.toContain(code.published);
    expect(await page()).not.toContain(name.published);
    await stack.temporal.workflow.getHandle(`compliance-case-${caseId}`).result();
    expect(await proposal(caseId)).toMatchObject({ status: 'withdrawn', withdrawnBy: office.user.username });
    // What was published stays published: the duty was done. The department hears it must come down.
    expect(await dutyState(dutyId)).toBe('accepted');
    const told = await waitFor('the media department to be told', () => mediaMails(code.published).length > 0 && mediaMails(code.published));
    expect(told[0].text).toContain('已发布的，请及时撤下或更正');
    expect((await list('?include=delisted')).find((r) => r.creditCode === code.published)).toMatchObject({ listing: 'rectified', mediaDutyState: 'accepted' });
  });

  it('withdraws the exposure of a case the office dismisses, with its reason', async () => {
    const caseId = cases.get(code.dismissed)!;
    expect((await chain.act(office.token, caseId, { action: 'dismiss', reason: '经核实该商行已于10月注销' })).status).toBe(200);
    expect((await list()).map((r) => r.creditCode)).toEqual([]);
    expect(await page()).not.toContain(name.dismissed);
    await stack.temporal.workflow.getHandle(`compliance-case-${caseId}`).result();
    const row = (await list('?include=delisted')).find((r) => r.creditCode === code.dismissed)!;
    expect(row).toMatchObject({ listing: 'withdrawn', delistedBy: office.user.username, delistedReason: 'The office dismissed the case：经核实该商行已于10月注销' });
    expect((await list('?include=delisted', viewer.token)).map((r) => r.listing).sort()).toEqual(['rectified', 'rectified', 'withdrawn']);
    // Each e-mail to the media department went once.
    for (const creditCode of Object.values(code)) expect(mediaMails(creditCode)).toHaveLength(1);
  });

  it('refuses the off-list units on the printable page and any bad query, with no 5xx and nothing changed', async () => {
    const before = await stack.dataSource.query(`SELECT id, status, withdrawn_at FROM exposure_proposals ORDER BY id`);
    const printable = await stack.http('GET', '/exposure-list?format=html&include=delisted', { token: office.token });
    expect(printable.status).toBe(400);
    expect(printable.body.fields).toHaveProperty('include');
    for (const query of ['include=everything', 'include=delisted%00', 'include=%00', 'include[]=delisted', 'format=pdf&include=delisted']) {
      const answer = await stack.http('GET', `/exposure-list?${query}`, { token: office.token });
      expect({ query, status: answer.status }).toEqual({ query, status: 400 });
    }
    for (const who of [health, media, inspector]) expect((await stack.http('GET', '/exposure-list?include=delisted', { token: who.token })).status).toBe(403);
    expect((await stack.http('GET', '/exposure-list?include=delisted')).status).toBe(401);
    expect(await stack.dataSource.query(`SELECT id, status, withdrawn_at FROM exposure_proposals ORDER BY id`)).toEqual(before);
  });

  it('withdraws, when migrating, the exposures approved before whose case had closed since', async () => {
    // As a database before the migration held them: approved, and the case rectified since.
    const fx = await ComplianceFixture.create(stack, office);
    const kase = await fx.case({
      creditCode: await fx.unit({ name: '迁移前已整改公司' }),
      finding: 'not_registered',
      departmentId: chain.unit('SIA').id,
      state: 'closed',
      outcome: 'rectified',
      deadlineInDays: -5,
      exposure: { status: 'approved' },
      steps: [{ step: 'exposure' }],
    });
    const listed = await fx.case({
      creditCode: await fx.unit({ name: '迁移前仍在曝光公司' }),
      finding: 'not_registered',
      departmentId: chain.unit('SIA').id,
      state: 'escalated',
      exposure: { status: 'approved' },
      steps: [{ step: 'exposure' }],
    });
    const runner = stack.dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      const Migration = MIGRATIONS.find((m) => m.name === 'ExposureWithdrawal1765104000000')!;
      const migration = new Migration();
      await migration.down(runner);
      await migration.up(runner);
      const rows = await runner.query(
        `SELECT case_id AS "caseId", status, approved_at IS NOT NULL AS approved, withdrawer_username AS "withdrawnBy", withdrawal_reason AS reason
         FROM exposure_proposals WHERE case_id = ANY($1::uuid[]) ORDER BY status`,
        [[kase.caseId, listed.caseId]],
      );
      expect(rows).toEqual([
        { caseId: listed.caseId, status: 'approved', approved: true, withdrawnBy: null, reason: null },
        { caseId: kase.caseId, status: 'withdrawn', approved: true, withdrawnBy: office.user.username, reason: 'The unit rectified' },
      ]);
      await runner.commitTransaction();
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
    const names = (await stack.http<Row[]>('GET', '/exposure-list', { token: office.token })).body.map((r) => r.unitName);
    expect(names).toContain('迁移前仍在曝光公司');
    expect(names).not.toContain('迁移前已整改公司');
  });
});
