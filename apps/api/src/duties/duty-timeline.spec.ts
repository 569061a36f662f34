import { SYSTEM_ACTOR } from '@duban/domain';
import type { DutyTransitionEntity, EmailEntity } from '@duban/persistence';
import { buildDutyTimeline } from './duty-timeline';
import { contentDisposition } from '../common/evidence-upload';

const at = (s: number) => new Date(Date.UTC(2026, 5, 1, 0, 0, s));
const transition = (seq: number, action: string, second: number, extra: Partial<DutyTransitionEntity> = {}) =>
  ({
    id: String(seq),
    dutyId: 'd',
    seq,
    action,
    fromState: seq === 1 ? null : 'acknowledged',
    toState: 'acknowledged',
    actorUserId: 'u1',
    actorUsername: 'officer',
    actorRole: 'department_officer',
    reason: null,
    result: null,
    dueAt: null,
    fromDepartmentId: null,
    toDepartmentId: null,
    evidenceIds: null,
    occurredAt: at(second),
    recordedAt: at(second),
    ...extra,
  }) as DutyTransitionEntity;
const empty = { history: [], reminders: [], escalations: [], emails: [], comments: [], evidence: [], departments: [] };

describe('the duty timeline', () => {
  it('puts everything in time order, a step before the e-mail it caused', () => {
    const email = { id: '7', idempotencyKey: 'duty:d:transition:2', subject: 's', recipients: ['a@x'], status: 'sent', createdAt: at(2), sentAt: at(2) } as EmailEntity;
    const entries = buildDutyTimeline({
      ...empty,
      emails: [email],
      history: [transition(2, 'acknowledge', 2), transition(1, 'assign', 1, { actorUserId: 'o', actorRole: 'office' })],
      escalations: [{ id: '1', dutyId: 'd', step: 'overdue', dueAt: at(3), firedAt: at(3), notified: ['office'] }],
    });
    expect(entries.map((e) => `${e.kind}:${e.what}`)).toEqual(['transition:assign', 'transition:acknowledge', 'email:email_sent', 'escalation:overdue']);
    expect(entries[3].who).toEqual({ id: SYSTEM_ACTOR.userId, username: 'system', role: 'system' });
  });

  it("names the clock's reasons by code beside the English text, and leaves a person's reason uncoded", () => {
    const entries = buildDutyTimeline({
      ...empty,
      history: [transition(2, 'return', 1, { reason: '材料不全' })],
      reminders: [{ id: '1', dutyId: 'd', departmentId: 'a', dueAt: at(5), remindedAt: at(2) } as never],
      escalations: [{ id: '1', dutyId: 'd', step: 'overdue', dueAt: at(3), firedAt: at(3), notified: ['office'] }],
    });
    expect(entries.map((e) => [e.what, e.why, e.whyCode])).toEqual([
      ['return', '材料不全', null],
      ['reminder', 'The due time is near', 'due_time_near'],
      ['overdue', 'The duty is past its due time', 'past_due_time'],
    ]);
  });

  it('gives a reason as why, and other text as a note', () => {
    const entries = buildDutyTimeline({
      ...empty,
      departments: [{ id: 'b', code: 'B', name: '乙局' } as never],
      history: [
        transition(2, 'record_progress', 1, { reason: '完成一半' }),
        transition(3, 'start', 2, { reason: '已安排' }),
        transition(4, 'reassign', 3, { reason: '职责调整', fromDepartmentId: 'a', toDepartmentId: 'b' }),
      ],
    });
    expect(entries[0]).toMatchObject({ why: null, details: { note: '完成一半' } });
    expect(entries[1]).toMatchObject({ why: null, details: { note: '已安排' } });
    expect(entries[2]).toMatchObject({
      why: '职责调整',
      fromDepartment: { id: 'a', code: null, name: null },
      toDepartment: { id: 'b', code: 'B', name: '乙局' },
    });
  });
});

describe('Content-Disposition of a download', () => {
  it('carries the UTF-8 name and a safe ASCII fallback', () => {
    expect(contentDisposition('核查报告 (终稿).pdf')).toBe(
      `attachment; filename="____ (__).pdf"; filename*=UTF-8''%E6%A0%B8%E6%9F%A5%E6%8A%A5%E5%91%8A%20%28%E7%BB%88%E7%A8%BF%29.pdf`,
    );
    expect(contentDisposition('a"b\\c.txt')).toBe(`attachment; filename="a_b_c.txt"; filename*=UTF-8''a%22b%5Cc.txt`);
  });
});
