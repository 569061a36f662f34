import { Injectable } from '@nestjs/common';
import {
  addFieldMessage,
  assertNoFieldProblems,
  canReadComplianceCase,
  canReadInspectionCase,
  DomainError,
  DomainErrorCode,
  routeKeyOf,
  unitFactProblems,
  unitFactSourceError,
  type Actor,
  type FieldMessages,
  type UnitFacts,
} from '@duban/domain';
import type { EnforcementHistory, HistoryEvent, UnitDetail, UnitList } from '@duban/contracts';
import { ComplianceRepository, DepartmentRepository, DutyMatrixRepository, InspectionRepository, UnitRepository } from '@duban/persistence';
import { MATCHES_NOTHING } from '../common/matches-nothing';
import { complianceCaseView } from '../compliance/compliance.views';
import { enforcementActionView, inspectionCaseView } from '../inspections/inspection-cases.views';
import type { ListUnitsQuery, RecordUnitFactsDto } from './unit.dto';
import { unitFactView, unitView } from './units.views';

@Injectable()
export class UnitsService {
  constructor(
    private readonly units: UnitRepository,
    private readonly departments: DepartmentRepository,
    private readonly matrix: DutyMatrixRepository,
    private readonly compliance: ComplianceRepository,
    private readonly inspections: InspectionRepository,
  ) {}

  /** Records what a department's data says about a unit (an upsert by credit code; the same facts again change nothing). */
  async record(actor: Actor, dto: RecordUnitFactsDto): Promise<{ changed: boolean; unit: UnitDetail }> {
    const refused = unitFactSourceError(actor, dto.source.departmentId, 'source.departmentId');
    if (refused) throw refused;
    const sourceDepartmentId = dto.source.departmentId ?? actor.departmentId!;
    const { source, ...rest } = dto;
    const facts: UnitFacts = rest;
    const fields: FieldMessages = unitFactProblems(facts);
    if (!(await this.departments.findById(sourceDepartmentId))) addFieldMessage(fields, 'source.departmentId', 'not a registered department');
    if (facts.districtId && (await this.departments.findById(facts.districtId))?.kind !== 'district') {
      addFieldMessage(fields, 'districtId', 'not a registered district');
    }
    if (facts.sectorKey) {
      const sectors = new Set((await this.matrix.list()).map((r) => routeKeyOf(r.kind, r.key)));
      if (!sectors.has(routeKeyOf('sector', facts.sectorKey))) addFieldMessage(fields, 'sectorKey', 'not a sector of the duty matrix');
    }
    assertNoFieldProblems(fields, DomainErrorCode.InvalidUnitFacts);
    const changed = await this.units.recordFacts(facts, { departmentId: sourceDepartmentId, file: source.file, date: source.date }, actor.userId);
    return { changed, unit: await this.get(actor, facts.creditCode) };
  }

  async get(_actor: Actor, creditCode: string): Promise<UnitDetail> {
    const unit = await this.units.find(creditCode);
    if (!unit) throw new DomainError(DomainErrorCode.UnitNotFound, `No unit with credit code ${creditCode}`);
    return { ...unitView(unit), facts: (await this.units.facts(creditCode)).map(unitFactView) };
  }

  async list(_actor: Actor, query: ListUnitsQuery): Promise<UnitList> {
    const { items, total } = await this.units.list(query);
    return { items: items.map(unitView), total };
  }

  /**
   * Everything done about a unit, oldest first: its cases' transitions and escalation steps, its
   * inspection cases and every enforcement action. Each reader sees what they may read of it.
   */
  async enforcementHistory(actor: Actor, creditCode: string): Promise<EnforcementHistory> {
    const { items: cases } = await this.compliance.listCases({ creditCode, limit: 200, offset: 0 });
    const readable = cases.filter((c) => canReadComplianceCase(actor, c));
    const inspectionCases = (await this.inspections.casesOfUnit(creditCode)).filter(
      (ic) => canReadInspectionCase(actor, { teamId: ic.teamId ?? MATCHES_NOTHING }) || readable.some((c) => c.id === ic.caseId),
    );
    const readableInspections = new Set(inspectionCases.map((ic) => ic.id));
    const actions = (await this.inspections.actionsOfUnit(creditCode)).filter((a) => readableInspections.has(a.inspectionCaseId));
    if (cases.length === 0 && actions.length === 0 && !(await this.compliance.unitExists(creditCode))) {
      throw new DomainError(DomainErrorCode.UnitNotFound, `No unit with credit code ${creditCode}`);
    }
    const events: HistoryEvent[] = [];
    for (const kase of readable) {
      for (const t of await this.compliance.transitions(kase.id)) {
        events.push({
          at: t.occurredAt.toISOString(),
          kind: 'transition',
          caseId: kase.id,
          what: `${t.action}: ${t.fromState ?? '—'} → ${t.toState}`,
          who: t.actorUsername,
          details: { finding: kase.finding, reason: t.reason, ...t.details },
        });
      }
      for (const s of await this.compliance.steps(kase.id)) {
        const at = (s.takenAt ?? s.cancelledAt ?? s.dueAt).toISOString();
        events.push({ at, kind: 'escalation_step', caseId: kase.id, what: `${s.step} ${s.status}`, who: 'system', details: { dutyId: s.dutyId, ...s.details } });
      }
      // The office's decision on the exposure and, once the case closed, its withdrawal.
      const exposure = await this.compliance.exposureOfCase(kase.id);
      if (exposure?.decidedAt && exposure.status !== 'withdrawn') {
        events.push({
          at: exposure.decidedAt.toISOString(),
          kind: 'exposure',
          caseId: kase.id,
          what: `exposure ${exposure.status}`,
          who: exposure.deciderUsername,
          details: { reason: exposure.decisionReason },
        });
      }
      if (exposure?.approvedAt && exposure.status === 'withdrawn') {
        events.push({
          at: exposure.approvedAt.toISOString(),
          kind: 'exposure',
          caseId: kase.id,
          what: 'exposure approved',
          who: exposure.deciderUsername,
          details: { reason: exposure.decisionReason },
        });
      }
      // The employer opened its notice by the e-mail's link (no account: nobody to name).
      for (const o of await this.compliance.noticeOpenings(kase.id)) {
        events.push({
          at: o.openedAt.toISOString(),
          kind: 'notice_opened',
          caseId: kase.id,
          what: 'notice opened by link',
          who: null,
          details: { clientAddress: o.clientAddress, userAgent: o.userAgent },
        });
      }
      if (exposure?.withdrawnAt) {
        events.push({
          at: exposure.withdrawnAt.toISOString(),
          kind: 'exposure',
          caseId: kase.id,
          what: 'exposure withdrawn',
          who: exposure.withdrawerUsername,
          details: { reason: exposure.withdrawalReason },
        });
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
}
