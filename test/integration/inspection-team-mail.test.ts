import { ComplianceActivitiesService } from '../../apps/worker/src/compliance/compliance-activities.service';
import { registerInspectionTeam } from '../support/compliance-fixtures';
import { ComplianceChain } from '../support/compliance-chain';
import { validCreditCode } from '../support/credit-codes';
import { TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait-for';

/**
 * Inspection-team mail (issue 15, item 3): when a case past its deadline becomes an inspection
 * case of a team, the team's inspectors and its contact are e-mailed once, with a link to the
 * case — through the worker's once-only e-mail ledger, so a retried or replayed assignment
 * sends nothing new. The real SMTP catcher receives it. A working day lasts one second here.
 */
describe('inspection-team mail: the team hears of a case it is given, once', () => {
  let stack: TestStack;
  let chain: ComplianceChain;
  type Login = Awaited<ReturnType<TestStack['userWithToken']>>;
  let office: Login;
  let team: { id: string; code: string; name: string };
  let members: Login[];
  let former: Login;
  let otherTeamInspector: Login;
  const creditCode = validCreditCode();
  let caseId: string;
  let inspectionCaseId: string;

  const assignmentMails = () => stack.smtp.emails.filter((e) => e.subject.startsWith('【监察案件】') && e.text.includes(creditCode));
  const liaison = () => `${team.code.toLowerCase()}@duban.test`;

  beforeAll(async () => {
    stack = await TestStack.start({ DUBAN_WORKING_DAY_SECONDS: '1' });
    office = await stack.userWithToken('office');
    chain = await ComplianceChain.start(stack, office, '耒阳市');
    team = await registerInspectionTeam(stack, office.token, '耒阳市劳动保障监察大队', [chain.district.id]);
    members = [await stack.userWithToken('inspector', team.id), await stack.userWithToken('inspector', team.id)];
    former = await stack.userWithToken('inspector', team.id);
    await stack.dataSource.query(`UPDATE users SET active = false, deactivated_at = now() WHERE id = $1`, [former.user.id]);
    otherTeamInspector = await stack.userWithToken('inspector', chain.unit('INSPECT').id);
    await chain.unregisteredUnit(creditCode, { name: '耒阳市某建材商行', sectorKey: 'restaurants', districtId: chain.district.id });
    caseId = (await chain.compare([creditCode])).get(creditCode)!;
    await chain.notify(caseId, 1);
    inspectionCaseId = await waitFor('the inspection case', async () => ((await chain.detail(caseId)).inspectionCaseId as string | null | undefined) ?? undefined, {
      timeoutMs: 40_000,
    });
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('mails the team’s active inspectors and its contact, nobody else, with a link to the case', async () => {
    const [mail] = await waitFor('the assignment e-mail', () => assignmentMails().length > 0 && assignmentMails());
    expect((await chain.detail(caseId)).inspectionTeamId).toBe(team.id);
    expect([...mail.to].sort()).toEqual([...members.map((m) => m.user.email!), liaison()].sort());
    expect(mail.to).not.toContain(former.user.email);
    expect(mail.to).not.toContain(otherTeamInspector.user.email);
    expect(mail.subject).toBe('【监察案件】耒阳市某建材商行 移交耒阳市劳动保障监察大队');
    expect(mail.text).toContain(`http://duban.test/inspection-cases/${inspectionCaseId}`);
    expect(mail.text).toContain(creditCode);
    expect(mail.text).toContain('应参保未参保');
    // The link's case is the team's: its inspectors read it.
    expect((await stack.http('GET', `/inspection-cases/${inspectionCaseId}`, { token: members[0].token })).status).toBe(200);
  });

  it('sends nothing more when the assignment is replayed, by the worker or straight through the activity', async () => {
    await waitFor('the assignment e-mail', () => assignmentMails().length > 0);
    const step = (await chain.detail(caseId)).steps.find((s: { step: string }) => s.step === 'inspection');
    const activities = stack.workerApp.get(ComplianceActivitiesService);
    // Temporal retries an activity whose completion was lost: the same step, later.
    for (const takenAt of [Date.parse(step.takenAt), Date.now()]) {
      expect(await activities.takeEscalationStep({ caseId, step: 'inspection', dueAt: Date.parse(step.dueAt), takenAt })).toEqual({ inspectionTeamId: team.id });
    }
    // A worker restarted in the middle replays the case's history and goes on.
    await stack.stopWorker();
    await stack.startWorker();
    await waitFor('the case to take its next step', async () => (await chain.detail(caseId)).exposureStatus === 'proposed', { timeoutMs: 40_000 });
    expect(assignmentMails()).toHaveLength(1);
    const ledger = await stack.dataSource.query(`SELECT count(*)::int AS n FROM emails WHERE idempotency_key = $1`, [`inspection-case:${inspectionCaseId}:assigned:${team.id}`]);
    expect(ledger).toEqual([{ n: 1 }]);
    expect(await stack.dataSource.query(`SELECT count(*)::int AS n FROM inspection_cases WHERE case_id = $1`, [caseId])).toEqual([{ n: 1 }]);
  });
});
