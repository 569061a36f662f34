import type { DataSource } from 'typeorm';
import { DUTY_STATES, type DutyState } from '@duban/domain';

/** What a duty list can be narrowed by. Every field is optional; they combine with AND. */
export interface DutyQueryFilter {
  departmentId?: string;
  campaignId?: string;
  phaseId?: string;
  districtId?: string;
  /** Any of these states. */
  states?: readonly DutyState[];
  /** true: marked overdue and not closed; false: the others. */
  overdue?: boolean;
  /** The duty was still open when its phase closed. */
  late?: boolean;
  /** due_at < dueBefore (exclusive, so consecutive windows do not overlap). */
  dueBefore?: Date;
  /** due_at >= dueAfter (inclusive). */
  dueAfter?: Date;
}

export const DUTY_SORT_KEYS = ['dueAt', 'assignedAt', 'updatedAt', 'title', 'department'] as const;
export type DutySortKey = (typeof DUTY_SORT_KEYS)[number];
export type SortOrder = 'asc' | 'desc';

/** The only column names that reach ORDER BY: the caller's sort key picks one of these. */
const SORT_COLUMNS: Record<DutySortKey, string> = {
  dueAt: 'd.due_at',
  assignedAt: 'd.assigned_at',
  updatedAt: 'd.updated_at',
  title: 'd.title',
  department: 'dep.name',
};

export interface DutyPage {
  limit: number;
  offset: number;
}

/** A duty as lists show it, with the names of what it belongs to. */
export interface DutyListRow {
  id: string;
  title: string;
  state: DutyState;
  departmentId: string;
  departmentCode: string;
  departmentName: string;
  campaignId: string | null;
  campaignName: string | null;
  phaseId: string | null;
  phaseName: string | null;
  districtId: string | null;
  districtName: string | null;
  sectorKey: string | null;
  dueAt: Date;
  assignedAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  overdueSince: Date | null;
  returnCount: number;
  late: boolean;
}

export interface OverdueDutyRow extends DutyListRow {
  /** The last escalation step fired for the current due time, if any. */
  lastEscalationStep: string | null;
  lastEscalationAt: Date | null;
}

export type DutyGroupBy = 'department' | 'district';

/** Which duties column a group-by key groups on (whitelisted, like the sort columns). */
const GROUP_COLUMNS: Record<DutyGroupBy, string> = { department: 'd.department_id', district: 'd.district_id' };

export interface DutyGroupStats {
  id: string;
  code: string;
  name: string;
  kind: 'department' | 'district';
  total: number;
  byState: Record<DutyState, number>;
  open: number;
  overdue: number;
  late: number;
  /** Sum of return_count: how often the office sent results back. */
  returns: number;
  /** Accepted at or before the due time. */
  closedOnTime: number;
  /** Accepted after the due time. */
  closedLate: number;
}

export type DutyGroupCounts = Omit<DutyGroupStats, 'id' | 'code' | 'name' | 'kind'>;

/** All counts at zero: the start of a group's, or of the totals', tally. */
export function emptyDutyGroupCounts(): DutyGroupCounts {
  return {
    total: 0,
    byState: Object.fromEntries(DUTY_STATES.map((state) => [state, 0])) as Record<DutyState, number>,
    open: 0,
    overdue: 0,
    late: 0,
    returns: 0,
    closedOnTime: 0,
    closedLate: 0,
  };
}

const LIST_COLUMNS = `
  d.id, d.title, d.state, d.department_id AS "departmentId", dep.code AS "departmentCode",
  dep.name AS "departmentName", d.campaign_id AS "campaignId", c.name AS "campaignName",
  d.phase_id AS "phaseId", p.name AS "phaseName", d.district_id AS "districtId",
  dist.name AS "districtName", d.sector_key AS "sectorKey", d.due_at AS "dueAt",
  d.assigned_at AS "assignedAt", d.updated_at AS "updatedAt", d.closed_at AS "closedAt",
  d.overdue_since AS "overdueSince", d.return_count AS "returnCount", d.late`;

