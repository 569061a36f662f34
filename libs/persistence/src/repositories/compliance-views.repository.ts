import type { DataSource } from 'typeorm';

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

/** A unit's compliance status: its most advanced open case, else how its cases ended, else none found. */
export const UNIT_COMPLIANCE_STATUSES = ['no_findings', 'identified', 'notified', 'escalated', 'rectified', 'dismissed'] as const;
export type UnitComplianceStatus = (typeof UNIT_COMPLIANCE_STATUSES)[number];

/** The status of each unit, in SQL: escalated > notified > identified (open cases); rectified > dismissed (all closed). */
const UNIT_STATUS = `
  SELECT u.credit_code, u.sector_key, u.district_id,
         CASE WHEN count(c.id) = 0 THEN 'no_findings'
              WHEN bool_or(c.state = 'escalated') THEN 'escalated'
              WHEN bool_or(c.state = 'notified') THEN 'notified'
              WHEN bool_or(c.state = 'identified') THEN 'identified'
              WHEN bool_or(c.outcome = 'rectified') THEN 'rectified'
              ELSE 'dismissed' END AS status
  FROM units u LEFT JOIN compliance_cases c ON c.credit_code = u.credit_code
  GROUP BY u.credit_code`;

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

  /** Units per sector or district and compliance status. */
  unitsByStatus(groupBy: 'sector' | 'district'): Promise<Array<{ groupKey: string | null; groupName: string | null; status: UnitComplianceStatus; units: number }>> {
    const group =
      groupBy === 'sector'
        ? { key: 's.sector_key', name: `(SELECT label FROM duty_matrix_routes r WHERE r.kind = 'sector' AND r.key = s.sector_key)` }
        : { key: 's.district_id::text', name: `(SELECT name FROM departments d WHERE d.id = s.district_id)` };
    return this.dataSource.query(
      `SELECT ${group.key} AS "groupKey", ${group.name} AS "groupName", s.status, count(*)::int AS units
       FROM (${UNIT_STATUS}) s GROUP BY 1, 2, 3 ORDER BY 1 NULLS LAST, 3`,
    );
  }

  /** Cases per finding and state, and escalation steps taken, within a scope. */
  async casesByStage(scope: { campaignId?: string; departmentId?: string; inspectionTeamId?: string; districtId?: string; sectorKey?: string }) {
    const where: string[] = [];
    const params: unknown[] = [];
    if (scope.campaignId) where.push(`c.campaign_id = $${params.push(scope.campaignId)}`);
    if (scope.departmentId) where.push(`c.department_id = $${params.push(scope.departmentId)}`);
    if (scope.inspectionTeamId) where.push(`EXISTS (SELECT 1 FROM inspection_cases ic WHERE ic.case_id = c.id AND ic.team_id = $${params.push(scope.inspectionTeamId)})`);
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
