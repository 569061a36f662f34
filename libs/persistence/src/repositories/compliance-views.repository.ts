import type { DataSource } from 'typeorm';
import { OPEN_STAGES_MOST_ADVANCED_FIRST, type UnitComplianceStatus } from '@duban/domain';

export interface ExposureListRow {
  proposalId: string;
  caseId: string;
  creditCode: string;
  unitName: string | null;
  sectorKey: string | null;
  districtName: string | null;
  finding: string;
  noticeNumber: string | null;
  noticeDeadline: Date | null;
  approvedAt: Date;
  approvedBy: string;
  mediaDutyId: string | null;
  mediaDutyState: string | null;
}

/** Whose cases count: all (office, viewers), a department's (its officers), an inspection team's (its inspectors). */
export interface ComplianceScope {
  departmentId?: string;
  inspectionTeamId?: string;
}

/**
 * The domain's rule (unitComplianceStatus) as one SQL expression over a unit's cases `c`,
 * built from the same ordering so the two cannot drift apart.
 */
const UNIT_STATUS_SQL = `CASE WHEN count(c.id) = 0 THEN 'no_findings'
  ${OPEN_STAGES_MOST_ADVANCED_FIRST.map((stage) => `WHEN bool_or(c.state = '${stage}') THEN '${stage}'`).join('\n  ')}
  WHEN bool_or(c.outcome = 'rectified') THEN 'rectified'
  ELSE 'dismissed' END`;

/** Conditions on cases `c` for a scope, with their parameters appended to `params`. */
function scopeConditions(scope: ComplianceScope, params: unknown[]): string[] {
  const where: string[] = [];
  if (scope.departmentId) where.push(`c.department_id = $${params.push(scope.departmentId)}`);
  if (scope.inspectionTeamId) where.push(`EXISTS (SELECT 1 FROM inspection_cases ic WHERE ic.case_id = c.id AND ic.team_id = $${params.push(scope.inspectionTeamId)})`);
  return where;
}

/** The office's views of the resource library and its cases, and the exposure list. */
export class ComplianceViewsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Exposures the office approved (never one it did not), oldest approval first. */
  exposureList(): Promise<ExposureListRow[]> {
    return this.dataSource.query(
      `SELECT ep.id AS "proposalId", ep.case_id AS "caseId", ep.credit_code AS "creditCode", u.name AS "unitName", c.sector_key AS "sectorKey",
              dis.name AS "districtName", c.finding, c.notice_number AS "noticeNumber", c.notice_deadline AS "noticeDeadline",
              ep.decided_at AS "approvedAt", ep.decider_username AS "approvedBy", ep.media_duty_id AS "mediaDutyId", d.state AS "mediaDutyState"
       FROM exposure_proposals ep
       JOIN compliance_cases c ON c.id = ep.case_id
       JOIN units u ON u.credit_code = ep.credit_code
       LEFT JOIN departments dis ON dis.id = c.district_id
       LEFT JOIN duties d ON d.id = ep.media_duty_id
       WHERE ep.status = 'approved'
       ORDER BY ep.decided_at, ep.id`,
    );
  }

  /**
   * Units per sector or district and compliance status. Unscoped, every unit counts (those
   * without a case as no_findings); scoped, the units with a case in the scope, each by the
   * cases of the scope only.
   */
  unitsByStatus(
    groupBy: 'sector' | 'district',
    scope: ComplianceScope = {},
  ): Promise<Array<{ groupKey: string | null; groupName: string | null; status: UnitComplianceStatus; units: number }>> {
    const group =
      groupBy === 'sector'
        ? { key: 's.sector_key', name: `(SELECT label FROM duty_matrix_routes r WHERE r.kind = 'sector' AND r.key = s.sector_key)` }
        : { key: 's.district_id::text', name: `(SELECT name FROM departments d WHERE d.id = s.district_id)` };
    const params: unknown[] = [];
    const conditions = scopeConditions(scope, params);
    const join = conditions.length > 0 ? `JOIN compliance_cases c ON c.credit_code = u.credit_code AND ${conditions.join(' AND ')}` : `LEFT JOIN compliance_cases c ON c.credit_code = u.credit_code`;
    return this.dataSource.query(
      `SELECT ${group.key} AS "groupKey", ${group.name} AS "groupName", s.status, count(*)::int AS units
       FROM (SELECT u.credit_code, u.sector_key, u.district_id, ${UNIT_STATUS_SQL} AS status FROM units u ${join} GROUP BY u.credit_code) s
       GROUP BY 1, 2, 3 ORDER BY 1 NULLS LAST, 3`,
      params,
    );
  }

  /** Cases per finding and state, and escalation steps taken, within a scope. */
  async casesByStage(scope: ComplianceScope & { campaignId?: string; districtId?: string; sectorKey?: string }) {
    const params: unknown[] = [];
    const where = scopeConditions(scope, params);
    if (scope.campaignId) where.push(`c.campaign_id = $${params.push(scope.campaignId)}`);
    if (scope.districtId) where.push(`c.district_id = $${params.push(scope.districtId)}`);
    if (scope.sectorKey) where.push(`c.sector_key = $${params.push(scope.sectorKey)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const stages: Array<{ finding: string; stage: string; cases: number }> = await this.dataSource.query(
      `SELECT c.finding, CASE WHEN c.state = 'closed' THEN 'closed_' || c.outcome ELSE c.state END AS stage, count(*)::int AS cases
       FROM compliance_cases c ${clause} GROUP BY 1, 2 ORDER BY 1, 2`,
      params,
    );
    const steps: Array<{ step: string; status: string; cases: number }> = await this.dataSource.query(
      `SELECT s.step, s.status, count(*)::int AS cases FROM compliance_case_steps s JOIN compliance_cases c ON c.id = s.case_id ${clause}
       GROUP BY 1, 2 ORDER BY 1, 2`,
      params,
    );
    return { stages, steps };
  }
}