const LIST_FROM = `
  FROM duties d
  JOIN departments dep ON dep.id = d.department_id
  LEFT JOIN campaigns c ON c.id = d.campaign_id
  LEFT JOIN campaign_phases p ON p.id = d.phase_id
  LEFT JOIN departments dist ON dist.id = d.district_id`;

/** Overdue as the lists mean it: the clock marked the duty and it is not closed yet. */
const OVERDUE = 'd.overdue_since IS NOT NULL AND d.closed_at IS NULL';

/** Builds a parameterised WHERE clause; values only ever travel as $n parameters. */
class Conditions {
  readonly clauses: string[] = [];
  readonly params: unknown[] = [];

  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  add(clause: string): void {
    this.clauses.push(clause);
  }

  get sql(): string {
    return this.clauses.length > 0 ? `WHERE ${this.clauses.join(' AND ')}` : '';
  }
}

function conditionsOf(filter: DutyQueryFilter, extra: string[] = []): Conditions {
  const where = new Conditions();
  if (filter.departmentId !== undefined) where.add(`d.department_id = ${where.param(filter.departmentId)}`);
  if (filter.campaignId !== undefined) where.add(`d.campaign_id = ${where.param(filter.campaignId)}`);
  if (filter.phaseId !== undefined) where.add(`d.phase_id = ${where.param(filter.phaseId)}`);
  if (filter.districtId !== undefined) where.add(`d.district_id = ${where.param(filter.districtId)}`);
  if (filter.states !== undefined && filter.states.length > 0) where.add(`d.state = ANY(${where.param([...filter.states])}::varchar[])`);
  if (filter.overdue !== undefined) where.add(filter.overdue ? `(${OVERDUE})` : `NOT (${OVERDUE})`);
  if (filter.late !== undefined) where.add(`d.late = ${where.param(filter.late)}`);
  if (filter.dueBefore !== undefined) where.add(`d.due_at < ${where.param(filter.dueBefore)}`);
  if (filter.dueAfter !== undefined) where.add(`d.due_at >= ${where.param(filter.dueAfter)}`);
  for (const clause of extra) where.add(clause);
  return where;
}

const orderOf = (order: SortOrder) => (order === 'desc' ? 'DESC' : 'ASC');

/**
 * Read-only queries behind the inbox, the office's views and their exports. Plain SQL with
 * parameters; the only identifiers that vary come from the whitelists above.
 */
