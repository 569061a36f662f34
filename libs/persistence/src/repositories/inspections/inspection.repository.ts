import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Actor, EnforcementActionType } from '@duban/domain';

export interface InspectionCaseRow {
  id: string;
  caseId: string;
  creditCode: string;
  unitName: string | null;
  sectorKey: string | null;
  districtId: string | null;
  districtName: string | null;
  finding: string;
  caseState: string;
  noticeNumber: string | null;
  noticeDeadline: Date | null;
  teamId: string | null;
  teamName: string | null;
  status: 'open' | 'closed';
  openedAt: Date;
  closedAt: Date | null;
  closeReason: string | null;
  exposureStatus: string | null;
  lastActionType: EnforcementActionType | null;
  lastActionDate: string | null;
  actionCount: number;
}

export interface EnforcementActionRow {
  id: string;
  inspectionCaseId: string;
  creditCode: string;
  type: EnforcementActionType;
  actionDate: string;
  findings: string;
  outcome: string | null;
  /** Yuan to the fen, as every answer gives money. */
  penaltyYuan: number | null;
  evidenceIds: string[];
  recordedBy: string;
  recorderUsername: string;
  recorderTeamId: string | null;
  recordedAt: Date;
}

const CASE_COLUMNS = `ic.id, ic.case_id AS "caseId", ic.credit_code AS "creditCode", u.name AS "unitName", c.sector_key AS "sectorKey",
  c.district_id AS "districtId", dis.name AS "districtName", c.finding, c.state AS "caseState", c.notice_number AS "noticeNumber",
  c.notice_deadline AS "noticeDeadline", ic.team_id AS "teamId", team.name AS "teamName", ic.status, ic.opened_at AS "openedAt",
  ic.closed_at AS "closedAt", ic.close_reason AS "closeReason", ep.status AS "exposureStatus",
  last.type AS "lastActionType", last.action_date::text AS "lastActionDate", COALESCE(last.n, 0)::int AS "actionCount"`;

const CASE_FROM = `inspection_cases ic
  JOIN compliance_cases c ON c.id = ic.case_id
  JOIN units u ON u.credit_code = ic.credit_code
  LEFT JOIN departments dis ON dis.id = c.district_id
  LEFT JOIN departments team ON team.id = ic.team_id
  LEFT JOIN exposure_proposals ep ON ep.case_id = ic.case_id
  LEFT JOIN LATERAL (
    SELECT a.type, a.action_date, count(*) OVER () AS n FROM enforcement_actions a
    WHERE a.inspection_case_id = ic.id ORDER BY a.action_date DESC, a.recorded_at DESC LIMIT 1
  ) last ON true`;

const ACTION_COLUMNS = `id, inspection_case_id AS "inspectionCaseId", credit_code AS "creditCode", type, action_date::text AS "actionDate", findings, outcome,
  penalty_yuan::float8 AS "penaltyYuan", evidence_ids AS "evidenceIds", recorded_by AS "recordedBy", recorder_username AS "recorderUsername",
  recorder_team_id AS "recorderTeamId", recorded_at AS "recordedAt"`;

