import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DateTime } from 'luxon';
import {
  canReadComplianceCase,
  canReadInspectionCase,
  DomainError,
  DomainErrorCode,
  ENFORCEMENT_ACTION_LABELS,
  enforcementActionRefusal,
  FINDING_LABELS,
  type Actor,
  type EnforcementActionType,
  type Finding,
} from '@duban/domain';
import type { EnforcementAction, EnforcementHistory, HistoryEvent, InspectionCaseDetail, InspectionCaseList, InspectionTeam } from '@duban/contracts';
import { ComplianceEvidenceRepository, ComplianceRepository, DepartmentRepository, InspectionRepository, type InspectionCaseRow } from '@duban/persistence';
import type { EnforcementActionDto, ListInspectionCasesQuery } from './inspection-case.dto';
import { MATCHES_NOTHING } from '../common/matches-nothing';
import { assertExportable, exportPage, type ExportTable } from '../common/table-export';
import { STAGE_WORDS } from '../compliance/compliance-words';
import { complianceCaseView } from '../compliance/compliance.views';
import { enforcementActionView, inspectionCaseView } from './inspection-cases.views';


/** 409 when the inspection case is closed, or an exposure is logged that the office has not approved. */
function assertTakesAction(found: InspectionCaseRow, type: EnforcementActionType): void {
  if (found.status === 'closed') throw new DomainError(DomainErrorCode.InspectionCaseClosed, `The inspection case is closed (${found.closeReason ?? 'closed'}): it takes no more actions`);
  if (type === 'exposure' && found.exposureStatus !== 'approved') {
    const now = found.exposureStatus ? `the proposal is ${found.exposureStatus}` : 'no exposure has been proposed';
    throw new DomainError(DomainErrorCode.ExposureNotApproved, `The office must approve the exposure of this unit before it is exposed (${now})`);
  }
}

/** The inspectors' inbox and their log of enforcement actions; a unit's whole enforcement history. */
@Injectable()
export class InspectionCasesService {
  constructor(
    private readonly inspections: InspectionRepository,
    private readonly compliance: ComplianceRepository,
    private readonly evidence: ComplianceEvidenceRepository,
    private readonly departments: DepartmentRepository,
  ) {}

  teams(): Promise<InspectionTeam[]> {
    return this.departments.inspectionTeams();
  }

  /**
   * Inspectors see their team's cases; the office and viewers all (by team, or those no team
   * took); officers none. With the total for the filter and the open/closed counts without its status.
   */
  async list(actor: Actor, query: ListInspectionCasesQuery): Promise<InspectionCaseList> {
    const filter = this.filterOf(actor, query);
    const page = { limit: query.limit ?? 50, offset: query.offset ?? 0 };
    const { status: _status, ...withoutStatus } = filter;
    const [found, countsByStatus] = await Promise.all([this.inspections.list({ ...filter, ...page }), this.inspections.countsByStatus(withoutStatus)]);
    return { items: found.items.map(inspectionCaseView), total: found.total, ...page, countsByStatus };
  }

  /** The inbox as a table: every matching case (up to MAX_EXPORT_ROWS) unless limit/offset are given. */
  async listTable(actor: Actor, query: ListInspectionCasesQuery): Promise<ExportTable> {
    const { explicit, ...page } = exportPage(query, 50);
    const { items, total } = await this.inspections.list({ ...this.filterOf(actor, query), ...page });
    if (!explicit) assertExportable(total);
    return {
      asciiBase: 'inspection-cases',
      chineseBase: '劳动保障监察案件',
      header: ['统一社会信用代码', '单位名称', '问题', '案件阶段', '监察大队', '办理状态', '行业', '县区', '限期改正通知书', '整改期限(北京时间)', '移交时间(北京时间)', '执法措施次数', '最近执法措施', '最近措施日期', '办结时间(北京时间)', '监察案件编号'],
      rows: items.map((ic) => [
        ic.creditCode,
        ic.unitName,
        FINDING_LABELS[ic.finding as Finding] ?? ic.finding,
        STAGE_WORDS[ic.caseState] ?? ic.caseState,
        ic.teamName,
        ic.status === 'open' ? '办理中' : '已办结',
        ic.sectorKey,
        ic.districtName,
        ic.noticeNumber,
        ic.noticeDeadline,
        ic.openedAt,
        ic.actionCount,
        ic.lastActionType ? ENFORCEMENT_ACTION_LABELS[ic.lastActionType] : null,
        ic.lastActionDate,
        ic.closedAt,
        ic.id,
      ]),
    };
  }

