import { waitFor } from '../support/wait-for';
import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DEFAULT_COMPLIANCE_POLICY, DEFAULT_DUTY_CLOCK_POLICY, EMPTY_CALENDAR, outcomeOf, SYSTEM_ACTOR, SYSTEM_REASONS, type Actor } from '@duban/domain';
import {
  complianceCaseActionUpdate,
  complianceCaseLiveStateQuery,
  complianceCaseWorkflowId,
  dutyWorkflowId,
  exposureDecisionUpdate,
  type ComplianceActivities,
  type ComplianceCaseActionRequest,
  type ComplianceCaseInput,
  type ComplianceCaseView,
  type DutyActivities,
  type DutyWorkflowInput,
  type ExposureDecisionRequest,
} from '@duban/workflows';
import { WorkflowHarness } from '../support/workflow-harness';

/**
 * The compliance case workflow's chain, one branch per test, against stub activities: the
 * default policy (fifteen working days' notice; at the deadline the inspectors, ten days later
 * an exposure proposal and, for builders, the bidding ban, thirty days later the court) with a
 * working day compressed to a fraction of a second, as DUBAN_WORKING_DAY_SECONDS does for the
 * integration tests. The duties a case gives run as child workflows on the same worker.
 */
type ComplianceCaseWorkflow = (input: ComplianceCaseInput) => Promise<ComplianceCaseView>;
type Activities = ComplianceActivities & DutyActivities;

const DEPARTMENT = 'department-health';
const TEAM = 'inspection-team-city';
const MEDIA = 'department-media';
const CONSTRUCTION = 'department-construction';
const office: Actor = { userId: 'user-office', username: 'office', role: 'office', departmentId: null };
const officer: Actor = { userId: 'user-officer', username: 'health-officer', role: 'department_officer', departmentId: DEPARTMENT };
const otherOfficer: Actor = { userId: 'user-other', username: 'tax-officer', role: 'department_officer', departmentId: 'department-tax' };
const inspector: Actor = { userId: 'user-inspector', username: 'inspector', role: 'inspector', departmentId: TEAM };
const otherInspector: Actor = { userId: 'user-inspector-2', username: 'inspector-2', role: 'inspector', departmentId: 'inspection-team-other' };

/** The duty a step or an approval gives a department, as the worker would build it. */
function caseDuty(caseId: string, kind: 'exposure' | 'bidding_ban'): DutyWorkflowInput {
  const assignedAt = Date.now();
  return {
    assignment: {
      dutyId: `${kind}-${caseId}`,
      departmentId: kind === 'exposure' ? MEDIA : CONSTRUCTION,
      title: kind === 'exposure' ? '曝光：雁峰区好味餐馆' : '限制投标：衡阳建工劳务有限公司',
      description: '',
      assignedAt,
      // Far off: the duty's own clock is not under test here.
      dueAt: assignedAt + 3_600_000,
      assignedBy: SYSTEM_ACTOR,
    },
    policy: DEFAULT_DUTY_CLOCK_POLICY,
  };
}

const notUsedByACase = async (): Promise<never> => {
  throw ApplicationFailure.nonRetryable('The comparison run is not under test');
};

const stubAnswers = (): Activities => ({
  compareUnitsForRun: notUsedByACase,
  complianceCaseInputs: notUsedByACase,
  finishComplianceRun: notUsedByACase,
  recordCaseTransition: async (input) => ({
    caseId: input.caseId,
    state: input.to,
    outcome: outcomeOf(input.action),
    lastSeq: input.seq,
    noticeDeadline: input.deadline ?? null,
  }),
  sendRectificationNotice: async () => ({ sent: true }),
  takeEscalationStep: async (input) => {
    if (input.step === 'inspection') return { inspectionTeamId: TEAM };
    if (input.step === 'bidding_ban') return { duty: caseDuty(input.caseId, 'bidding_ban') };
    return {};
  },
  recordExposureDecision: async (input) => (input.decision === 'approve' ? { duty: caseDuty(input.caseId, 'exposure') } : {}),
  stopPendingSteps: async () => undefined,
  recordDutyAssigned: async () => undefined,
  recordDutyTransition: async (input) => ({ id: input.dutyId, state: input.to, lastSeq: input.seq }),
  recordDutyReminded: async () => undefined,
  recordDutyEscalation: async () => undefined,
  sendDutyNotification: async () => undefined,
});

