import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { heartbeat } from '@temporalio/activity';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { DUBAN_CONFIG, type DubanConfig } from '@duban/config';
import {
  applyClockOffset,
  DEFAULT_COMPLIANCE_POLICY,
  DEFAULT_DUTY_CLOCK_POLICY,
  ESCALATION_STEP_LABELS,
  FINDING_LABELS,
  findingRoute,
  findingsOfUnit,
  caseDutyCancelReason,
  SYSTEM_ACTOR,
  type Actor,
  type CompliancePolicy,
  type DutyClockPolicy,
  type ExposureDecision,
} from '@duban/domain';
import { noticeLinkToken, renderExposureWithdrawal, renderInspectionAssignment, renderRectificationNotice } from '@duban/mail';
import {
  CampaignRepository,
  complianceCaseId,
  complianceDutyId,
  ComplianceRepository,
  DepartmentRepository,
  inspectionCaseId,
  UserRepository,
  WorkingCalendarRepository,
  type ComplianceCaseRow,
  type NewComplianceCase,
} from '@duban/persistence';
import {
  dutyActionUpdate,
  dutyWorkflowId,
  type ComplianceActivities,
  type ComplianceCaseInput,
  type ComplianceCaseView,
  type ComplianceRunResult,
  type DutyWorkflowInput,
  type RecordCaseTransitionInput,
  type TakenStep,
  type TakeStepInput,
} from '@duban/workflows';
import { TemporalClientConnection } from '@duban/temporal-client';
import { OnceOnlyMail } from '../common/once-only-mail';

/** Units read per page of the comparison. */
const COMPARISON_PAGE = 1000;
/** Working days a department gets for a duty a case gives it (publish an exposure, bar from bidding). */
const CASE_DUTY_WORKING_DAYS = 5;

/** The comparison run's and the compliance cases' I/O: PostgreSQL, e-mail, and the duties' workflows. */
@Injectable()
export class ComplianceActivitiesService implements ComplianceActivities, OnApplicationShutdown {
  private readonly logger = new Logger(ComplianceActivitiesService.name);
  /** Cancels a case's duties through their workflows: the shared client, connected on first use. */
  private readonly temporal: TemporalClientConnection;

  constructor(
    @Inject(DUBAN_CONFIG) private readonly config: DubanConfig,
    private readonly compliance: ComplianceRepository,
    private readonly campaigns: CampaignRepository,
    private readonly calendars: WorkingCalendarRepository,
    private readonly users: UserRepository,
    private readonly departments: DepartmentRepository,
    private readonly mail: OnceOnlyMail,
  ) {
    this.temporal = new TemporalClientConnection(config.temporal);
  }

  async compareUnitsForRun(input: { runId: string }): Promise<ComplianceRunResult & { batchSize: number }> {
    const run = await this.compliance.run(input.runId);
    if (!run) throw new Error(`Comparison run ${input.runId} is not in the database`);
    const routes = await this.campaigns.routes(run.campaignId);
    const actor = { userId: run.requestedBy, username: run.requesterUsername, role: 'office' as const, departmentId: null };
    let after = '';
    let unitsCompared = 0;
    let findings = 0;
    for (;;) {
      const units = await this.compliance.unitsForComparison(after, COMPARISON_PAGE);
      if (units.length === 0) break;
      const cases: NewComplianceCase[] = [];
      for (const unit of units) {
        for (const { finding, evidence } of findingsOfUnit(unit)) {
          // Rectified since the unit's data last changed: the departments' next file will show it.
          if (unit.rectifiedFindings.includes(finding)) continue;
          const route = findingRoute(routes, unit.sectorKey, finding);
          if (!route) {
            this.logger.warn(`The campaign's matrix names no department for unit ${unit.creditCode} (${finding}); not opened`);
            continue;
          }
          findings++;
          cases.push({
            id: complianceCaseId(input.runId, unit.creditCode, finding),
            creditCode: unit.creditCode,
            finding,
            evidence,
            departmentId: route.departmentId,
            routeKind: route.kind,
            routeKey: route.key,
            sectorKey: unit.sectorKey,
            districtId: unit.districtId,
          });
        }
      }
      await this.compliance.openCases(input.runId, run.campaignId, cases, actor, new Date());
      unitsCompared += units.length;
      after = units[units.length - 1].creditCode;
      heartbeat({ after, unitsCompared });
    }
    // Counted from the record, so a retried comparison reports the same.
    const findingsNew = await this.compliance.countRunCases(input.runId);
    return { unitsCompared, findingsNew, findingsOpenAlready: findings - findingsNew, batchSize: this.config.phaseBatchSize };
  }

