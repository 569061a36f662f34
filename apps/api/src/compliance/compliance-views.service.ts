import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import {
  assertMay,
  DomainError,
  DomainErrorCode,
  DUBAN_TIME_ZONE,
  ESCALATION_STEP_LABELS,
  EXPOSURE_LISTING_LABELS,
  FINDING_LABELS,
  UNIT_COMPLIANCE_STATUS_LABELS,
  UNIT_COMPLIANCE_STATUSES,
  type Actor,
  type ComplianceEscalationStep,
  type ExposureProposalStatus,
  type Finding,
} from '@duban/domain';
import { escapeHtml } from '@duban/mail';
import type { CasesOverview, ExposureListEntry, ExposureProposalList, UnitStatusCounts, UnitsOverview } from '@duban/contracts';
import { ComplianceViewsRepository, type ComplianceScope } from '@duban/persistence';
import type { ExportTable } from '../common/table-export';
import { csvTime } from '../duties/csv';
import { MATCHES_NOTHING } from '../common/matches-nothing';
import { STAGE_WORDS, STEP_STATUS_WORDS } from './compliance-words';
import { exposureListEntryView, exposureProposalView } from './compliance.views';

const zeroCounts = (): UnitStatusCounts => Object.fromEntries(UNIT_COMPLIANCE_STATUSES.map((s) => [s, 0])) as UnitStatusCounts;

/**
 * Whose cases a caller's counts cover: the office and viewers all; a department officer their
 * department's (another department named → 403); an inspector their team's (none without a team).
 */
function casesOf(actor: Actor, departmentId: string | undefined): ComplianceScope {
  const reach = assertMay(actor, 'compliance-case.list');
  if (reach === 'own-department') {
    if (departmentId && departmentId !== actor.departmentId)
      throw new DomainError(DomainErrorCode.ActionNotPermitted, "A department officer sees their own department's cases only");
    return { departmentId: actor.departmentId ?? MATCHES_NOTHING };
  }
  if (reach === 'own-team') return { departmentId, inspectionTeamId: actor.departmentId ?? MATCHES_NOTHING };
  return { departmentId };
}

const at = (instant: string | null): Date | null => (instant ? new Date(instant) : null);
const day = (instant: string | null) => (instant ? DateTime.fromISO(instant).setZone(DUBAN_TIME_ZONE).toFormat('yyyy-MM-dd') : '');

/** The exposure list and the office's views of units and cases. */
@Injectable()
export class ComplianceViewsService {
  constructor(private readonly views: ComplianceViewsRepository) {}

  /** The public list (isPubliclyExposed), or with include=delisted also those taken off it; the printable page is public only. */
  async exposureList(actor: Actor, query: { format?: string; include?: 'delisted' } = {}): Promise<ExposureListEntry[]> {
    assertMay(actor, 'exposure.read');
    if (query.include === 'delisted' && query.format === 'html') {
      throw new DomainError(DomainErrorCode.InvalidExposureListQuery, 'The printable exposure list is the public list: it never shows units taken off it', {
        fields: { include: ['not with format=html: the printable page lists the units exposed now only'] },
      });
    }
    const rows = (await this.views.exposures()).map(exposureListEntryView);
    return query.include === 'delisted' ? rows : rows.filter((r) => r.listing === 'listed');
  }

  /** The proposals awaiting the office's decision and those decided (office and viewers). */
  async exposureProposals(actor: Actor, query: { status?: ExposureProposalStatus; limit?: number; offset?: number }): Promise<ExposureProposalList> {
    assertMay(actor, 'exposure-proposal.read');
    const page = { limit: query.limit ?? 50, offset: query.offset ?? 0 };
    const { items, total, countsByStatus } = await this.views.exposureProposals({ status: query.status, ...page });
    return { items: items.map(exposureProposalView), total, ...page, countsByStatus };
  }

  /** The public list's columns; with the units taken off it (include=delisted), where each stands, since when and why. */
  exposureTable(rows: ExposureListEntry[], withDelisted = false): ExportTable {
    const header = ['统一社会信用代码', '单位名称', '行业', '县区', '问题', '限期改正通知书', '整改期限', '批准时间', '批准人', '媒体发布事项状态'];
    return {
      asciiBase: withDelisted ? 'exposure-list-with-delisted' : 'exposure-list',
      chineseBase: withDelisted ? '曝光名单（含已撤出）' : '曝光名单',
      header: withDelisted ? [...header, '名单状态', '撤出时间', '撤出人', '撤出原因'] : header,
      rows: rows.map((r) => {
        const row = [
          r.creditCode,
          r.unitName,
          r.sectorKey,
          r.districtName,
          FINDING_LABELS[r.finding as Finding],
          r.noticeNumber,
          csvTime(at(r.noticeDeadline)),
          csvTime(at(r.approvedAt)),
          r.approvedBy,
          r.mediaDutyState,
        ];
        return withDelisted ? [...row, EXPOSURE_LISTING_LABELS[r.listing], csvTime(at(r.delistedAt)), r.delistedBy, r.delistedReason] : row;
      }),
    };
  }

