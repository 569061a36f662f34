import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { WorkflowNotFoundError } from '@temporalio/client';
import { isUUID } from 'class-validator';
import { DUBAN_CONFIG, type DubanConfig } from '@duban/config';
import { assertMay, canReadComplianceCase, complianceCaseTarget, DomainError, DomainErrorCode, FINDING_LABELS, inactiveUnitsRefusal, type Actor } from '@duban/domain';
import type { ComplianceCaseDetail, ComplianceCaseList, ComplianceRun, ExposureDecisionAnswer } from '@duban/contracts';
import { readNoticeLink, renderRectificationNotice } from '@duban/mail';
import { CampaignRepository, ComplianceEvidenceRepository, ComplianceRepository, DepartmentRepository, type ComplianceCaseRow } from '@duban/persistence';
import {
  complianceCaseActionUpdate,
  complianceCaseLiveStateQuery,
  complianceCaseWorkflowId,
  complianceRunWorkflowId,
  exposureDecisionUpdate,
  type ComplianceCaseLiveState,
  type ComplianceRunInput,
} from '@duban/workflows';
import { startWorkflow } from '@duban/temporal-client';
import { MATCHES_NOTHING } from '../common/matches-nothing';
import { assertExportable, exportPage, type ExportTable } from '../common/table-export';
import { callTemporal, temporalClient } from '../temporal/temporal-calls';
import { TemporalClientProvider } from '../temporal/temporal-client.provider';
import { stageWord } from './compliance-words';
import type { ComplianceCaseActionDto, ExposureDecisionDto, ListComplianceCasesQuery, StartComplianceRunDto } from './compliance.dto';
import { caseStepView, caseTransitionView, complianceCaseView, complianceLiveView, complianceRunView, noticeOpeningView } from './compliance.views';

@Injectable()
export class ComplianceService {
  private readonly logger = new Logger(ComplianceService.name);

  constructor(
    @Inject(DUBAN_CONFIG) private readonly config: DubanConfig,
    private readonly compliance: ComplianceRepository,
    private readonly evidence: ComplianceEvidenceRepository,
    private readonly campaigns: CampaignRepository,
    private readonly temporal: TemporalClientProvider,
    private readonly departments: DepartmentRepository,
  ) {}

  /** Records the run, then starts its workflow; findings become cases of the running campaign. */
  async startRun(actor: Actor, dto: StartComplianceRunDto): Promise<ComplianceRun> {
    const campaign = await this.campaigns.findById(dto.campaignId);
    if (!campaign) throw new DomainError(DomainErrorCode.CampaignNotFound, `No campaign with id ${dto.campaignId}`);
    if (campaign.status !== 'active') {
      throw new DomainError(DomainErrorCode.CampaignNotRunning, `Campaign "${campaign.name}" is ${campaign.status}: findings join a running campaign (launch a phase first)`, {
        status: campaign.status,
      });
    }
    const client = await temporalClient(this.temporal, this.logger);
    const id = randomUUID();
    await this.compliance.createRun({ id, campaignId: campaign.id, actor, reason: dto.reason ?? null, requestedAt: new Date() });
    const input: ComplianceRunInput = { runId: id, campaignId: campaign.id, actor };
    await callTemporal(
      () => startWorkflow(client, 'ComplianceRunWorkflow', { taskQueue: this.temporal.taskQueue, workflowId: complianceRunWorkflowId(id), args: [input] }),
      this.logger,
    );
    return this.run(actor, id);
  }

  async run(actor: Actor, runId: string): Promise<ComplianceRun> {
    assertMay(actor, 'compliance-run.read');
    const run = isUUID(runId) ? await this.compliance.run(runId) : null;
    if (!run) throw new DomainError(DomainErrorCode.ComplianceRunNotFound, `No comparison run with id ${runId}`);
    return complianceRunView(run);
  }

  /** Office and viewers see every case; officers their department's; inspectors their team's. */
  async list(actor: Actor, query: ListComplianceCasesQuery): Promise<ComplianceCaseList> {
    const { items, total } = await this.listPage(actor, query, { limit: query.limit ?? 50, offset: query.offset ?? 0 });
    return { items: items.map(complianceCaseView), total };
  }