  /** The filter a caller may use: an inspector their own team's cases only; officers none. */
  private filterOf(actor: Actor, query: ListInspectionCasesQuery) {
    if (actor.role === 'department_officer' || actor.role === 'admin') throw new DomainError(DomainErrorCode.ActionNotPermitted, 'Inspection cases are the inspectors’ and the office’s');
    const { format: _format, limit: _limit, offset: _offset, ...filter } = query;
    if (actor.role !== 'inspector') return filter;
    if (query.teamId && query.teamId !== actor.departmentId) throw new DomainError(DomainErrorCode.ActionNotPermitted, "An inspector sees their own team's cases only");
    return { ...filter, unassigned: false, teamId: actor.departmentId ?? MATCHES_NOTHING };
  }

  async get(actor: Actor, id: string): Promise<InspectionCaseDetail> {
    const found = await this.visible(actor, id);
    return { ...inspectionCaseView(found), actions: (await this.inspections.actions(found.id)).map(enforcementActionView) };
  }

  async logAction(actor: Actor, id: string, dto: EnforcementActionDto): Promise<EnforcementAction> {
    const found = await this.visible(actor, id, true);
    const refusal = enforcementActionRefusal(actor, { teamId: found.teamId ?? MATCHES_NOTHING, status: found.status });
    if (refusal) throw new DomainError(DomainErrorCode.ActionNotPermitted, refusal);
    const fields: Record<string, string[]> = {};
    if (dto.type === 'penalty' && dto.penaltyYuan === undefined) fields.penaltyYuan = ['a penalty states its amount in yuan'];
    if (dto.type !== 'penalty' && dto.penaltyYuan !== undefined) fields.penaltyYuan = ['only a penalty has an amount'];
    const today = DateTime.now().setZone('Asia/Shanghai').toISODate()!;
    if (!DateTime.fromISO(dto.date).isValid) fields.date = ['not a calendar date'];
    else if (dto.date > today) fields.date = ['an action is logged once taken: the date is not in the future'];
    const evidenceIds = dto.evidenceIds ?? [];
    if (evidenceIds.length > 0) {
      const known = await this.evidence.idsOfCase(found.caseId, evidenceIds);
      const unknown = evidenceIds.filter((e) => !known.has(e));
      if (unknown.length > 0) fields.evidenceIds = [`not evidence of this case: ${unknown.join(', ')}`];
    }
    if (Object.keys(fields).length > 0) throw new DomainError(DomainErrorCode.InvalidEnforcementAction, 'The enforcement action is not right', { fields });
    assertTakesAction(found, dto.type);
    const recorded = await this.inspections.recordAction({
      inspectionCaseId: found.id,
      creditCode: found.creditCode,
      type: dto.type,
      actionDate: dto.date,
      findings: dto.findings,
      outcome: dto.outcome ?? null,
      penaltyYuan: dto.penaltyYuan ?? null,
      evidenceIds,
      actor,
    });
    if (recorded) return enforcementActionView(recorded);
    // Closed, or the approval withdrawn, between the check and the write: say which.
    const now = await this.inspections.find(found.id);
    if (now) assertTakesAction(now, dto.type);
    throw new DomainError(DomainErrorCode.InspectionCaseClosed, 'The inspection case changed while the action was being logged; read it again');
  }