/** WHERE clause over inspection cases `ic` and their compliance cases `c`. */
function caseFilter(filter: { teamId?: string; status?: 'open' | 'closed'; districtId?: string; sectorKey?: string; unassigned?: boolean }): {
  clause: string;
  params: unknown[];
} {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.teamId) where.push(`ic.team_id = $${params.push(filter.teamId)}`);
  if (filter.unassigned) where.push(`ic.team_id IS NULL`);
  if (filter.status) where.push(`ic.status = $${params.push(filter.status)}`);
  if (filter.districtId) where.push(`c.district_id = $${params.push(filter.districtId)}`);
  if (filter.sectorKey) where.push(`c.sector_key = $${params.push(filter.sectorKey)}`);
  return { clause: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** Inspection cases (opened by compliance cases' workflows) and the inspectors' log of enforcement actions. */
export class InspectionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(filter: {
    teamId?: string;
    status?: 'open' | 'closed';
    districtId?: string;
    sectorKey?: string;
    unassigned?: boolean;
    limit: number;
    offset: number;
  }): Promise<{ items: InspectionCaseRow[]; total: number }> {
    const { clause, params } = caseFilter(filter);
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM inspection_cases ic JOIN compliance_cases c ON c.id = ic.case_id ${clause}`, params);
    const items: InspectionCaseRow[] = await this.dataSource.query(
      `SELECT ${CASE_COLUMNS} FROM ${CASE_FROM} ${clause}
       ORDER BY (ic.status = 'open') DESC, ic.opened_at, ic.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.limit, filter.offset],
    );
    return { items, total };
  }

  async find(id: string): Promise<InspectionCaseRow | null> {
    const rows: InspectionCaseRow[] = await this.dataSource.query(`SELECT ${CASE_COLUMNS} FROM ${CASE_FROM} WHERE ic.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /**
   * Appends an action to the log, in one statement that also checks what the caller checked
   * before: the inspection case is still open and, for an exposure, the office's approval
   * still stands. Null when either changed meanwhile (the caller reads the case again to say which).
   */
  async recordAction(action: {
    inspectionCaseId: string;
    creditCode: string;
    type: EnforcementActionType;
    actionDate: string;
    findings: string;
    outcome: string | null;
    penaltyYuan: number | null;
    evidenceIds: string[];
    actor: Actor;
  }): Promise<EnforcementActionRow | null> {
    const rows: EnforcementActionRow[] = await this.dataSource.query(
      `INSERT INTO enforcement_actions (id, inspection_case_id, credit_code, type, action_date, findings, outcome, penalty_yuan, evidence_ids,
                                        recorded_by, recorder_username, recorder_team_id, recorded_at)
       SELECT $1::uuid, ic.id, $3::varchar, $4::varchar, $5::date, $6::text, $7::text, $8::numeric, $9::uuid[], $10::uuid, $11::varchar, $12::uuid, now()
       FROM inspection_cases ic
       WHERE ic.id = $2 AND ic.status = 'open'
         AND ($4::varchar <> 'exposure' OR EXISTS (SELECT 1 FROM exposure_proposals ep WHERE ep.case_id = ic.case_id AND ep.status = 'approved'))
       FOR UPDATE OF ic
       RETURNING ${ACTION_COLUMNS}`,
      [
        randomUUID(),
        action.inspectionCaseId,
        action.creditCode,
        action.type,
        action.actionDate,
        action.findings,
        action.outcome,
        action.penaltyYuan,
        action.evidenceIds,
        action.actor.userId,
        action.actor.username,
        action.actor.role === 'inspector' ? action.actor.departmentId : null,
      ],
    );
    return rows[0] ?? null;
  }

  /** Open and closed cases for a filter without its status. */
  async countsByStatus(filter: { teamId?: string; districtId?: string; sectorKey?: string; unassigned?: boolean }): Promise<{ open: number; closed: number }> {
    const { clause, params } = caseFilter(filter);
    const rows: Array<{ status: 'open' | 'closed'; n: number }> = await this.dataSource.query(
      `SELECT ic.status, count(*)::int AS n FROM inspection_cases ic JOIN compliance_cases c ON c.id = ic.case_id ${clause} GROUP BY ic.status`,
      params,
    );
    return { open: rows.find((r) => r.status === 'open')?.n ?? 0, closed: rows.find((r) => r.status === 'closed')?.n ?? 0 };
  }

  actions(inspectionCaseId: string): Promise<EnforcementActionRow[]> {
    return this.dataSource.query(`SELECT ${ACTION_COLUMNS} FROM enforcement_actions WHERE inspection_case_id = $1 ORDER BY action_date, recorded_at`, [inspectionCaseId]);
  }

  actionsOfUnit(creditCode: string): Promise<EnforcementActionRow[]> {
    return this.dataSource.query(`SELECT ${ACTION_COLUMNS} FROM enforcement_actions WHERE credit_code = $1 ORDER BY action_date, recorded_at`, [creditCode]);
  }

  casesOfUnit(creditCode: string): Promise<InspectionCaseRow[]> {
    return this.dataSource.query(`SELECT ${CASE_COLUMNS} FROM ${CASE_FROM} WHERE ic.credit_code = $1 ORDER BY ic.opened_at`, [creditCode]);
  }
}
