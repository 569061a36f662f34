import type { DataSource } from 'typeorm';
import {
  EXPOSURE_PROPOSAL_STATUSES,
  exposureListing,
  OPEN_STAGES_MOST_ADVANCED_FIRST,
  type ComplianceCaseOutcome,
  type ComplianceCaseState,
  type ExposureListing,
  type ExposureProposalStatus,
  type UnitComplianceStatus,
} from '@duban/domain';

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
  /** listed: on the public list; rectified or withdrawn: off it (exposureListing in libs/domain). */
  listing: ExposureListing;
  /** When the unit left the public list, who closed its case and why; null while it is listed. */
  delistedAt: Date | null;
  delistedBy: string | null;
  delistedReason: string | null;
}

/** A proposal to expose a unit, with its case and, once decided, who decided, when and why. */
export interface ExposureProposalRow {
  id: string;
  caseId: string;
  creditCode: string;
  unitName: string | null;
  sectorKey: string | null;
  districtName: string | null;
  finding: string;
  caseState: string;
  departmentName: string;
  noticeNumber: string | null;
  noticeDeadline: Date | null;
  status: ExposureProposalStatus;
  proposedAt: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
  deciderUsername: string | null;
  decisionReason: string | null;
  mediaDutyId: string | null;
  mediaDutyState: string | null;
  /** When the office approved it (null: it never did). */
  approvedAt: Date | null;
  /** Withdrawn (the case closed): when, by whom the case was closed, why. */
  withdrawnAt: Date | null;
  withdrawerUsername: string | null;
  withdrawalReason: string | null;
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

  /**
   * Every exposure the office approved (never one it did not), oldest approval first, each with
   * its place on the list: still listed, or off it since its case closed (rectified, dismissed).
   * Until the case workflow has withdrawn the proposal, the closing transition says when and why.
   */
  async exposures(): Promise<ExposureListRow[]> {
    const rows: Array<
      Omit<ExposureListRow, 'listing' | 'delistedAt' | 'delistedBy' | 'delistedReason'> & {
        status: ExposureProposalStatus;
        caseState: ComplianceCaseState;
        caseOutcome: ComplianceCaseOutcome | null;
        caseClosedAt: Date | null;
        withdrawnAt: Date | null;
        withdrawerUsername: string | null;
        withdrawalReason: string | null;
        closerUsername: string | null;
        closingReason: string | null;
      }
    > = await this.dataSource.query(
      `SELECT ep.id AS "proposalId", ep.case_id AS "caseId", ep.credit_code AS "creditCode", u.name AS "unitName", c.sector_key AS "sectorKey",
              dis.name AS "districtName", c.finding, c.notice_number AS "noticeNumber", c.notice_deadline AS "noticeDeadline",
              ep.approved_at AS "approvedAt", ep.decider_username AS "approvedBy", ep.media_duty_id AS "mediaDutyId", d.state AS "mediaDutyState",
              ep.status, c.state AS "caseState", c.outcome AS "caseOutcome", c.closed_at AS "caseClosedAt",
              ep.withdrawn_at AS "withdrawnAt", ep.withdrawer_username AS "withdrawerUsername", ep.withdrawal_reason AS "withdrawalReason",
              t.actor_username AS "closerUsername", t.reason AS "closingReason"
       FROM exposure_proposals ep
       JOIN compliance_cases c ON c.id = ep.case_id
       JOIN units u ON u.credit_code = ep.credit_code
       LEFT JOIN departments dis ON dis.id = c.district_id
       LEFT JOIN duties d ON d.id = ep.media_duty_id
       LEFT JOIN LATERAL (SELECT actor_username, reason FROM compliance_case_transitions
                          WHERE case_id = c.id AND to_state = 'closed' ORDER BY seq DESC LIMIT 1) t ON c.state = 'closed'
       WHERE ep.approved_at IS NOT NULL
       ORDER BY ep.approved_at, ep.id`,
    );
    return rows.map(({ status, caseState, caseOutcome, caseClosedAt, withdrawnAt, withdrawerUsername, withdrawalReason, closerUsername, closingReason, ...row }) => {
      const listing = exposureListing({ status, approvedAt: row.approvedAt, caseState, caseOutcome })!;
      const off = listing !== 'listed';
      const closedBecause = caseOutcome === 'rectified' ? 'The unit rectified' : 'The office dismissed the case';
      return {
        ...row,
        listing,
        delistedAt: off ? (withdrawnAt ?? caseClosedAt) : null,
        delistedBy: off ? (withdrawerUsername ?? closerUsername) : null,
        delistedReason: off ? (withdrawalReason ?? (caseState === 'closed' ? `${closedBecause}${closingReason ? `：${closingReason}` : ''}` : null)) : null,
      };
    });
  }

  /**
   * Exposure proposals, those awaiting a decision first (oldest first: the office's queue), then
   * the decided ones, most recently decided first; with the counts per status.
   */
  async exposureProposals(filter: { status?: ExposureProposalStatus; limit: number; offset: number }) {
    const where = filter.status ? `WHERE ep.status = $1` : '';
    const params: unknown[] = filter.status ? [filter.status] : [];
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM exposure_proposals ep ${where}`, params);
    const items: ExposureProposalRow[] = await this.dataSource.query(
      `SELECT ep.id, ep.case_id AS "caseId", ep.credit_code AS "creditCode", u.name AS "unitName", c.sector_key AS "sectorKey",
              dis.name AS "districtName", c.finding, c.state AS "caseState", dep.name AS "departmentName", c.notice_number AS "noticeNumber",
              c.notice_deadline AS "noticeDeadline", ep.status, ep.proposed_at AS "proposedAt", ep.decided_at AS "decidedAt",
              ep.decided_by AS "decidedBy", ep.decider_username AS "deciderUsername", ep.decision_reason AS "decisionReason",
              ep.media_duty_id AS "mediaDutyId", d.state AS "mediaDutyState", ep.approved_at AS "approvedAt",
              ep.withdrawn_at AS "withdrawnAt", ep.withdrawer_username AS "withdrawerUsername", ep.withdrawal_reason AS "withdrawalReason"
       FROM exposure_proposals ep
       JOIN compliance_cases c ON c.id = ep.case_id
       JOIN units u ON u.credit_code = ep.credit_code
       JOIN departments dep ON dep.id = c.department_id
       LEFT JOIN departments dis ON dis.id = c.district_id
       LEFT JOIN duties d ON d.id = ep.media_duty_id
       ${where}
       ORDER BY (ep.status = 'proposed') DESC,
                CASE WHEN ep.status = 'proposed' THEN ep.proposed_at END ASC,
                ep.decided_at DESC NULLS LAST, ep.id
       LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.limit, filter.offset],
    );
    const counted: Array<{ status: ExposureProposalStatus; n: number }> = await this.dataSource.query(`SELECT status, count(*)::int AS n FROM exposure_proposals GROUP BY status`);
    const countsByStatus = Object.fromEntries(EXPOSURE_PROPOSAL_STATUSES.map((st) => [st, counted.find((r) => r.status === st)?.n ?? 0])) as Record<ExposureProposalStatus, number>;
    return { items, total: total as number, countsByStatus };
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
    const join =
      conditions.length > 0
        ? `JOIN compliance_cases c ON c.credit_code = u.credit_code AND ${conditions.join(' AND ')}`
        : `LEFT JOIN compliance_cases c ON c.credit_code = u.credit_code`;
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