  /**
   * Everything done about a unit, oldest first: its cases' transitions and escalation steps, its
   * inspection cases and every enforcement action. Each reader sees what they may read of it.
   */
  async unitHistory(actor: Actor, creditCode: string): Promise<EnforcementHistory> {
    const { items: cases } = await this.compliance.listCases({ creditCode, limit: 200, offset: 0 });
    const readable = cases.filter((c) => canReadComplianceCase(actor, c));
    const inspectionCases = (await this.inspections.casesOfUnit(creditCode)).filter((ic) => canReadInspectionCase(actor, { teamId: ic.teamId ?? MATCHES_NOTHING }) || readable.some((c) => c.id === ic.caseId));
    const readableInspections = new Set(inspectionCases.map((ic) => ic.id));
    const actions = (await this.inspections.actionsOfUnit(creditCode)).filter((a) => readableInspections.has(a.inspectionCaseId));
    if (cases.length === 0 && actions.length === 0 && !(await this.compliance.unitExists(creditCode))) {
      throw new DomainError(DomainErrorCode.UnitNotFound, `No unit with credit code ${creditCode}`);
    }
    const events: HistoryEvent[] = [];
    for (const kase of readable) {
      for (const t of await this.compliance.transitions(kase.id)) {
        events.push({ at: t.occurredAt.toISOString(), kind: 'transition', caseId: kase.id, what: `${t.action}: ${t.fromState ?? '—'} → ${t.toState}`, who: t.actorUsername, details: { finding: kase.finding, reason: t.reason, ...t.details } });
      }
      for (const s of await this.compliance.steps(kase.id)) {
        const at = (s.takenAt ?? s.cancelledAt ?? s.dueAt).toISOString();
        events.push({ at, kind: 'escalation_step', caseId: kase.id, what: `${s.step} ${s.status}`, who: 'system', details: { dutyId: s.dutyId, ...s.details } });
      }
      // The office's decision on the exposure and, once the case closed, its withdrawal.
      const exposure = await this.compliance.exposureOfCase(kase.id);
      if (exposure?.decidedAt && exposure.status !== 'withdrawn') {
        events.push({ at: exposure.decidedAt.toISOString(), kind: 'exposure', caseId: kase.id, what: `exposure ${exposure.status}`, who: exposure.deciderUsername, details: { reason: exposure.decisionReason } });
      }
      if (exposure?.approvedAt && exposure.status === 'withdrawn') {
        events.push({ at: exposure.approvedAt.toISOString(), kind: 'exposure', caseId: kase.id, what: 'exposure approved', who: exposure.deciderUsername, details: { reason: exposure.decisionReason } });
      }
      // The employer opened its notice by the e-mail's link (no account: nobody to name).
      for (const o of await this.compliance.noticeOpenings(kase.id)) {
        events.push({ at: o.openedAt.toISOString(), kind: 'notice_opened', caseId: kase.id, what: 'notice opened by link', who: null, details: { clientAddress: o.clientAddress, userAgent: o.userAgent } });
      }
      if (exposure?.withdrawnAt) {
        events.push({ at: exposure.withdrawnAt.toISOString(), kind: 'exposure', caseId: kase.id, what: 'exposure withdrawn', who: exposure.withdrawerUsername, details: { reason: exposure.withdrawalReason } });
      }
    }
    for (const a of actions) {
      const kase = inspectionCases.find((ic) => ic.id === a.inspectionCaseId)!;
      events.push({
        at: a.recordedAt.toISOString(),
        kind: 'enforcement_action',
        caseId: kase.caseId,
        what: a.type,
        who: a.recorderUsername,
        details: { date: a.actionDate, findings: a.findings, outcome: a.outcome, penaltyYuan: a.penaltyYuan, evidenceIds: a.evidenceIds },
      });
    }
    events.sort((x, y) => x.at.localeCompare(y.at));
    return { creditCode, cases: readable.map(complianceCaseView), inspectionCases: inspectionCases.map(inspectionCaseView), actions: actions.map(enforcementActionView), events };
  }

  private async visible(actor: Actor, id: string, forAction = false): Promise<InspectionCaseRow> {
    const found = isUUID(id) ? await this.inspections.find(id) : null;
    if (!found) throw new DomainError(DomainErrorCode.InspectionCaseNotFound, `No inspection case with id ${id}`);
    // Whoever may act is checked by the caller: a reader who may not act hears 403 there.
    if (!forAction && !canReadInspectionCase(actor, { teamId: found.teamId ?? MATCHES_NOTHING })) {
      throw new DomainError(DomainErrorCode.ActionNotPermitted, 'This inspection case is assigned to another team');
    }
    return found;
  }
}