  /** The cases the list shows, as a table: every matching one (up to MAX_EXPORT_ROWS) unless limit/offset are given. */
  async listTable(actor: Actor, query: ListComplianceCasesQuery): Promise<ExportTable> {
    const { explicit, ...page } = exportPage(query, 50);
    const { items, total } = await this.listPage(actor, query, page);
    if (!explicit) assertExportable(total);
    return {
      asciiBase: 'compliance-cases',
      chineseBase: '参保问题案件',
      header: [
        '统一社会信用代码',
        '单位名称',
        '问题',
        '阶段',
        '责任单位',
        '行业',
        '县区',
        '限期改正通知书',
        '下达时间(北京时间)',
        '整改期限(北京时间)',
        '发现时间(北京时间)',
        '结案时间(北京时间)',
        '案件编号',
      ],
      rows: items.map((c) => [
        c.creditCode,
        c.unitName,
        FINDING_LABELS[c.finding] ?? c.finding,
        stageWord(c.state, c.outcome),
        c.departmentName,
        c.sectorKey,
        c.districtName,
        c.noticeNumber,
        c.noticeIssuedAt,
        c.noticeDeadline,
        c.createdAt,
        c.closedAt,
        c.id,
      ]),
    };
  }

  private listPage(actor: Actor, query: ListComplianceCasesQuery, page: { limit: number; offset: number }) {
    const reach = assertMay(actor, 'compliance-case.list');
    const scope =
      reach === 'own-department'
        ? { departmentId: actor.departmentId ?? MATCHES_NOTHING }
        : reach === 'own-team'
          ? { inspectionTeamId: actor.departmentId ?? MATCHES_NOTHING }
          : {};
    if (scope.departmentId && query.departmentId && query.departmentId !== scope.departmentId) {
      throw new DomainError(DomainErrorCode.ActionNotPermitted, "A department officer sees their own department's cases only");
    }
    const { format: _format, limit: _limit, offset: _offset, ...filter } = query;
    return this.compliance.listCases({ ...filter, ...scope, ...page });
  }

  async get(actor: Actor, caseId: string): Promise<ComplianceCaseDetail> {
    const kase = await this.visibleCase(actor, caseId);
    const [transitions, steps, noticeOpenings] = await Promise.all([this.compliance.transitions(kase.id), this.compliance.steps(kase.id), this.compliance.noticeOpenings(kase.id)]);
    let workflow: ComplianceCaseLiveState | null = null;
    if (kase.state !== 'closed') {
      const client = await temporalClient(this.temporal, this.logger);
      try {
        workflow = await callTemporal(() => client.workflow.getHandle(complianceCaseWorkflowId(kase.id)).query(complianceCaseLiveStateQuery), this.logger);
      } catch (error) {
        // The run starts case workflows in batches: a case may be recorded a moment before its workflow.
        if (!(error instanceof WorkflowNotFoundError)) throw error;
      }
    }
    return {
      ...complianceCaseView(kase),
      transitions: transitions.map(caseTransitionView),
      steps: steps.map(caseStepView),
      noticeOpenings: noticeOpenings.map(noticeOpeningView),
      workflow: workflow && complianceLiveView(workflow),
    };
  }

  /** Through the case's workflow, which decides and records; the caller reads the case after it. */
  async act(actor: Actor, caseId: string, dto: ComplianceCaseActionDto): Promise<ComplianceCaseDetail> {
    const kase = await this.visibleCase(actor, caseId);
    // Checked against the record first for a clear answer: a closed case's workflow has ended
    // and takes no updates. The workflow checks again against its own state.
    if (!complianceCaseTarget(kase.state, dto.action)) {
      throw new DomainError(DomainErrorCode.ComplianceTransitionForbidden, `A case that is ${kase.state} cannot take the action ${dto.action}`, {
        state: kase.state,
        action: dto.action,
      });
    }
    if (dto.rectification) {
      const known = await this.evidence.idsOfCase(kase.id, dto.rectification.evidenceIds);
      const unknown = dto.rectification.evidenceIds.filter((id) => !known.has(id));
      if (unknown.length > 0) {
        throw new DomainError(DomainErrorCode.InvalidComplianceAction, 'The rectification names evidence that is not a file of this case', {
          fields: { 'rectification.evidenceIds': [`not evidence of this case: ${unknown.join(', ')}`] },
        });
      }
    }
    const deadline = dto.deadline === undefined ? undefined : Date.parse(dto.deadline);
    const client = await temporalClient(this.temporal, this.logger);
    await callTemporal(
      () =>
        client.workflow.getHandle(complianceCaseWorkflowId(kase.id)).executeUpdate(complianceCaseActionUpdate, {
          args: [{ action: dto.action, actor, reason: dto.reason, deadline, rectification: dto.rectification }],
        }),
      this.logger,
    );
    return this.get(actor, kase.id);
  }