  async complianceCaseInputs(input: { runId: string; offset: number; limit: number }): Promise<ComplianceCaseInput[]> {
    const [rows, policy, dutyPolicies] = await Promise.all([this.compliance.runCases(input.runId, input.offset, input.limit), this.policy(), new Map<string, DutyClockPolicy>()]);
    const inputs: ComplianceCaseInput[] = [];
    for (const row of rows) {
      if (!dutyPolicies.has(row.campaignId)) dutyPolicies.set(row.campaignId, await this.dutyPolicy(row.campaignId));
      inputs.push({
        caseId: row.id,
        creditCode: row.creditCode,
        unitName: row.unitName,
        finding: row.finding,
        campaignId: row.campaignId,
        departmentId: row.departmentId,
        sectorKey: row.sectorKey,
        districtId: row.districtId,
        identifiedAt: row.createdAt.getTime(),
        policy,
        dutyPolicy: dutyPolicies.get(row.campaignId)!,
      });
    }
    return inputs;
  }

  async finishComplianceRun(input: { runId: string; finishedAt: number; result: ComplianceRunResult }): Promise<void> {
    await this.compliance.finishRun(input.runId, new Date(input.finishedAt), input.result);
  }

  async recordCaseTransition(input: RecordCaseTransitionInput): Promise<ComplianceCaseView> {
    const row = await this.compliance.recordTransition({
      ...input,
      outcome: input.to !== 'closed' ? null : input.action === 'dismiss' ? 'dismissed' : 'rectified',
    });
    return { caseId: row.id, state: row.state, outcome: row.outcome, lastSeq: row.lastSeq, noticeDeadline: row.noticeDeadline?.getTime() ?? null };
  }

  async sendRectificationNotice(input: { caseId: string }): Promise<{ sent: boolean }> {
    const kase = await this.case(input.caseId);
    if (!kase.contactEmail) return { sent: false };
    const campaign = await this.campaigns.findById(kase.campaignId);
    const notice = renderRectificationNotice({
      noticeNumber: kase.noticeNumber!,
      unitName: kase.unitName,
      creditCode: kase.creditCode,
      finding: kase.finding,
      evidenceOfFinding: kase.evidenceOfFinding,
      issuedAt: kase.noticeIssuedAt!,
      deadline: kase.noticeDeadline!,
      issuerName: kase.departmentName,
      campaignName: campaign?.name ?? '',
      // The unit has no account: the link carries a signed token good for this notice only.
      link: `${this.config.http.publicUrl}/notices/${noticeLinkToken(this.config, kase.id, kase.noticeIssuedAt!)}`,
    });
    return { sent: await this.mail.send({ key: `compliance-case:${kase.id}:notice`, recipients: [kase.contactEmail], subject: notice.subject, body: notice.text }) };
  }

