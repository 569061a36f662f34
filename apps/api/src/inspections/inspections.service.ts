import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DateTime } from 'luxon';
import {
  assertMay,
  canReadInspectionCase,
  DomainError,
  DomainErrorCode,
  DUBAN_TIME_ZONE,
  ENFORCEMENT_ACTION_LABELS,
  enforcementActionRefusal,
  FINDING_LABELS,
  type Actor,
  type EnforcementActionType,
  type Finding,
} from '@duban/domain';
import type { EnforcementAction, InspectionCaseDetail, InspectionCaseList, InspectionTeam } from '@duban/contracts';
import { ComplianceEvidenceRepository, DepartmentRepository, InspectionRepository, type InspectionCaseRow } from '@duban/persistence';
import type { EnforcementActionDto, ListInspectionCasesQuery } from './inspection-case.dto';
import { MATCHES_NOTHING } from '../common/matches-nothing';
import { assertExportable, exportPage, type ExportTable } from '../common/table-export';
import { STAGE_WORDS } from '../compliance/compliance-words';
import { enforcementActionView, inspectionCaseView } from './inspection-cases.views';

/** 409 when the inspection case is closed, or an exposure is logged that the office has not approved. */
function assertTakesAction(found: InspectionCaseRow, type: EnforcementActionType): void {
  if (found.status === 'closed')
    throw new DomainError(DomainErrorCode.InspectionCaseClosed, `The inspection case is closed (${found.closeReason ?? 'closed'}): it takes no more actions`);
  if (type === 'exposure' && found.exposureStatus !== 'approved') {
    const now = found.exposureStatus ? `the proposal is ${found.exposureStatus}` : 'no exposure has been proposed';
    throw new DomainError(DomainErrorCode.ExposureNotApproved, `The office must approve the exposure of this unit before it is exposed (${now})`);
  }
}

/** The inspectors' inbox and their log of enforcement actions. */
@Injectable()
export class InspectionCasesService {
  constructor(
    private readonly inspections: InspectionRepository,
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
      header: [
        '统一社会信用代码',
        '单位名称',
        '问题',
        '案件阶段',
        '监察大队',
        '办理状态',
        '行业',
        '县区',
        '限期改正通知书',
        '整改期限(北京时间)',
        '移交时间(北京时间)',
        '执法措施次数',
        '最近执法措施',
        '最近措施日期',
        '办结时间(北京时间)',
        '监察案件编号',
      ],
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
    const scope = assertMay(actor, 'inspection-case.read');
    const { format: _format, limit: _limit, offset: _offset, ...filter } = query;
    if (scope === 'all') return filter;
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
    const today = DateTime.now().setZone(DUBAN_TIME_ZONE).toISODate()!;
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