  async noticePage(actor: Actor, caseId: string): Promise<string> {
    const kase = await this.visibleCase(actor, caseId);
    if (!kase.noticeNumber || !kase.noticeIssuedAt || !kase.noticeDeadline) {
      throw new DomainError(DomainErrorCode.ComplianceTransitionForbidden, 'No rectification order has been issued for this case yet');
    }
    return this.renderNotice(kase);
  }

  /**
   * The employer's view of its notice, through the signed link of the notice e-mail (no
   * account): that one page, read-only. Every opening is recorded. A token Duban did not sign
   * (or for a case with no notice) is 404, one whose time is over 410.
   */
  async noticeByLink(token: string, client: { address: string; userAgent: string | null }): Promise<string> {
    const link = readNoticeLink(this.config.jwt.secret, token);
    if (!link) throw new DomainError(DomainErrorCode.NoticeLinkNotFound, 'No notice answers this link');
    if (link.expired) {
      throw new DomainError(DomainErrorCode.NoticeLinkExpired, 'This link to the rectification order has expired; ask the issuing department for the notice', {
        expiredAt: link.expiresAt.toISOString(),
      });
    }
    const kase = await this.compliance.findCase(link.caseId);
    if (!kase?.noticeNumber || !kase.noticeIssuedAt || !kase.noticeDeadline) throw new DomainError(DomainErrorCode.NoticeLinkNotFound, 'No notice answers this link');
    const page = await this.renderNotice(kase);
    await this.compliance.recordNoticeOpening({ caseId: kase.id, clientAddress: client.address, userAgent: client.userAgent, linkExpiresAt: link.expiresAt });
    return page;
  }

  private async renderNotice(kase: ComplianceCaseRow): Promise<string> {
    const campaign = await this.campaigns.findById(kase.campaignId);
    return renderRectificationNotice({
      noticeNumber: kase.noticeNumber!,
      unitName: kase.unitName,
      creditCode: kase.creditCode,
      finding: kase.finding,
      evidenceOfFinding: kase.evidenceOfFinding,
      issuedAt: kase.noticeIssuedAt!,
      deadline: kase.noticeDeadline!,
      issuerName: kase.departmentName,
      campaignName: campaign?.name ?? '',
      link: `${this.config.http.publicUrl}/compliance-cases/${kase.id}/notice`,
    }).html;
  }

  async decideExposure(actor: Actor, proposalId: string, dto: ExposureDecisionDto): Promise<ExposureDecisionAnswer> {
    const proposal = isUUID(proposalId) ? await this.compliance.exposureProposal(proposalId) : null;
    if (!proposal) throw new DomainError(DomainErrorCode.ExposureProposalNotFound, `No exposure proposal with id ${proposalId}`);
    if (proposal.status !== 'proposed') {
      throw new DomainError(DomainErrorCode.ExposureAlreadyDecided, `The exposure proposal is already ${proposal.status}`, { status: proposal.status });
    }
    if (dto.decision === 'approve') await this.assertExposureUnitActive(proposal.caseId);
    const client = await temporalClient(this.temporal, this.logger);
    const live = await callTemporal(
      () =>
        client.workflow
          .getHandle(complianceCaseWorkflowId(proposal.caseId))
          .executeUpdate(exposureDecisionUpdate, { args: [{ decision: dto.decision, actor, reason: dto.reason }] }),
      this.logger,
    );
    return { proposalId, caseId: proposal.caseId, exposure: live.exposure, dutyIds: live.dutyIds };
  }

  /** An approved exposure gives the unit the campaign's matrix names for publishing a new duty: not a deactivated one. */
  private async assertExposureUnitActive(caseId: string): Promise<void> {
    const kase = await this.compliance.findCase(caseId);
    if (!kase) return;
    const route = (await this.campaigns.routes(kase.campaignId)).find((r) => r.kind === 'function' && r.key === 'exposure');
    const unit = route ? await this.departments.findById(route.departmentId) : null;
    const refusal = unit ? inactiveUnitsRefusal([{ ...unit, active: unit.active !== false }]) : null;
    if (refusal) throw refusal;
  }

  private async visibleCase(actor: Actor, caseId: string): Promise<ComplianceCaseRow> {
    const kase = isUUID(caseId) ? await this.compliance.findCase(caseId) : null;
    if (!kase) throw new DomainError(DomainErrorCode.ComplianceCaseNotFound, `No compliance case with id ${caseId}`);
    if (!canReadComplianceCase(actor, kase)) throw new DomainError(DomainErrorCode.ActionNotPermitted, 'This compliance case is not routed to you');
    return kase;
  }
}