  async takeEscalationStep(input: TakeStepInput): Promise<TakenStep> {
    const kase = await this.case(input.caseId);
    let duty: DutyWorkflowInput | undefined;
    if (input.step === 'bidding_ban') {
      // A duty is someone's: the office user whose comparison found the case stands behind it.
      const run = await this.compliance.run(kase.runId);
      const assignedBy: Actor = { userId: run!.requestedBy, username: run!.requesterUsername, role: 'office', departmentId: null };
      duty = await this.caseDuty(kase, 'bidding_ban', 'bidding_ban', input.takenAt, assignedBy, {
        title: `限制投标：${kase.unitName ?? kase.creditCode}`,
        description: `${kase.unitName ?? ''}（统一社会信用代码 ${kase.creditCode}）${FINDING_LABELS[kase.finding]}，限期改正通知书 ${kase.noticeNumber ?? ''} 逾期未改正。请依据社会保险法及本次专项行动方案，限制其参加政府投资项目投标，并反馈办理情况。`,
      });
    }
    const taken = await this.compliance.takeStep({
      caseId: input.caseId,
      step: input.step,
      dueAt: new Date(input.dueAt),
      takenAt: new Date(input.takenAt),
      dutyId: duty?.assignment.dutyId,
      details: { label: ESCALATION_STEP_LABELS[input.step] },
    });
    if (input.step === 'inspection' && taken.inspectionTeamId) await this.tellInspectionTeam(kase, taken.inspectionTeamId);
    if (input.step === 'inspection' && !taken.inspectionTeamId) {
      await this.sendToOffice(
        `compliance-case:${kase.id}:inspection-unassigned`,
        `【待指派】${kase.unitName ?? kase.creditCode} 移交劳动保障监察，但没有监察队伍承接`,
        `${kase.unitName ?? ''}（${kase.creditCode}）逾期未改正，已移交劳动保障监察；没有登记承接${kase.districtName ?? '该区县'}的监察队伍。请登记监察队伍后指派。`,
      );
    }
    if (input.step === 'exposure') {
      await this.sendToOffice(
        `compliance-case:${kase.id}:exposure-proposed`,
        `【曝光待审批】${kase.unitName ?? kase.creditCode}`,
        `${kase.unitName ?? ''}（${kase.creditCode}）${FINDING_LABELS[kase.finding]}，逾期未改正，拟予媒体曝光。未经领导小组办公室批准不得公开。\n审批：${this.config.http.publicUrl}/compliance-cases/${kase.id}`,
      );
    }
    return { ...taken, ...(duty ? { duty } : {}) };
  }

  async recordExposureDecision(input: { caseId: string; decision: ExposureDecision; actor: Actor; reason?: string; decidedAt: number }): Promise<{ duty?: DutyWorkflowInput }> {
    const kase = await this.case(input.caseId);
    const status = await this.compliance.decideExposure({ ...input, decidedAt: new Date(input.decidedAt), mediaDutyId: complianceDutyId(kase.id, 'exposure') });
    if (status !== 'approved') return {};
    return {
      duty: await this.caseDuty(kase, 'exposure', 'exposure', input.decidedAt, input.actor, {
        title: `媒体曝光：${kase.unitName ?? kase.creditCode}`,
        description: `经领导小组办公室批准（${input.actor.username}），对${kase.unitName ?? ''}（统一社会信用代码 ${kase.creditCode}）${FINDING_LABELS[kase.finding]}、逾期拒不改正的情况予以媒体曝光。请发布后上传刊发截图或链接。`,
      }),
    };
  }

  async stopPendingSteps(input: { caseId: string; pending: Array<{ step: TakeStepInput['step']; dueAt: number }>; stoppedAt: number; reason: string }): Promise<void> {
    const { dutyIds, approvedExposureWithdrawn } = await this.compliance.stopPendingSteps({
      caseId: input.caseId,
      pending: input.pending.map((p) => ({ step: p.step, dueAt: new Date(p.dueAt) })),
      stoppedAt: new Date(input.stoppedAt),
      reason: input.reason,
    });
    const client = await this.temporal.get();
    for (const dutyId of dutyIds) {
      try {
        await client.workflow.getHandle(dutyWorkflowId(dutyId)).executeUpdate(dutyActionUpdate, {
          args: [{ action: 'cancel', actor: SYSTEM_ACTOR, reason: caseDutyCancelReason(input.reason) }],
        });
      } catch (error) {
        // Refused: the duty is done or cancelled already (this may be a retry); nothing to stop.
        // A closed duty's workflow has completed, and an update to it is "not found".
        if (!(error instanceof WorkflowUpdateFailedError || error instanceof WorkflowNotFoundError)) throw error;
      }
    }
    // The media duty may be done already (published): the department is told to take it down.
    if (approvedExposureWithdrawn) await this.tellMediaOfWithdrawal(await this.case(input.caseId), input.reason);
  }