describe('the compliance case workflow along its chain, against stub activities', () => {
  let harness: WorkflowHarness<Activities>;

  beforeEach(async () => {
    harness = await WorkflowHarness.start(stubAnswers());
  });

  afterEach(async () => {
    await harness?.stop();
  });

  function caseInput(options: { workingDayMs: number; sectorKey?: string }): ComplianceCaseInput {
    return {
      caseId: randomUUID(),
      creditCode: '91430400MA4L7X0B2K',
      unitName: '雁峰区好味餐馆',
      finding: 'not_registered',
      campaignId: 'campaign-1',
      departmentId: DEPARTMENT,
      sectorKey: options.sectorKey ?? 'restaurants',
      districtId: 'district-yanfeng',
      identifiedAt: Date.now(),
      policy: { ...DEFAULT_COMPLIANCE_POLICY, calendar: EMPTY_CALENDAR, workingDayMs: options.workingDayMs },
      dutyPolicy: DEFAULT_DUTY_CLOCK_POLICY,
    };
  }

  async function startCase(input: ComplianceCaseInput): Promise<WorkflowHandle<ComplianceCaseWorkflow>> {
    return harness.startWorkflow<ComplianceCaseWorkflow>('ComplianceCaseWorkflow', { workflowId: complianceCaseWorkflowId(input.caseId), args: [input] });
  }

  const act = (handle: WorkflowHandle, request: ComplianceCaseActionRequest) => handle.executeUpdate(complianceCaseActionUpdate, { args: [request] });
  const decide = (handle: WorkflowHandle, request: ExposureDecisionRequest) => handle.executeUpdate(exposureDecisionUpdate, { args: [request] });
  const live = (handle: WorkflowHandle) => handle.query(complianceCaseLiveStateQuery);
  /**
   * A stub records its call when the activity starts; the workflow counts the step only once the
   * activity's result is back. Wait for that before reading or acting on the case.
   */
  const stepsTaken = (handle: WorkflowHandle, count: number) =>
    waitFor(`${count} escalation step(s) counted by the workflow`, async () => (await live(handle)).stepsTaken.length >= count);

  /** The failure type an update was refused with. */
  async function refusal(update: Promise<unknown>): Promise<string | undefined> {
    const error = await update.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    return ((error as WorkflowUpdateFailedError).cause as ApplicationFailure).type ?? undefined;
  }

  const transitions = () => harness.stubs.inputsOf('recordCaseTransition').map((t) => [t.seq, t.action, t.from, t.to]);
  const steps = () => harness.stubs.inputsOf('takeEscalationStep').map((s) => s.step);

  it('rectified before the deadline: the order is e-mailed with the policy’s notice period, and nothing escalates', async () => {
    // Fifteen working days of 200 ms: a deadline 3 s after the notice.
    const input = caseInput({ workingDayMs: 200 });
    const handle = await startCase(input);
    expect(await refusal(act(handle, { action: 'issue_notice', actor: otherOfficer }))).toBe('ACTION_NOT_PERMITTED');
    const before = Date.now();
    const notice = await act(handle, { action: 'issue_notice', actor: officer });
    const after = Date.now();
    expect(notice).toMatchObject({ caseId: input.caseId, state: 'notified', outcome: null, lastSeq: 2 });
    expect(notice.noticeDeadline).toBeGreaterThanOrEqual(before + 3_000);
    expect(notice.noticeDeadline).toBeLessThanOrEqual(after + 3_000);
    expect(await refusal(act(handle, { action: 'issue_notice', actor: officer }))).toBe('COMPLIANCE_TRANSITION_FORBIDDEN');
    await harness.stubs.waitForCalls('sendRectificationNotice');
    expect(harness.stubs.inputsOf('sendRectificationNotice')).toEqual([{ caseId: input.caseId }]);

    // A rectification names how and its evidence.
    expect(await refusal(act(handle, { action: 'record_rectification', actor: officer }))).toBe('INVALID_COMPLIANCE_ACTION');
    const rectified = await act(handle, { action: 'record_rectification', actor: officer, reason: '已补缴', rectification: { kind: 'payment', evidenceIds: ['evidence-1'] } });
    expect(rectified).toMatchObject({ state: 'closed', outcome: 'rectified', lastSeq: 3 });
    // The workflow's own view keeps the deadline the notice set.
    expect(await handle.result()).toEqual({ caseId: input.caseId, state: 'closed', outcome: 'rectified', lastSeq: 3, noticeDeadline: notice.noticeDeadline });

    expect(transitions()).toEqual([
      [2, 'issue_notice', 'identified', 'notified'],
      [3, 'record_rectification', 'notified', 'closed'],
    ]);
    expect(harness.stubs.inputsOf('recordCaseTransition')[1]).toMatchObject({ actor: officer, rectification: { kind: 'payment', evidenceIds: ['evidence-1'] } });
    expect(harness.stubs.names()).toEqual(['recordCaseTransition', 'sendRectificationNotice', 'recordCaseTransition']);
    expect(await live(handle)).toMatchObject({ stepsTaken: [], nextStep: null, exposure: 'none', inspectionTeamId: null, dutyIds: [] });
  });

  it('dismissed by the office before any notice: no order goes out', async () => {
    const input = caseInput({ workingDayMs: 200 });
    const handle = await startCase(input);
    expect(await refusal(act(handle, { action: 'dismiss', actor: officer, reason: '误报' }))).toBe('ACTION_NOT_PERMITTED');
    expect(await refusal(act(handle, { action: 'dismiss', actor: office }))).toBe('INVALID_COMPLIANCE_ACTION');
    const dismissed = await act(handle, { action: 'dismiss', actor: office, reason: '该单位已注销' });
    expect(dismissed).toMatchObject({ state: 'closed', outcome: 'dismissed', lastSeq: 2, noticeDeadline: null });
    expect(await handle.result()).toEqual(dismissed);
    expect(harness.stubs.names()).toEqual(['recordCaseTransition']);
  });

  it('past the deadline escalates to the inspectors; the team’s inspector records the rectification and the steps pending stop', async () => {
    // A working day of a second: the exposure proposal would come 10 s after the deadline.
    const input = caseInput({ workingDayMs: 1_000 });
    const handle = await startCase(input);
    const deadline = Date.now() + 500;
    await act(handle, { action: 'issue_notice', actor: officer, deadline });
    const [step] = await harness.stubs.waitForCalls('takeEscalationStep');
    await stepsTaken(handle, 1);
    expect(step).toMatchObject({ caseId: input.caseId, step: 'inspection', dueAt: deadline });
    expect(step.takenAt).toBeGreaterThanOrEqual(deadline);
    // The system escalated, at the deadline, saying why.
    expect(harness.stubs.inputsOf('recordCaseTransition')[1]).toMatchObject({
      seq: 3,
      action: 'escalate',
      from: 'notified',
      to: 'escalated',
      actor: SYSTEM_ACTOR,
      reason: SYSTEM_REASONS.rectification_deadline_passed,
    });
    expect(harness.stubs.inputsOf('recordCaseTransition')[1].occurredAt).toBeGreaterThanOrEqual(deadline);
    expect(await live(handle)).toMatchObject({
      state: 'escalated',
      inspectionTeamId: TEAM,
      stepsTaken: ['inspection'],
      nextStep: { step: 'exposure', dueAt: deadline + 10_000 },
      exposure: 'none',
    });

    // Only the case's own team, besides the office and the department, records a rectification.
    const rectification = { kind: 'registration' as const, evidenceIds: ['evidence-2'] };
    expect(await refusal(act(handle, { action: 'record_rectification', actor: otherInspector, reason: '已参保', rectification }))).toBe('ACTION_NOT_PERMITTED');
    const rectified = await act(handle, { action: 'record_rectification', actor: inspector, reason: '已参保', rectification });
    expect(rectified).toMatchObject({ state: 'closed', outcome: 'rectified', lastSeq: 4 });
    expect(await handle.result()).toMatchObject({ state: 'closed', outcome: 'rectified', lastSeq: 4 });

    expect(transitions()).toEqual([
      [2, 'issue_notice', 'identified', 'notified'],
      [3, 'escalate', 'notified', 'escalated'],
      [4, 'record_rectification', 'escalated', 'closed'],
    ]);
    expect(steps()).toEqual(['inspection']);
    expect(harness.stubs.inputsOf('stopPendingSteps')).toEqual([
      {
        caseId: input.caseId,
        pending: [
          { step: 'exposure', dueAt: deadline + 10_000 },
          { step: 'court_referral', dueAt: deadline + 30_000 },
        ],
        stoppedAt: expect.any(Number),
        reason: SYSTEM_REASONS.unit_rectified,
      },
    ]);
    expect(await live(handle)).toMatchObject({ stepsTaken: ['inspection'], nextStep: null, exposure: 'none' });
  });

  it('proposes an exposure the office approves: the media duty starts, the court referral follows, a dismissal ends the case', async () => {
    // A working day of 100 ms: inspection at the deadline, exposure a second later, the court three.
    const input = caseInput({ workingDayMs: 100 });
    const handle = await startCase(input);
    const deadline = Date.now() + 300;
    await act(handle, { action: 'issue_notice', actor: officer, deadline });
    expect(await refusal(decide(handle, { decision: 'approve', actor: office }))).toBe('COMPLIANCE_TRANSITION_FORBIDDEN');

    await harness.stubs.waitForCalls('takeEscalationStep', 2);
    await stepsTaken(handle, 2);
    expect(await live(handle)).toMatchObject({ stepsTaken: ['inspection', 'exposure'], exposure: 'proposed', nextStep: { step: 'court_referral', dueAt: deadline + 3_000 } });
    // Nothing is published without the office, and a rejection says why.
    expect(await refusal(decide(handle, { decision: 'approve', actor: officer }))).toBe('ACTION_NOT_PERMITTED');
    expect(await refusal(decide(handle, { decision: 'reject', actor: office }))).toBe('INVALID_COMPLIANCE_ACTION');
    const approved = await decide(handle, { decision: 'approve', actor: office });
    expect(approved).toMatchObject({ exposure: 'approved', state: 'escalated' });
    expect(await refusal(decide(handle, { decision: 'reject', actor: office, reason: '再议' }))).toBe('EXPOSURE_ALREADY_DECIDED');
    expect(harness.stubs.inputsOf('recordExposureDecision')).toEqual([{ caseId: input.caseId, decision: 'approve', actor: office, decidedAt: expect.any(Number) }]);

    // The media department's duty runs as a workflow of its own, on the same worker.
    const [assigned] = await harness.stubs.waitForCalls('recordDutyAssigned');
    expect(assigned).toMatchObject({ dutyId: `exposure-${input.caseId}`, departmentId: MEDIA });
    expect((await live(handle)).dutyIds).toEqual([`exposure-${input.caseId}`]);
    expect((await harness.client.workflow.getHandle(dutyWorkflowId(`exposure-${input.caseId}`)).describe()).status.name).toBe('RUNNING');

    const [, , court] = await harness.stubs.waitForCalls('takeEscalationStep', 3);
    await stepsTaken(handle, 3);
    expect(court).toMatchObject({ step: 'court_referral', dueAt: deadline + 3_000 });
    expect(court.takenAt).toBeGreaterThanOrEqual(deadline + 3_000);
    // No bidding ban for a restaurant.
    expect(steps()).toEqual(['inspection', 'exposure', 'court_referral']);
    expect(await live(handle)).toMatchObject({ state: 'escalated', nextStep: null });

    const dismissed = await act(handle, { action: 'dismiss', actor: office, reason: '经核实已注销' });
    expect(dismissed).toMatchObject({ state: 'closed', outcome: 'dismissed', lastSeq: 4 });
    await handle.result();
    expect(harness.stubs.inputsOf('stopPendingSteps')).toEqual([{ caseId: input.caseId, pending: [], stoppedAt: expect.any(Number), reason: SYSTEM_REASONS.case_dismissed }]);
    // An approved exposure stays approved.
    expect(await live(handle)).toMatchObject({ exposure: 'approved', stepsTaken: ['inspection', 'exposure', 'court_referral'] });
  });

  it('a rejected exposure gives no duty', async () => {
    const input = caseInput({ workingDayMs: 100 });
    const handle = await startCase(input);
    await act(handle, { action: 'issue_notice', actor: officer, deadline: Date.now() + 300 });
    await harness.stubs.waitForCalls('takeEscalationStep', 2);
    await stepsTaken(handle, 2);
    expect(await decide(handle, { decision: 'reject', actor: office, reason: '证据不足' })).toMatchObject({ exposure: 'rejected', dutyIds: [] });
    expect(harness.stubs.inputsOf('recordExposureDecision')).toEqual([expect.objectContaining({ decision: 'reject', reason: '证据不足' })]);
    await act(handle, { action: 'dismiss', actor: office, reason: '测试结束' });
    await handle.result();
    expect(harness.stubs.inputsOf('recordDutyAssigned')).toEqual([]);
  });

  it('bars a builder from bidding; its rectification withdraws the waiting proposal and stops the court referral', async () => {
    const input = caseInput({ workingDayMs: 100, sectorKey: 'construction' });
    const handle = await startCase(input);
    const deadline = Date.now() + 300;
    await act(handle, { action: 'issue_notice', actor: officer, deadline });
    await harness.stubs.waitForCalls('takeEscalationStep', 3);
    await stepsTaken(handle, 3);
    const [assigned] = await harness.stubs.waitForCalls('recordDutyAssigned');
    expect(assigned).toMatchObject({ dutyId: `bidding_ban-${input.caseId}`, departmentId: CONSTRUCTION });
    expect(steps()).toEqual(['inspection', 'exposure', 'bidding_ban']);
    expect(harness.stubs.inputsOf('takeEscalationStep')[2]).toMatchObject({ step: 'bidding_ban', dueAt: deadline + 1_000 });
    expect(await live(handle)).toMatchObject({ exposure: 'proposed', dutyIds: [`bidding_ban-${input.caseId}`], nextStep: { step: 'court_referral', dueAt: deadline + 3_000 } });

    const rectified = await act(handle, {
      action: 'record_rectification',
      actor: officer,
      reason: '已为全部职工参保',
      rectification: { kind: 'registration', evidenceIds: ['evidence-3'] },
    });
    expect(rectified).toMatchObject({ state: 'closed', outcome: 'rectified' });
    await handle.result();
    expect(harness.stubs.inputsOf('stopPendingSteps')).toEqual([
      { caseId: input.caseId, pending: [{ step: 'court_referral', dueAt: deadline + 3_000 }], stoppedAt: expect.any(Number), reason: SYSTEM_REASONS.unit_rectified },
    ]);
    expect(await live(handle)).toMatchObject({ exposure: 'withdrawn', nextStep: null, stepsTaken: ['inspection', 'exposure', 'bidding_ban'] });
    expect(steps()).not.toContain('court_referral');
  });

  it('fails a notice whose record the database refuses at once, and takes the next one', async () => {
    const input = caseInput({ workingDayMs: 200 });
    harness.stubs.fail('recordCaseTransition', ApplicationFailure.create({ type: 'InvalidInput', nonRetryable: true, message: 'The database refused the input (SQLSTATE 22021)' }));
    const handle = await startCase(input);
    const error = await act(handle, { action: 'issue_notice', actor: officer }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    expect((error as WorkflowUpdateFailedError).cause?.cause).toMatchObject({ type: 'InvalidInput', nonRetryable: true });
    expect(await live(handle)).toMatchObject({ state: 'identified', lastSeq: 1, noticeDeadline: null });
    expect(harness.stubs.names()).toEqual(['recordCaseTransition']);

    expect(await act(handle, { action: 'issue_notice', actor: officer })).toMatchObject({ state: 'notified', lastSeq: 2 });
    await harness.stubs.waitForCalls('sendRectificationNotice');
    await act(handle, { action: 'dismiss', actor: office, reason: '测试结束' });
    expect(await handle.result()).toMatchObject({ state: 'closed', outcome: 'dismissed', lastSeq: 3 });
  });
});