  /** A printable page: the public list only, whatever rows it is given. */
  exposureHtml(rows: ExposureListEntry[]): string {
    const title = '拒不参保和欠费单位曝光名单';
    const listed = rows.filter((r) => r.listing === 'listed');
    const body = listed
      .map(
        (r, i) =>
          `<tr><td>${i + 1}</td><td>${escapeHtml(r.unitName ?? '')}</td><td>${escapeHtml(r.creditCode)}</td><td>${escapeHtml(r.districtName ?? '')}</td><td>${escapeHtml(FINDING_LABELS[r.finding as Finding])}</td><td>${escapeHtml(r.noticeNumber ?? '')}</td><td>${day(r.noticeDeadline)}</td><td>${day(r.approvedAt)}</td></tr>`,
      )
      .join('\n');
    return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title>
<style>
body { font-family: "SimSun", "Songti SC", serif; margin: 2em; } h1 { text-align: center; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #000; padding: 0.3em 0.5em; }
@media print { body { margin: 0; } .noprint { display: none; } }
</style></head><body>
<h1>${title}</h1>
<p>以下单位经限期改正仍未依法参保或缴纳社会保险费，经领导小组办公室批准，予以曝光。共 ${listed.length} 家。</p>
<table><thead><tr><th>序号</th><th>单位名称</th><th>统一社会信用代码</th><th>县区</th><th>问题</th><th>限期改正通知书</th><th>整改期限</th><th>批准日期</th></tr></thead>
<tbody>
${body}
</tbody></table>
<p class="noprint"><button onclick="window.print()">打印</button></p>
</body></html>`;
  }

  /**
   * Units by compliance status per sector or district, every status present in each group
   * (zeros included), and the totals over all groups. Officers and inspectors count the units
   * with a case of their department or team, by those cases only.
   */
  async unitsOverview(actor: Actor, groupBy: 'sector' | 'district'): Promise<UnitsOverview> {
    const scope = casesOf(actor, undefined);
    const rows = await this.views.unitsByStatus(groupBy, scope);
    const groups = new Map<string, { groupKey: string | null; groupName: string | null; total: number; byStatus: UnitStatusCounts }>();
    const totals = { units: 0, byStatus: zeroCounts() };
    for (const row of rows) {
      const key = row.groupKey ?? '';
      let group = groups.get(key);
      if (!group) {
        group = { groupKey: row.groupKey, groupName: row.groupName, total: 0, byStatus: zeroCounts() };
        groups.set(key, group);
      }
      group.byStatus[row.status] += row.units;
      group.total += row.units;
      totals.byStatus[row.status] += row.units;
      totals.units += row.units;
    }
    // Tells the console the counts are narrowed, as before: a display choice, not an access decision.
    return { groupBy, scoped: actor.role !== 'office' && actor.role !== 'viewer', groups: [...groups.values()], totals };
  }

  unitsOverviewTable(overview: UnitsOverview): ExportTable {
    const statusCells = (counts: UnitStatusCounts) => UNIT_COMPLIANCE_STATUSES.map((s) => counts[s]);
    return {
      asciiBase: `units-by-${overview.groupBy}`,
      chineseBase: overview.groupBy === 'sector' ? '分行业参保状况' : '分县区参保状况',
      header: [overview.groupBy === 'sector' ? '行业' : '县区', '单位数', ...UNIT_COMPLIANCE_STATUSES.map((s) => UNIT_COMPLIANCE_STATUS_LABELS[s])],
      rows: [
        ...overview.groups.map((g) => [g.groupName ?? g.groupKey ?? '（未填）', g.total, ...statusCells(g.byStatus)]),
        ['合计', overview.totals.units, ...statusCells(overview.totals.byStatus)],
      ],
    };
  }

  /** Cases by stage (finding × state, closed by outcome) and escalation steps by status. Officers count their department's cases; inspectors their team's. */
  async casesOverview(actor: Actor, filter: { campaignId?: string; departmentId?: string; districtId?: string; sectorKey?: string }): Promise<CasesOverview> {
    const { stages, steps } = await this.views.casesByStage({ ...filter, ...casesOf(actor, filter.departmentId) });
    return { stages, steps, total: stages.reduce((sum, s) => sum + s.cases, 0) };
  }

  casesOverviewTable(overview: CasesOverview): ExportTable {
    return {
      asciiBase: 'compliance-cases-by-stage',
      chineseBase: '案件分阶段统计',
      header: ['类别', '问题或措施', '阶段或状态', '案件数'],
      rows: [
        ...overview.stages.map((s) => ['案件阶段', FINDING_LABELS[s.finding as Finding] ?? s.finding, STAGE_WORDS[s.stage] ?? s.stage, s.cases]),
        ...overview.steps.map((s) => ['升级措施', ESCALATION_STEP_LABELS[s.step as ComplianceEscalationStep] ?? s.step, STEP_STATUS_WORDS[s.status] ?? s.status, s.cases]),
        ['合计', '', '', overview.total],
      ],
    };
  }
}
