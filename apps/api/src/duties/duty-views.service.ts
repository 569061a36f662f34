import { BadRequestException, Injectable } from '@nestjs/common';
import { DomainError, DomainErrorCode, DUTY_STATES, dutyListDepartment, type Actor, type DutyState } from '@duban/domain';
import {
  DepartmentRepository,
  DutyQueryRepository,
  type DepartmentEntity,
  type DutyGroupStats,
  type DutyListRow,
  emptyDutyGroupCounts,
  type DutyQueryFilter,
  type OverdueDutyRow,
} from '@duban/persistence';
import { assertExportable, MAX_EXPORT_ROWS, type ExportTable } from '../common/table-export';
import type { CsvValue } from './csv';
import type { DutyStatsQuery, DutyViewQuery, OverdueQuery } from './duty-views.dto';
import type { DutyGroupCounts, DutyInbox, DutyList, DutyStats, OverdueList, OverdueListItem } from '@duban/contracts';
import { toDutyGroupStats, toDutyListItem as toItem } from './duty-views.views';

const DEFAULT_PAGE = 50;
/** A CSV export without limit holds every matching row, up to this many. */
/** Open: not accepted or cancelled. The inbox shows these unless a state filter says otherwise. */
const OPEN_STATES: DutyState[] = DUTY_STATES.filter((state) => state !== 'accepted' && state !== 'cancelled');

export const STATE_LABELS: Record<DutyState, string> = {
  assigned: '已交办',
  acknowledged: '已签收',
  in_progress: '办理中',
  submitted: '已提交',
  returned: '已退回',
  accepted: '已办结',
  cancelled: '已撤销',
};

const STEP_LABELS: Record<string, string> = {
  overdue: '逾期催办',
  chase_head: '催办部门负责人',
  leading_group: '报告领导小组',
};

/** 2天3小时5分钟; under a minute says so. */
export function overdueText(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = [days ? `${days}天` : '', hours ? `${hours}小时` : '', rest ? `${rest}分钟` : ''].join('');
  return parts || '不足1分钟';
}

const DUTY_CSV_HEADER = [
  '事项编号',
  '标题',
  '状态',
  '责任单位',
  '专项行动',
  '阶段',
  '县区',
  '交办时间(北京时间)',
  '办结期限(北京时间)',
  '最后变更(北京时间)',
  '办结时间(北京时间)',
  '是否逾期',
  '逾期起始(北京时间)',
  '阶段结束时未办结',
  '退回次数',
];

function dutyCsvCells(item: DutyListRow): CsvValue[] {
  return [
    item.id,
    item.title,
    STATE_LABELS[item.state],
    item.departmentName,
    item.campaignName,
    item.phaseName,
    item.districtName,
    item.assignedAt,
    item.dueAt,
    item.updatedAt,
    item.closedAt,
    item.overdueSince !== null && item.closedAt === null,
    item.overdueSince,
    item.late,
    item.returnCount,
  ];
}

/**
 * The inbox, the office's views across departments and the overdue list, as JSON or CSV.
 * Who sees what follows the duty rules: the office and viewers everything, a department
 * officer their own department only, inspectors nothing.
 */
@Injectable()
export class DutyViewsService {
  constructor(
    private readonly queries: DutyQueryRepository,
    private readonly departments: DepartmentRepository,
  ) {}

  /** A department's inbox: the officer's own; the office and viewers name the department. */
  async inbox(actor: Actor, query: DutyViewQuery): Promise<DutyInbox> {
    const department = await this.inboxDepartment(actor, query);
    const filter = this.filterOf(query, department.id);
    const list = await this.list({ ...filter, states: filter.states ?? OPEN_STATES }, query);
    return { department: { id: department.id, code: department.code, name: department.name }, ...list };
  }

  async inboxTable(actor: Actor, query: DutyViewQuery): Promise<ExportTable> {
    const department = await this.inboxDepartment(actor, query);
    const filter = this.filterOf(query, department.id);
    const rows = await this.exportRows({ ...filter, states: filter.states ?? OPEN_STATES }, query);
    return { asciiBase: `inbox-${department.code}`, chineseBase: `督办事项-${department.name}`, header: DUTY_CSV_HEADER, rows: rows.map(dutyCsvCells) };
  }

