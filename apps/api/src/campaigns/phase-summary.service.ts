import { Injectable } from '@nestjs/common';
import { DomainError, DomainErrorCode, DUTY_STATES, type Actor } from '@duban/domain';
import { DepartmentRepository } from '@duban/persistence';
import type { PhaseSummaryAnswer } from '@duban/contracts';
import type { ExportTable } from '../common/table-export';
import { CampaignLookup } from './campaign-lookup';
import { phaseSummaryRows, phaseView } from './campaigns.views';

/** A closed phase's summary: as JSON, and as the table its CSV and XLSX exports are made of. */
@Injectable()
export class PhaseSummaryService {
  constructor(
    private readonly lookup: CampaignLookup,
    private readonly departments: DepartmentRepository,
  ) {}

  /** A closed phase's summary, one row per department and per district (the CSV's rows). */
  async phaseSummary(actor: Actor, campaignId: string, phaseId: string): Promise<PhaseSummaryAnswer> {
    const { phase } = await this.lookup.visiblePhase(actor, campaignId, phaseId);
    if (!phase.summary) {
      throw new DomainError(DomainErrorCode.PhaseNotClosed, `Phase "${phase.name}" has not closed yet; its live state is at /live`);
    }
    const units = new Map((await this.departments.list()).map((d) => [d.id, d]));
    return { phase: phaseView(phase), rows: phaseSummaryRows(phase.summary, units) };
  }

  async phaseSummaryTable(actor: Actor, campaignId: string, phaseId: string): Promise<ExportTable> {
    const { phase, rows } = await this.phaseSummary(actor, campaignId, phaseId);
    return {
      asciiBase: `phase-summary-${phase.seq + 1}`,
      chineseBase: `${phase.name}-阶段小结`,
      header: ['范围', '单位代码', '单位', '事项数', '按时办结', '逾期', '阶段结束时未办结', '已撤销', ...DUTY_STATES],
      rows: rows.map((r) => [
        r.scope === 'department' ? '部门' : '县区',
        r.unitCode,
        r.unitName,
        r.total,
        r.onTime,
        r.late,
        r.openAtClose,
        r.cancelled,
        ...DUTY_STATES.map((s) => r.byState[s]),
      ]),
    };
  }
}
