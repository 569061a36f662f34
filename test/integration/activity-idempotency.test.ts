import { randomUUID } from 'node:crypto';
import { DutyRepository, EmailRepository } from '@duban/persistence';
import type { DutyAssignment } from '@duban/workflows';
import { DutyActivitiesService } from '../../apps/worker/src/duties/duty-activities.service';
import { TestStack } from '../support/test-stack';

/** Temporal may run an activity twice (a retry after a lost completion): nothing may double. */
describe('duty activities run twice write and send once', () => {
  let stack: TestStack;
  let activities: DutyActivitiesService;
  let assignment: DutyAssignment;

  beforeAll(async () => {
    stack = await TestStack.start();
    activities = stack.workerApp.get(DutyActivitiesService);
    const office = await stack.userWithToken('office');
    const department = await stack.department(office.token);
    assignment = {
      dutyId: randomUUID(),
      departmentId: department.id,
      title: '重复执行测试',
      description: '',
      assignedAt: Date.now(),
      dueAt: Date.now() + 3600_000,
      assignedBy: { userId: office.user.id, username: office.user.username, role: 'office', departmentId: null },
    };
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const count = async (sql: string) => Number((await stack.dataSource.query(sql, [assignment.dutyId]))[0].n);

  it('records the assignment once', async () => {
    await activities.recordDutyAssigned(assignment);
    await activities.recordDutyAssigned(assignment);
    expect(await count('SELECT count(*) AS n FROM duties WHERE id = $1')).toBe(1);
    expect(await count('SELECT count(*) AS n FROM duty_transitions WHERE duty_id = $1')).toBe(1);
  });

  it('records a transition once, and a stale retry does not move the duty back', async () => {
    const actor = { userId: randomUUID(), username: 'officer', role: 'department_officer' as const, departmentId: assignment.departmentId };
    const acknowledge = {
      dutyId: assignment.dutyId,
      seq: 2,
      action: 'acknowledge' as const,
      from: 'assigned' as const,
      to: 'acknowledged' as const,
      actor,
      occurredAt: Date.now(),
    };
    const start = { ...acknowledge, seq: 3, action: 'start' as const, from: 'acknowledged' as const, to: 'in_progress' as const };
    expect(await activities.recordDutyTransition(acknowledge)).toEqual({ id: assignment.dutyId, state: 'acknowledged', lastSeq: 2 });
    expect(await activities.recordDutyTransition(start)).toEqual({ id: assignment.dutyId, state: 'in_progress', lastSeq: 3 });
    // The acknowledge activity runs again late: the record stays where it is.
    expect(await activities.recordDutyTransition(acknowledge)).toEqual({ id: assignment.dutyId, state: 'in_progress', lastSeq: 3 });
    expect(await count('SELECT count(*) AS n FROM duty_transitions WHERE duty_id = $1')).toBe(3);
  });

  it('records an escalation once', async () => {
    const input = { dutyId: assignment.dutyId, step: 'overdue', dueAt: assignment.dueAt, firedAt: Date.now(), notified: ['office'] };
    await activities.recordDutyEscalation(input);
    await activities.recordDutyEscalation({ ...input, firedAt: input.firedAt + 5 });
    expect(await count('SELECT count(*) AS n FROM duty_escalations WHERE duty_id = $1')).toBe(1);
    const duty = await new DutyRepository(stack.dataSource).findById(assignment.dutyId);
    expect(duty?.overdueSince?.getTime()).toBe(input.firedAt);
  });

  it('sends an e-mail once per key over real SMTP', async () => {
    const notification = { key: `duty:${assignment.dutyId}:assigned`, kind: 'assigned' as const, dutyId: assignment.dutyId, audience: ['department_liaison' as const] };
    await activities.sendDutyNotification(notification);
    await activities.sendDutyNotification(notification);
    const sent = stack.smtp.emails.filter((e) => e.subject.includes('重复执行测试'));
    expect(sent).toHaveLength(1);
    const [row] = await new EmailRepository(stack.dataSource).forDuty(assignment.dutyId);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, recipients: sent[0].to });
  });

  it('keeps a failed send pending with its error, and sends it on the retry', async () => {
    const notification = { key: `duty:${assignment.dutyId}:reminder:1`, kind: 'reminder' as const, dutyId: assignment.dutyId, audience: ['department_liaison' as const] };
    await stack.smtp.stop();
    await expect(activities.sendDutyNotification(notification)).rejects.toThrow();
    let rows = await new EmailRepository(stack.dataSource).forDuty(assignment.dutyId);
    expect(rows.find((r) => r.idempotencyKey === notification.key)).toMatchObject({ status: 'pending', attempts: 1 });
    expect(rows.find((r) => r.idempotencyKey === notification.key)?.lastError).toBeTruthy();
    await stack.smtp.listenAgain();
    await activities.sendDutyNotification(notification);
    rows = await new EmailRepository(stack.dataSource).forDuty(assignment.dutyId);
    expect(rows.find((r) => r.idempotencyKey === notification.key)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(stack.smtp.emails.filter((e) => e.subject.startsWith('【督办提醒】'))).toHaveLength(1);
  });
});