  async duties(actor: Actor, query: DutyViewQuery): Promise<DutyList> {
    return this.list(this.filterOf(query, dutyListDepartment(actor, query.departmentId)), query);
  }

  async dutiesTable(actor: Actor, query: DutyViewQuery): Promise<ExportTable> {
    const rows = await this.exportRows(this.filterOf(query, dutyListDepartment(actor, query.departmentId)), query);
    return { asciiBase: 'duties', chineseBase: '督办事项', header: DUTY_CSV_HEADER, rows: rows.map(dutyCsvCells) };
  }

  async overdue(actor: Actor, query: OverdueQuery, now = Date.now()): Promise<OverdueList> {
    const filter = this.scopeFilter(query, dutyListDepartment(actor, query.departmentId));
    const limit = query.limit ?? DEFAULT_PAGE;
    const offset = query.offset ?? 0;
    const { rows, total } = await this.queries.overdue(filter, { limit, offset });
    return { items: rows.map((row) => this.toOverdueItem(row, now)), total, limit, offset };
  }

  async overdueTable(actor: Actor, query: OverdueQuery, now = Date.now()): Promise<ExportTable> {
    const filter = this.scopeFilter(query, dutyListDepartment(actor, query.departmentId));
    const explicitPage = query.limit !== undefined || query.offset !== undefined;
    const { rows, total } = await this.queries.overdue(
      filter,
      explicitPage ? { limit: query.limit ?? DEFAULT_PAGE, offset: query.offset ?? 0 } : { limit: MAX_EXPORT_ROWS + 1, offset: 0 },
    );
    if (!explicitPage) assertExportable(total);
    const header = [
      '事项编号',
      '标题',
      '状态',
      '责任单位',
      '专项行动',
      '阶段',
      '县区',
      '办结期限(北京时间)',
      '逾期起始(北京时间)',
      '逾期时长',
      '逾期分钟数',
      '最近升级步骤',
      '升级时间(北京时间)',
    ];
    const cells = rows.map((row): CsvValue[] => {
      const overdueMs = Math.max(0, now - row.dueAt.getTime());
      return [
        row.id,
        row.title,
        STATE_LABELS[row.state],
        row.departmentName,
        row.campaignName,
        row.phaseName,
        row.districtName,
        row.dueAt,
        row.overdueSince,
        overdueText(overdueMs),
        Math.floor(overdueMs / 60_000),
        row.lastEscalationStep ? (STEP_LABELS[row.lastEscalationStep] ?? row.lastEscalationStep) : null,
        row.lastEscalationAt,
      ];
    });
    return { asciiBase: 'overdue-duties', chineseBase: '逾期督办事项', header, rows: cells };
  }

  /** Per department (or district): counts by state, open, overdue, late, returns, on time vs late. */
  async stats(actor: Actor, query: DutyStatsQuery): Promise<DutyStats> {
    const groupBy = query.groupBy ?? 'department';
    const filter: DutyQueryFilter = {
      campaignId: query.campaignId,
      phaseId: query.phaseId,
      districtId: query.districtId,
      departmentId: dutyListDepartment(actor, undefined, 'duty-statistics.read'),
    };
    const rows = await this.queries.statsBy(groupBy, filter);
    return { groupBy, rows: rows.map(toDutyGroupStats), totals: totalsOf(rows) };
  }

