import { TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait-for';

describe('nothing is lost or doubled when the worker is down or actions race', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('assigns while the worker is down; the worker catches up once it is back, e-mailing once', async () => {
    const office = await stack.userWithToken('office');
    const department = await stack.department(office.token);
    await stack.stopWorker();

    const assigned = await stack.http('POST', '/duties', {
      token: office.token,
      body: { departmentId: department.id, title: '工人停机期间交办', description: '', dueAt: new Date(Date.now() + 86400_000).toISOString() },
    });
    // The API needs Temporal and PostgreSQL, not the worker: the duty is recorded and its workflow queued.
    expect(assigned.status).toBe(201);
    expect(assigned.body.state).toBe('assigned');
    expect(stack.smtp.to(department.liaisonEmail)).toHaveLength(0);

    await stack.startWorker();
    await waitFor('the assignment e-mail after the restart', () => stack.smtp.to(department.liaisonEmail).length === 1);
    const duty = await waitFor('the e-mail recorded as sent', async () => {
      const got = await stack.http('GET', `/duties/${assigned.body.id}`, { token: office.token });
      return got.body.emails.length === 1 && got.body.emails[0].status === 'sent' && got.body;
    });
    expect(duty.history).toHaveLength(1);
  });

  it('lets exactly one of two simultaneous acknowledgements through', async () => {
    const office = await stack.userWithToken('office');
    const department = await stack.department(office.token);
    const officer = await stack.userWithToken('department_officer', department.id);
    const { body: duty } = await stack.http('POST', '/duties', {
      token: office.token,
      body: { departmentId: department.id, title: '并发签收', description: '', dueAt: new Date(Date.now() + 86400_000).toISOString() },
    });
    const results = await Promise.all([1, 2, 3].map(() => stack.http('POST', `/duties/${duty.id}/acknowledge`, { token: officer.token, body: {} })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const got = await stack.http('GET', `/duties/${duty.id}`, { token: office.token });
    expect(got.body.history.map((h: { action: string }) => h.action)).toEqual(['assign', 'acknowledge']);
  });

  it('answers a retried assignment with the same Idempotency-Key with the same duty, creating nothing', async () => {
    const office = await stack.userWithToken('office');
    const department = await stack.department(office.token);
    const body = { departmentId: department.id, title: '重试交办', description: '', dueAt: new Date(Date.now() + 86400_000).toISOString() };
    const headers = { 'idempotency-key': `retry-${department.code}` };
    const first = await stack.http('POST', '/duties', { token: office.token, body, headers });
    const again = await stack.http('POST', '/duties', { token: office.token, body, headers });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.id).toBe(first.body.id);
    const rows = await stack.dataSource.query('SELECT count(*) AS n FROM duties WHERE department_id = $1', [department.id]);
    expect(Number(rows[0].n)).toBe(1);
    await waitFor('the one assignment e-mail', () => stack.smtp.to(department.liaisonEmail).length === 1);

    const different = await stack.http('POST', '/duties', { token: office.token, body: { ...body, title: '另一事项' }, headers });
    expect(different.status).toBe(422);
    expect(different.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    // Two identical keyed requests at the same moment: one duty, one 201.
    const raceHeaders = { 'idempotency-key': `race-${department.code}` };
    const raced = await Promise.all([1, 2].map(() => stack.http('POST', '/duties', { token: office.token, body, headers: raceHeaders })));
    expect(raced.map((r) => r.status).sort()).toEqual([200, 201]);
    expect(raced[0].body.id).toBe(raced[1].body.id);
    // Another user's identical key is another duty.
    const colleague = await stack.userWithToken('office');
    const theirs = await stack.http('POST', '/duties', { token: colleague.token, body, headers });
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(first.body.id);
  });
});
