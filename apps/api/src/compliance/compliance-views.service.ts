import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DomainError, DomainErrorCode, FINDING_LABELS, type Actor, type Finding } from '@duban/domain';
import { escapeHtml } from '@duban/mail';
import { ComplianceViewsRepository, UNIT_COMPLIANCE_STATUSES, type ExposureListRow, type UnitComplianceStatus } from '@duban/persistence';
import { csvFileNames, csvTime, toCsv } from '../duty-views/csv';

const NOBODY = '00000000-0000-0000-0000-000000000000';
const STATUS_WORDS: Record<UnitComplianceStatus, string> = {
  no_findings: '未发现问题',
  identified: '已发现',
  notified: '已下达限期改正',
  escalated: '逾期升级',
  rectified: '已整改',
  dismissed: '已撤销',
};

const day = (instant: Date | null) => (instant ? DateTime.fromJSDate(instant).setZone('Asia/Shanghai').toFormat('yyyy-MM-dd') : '');

/** The exposure list and the office's views of units and cases. */
@Injectable()
export class ComplianceViewsService {
  constructor(private readonly views: ComplianceViewsRepository) {}

  private assertOfficeOrViewer(actor: Actor, what: string): void {
    if (actor.role !== 'office' && actor.role !== 'viewer') throw new DomainError(DomainErrorCode.ActionNotPermitted, `${what} is the office's and the viewers'`);
  }

  async exposureList(actor: Actor): Promise<ExposureListRow[]> {
    this.assertOfficeOrViewer(actor, 'The exposure list');
    return this.views.exposureList();
  }

  exposureCsv(rows: ExposureListRow[]) {
    return {
      ...csvFileNames('exposure-list', '曝光名单'),
      content: toCsv(
        ['统一社会信用代码', '单位名称', '行业', '县区', '问题', '限期改正通知书', '整改期限', '批准时间', '批准人', '媒体发布事项状态'],
        rows.map((r) => [r.creditCode, r.unitName, r.sectorKey, r.districtName, FINDING_LABELS[r.finding as Finding], r.noticeNumber, csvTime(r.noticeDeadline), csvTime(r.approvedAt), r.approvedBy, r.mediaDutyState]),
      ),
    };
  }

  /** A printable page: the approved list only. */
  exposureHtml(rows: ExposureListRow[]): string {
    const title = '拒不参保和欠费单位曝光名单';
    const body = rows
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
<p>以下单位经限期改正仍未依法参保或缴纳社会保险费，经领导小组办公室批准，予以曝光。共 ${rows.length} 家。</p>
<table><thead><tr><th>序号</th><th>单位名称</th><th>统一社会信用代码</th><th>县区</th><th>问题</th><th>限期改正通知书</th><th>整改期限</th><th>批准日期</th></tr></thead>
<tbody>
${body}
</tbody></table>
<p class="noprint"><button onclick="window.print()">打印</button></p>
</body></html>`;
  }

  /** Units by compliance status per sector or district, every status present in each group (zeros included). */
  async unitsOverview(actor: Actor, groupBy: 'sector' | 'district') {
    this.assertOfficeOrViewer(actor, 'The units overview');
    const rows = await this.views.unitsByStatus(groupBy);
    const groups = new Map<string, { groupKey: string | null; groupName: string | null; total: number; byStatus: Record<UnitComplianceStatus, number> }>();
    for (const row of rows) {
      const key = row.groupKey ?? '';
      let group = groups.get(key);
      if (!group) {
        group = { groupKey: row.groupKey, groupName: row.groupName, total: 0, byStatus: Object.fromEntries(UNIT_COMPLIANCE_STATUSES.map((s) => [s, 0])) as Record<UnitComplianceStatus, number> };
        groups.set(key, group);
      }
      group.byStatus[row.status] += row.units;
      group.total += row.units;
    }
    return { groupBy, groups: [...groups.values()] };
  }

  unitsOverviewCsv(overview: Awaited<ReturnType<ComplianceViewsService['unitsOverview']>>) {
    return {
      ...csvFileNames(`units-by-${overview.groupBy}`, overview.groupBy === 'sector' ? '分行业参保状况' : '分县区参保状况'),
      content: toCsv(
        [overview.groupBy === 'sector' ? '行业' : '县区', '单位数', ...UNIT_COMPLIANCE_STATUSES.map((s) => STATUS_WORDS[s])],
        overview.groups.map((g) => [g.groupName ?? g.groupKey ?? '（未填）', g.total, ...UNIT_COMPLIANCE_STATUSES.map((s) => g.byStatus[s])]),
      ),
    };
  }

  /** Cases by stage. Officers count their department's cases; inspectors their team's. */
  casesOverview(actor: Actor, filter: { campaignId?: string; departmentId?: string; districtId?: string; sectorKey?: string }) {
    if (actor.role === 'department_officer') {
      if (filter.departmentId && filter.departmentId !== actor.departmentId) throw new DomainError(DomainErrorCode.ActionNotPermitted, "A department officer sees their own department's cases only");
      return this.views.casesByStage({ ...filter, departmentId: actor.departmentId ?? NOBODY });
    }
    if (actor.role === 'inspector') return this.views.casesByStage({ ...filter, inspectionTeamId: actor.departmentId ?? NOBODY });
    return this.views.casesByStage(filter);
  }

  casesOverviewCsv(overview: Awaited<ReturnType<ComplianceViewsService['casesOverview']>>) {
    return {
      ...csvFileNames('compliance-cases-by-stage', '案件分阶段统计'),
      content: toCsv(
        ['类别', '问题或步骤', '阶段或状态', '案件数'],
        [...overview.stages.map((s) => ['stage', s.finding, s.stage, s.cases]), ...overview.steps.map((s) => ['step', s.step, s.status, s.cases])],
      ),
    };
  }
}