  async statsTable(actor: Actor, query: DutyStatsQuery): Promise<ExportTable> {
    const { groupBy, rows, totals } = await this.stats(actor, query);
    const header = [
      groupBy === 'district' ? '县区编码' : '单位编码',
      groupBy === 'district' ? '县区' : '责任单位',
      '事项总数',
      ...DUTY_STATES.map((state) => STATE_LABELS[state]),
      '未办结',
      '逾期未办结',
      '阶段结束时未办结',
      '退回次数',
      '按期办结',
      '超期办结',
    ];
    const line = (code: string, name: string, s: DutyGroupCounts): CsvValue[] => [
      code,
      name,
      s.total,
      ...DUTY_STATES.map((state) => s.byState[state]),
      s.open,
      s.overdue,
      s.late,
      s.returns,
      s.closedOnTime,
      s.closedLate,
    ];
    const cells = [...rows.map((row) => line(row.code, row.name, row)), line('', '合计', totals)];
    const names = groupBy === 'district' ? { asciiBase: 'district-stats', chineseBase: '县区督办情况' } : { asciiBase: 'department-stats', chineseBase: '部门督办情况' };
    return { ...names, header, rows: cells };
  }

  private async list(filter: DutyQueryFilter, query: DutyViewQuery): Promise<DutyList> {
    const sort = { key: query.sort ?? 'dueAt', order: query.order ?? 'asc' } as const;
    const limit = query.limit ?? DEFAULT_PAGE;
    const offset = query.offset ?? 0;
    const [rows, total, countsByState] = await Promise.all([this.queries.list(filter, sort, { limit, offset }), this.queries.count(filter), this.queries.countByState(filter)]);
    return { items: rows.map(toItem), total, limit, offset, sort, countsByState };
  }

  /** Every matching row, or the page asked for when limit/offset are given. */
  private async exportRows(filter: DutyQueryFilter, query: DutyViewQuery): Promise<DutyListRow[]> {
    const sort = { key: query.sort ?? 'dueAt', order: query.order ?? 'asc' } as const;
    if (query.limit !== undefined || query.offset !== undefined) {
      return this.queries.list(filter, sort, { limit: query.limit ?? DEFAULT_PAGE, offset: query.offset ?? 0 });
    }
    assertExportable(await this.queries.count(filter));
    return this.queries.list(filter, sort, null);
  }

  private toOverdueItem(row: OverdueDutyRow, now: number): OverdueListItem {
    return {
      ...toItem(row),
      overdueForMs: Math.max(0, now - row.dueAt.getTime()),
      lastEscalation: row.lastEscalationStep && row.lastEscalationAt ? { step: row.lastEscalationStep, firedAt: row.lastEscalationAt.toISOString() } : null,
    };
  }

  private filterOf(query: DutyViewQuery, departmentId: string | undefined): DutyQueryFilter {
    return {
      ...this.scopeFilter(query, departmentId),
      states: query.state && query.state.length > 0 ? query.state : undefined,
      overdue: query.overdue,
      late: query.late,
      dueBefore: query.dueBefore !== undefined ? new Date(query.dueBefore) : undefined,
      dueAfter: query.dueAfter !== undefined ? new Date(query.dueAfter) : undefined,
    };
  }

  private scopeFilter(query: OverdueQuery, departmentId: string | undefined): DutyQueryFilter {
    return { campaignId: query.campaignId, phaseId: query.phaseId, districtId: query.districtId, departmentId };
  }

  private async inboxDepartment(actor: Actor, query: DutyViewQuery): Promise<DepartmentEntity> {
    const departmentId = dutyListDepartment(actor, query.departmentId);
    if (departmentId === undefined) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'BAD_REQUEST',
        message: ['departmentId is required: an inbox belongs to one department'],
        fields: { departmentId: ['is required: an inbox belongs to one department'] },
      });
    }
    const department = await this.departments.findById(departmentId);
    if (!department) throw new DomainError(DomainErrorCode.DepartmentNotFound, `No department with id ${departmentId}`);
    return department;
  }
}

function totalsOf(rows: DutyGroupStats[]): DutyGroupCounts {
  const totals = emptyDutyGroupCounts();
  for (const row of rows) {
    totals.total += row.total;
    for (const state of DUTY_STATES) totals.byState[state] += row.byState[state];
    totals.open += row.open;
    totals.overdue += row.overdue;
    totals.late += row.late;
    totals.returns += row.returns;
    totals.closedOnTime += row.closedOnTime;
    totals.closedLate += row.closedLate;
  }
  return totals;
}
