import { randomUUID } from 'node:crypto';
import { TestStack } from '../support/test-stack';

/**
 * Saved filters (the console's 常用筛选): a user keeps a list's query parameters under a name,
 * for themselves or shared with everyone of their role; saving the same name again replaces
 * them (200, not a second record); only the owner deletes a filter, and the office also a
 * shared one.
 */
describe('saved filters: private and shared by role', () => {
  let stack: TestStack;
  let office: { token: string; user: { id: string; username: string } };
  let office2: { token: string; user: { id: string; username: string } };
  let viewer: { token: string; user: { id: string; username: string } };
  let viewer2: { token: string; user: { id: string; username: string } };
  let officer: { token: string; user: { id: string } };

  const save = (token: string, body: unknown) => stack.http('POST', '/saved-filters', { token, body });
  /**
   * The filters this file's users own: test files share one database, and another file's
   * viewers or office may share filters with the same role meanwhile.
   */
  const list = async (token: string, view = 'duty-board') => {
    const answer = await stack.http('GET', `/saved-filters?view=${view}`, { token });
    const ours = new Set([office, office2, viewer, viewer2, officer].map((u) => u.user.id));
    if (Array.isArray(answer.body?.items)) answer.body.items = answer.body.items.filter((item: { owner: { id: string } }) => ours.has(item.owner.id));
    return answer;
  };
  const names = async (token: string, view = 'duty-board') => {
    const answer = await list(token, view);
    expect(answer.status).toBe(200);
    return (answer.body.items as Array<{ name: string }>).map((item) => item.name);
  };
  const remove = (token: string, id: string) => stack.http('DELETE', `/saved-filters/${id}`, { token });

  beforeAll(async () => {
    stack = await TestStack.start();
    office = await stack.userWithToken('office');
    office2 = await stack.userWithToken('office');
    viewer = await stack.userWithToken('viewer');
    viewer2 = await stack.userWithToken('viewer');
    const department = await stack.department(office.token);
    officer = await stack.userWithToken('department_officer', department.id);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('saves private filters (201), answers them to their owner only, with who owns them and when', async () => {
    const before = Date.now();
    const created = await save(viewer.token, { view: 'duty-board', name: '  本周到期  ', filters: { state: 'assigned,returned', overdue: 'true' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      view: 'duty-board',
      name: '本周到期',
      filters: { state: 'assigned,returned', overdue: 'true' },
      owner: { id: viewer.user.id, username: viewer.user.username },
      sharedWithRole: null,
      mine: true,
      mayDelete: true,
    });
    expect(Date.parse(created.body.createdAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(created.body.updatedAt).toBe(created.body.createdAt);

    expect(await names(viewer.token)).toEqual(['本周到期']);
    expect(await names(viewer2.token)).toEqual([]);
    expect(await names(office.token)).toEqual([]);
    // Another list's filters are not this list's.
    expect(await names(viewer.token, 'overdue')).toEqual([]);
  });

  it('replaces the filters and sharing of the same name by the same owner (200, same id), and keeps names per owner', async () => {
    const first = await save(office.token, { view: 'duty-board', name: '逾期', filters: { overdue: 'true' } });
    expect(first.status).toBe(201);
    const again = await save(office.token, { view: 'duty-board', name: '逾期', filters: { overdue: 'true', departmentId: randomUUID() }, shared: true });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.body.id, sharedWithRole: 'office', createdAt: first.body.createdAt });
    expect(Object.keys(again.body.filters).sort()).toEqual(['departmentId', 'overdue']);
    expect(Date.parse(again.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(first.body.updatedAt));
    // Posting the same thing again changes nothing but the time: still one record.
    const repeat = await save(office.token, { view: 'duty-board', name: '逾期', filters: again.body.filters, shared: true });
    expect(repeat.status).toBe(200);
    expect(repeat.body.id).toBe(first.body.id);
    const [{ count }] = await stack.dataSource.query(`SELECT count(*)::int AS count FROM saved_filters WHERE owner_user_id = $1`, [office.user.id]);
    expect(count).toBe(1);
    // The same name by another user is theirs.
    const other = await save(office2.token, { view: 'duty-board', name: '逾期', filters: { late: 'true' } });
    expect(other.status).toBe(201);
    expect(other.body.id).not.toBe(first.body.id);
  });

  it("shows a shared filter to everyone of the owner's role and to nobody else", async () => {
    const shared = await save(viewer.token, { view: 'duty-board', name: '共享给查阅人员', filters: { campaignId: randomUUID() }, shared: true });
    expect(shared.status).toBe(201);
    expect(shared.body.sharedWithRole).toBe('viewer');

    const seen = await list(viewer2.token);
    expect(seen.body.items).toEqual([
      expect.objectContaining({ id: shared.body.id, name: '共享给查阅人员', mine: false, mayDelete: false, owner: { id: viewer.user.id, username: viewer.user.username } }),
    ]);
    expect(await names(office.token)).not.toContain('共享给查阅人员');
    expect(await names(officer.token)).toEqual([]);
    // The owner sees their own first, then the shared ones of others, by name.
    expect(await names(viewer.token)).toEqual(['共享给查阅人员', '本周到期']);
    // Office 2 sees office 1's shared filter after its own.
    expect(await names(office2.token)).toEqual(['逾期', '逾期']);
  });

  it('lets only the owner delete a private filter, the owner or the office a shared one; unknown ids are 404', async () => {
    const own = await save(viewer2.token, { view: 'overdue', name: '私有', filters: {} });
    expect(own.status).toBe(201);
    const refused = await remove(viewer.token, own.body.id);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('ACTION_NOT_PERMITTED');
    expect((await remove(office.token, own.body.id)).status).toBe(403);
    expect((await remove(viewer2.token, own.body.id)).status).toBe(204);
    expect(await names(viewer2.token, 'overdue')).toEqual([]);

    const shared = await save(viewer.token, { view: 'overdue', name: '共享', filters: { districtId: randomUUID() }, shared: true });
    expect((await remove(viewer2.token, shared.body.id)).status).toBe(403);
    const officeSees = await list(office.token, 'overdue');
    expect(officeSees.body.items).toEqual([]);
    expect((await remove(office.token, shared.body.id)).status).toBe(204);
    expect(await names(viewer2.token, 'overdue')).toEqual([]);

    for (const id of [shared.body.id, randomUUID(), 'not-a-uuid']) {
      const missing = await remove(viewer.token, id);
      expect({ id, status: missing.status, code: missing.body.code }).toEqual({ id, status: 404, code: 'SAVED_FILTER_NOT_FOUND' });
    }
  });

  it('the office sees mayDelete on shared filters of its role from another office user', async () => {
    const seen = await list(office2.token);
    const theirs = (seen.body.items as Array<{ mine: boolean; mayDelete: boolean; sharedWithRole: string | null }>).find((item) => !item.mine);
    expect(theirs).toMatchObject({ sharedWithRole: 'office', mayDelete: true });
  });

  it('refuses bad input with field messages (400)', async () => {
    const cases: Array<[unknown, string]> = [
      [{ view: 'duty-board', name: '', filters: {} }, 'name'],
      [{ view: 'duty-board', name: '   ', filters: {} }, 'name'],
      [{ view: 'duty-board', name: 'x'.repeat(101), filters: {} }, 'name'],
      [{ view: 'somewhere', name: 'n', filters: {} }, 'view'],
      [{ name: 'n', filters: {} }, 'view'],
      [{ view: 'duty-board', name: 'n' }, 'filters'],
      [{ view: 'duty-board', name: 'n', filters: [] }, 'filters'],
      [{ view: 'duty-board', name: 'n', filters: { overdue: true } }, 'filters'],
      [{ view: 'duty-board', name: 'n', filters: { state: ['a'] } }, 'filters'],
      [{ view: 'duty-board', name: 'n', filters: { 'bad key!': 'x' } }, 'filters'],
      [{ view: 'duty-board', name: 'n', filters: { state: 'x'.repeat(1001) } }, 'filters'],
      [{ view: 'duty-board', name: 'n', filters: Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`k${i}`, 'v'])) }, 'filters'],
      [{ view: 'duty-board', name: 'n', filters: {}, shared: 'yes' }, 'shared'],
      [{ view: 'duty-board', name: 'n', filters: {}, owner: 'someone' }, 'owner'],
    ];
    for (const [body, field] of cases) {
      const answer = await save(viewer.token, body);
      expect({ field, status: answer.status, fields: Object.keys(answer.body.fields ?? {}) }).toEqual({ field, status: 400, fields: [field] });
    }
    const badView = await list(viewer.token, 'somewhere');
    expect(badView.status).toBe(400);
    expect(Object.keys(badView.body.fields)).toEqual(['view']);
    // Nothing of the refused bodies was stored.
    const [{ count }] = await stack.dataSource.query(`SELECT count(*)::int AS count FROM saved_filters WHERE owner_user_id = $1 AND name = 'n'`, [viewer.user.id]);
    expect(count).toBe(0);
  });

  it('asks for a token', async () => {
    expect((await stack.http('GET', '/saved-filters')).status).toBe(401);
    expect((await stack.http('POST', '/saved-filters', { body: { view: 'duty-board', name: 'n', filters: {} } })).status).toBe(401);
  });
});
