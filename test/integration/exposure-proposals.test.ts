import { ComplianceFixture, type FixtureCase } from '../support/compliance-fixtures';
import { TestStack } from '../support/test-stack';

/**
 * The office's queue of exposure proposals (GET /exposure-proposals, for the console's
 * exposures page): those awaiting a decision, oldest first, then the decided ones with who
 * decided, when and why; counts per status. The run's test files share one database, so the
 * test looks for its own proposals among everyone's.
 */
describe('exposure proposals: the office’s queue', () => {
  let stack: TestStack;
  let fx: ComplianceFixture;
  type Login = Awaited<ReturnType<TestStack['userWithToken']>>;
  let office: Login, viewer: Login, officer: Login, inspector: Login;
  let older: FixtureCase, newer: FixtureCase, approved: FixtureCase, rejected: FixtureCase, withdrawn: FixtureCase;

  interface Proposal {
    id: string;
    caseId: string;
    creditCode: string;
    unitName: string;
    status: string;
    proposedAt: string;
    decidedAt: string | null;
    deciderUsername: string | null;
    decisionReason: string | null;
    departmentName: string;
    finding: string;
    caseState: string;
  }
  interface Answer {
    items: Proposal[];
    total: number;
    limit: number;
    offset: number;
    countsByStatus: Record<'proposed' | 'approved' | 'rejected' | 'withdrawn', number>;
  }

  /** Every page of the list for a query. */
  const all = async (query: string, token = office.token) => {
    const items: Proposal[] = [];
    let total = 0;
    for (let offset = 0; ; offset += 200) {
      const answer = await stack.http<Answer>('GET', `/exposure-proposals?${query}&limit=200&offset=${offset}`, { token });
      expect(answer.status).toBe(200);
      items.push(...answer.body.items);
      total = answer.body.total;
      if (answer.body.items.length < 200) break;
    }
    expect(items).toHaveLength(total);
    return items;
  };
  const ours = (items: Proposal[]) => items.filter((p) => [older, newer, approved, rejected, withdrawn].some((c) => c.proposalId === p.id));

  beforeAll(async () => {
    stack = await TestStack.start();
    office = await stack.userWithToken('office');
    fx = await ComplianceFixture.create(stack, office);
    [viewer, officer, inspector] = await Promise.all([
      stack.userWithToken('viewer'),
      stack.userWithToken('department_officer', fx.department('SIA').id),
      stack.userWithToken('inspector'),
    ]);
    const department = fx.department('SIA').id;
    const escalated = async (name: string, status: 'proposed' | 'approved' | 'rejected' | 'withdrawn', daysAgo: number) =>
      fx.case({
        creditCode: await fx.unit({ name }),
        finding: 'not_registered',
        state: status === 'withdrawn' ? 'closed' : 'escalated',
        outcome: status === 'withdrawn' ? 'rectified' : undefined,
        deadlineInDays: -2,
        departmentId: department,
        daysAgo,
        exposure: { status },
        steps: [{ step: 'exposure' }],
      });
    older = await escalated('曝光待批甲公司', 'proposed', 20);
    newer = await escalated('曝光待批乙公司', 'proposed', 10);
    approved = await escalated('已批准曝光公司', 'approved', 15);
    rejected = await escalated('不予曝光公司', 'rejected', 15);
    withdrawn = await escalated('已整改撤回公司', 'withdrawn', 15);
  }, 300_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('lists the proposals awaiting a decision, oldest first, with the unit and the case', async () => {
    const waiting = ours(await all('status=proposed', viewer.token));
    expect(waiting.map((p) => p.id)).toEqual([older.proposalId, newer.proposalId]);
    expect(waiting[0]).toEqual(
      expect.objectContaining({
        caseId: older.caseId,
        unitName: '曝光待批甲公司',
        status: 'proposed',
        finding: 'not_registered',
        caseState: 'escalated',
        departmentName: fx.department('SIA').name,
        decidedAt: null,
        deciderUsername: null,
      }),
    );
    expect(Date.parse(waiting[0].proposedAt)).toBeLessThan(Date.parse(waiting[1].proposedAt));
  });

  it('lists the decided ones with who decided and why, and puts the waiting ones first when no status is named', async () => {
    const rejectedOnes = ours(await all('status=rejected'));
    expect(rejectedOnes).toEqual([expect.objectContaining({ id: rejected.proposalId, status: 'rejected', deciderUsername: office.user.username, decisionReason: '证据不足' })]);
    expect(ours(await all('status=approved')).map((p) => p.id)).toEqual([approved.proposalId]);
    expect(ours(await all('status=withdrawn')).map((p) => p.id)).toEqual([withdrawn.proposalId]);
    const everything = await all('');
    const firstDecided = everything.findIndex((p) => p.status !== 'proposed');
    expect(everything.slice(firstDecided).every((p) => p.status !== 'proposed')).toBe(true);
    expect(ours(everything)).toHaveLength(5);
  });

  it('counts every status, pages with limit and offset, and keeps the counts whatever the status asked', async () => {
    const first = await stack.http<Answer>('GET', '/exposure-proposals?status=proposed&limit=1', { token: office.token });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body).toEqual(expect.objectContaining({ limit: 1, offset: 0 }));
    expect(first.body.total).toBe(first.body.countsByStatus.proposed);
    const unfiltered = await stack.http<Answer>('GET', '/exposure-proposals?limit=1', { token: office.token });
    expect(unfiltered.body.countsByStatus).toEqual(first.body.countsByStatus);
    expect(unfiltered.body.total).toBe(Object.values(unfiltered.body.countsByStatus).reduce((a, b) => a + b, 0));
    for (const status of ['proposed', 'approved', 'rejected', 'withdrawn'] as const) expect(first.body.countsByStatus[status]).toBeGreaterThanOrEqual(1);
    const second = await stack.http<Answer>('GET', '/exposure-proposals?status=proposed&limit=1&offset=1', { token: office.token });
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
  });

  it('is the office’s and the viewers’ only; a bad status or page is a 400 naming the field', async () => {
    for (const who of [officer, inspector]) expect((await stack.http('GET', '/exposure-proposals', { token: who.token })).status).toBe(403);
    expect((await stack.http('GET', '/exposure-proposals')).status).toBe(401);
    const bad = await stack.http('GET', '/exposure-proposals?status=published&limit=0', { token: office.token });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toHaveProperty('status');
    expect(bad.body.fields).toHaveProperty('limit');
  });
});
