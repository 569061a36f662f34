import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  DEFAULT_REPORT_PLAN,
  type Actor,
  type DutyState,
  type EscalationLadderPolicy,
  type LibraryCounts,
  type ReportFigures,
  type ReportFlag,
  type ReportingUnitKind,
  type ReportKind,
  type ReportPlan,
  type ReportRound,
  type CampaignEventAction,
} from '@duban/domain';
import { nameBasedUuid } from '../campaigns/campaign-ids';

/** A report's id and its duty's id follow from the campaign, the round and the unit: an opening repeated writes nothing twice. */
export const reportId = (campaignId: string, roundKey: string, unitId: string) => nameBasedUuid(`duban:report:${campaignId}:${roundKey}:${unitId}`);
export const reportDutyId = (campaignId: string, roundKey: string, unitId: string) => nameBasedUuid(`duban:report-duty:${campaignId}:${roundKey}:${unitId}`);

export interface ReportingContext {
  campaignId: string;
  periodStart: string;
  periodEnd: string;
  plan: ReportPlan;
  /** No plan was set: `plan` is DEFAULT_REPORT_PLAN. */
  planIsDefault: boolean;
  /** Rounds due before the campaign was set up in Duban are not owed. */
  createdAt: Date;
  clockPolicy: EscalationLadderPolicy;
  /** The office user who set the campaign up: report duties are assigned in their name, by the plan. */
  assignedBy: Actor;
  districtIds: string[];
  memberIds: string[];
}

export interface OwingUnit {
  unitId: string;
  unitKind: ReportingUnitKind;
}

export interface OpenedReportDuty {
  dutyId: string;
  unitId: string;
  title: string;
  description: string;
  assignedAt: Date;
  dueAt: Date;
}

export interface ReportRoundRow {
  id: string;
  kind: ReportKind;
  roundKey: string;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  dueAt: Date;
  openedAt: Date;
  reportCount: number;
  filed: number;
  accepted: number;
  late: number;
}

export interface ReportRow {
  id: string;
  campaignId: string;
  campaignName: string;
  roundId: string;
  roundKey: string;
  kind: ReportKind;
  periodStart: string;
  periodEnd: string;
  dueAt: Date;
  unitId: string;
  unitKind: ReportingUnitKind;
  unitName: string;
  dutyId: string;
  dutyState: DutyState;
  firstFiledAt: Date | null;
  latestVersion: number | null;
  flagged: boolean;
}

export interface ReportFilingRow {
  id: string;
  reportId: string;
  version: number;
  figures: ReportFigures;
  problems: string;
  proposals: string;
  correctionNote: string | null;
  flags: ReportFlag[];
  filedBy: string;
  filedByUsername: string;
  filedAt: Date;
}

export interface ReportFilter {
  campaignId?: string;
  roundId?: string;
  unitIds?: string[];
  dutyState?: DutyState;
  page: number;
  pageSize: number;
}

const REPORT_COLUMNS = `
  r.id, r.campaign_id AS "campaignId", c.name AS "campaignName", r.round_id AS "roundId", rr.round_key AS "roundKey",
  rr.kind, to_char(rr.period_start, 'YYYY-MM-DD') AS "periodStart", to_char(rr.period_end, 'YYYY-MM-DD') AS "periodEnd",
  rr.due_at AS "dueAt", r.unit_id AS "unitId", r.unit_kind AS "unitKind", u.name AS "unitName", r.duty_id AS "dutyId",
  d.state AS "dutyState", r.first_filed_at AS "firstFiledAt",
  (SELECT max(version) FROM report_filings f WHERE f.report_id = r.id) AS "latestVersion",
  EXISTS (SELECT 1 FROM report_filings f WHERE f.report_id = r.id AND f.flags <> '[]'::jsonb) AS flagged`;

const REPORT_FROM = `
  FROM reports r
  JOIN report_rounds rr ON rr.id = r.round_id
  JOIN campaigns c ON c.id = r.campaign_id
  JOIN departments u ON u.id = r.unit_id
  JOIN duties d ON d.id = r.duty_id`;