export class DutyQueryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One page of duties (all of them when page is null), sorted, with a stable tie-break by id. */
  async list(filter: DutyQueryFilter, sort: { key: DutySortKey; order: SortOrder }, page: DutyPage | null): Promise<DutyListRow[]> {
    const where = conditionsOf(filter);
    const direction = orderOf(sort.order);
    let sql = `SELECT ${LIST_COLUMNS} ${LIST_FROM} ${where.sql}
               ORDER BY ${SORT_COLUMNS[sort.key]} ${direction}, d.id ${direction}`;
    if (page) sql += ` LIMIT ${where.param(page.limit)} OFFSET ${where.param(page.offset)}`;
    return this.dataSource.query(sql, where.params);
  }

  async count(filter: DutyQueryFilter): Promise<number> {
    const where = conditionsOf(filter);
    const rows: Array<{ total: number }> = await this.dataSource.query(`SELECT COUNT(*)::int AS total FROM duties d ${where.sql}`, where.params);
    return rows[0].total;
  }

  /** How many duties are in each state under the filter (its state condition left out). */
  async countByState(filter: DutyQueryFilter): Promise<Record<DutyState, number>> {
    const where = conditionsOf({ ...filter, states: undefined });
    const rows: Array<{ state: DutyState; count: number }> = await this.dataSource.query(
      `SELECT d.state, COUNT(*)::int AS count FROM duties d ${where.sql} GROUP BY d.state`,
      where.params,
    );
    const counts = Object.fromEntries(DUTY_STATES.map((state) => [state, 0])) as Record<DutyState, number>;
    for (const row of rows) counts[row.state] = row.count;
    return counts;
  }

  /**
   * Open duties marked overdue, longest overdue first, each with the last escalation step
   * fired for its current due time (an extension starts a fresh ladder).
   */
  async overdue(filter: DutyQueryFilter, page: DutyPage | null): Promise<{ rows: OverdueDutyRow[]; total: number }> {
    const where = conditionsOf({ ...filter, overdue: undefined }, [OVERDUE]);
    const countParams = [...where.params];
    let sql = `SELECT ${LIST_COLUMNS}, e.step AS "lastEscalationStep", e.fired_at AS "lastEscalationAt"
               ${LIST_FROM}
               LEFT JOIN LATERAL (
                 SELECT step, fired_at FROM duty_escalations x
                 WHERE x.duty_id = d.id
                 ORDER BY (x.due_at = d.due_at) DESC, x.fired_at DESC, x.id DESC
                 LIMIT 1
               ) e ON true
               ${where.sql}
               ORDER BY d.due_at ASC, d.id ASC`;
    if (page) sql += ` LIMIT ${where.param(page.limit)} OFFSET ${where.param(page.offset)}`;
    const [rows, totals] = await Promise.all([
      this.dataSource.query(sql, where.params) as Promise<OverdueDutyRow[]>,
      this.dataSource.query(`SELECT COUNT(*)::int AS total FROM duties d ${where.sql}`, countParams) as Promise<Array<{ total: number }>>,
    ]);
    return { rows, total: totals[0].total };
  }

  /**
   * Per department (or per district a duty concerns): counts by state, open, overdue, late,
   * returns, and on time against late among accepted duties. Groups without duties under the
   * filter are left out.
   */
  async statsBy(groupBy: DutyGroupBy, filter: DutyQueryFilter): Promise<DutyGroupStats[]> {
    const where = conditionsOf(filter);
    const rows: Array<{
      id: string;
      code: string;
      name: string;
      kind: 'department' | 'district';
      state: DutyState;
      total: number;
      open: number;
      overdue: number;
      late: number;
      returns: number;
      closedOnTime: number;
      closedLate: number;
    }> = await this.dataSource.query(
      `SELECT g.id, g.code, g.name, g.kind, d.state,
              COUNT(*)::int AS total,
              COUNT(*) FILTER (WHERE d.closed_at IS NULL)::int AS open,
              COUNT(*) FILTER (WHERE ${OVERDUE})::int AS overdue,
              COUNT(*) FILTER (WHERE d.late)::int AS late,
              COALESCE(SUM(d.return_count), 0)::int AS returns,
              COUNT(*) FILTER (WHERE d.state = 'accepted' AND d.closed_at <= d.due_at)::int AS "closedOnTime",
              COUNT(*) FILTER (WHERE d.state = 'accepted' AND d.closed_at > d.due_at)::int AS "closedLate"
       FROM duties d JOIN departments g ON g.id = ${GROUP_COLUMNS[groupBy]}
       ${where.sql}
       GROUP BY g.id, g.code, g.name, g.kind, d.state
       ORDER BY g.name, g.id`,
      where.params,
    );
    const groups = new Map<string, DutyGroupStats>();
    for (const row of rows) {
      let group = groups.get(row.id);
      if (!group) {
        group = {
          id: row.id,
          code: row.code,
          name: row.name,
          kind: row.kind,
          ...emptyDutyGroupCounts(),
        };
        groups.set(row.id, group);
      }
      group.byState[row.state] = row.total;
      group.total += row.total;
      group.open += row.open;
      group.overdue += row.overdue;
      group.late += row.late;
      group.returns += row.returns;
      group.closedOnTime += row.closedOnTime;
      group.closedLate += row.closedLate;
    }
    return [...groups.values()];
  }

  /** The department's open duties that are overdue and still with the department (may be reminded). */
  async overdueWithDepartment(departmentId: string, holdingStates: readonly DutyState[]): Promise<Array<{ id: string; title: string }>> {
    return this.dataSource.query(
      `SELECT d.id, d.title FROM duties d
       WHERE d.department_id = $1 AND ${OVERDUE} AND d.state = ANY($2::varchar[])
       ORDER BY d.due_at ASC, d.id ASC`,
      [departmentId, [...holdingStates]],
    );
  }
}