  /**
   * The team's inspectors and its contact hear of the case once: the key names the inspection
   * case and the team, so a retried or replayed step sends nothing new.
   */
  private async tellInspectionTeam(kase: ComplianceCaseRow, teamId: string): Promise<void> {
    const team = await this.departments.findById(teamId);
    if (!team) return;
    const recipients = [...new Set([...(await this.users.emailsOfDepartment(teamId)), team.liaisonEmail].filter((a): a is string => Boolean(a)))];
    if (recipients.length === 0) return;
    const id = inspectionCaseId(kase.id);
    const mail = renderInspectionAssignment({
      teamName: team.name,
      unitName: kase.unitName,
      creditCode: kase.creditCode,
      finding: kase.finding,
      districtName: kase.districtName,
      noticeNumber: kase.noticeNumber,
      noticeDeadline: kase.noticeDeadline,
      departmentName: kase.departmentName,
      link: `${this.config.http.publicUrl}/inspection-cases/${id}`,
    });
    await this.mail.send({ key: `inspection-case:${id}:assigned:${teamId}`, recipients, subject: mail.subject, body: mail.text });
  }

  private async tellMediaOfWithdrawal(kase: ComplianceCaseRow, reason: string): Promise<void> {
    const route = (await this.campaigns.routes(kase.campaignId)).find((r) => r.kind === 'function' && r.key === 'exposure');
    const media = route ? await this.departments.findById(route.departmentId) : null;
    if (!media?.liaisonEmail) return;
    const mail = renderExposureWithdrawal({
      mediaDepartmentName: media.name,
      unitName: kase.unitName,
      creditCode: kase.creditCode,
      reason,
      link: `${this.config.http.publicUrl}/compliance-cases/${kase.id}`,
    });
    await this.mail.send({ key: `compliance-case:${kase.id}:exposure-withdrawn`, recipients: [media.liaisonEmail], subject: mail.subject, body: mail.text });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.temporal.close();
  }

  private async case(caseId: string): Promise<ComplianceCaseRow> {
    const kase = await this.compliance.findCase(caseId);
    if (!kase) throw new Error(`Compliance case ${caseId} is not in the database`);
    return kase;
  }

  /** A duty the case gives the department the campaign's matrix names for a function. */
  private async caseDuty(
    kase: ComplianceCaseRow,
    step: 'bidding_ban' | 'exposure',
    functionKey: string,
    at: number,
    assignedBy: Actor,
    text: { title: string; description: string },
  ): Promise<DutyWorkflowInput> {
    const routes = await this.campaigns.routes(kase.campaignId);
    const route = routes.find((r) => r.kind === 'function' && r.key === functionKey);
    if (!route) throw new Error(`The duty matrix of campaign ${kase.campaignId} names no department for function ${functionKey}`);
    const policy = await this.dutyPolicy(kase.campaignId);
    return {
      assignment: {
        dutyId: complianceDutyId(kase.id, step),
        departmentId: route.departmentId,
        title: text.title.slice(0, 200),
        description: text.description,
        assignedAt: at,
        dueAt: applyClockOffset(at, { workingDays: CASE_DUTY_WORKING_DAYS }, 1, policy),
        assignedBy,
      },
      policy,
    };
  }

  private async policy(): Promise<CompliancePolicy> {
    const calendar = await this.calendars.allCurrentDays();
    const seconds = this.config.workingDaySeconds;
    return { ...DEFAULT_COMPLIANCE_POLICY, calendar, ...(seconds === undefined ? {} : { workingDayMs: seconds * 1000 }) };
  }

  /** The campaign's own ladder on the office's calendar. */
  private async dutyPolicy(campaignId: string): Promise<DutyClockPolicy> {
    const [campaign, calendar] = await Promise.all([this.campaigns.findById(campaignId), this.calendars.allCurrentDays()]);
    const seconds = this.config.workingDaySeconds;
    return {
      ...DEFAULT_DUTY_CLOCK_POLICY,
      ...(campaign ? campaign.clockPolicy : {}),
      calendar,
      ...(seconds === undefined ? {} : { workingDayMs: seconds * 1000 }),
    };
  }

  private async sendToOffice(key: string, subject: string, body: string): Promise<void> {
    const office = await this.users.officeEmails();
    if (office.length > 0) await this.mail.send({ key, recipients: office, subject, body });
  }
}