/** Report rounds, reports and their filings (raw SQL, like the other campaign repositories). */
@Injectable()
export class ReportRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** What the schedule needs: period, plan (the default when unset), ladder, who owes reports. */
  async reportingContext(campaignId: string, manager: EntityManager = this.dataSource.manager): Promise<ReportingContext | null> {
    const [row] = await manager.query(
      `SELECT id, to_char(period_start, 'YYYY-MM-DD') AS "periodStart", to_char(period_end, 'YYYY-MM-DD') AS "periodEnd",
              report_plan AS plan, created_at AS "createdAt", clock_policy AS "clockPolicy", created_by AS "createdBy", leading_group AS "leadingGroup",
              (SELECT username FROM users WHERE id = c.created_by) AS "createdByUsername",
              ARRAY(SELECT district_id::text FROM campaign_districts WHERE campaign_id = c.id ORDER BY seq) AS "districtIds"
         FROM campaigns c WHERE id = $1`,
      [campaignId],
    );
    if (!row) return null;
    return {
      campaignId,
      periodStart: row.periodStart,
      periodEnd: row.periodEnd,
      plan: row.plan ?? DEFAULT_REPORT_PLAN,
      planIsDefault: row.plan === null,
      createdAt: row.createdAt,
      clockPolicy: row.clockPolicy,
      assignedBy: { userId: row.createdBy, username: row.createdByUsername, role: 'office', departmentId: null },
      districtIds: row.districtIds,
      memberIds: (row.leadingGroup.members as Array<{ departmentId: string }>).map((m) => m.departmentId),
    };
  }

  /** Round keys opened with every duty workflow started (the rest are pending). */
  async startedRoundKeys(campaignId: string): Promise<Set<string>> {
    const rows: Array<{ roundKey: string }> = await this.dataSource.query(
      `SELECT round_key AS "roundKey" FROM report_rounds WHERE campaign_id = $1 AND duties_started_at IS NOT NULL`,
      [campaignId],
    );
    return new Set(rows.map((r) => r.roundKey));
  }

  /**
   * Records a round, a report per owing unit and each report's duty (its first history entry
   * too), in one transaction; a repeat finds them there and writes nothing. Returns the duties
   * as recorded (a repeat returns the first opening's times).
   */
  async openRound(context: ReportingContext, round: ReportRound, owing: OwingUnit[], duty: { title: string; description: string }, openedAt: Date): Promise<OpenedReportDuty[]> {
    return this.dataSource.transaction(async (tx) => {
      // A deactivated unit gets no new duties: it owes no report of a round opened after (locked shared, as for any new duty).
      const activeIds: Array<{ id: string }> = await tx.query(`SELECT id FROM departments WHERE id = ANY($1::uuid[]) AND active FOR SHARE`, [owing.map((u) => u.unitId)]);
      const active = new Set(activeIds.map((r) => r.id));
      owing = owing.filter((u) => active.has(u.unitId));
      const roundId = nameBasedUuid(`duban:report-round:${context.campaignId}:${round.roundKey}`);
      await tx.query(
        `INSERT INTO report_rounds (id, campaign_id, kind, round_key, period_start, period_end, due_date, due_at, opened_at, report_count)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (campaign_id, round_key) DO NOTHING`,
        [roundId, context.campaignId, round.kind, round.roundKey, round.periodStart, round.periodEnd, round.dueDate, new Date(round.dueAt), openedAt, owing.length],
      );
      for (const unit of owing) {
        const dutyId = reportDutyId(context.campaignId, round.roundKey, unit.unitId);
        await tx.query(
          `INSERT INTO duties (id, department_id, title, description, state, due_at, assigned_at, assigned_by, workflow_id, last_seq,
                               updated_at, campaign_id, district_id)
           VALUES ($1, $2, $3, $4, 'assigned', $5, $6, $7, $8, 1, $6, $9, $10)
           ON CONFLICT (id) DO NOTHING`,
          [
            dutyId,
            unit.unitId,
            duty.title,
            duty.description,
            new Date(round.dueAt),
            openedAt,
            context.assignedBy.userId,
            `duty-${dutyId}`,
            context.campaignId,
            unit.unitKind === 'district' ? unit.unitId : null,
          ],
        );
        await tx.query(
          `INSERT INTO duty_transitions (duty_id, seq, action, from_state, to_state, actor_user_id, actor_username, actor_role, reason, occurred_at)
           VALUES ($1, 1, 'assign', NULL, 'assigned', $2, $3, 'office', $4, $5)
           ON CONFLICT (duty_id, seq) DO NOTHING`,
          [dutyId, context.assignedBy.userId, context.assignedBy.username, `按报告计划派发（${round.roundKey}）`, openedAt],
        );
        await tx.query(
          `INSERT INTO reports (id, round_id, campaign_id, unit_id, unit_kind, duty_id) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (round_id, unit_id) DO NOTHING`,
          [reportId(context.campaignId, round.roundKey, unit.unitId), roundId, context.campaignId, unit.unitId, unit.unitKind, dutyId],
        );
      }
      return tx.query(
        `SELECT d.id AS "dutyId", d.department_id AS "unitId", d.title, d.description, d.assigned_at AS "assignedAt", d.due_at AS "dueAt"
           FROM reports r JOIN duties d ON d.id = r.duty_id
          WHERE r.round_id = $1 ORDER BY r.unit_kind DESC, d.department_id`,
        [roundId],
      );
    });
  }

  async markRoundStarted(campaignId: string, roundKey: string, startedAt: Date): Promise<void> {
    await this.dataSource.query(`UPDATE report_rounds SET duties_started_at = COALESCE(duties_started_at, $3) WHERE campaign_id = $1 AND round_key = $2`, [
      campaignId,
      roundKey,
      startedAt,
    ]);
  }

  /** A change of the plan, logged with who and why, in the caller's transaction. */
  async setPlan(campaignId: string, plan: ReportPlan, actor: Actor, reason: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const [before] = await tx.query(`SELECT report_plan AS plan FROM campaigns WHERE id = $1 FOR UPDATE`, [campaignId]);
      await tx.query(`UPDATE campaigns SET report_plan = $2, updated_at = now(), version = version + 1 WHERE id = $1`, [campaignId, JSON.stringify(plan)]);
      await tx.query(
        `INSERT INTO campaign_events (event_key, campaign_id, action, actor_user_id, actor_username, actor_role, reason, details, occurred_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())`,
        [
          `report-plan:${randomUUID()}`,
          campaignId,
          'report_plan_changed' satisfies CampaignEventAction,
          actor.userId,
          actor.username,
          actor.role,
          reason,
          JSON.stringify({ before: before?.plan ?? null, after: plan }),
        ],
      );
    });
  }

  /** The plan a campaign is created with, in the creation's transaction. */
  async storePlan(campaignId: string, plan: ReportPlan, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE campaigns SET report_plan = $2 WHERE id = $1`, [campaignId, JSON.stringify(plan)]);
  }

  async setReportingWorkflowId(campaignId: string, workflowId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE campaigns SET reporting_workflow_id = $2 WHERE id = $1`, [campaignId, workflowId]);
  }

  async rounds(campaignId: string): Promise<ReportRoundRow[]> {
    return this.dataSource.query(
      `SELECT rr.id, rr.kind, rr.round_key AS "roundKey", to_char(rr.period_start, 'YYYY-MM-DD') AS "periodStart",
              to_char(rr.period_end, 'YYYY-MM-DD') AS "periodEnd", to_char(rr.due_date, 'YYYY-MM-DD') AS "dueDate",
              rr.due_at AS "dueAt", rr.opened_at AS "openedAt", rr.report_count AS "reportCount",
              count(*) FILTER (WHERE r.first_filed_at IS NOT NULL)::int AS filed,
              count(*) FILTER (WHERE d.state = 'accepted')::int AS accepted,
              count(*) FILTER (WHERE COALESCE(r.first_filed_at, now()) > rr.due_at)::int AS late
         FROM report_rounds rr
         LEFT JOIN reports r ON r.round_id = rr.id
         LEFT JOIN duties d ON d.id = r.duty_id
        WHERE rr.campaign_id = $1
        GROUP BY rr.id
        ORDER BY rr.period_start, rr.kind`,
      [campaignId],
    );
  }

  async list(filter: ReportFilter): Promise<{ total: number; items: ReportRow[] }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.campaignId) add('r.campaign_id = ?', filter.campaignId);
    if (filter.roundId) add('r.round_id = ?', filter.roundId);
    if (filter.unitIds) add('r.unit_id = ANY(?::uuid[])', filter.unitIds);
    if (filter.dutyState) add('d.state = ?', filter.dutyState);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total ${REPORT_FROM} ${clause}`, params);
    const items = await this.dataSource.query(
      `SELECT ${REPORT_COLUMNS} ${REPORT_FROM} ${clause}
        ORDER BY rr.due_at DESC, r.unit_kind DESC, u.name, r.id
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.pageSize, (filter.page - 1) * filter.pageSize],
    );
    return { total, items };
  }

  async findById(id: string): Promise<ReportRow | null> {
    const [row] = await this.dataSource.query(`SELECT ${REPORT_COLUMNS} ${REPORT_FROM} WHERE r.id = $1`, [id]);
    return row ?? null;
  }

  async filings(reportId: string): Promise<ReportFilingRow[]> {
    return this.dataSource.query(
      `SELECT id, report_id AS "reportId", version, figures, problems, proposals, correction_note AS "correctionNote", flags,
              filed_by AS "filedBy", filed_by_username AS "filedByUsername", filed_at AS "filedAt"
         FROM report_filings WHERE report_id = $1 ORDER BY version`,
      [reportId],
    );
  }

  /**
   * The figures a new filing is compared with: the unit's latest filing in the campaign made
   * before now (this report's earlier versions or an earlier report's).
   */
  async previousFigures(campaignId: string, unitId: string): Promise<ReportFigures | null> {
    const [row] = await this.dataSource.query(
      `SELECT f.figures FROM report_filings f JOIN reports r ON r.id = f.report_id
        WHERE r.campaign_id = $1 AND r.unit_id = $2
        ORDER BY f.filed_at DESC, f.version DESC LIMIT 1`,
      [campaignId, unitId],
    );
    return row?.figures ?? null;
  }

  /** The resource library's units (and their employees) in a district, or in the whole library for a department. */
  async libraryCounts(districtId: string | null): Promise<LibraryCounts> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS units, COALESCE(sum(employees), 0)::bigint AS employees FROM units
        WHERE ($1::uuid IS NULL OR district_id = $1)`,
      [districtId],
    );
    return { units: row.units, employees: Number(row.employees) };
  }

  /**
   * Stores a filing as the report's next version. The version is taken under a lock of the
   * report's row, so two filings at once get 1 and 2, never the same.
   */
  async insertFiling(filing: {
    reportId: string;
    figures: ReportFigures;
    problems: string;
    proposals: string;
    correctionNote: string | null;
    flags: ReportFlag[];
    actor: Actor;
    filedAt: Date;
  }): Promise<ReportFilingRow> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query(`SELECT 1 FROM reports WHERE id = $1 FOR UPDATE`, [filing.reportId]);
      const [{ next }] = await tx.query(`SELECT COALESCE(max(version), 0) + 1 AS next FROM report_filings WHERE report_id = $1`, [filing.reportId]);
      const id = randomUUID();
      await tx.query(
        `INSERT INTO report_filings (id, report_id, version, figures, problems, proposals, correction_note, flags, filed_by, filed_by_username, filed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          id,
          filing.reportId,
          next,
          JSON.stringify(filing.figures),
          filing.problems,
          filing.proposals,
          filing.correctionNote,
          JSON.stringify(filing.flags),
          filing.actor.userId,
          filing.actor.username,
          filing.filedAt,
        ],
      );
      const [row] = await tx.query(
        `SELECT id, report_id AS "reportId", version, figures, problems, proposals, correction_note AS "correctionNote", flags,
                filed_by AS "filedBy", filed_by_username AS "filedByUsername", filed_at AS "filedAt"
           FROM report_filings WHERE id = $1`,
        [id],
      );
      return row;
    });
  }

  /** A filing whose submission the duty refused is taken back: it never reached the office. */
  async withdrawFiling(filingId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM report_filings WHERE id = $1`, [filingId]);
  }

  /** The first time the report reached the office; later filings leave it. */
  async recordFirstFiled(reportId: string, at: Date): Promise<void> {
    await this.dataSource.query(`UPDATE reports SET first_filed_at = COALESCE(first_filed_at, $2) WHERE id = $1`, [reportId, at]);
  }

  /** Filings that disagreed with the resource library, newest first. */
  async flaggedFilings(campaignId: string): Promise<Array<ReportFilingRow & { roundKey: string; unitId: string; unitName: string }>> {
    return this.dataSource.query(
      `SELECT f.id, f.report_id AS "reportId", f.version, f.figures, f.problems, f.proposals, f.correction_note AS "correctionNote",
              f.flags, f.filed_by AS "filedBy", f.filed_by_username AS "filedByUsername", f.filed_at AS "filedAt",
              rr.round_key AS "roundKey", r.unit_id AS "unitId", u.name AS "unitName"
         FROM report_filings f
         JOIN reports r ON r.id = f.report_id
         JOIN report_rounds rr ON rr.id = r.round_id
         JOIN departments u ON u.id = r.unit_id
        WHERE r.campaign_id = $1 AND f.flags <> '[]'::jsonb
        ORDER BY f.filed_at DESC`,
      [campaignId],
    );
  }
}
