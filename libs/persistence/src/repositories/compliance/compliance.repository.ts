import type { DataSource, EntityManager } from 'typeorm';
import type {
  Actor,
  ComparedUnit,
  ComplianceCaseAction,
  ComplianceCaseOutcome,
  ComplianceCaseState,
  ComplianceEscalationStep,
  ExposureDecision,
  Finding,
  RectificationKind,
} from '@duban/domain';
import { DUBAN_TIME_ZONE } from '@duban/domain';
import { nameBasedUuid } from '../campaigns/campaign-ids';

/** Case ids are derived from the run, the unit and the finding: a retried comparison opens nothing twice. */
export const complianceCaseId = (runId: string, creditCode: string, finding: Finding) => nameBasedUuid(`duban:compliance-case:${runId}:${creditCode}:${finding}`);
export const inspectionCaseId = (caseId: string) => nameBasedUuid(`duban:inspection-case:${caseId}`);
export const exposureProposalId = (caseId: string) => nameBasedUuid(`duban:exposure-proposal:${caseId}`);
export const complianceDutyId = (caseId: string, step: 'bidding_ban' | 'exposure') => nameBasedUuid(`duban:compliance-duty:${caseId}:${step}`);

export interface ComplianceRunRow {
  id: string;
  campaignId: string;
  status: 'running' | 'completed' | 'failed';
  requestedBy: string;
  requesterUsername: string;
  reason: string | null;
  requestedAt: Date;
  finishedAt: Date | null;
  unitsCompared: number | null;
  findingsNew: number | null;
  findingsOpenAlready: number | null;
}

/** A unit as the comparison reads it. */
export interface UnitForComparison extends ComparedUnit {
  creditCode: string;
  name: string | null;
  sectorKey: string | null;
  districtId: string | null;
  /** Findings whose case was rectified after the unit's data last changed: the data has not caught up yet. */
  rectifiedFindings: Finding[];
}

export interface NewComplianceCase {
  id: string;
  creditCode: string;
  finding: Finding;
  evidence: Record<string, unknown>;
  departmentId: string;
  routeKind: string;
  routeKey: string;
  sectorKey: string | null;
  districtId: string | null;
}

export interface ComplianceCaseRow {
  id: string;
  creditCode: string;
  unitName: string | null;
  contactEmail: string | null;
  finding: Finding;
  evidenceOfFinding: Record<string, unknown>;
  campaignId: string;
  runId: string;
  departmentId: string;
  departmentName: string;
  routeKind: string;
  routeKey: string;
  sectorKey: string | null;
  districtId: string | null;
  districtName: string | null;
  state: ComplianceCaseState;
  outcome: ComplianceCaseOutcome | null;
  noticeNumber: string | null;
  noticeIssuedAt: Date | null;
  noticeDeadline: Date | null;
  lastSeq: number;
  inspectionTeamId: string | null;
  inspectionCaseId: string | null;
  exposureStatus: string | null;
  exposureProposalId: string | null;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
}

export interface ExposureOfCaseRow {
  id: string;
  status: string;
  proposedAt: Date;
  deciderUsername: string | null;
  decidedAt: Date | null;
  decisionReason: string | null;
  approvedAt: Date | null;
  withdrawnAt: Date | null;
  withdrawerUsername: string | null;
  withdrawalReason: string | null;
}

/** The employer opened its notice through the e-mail's link (no account): when, from where, with what. */
export interface NoticeOpeningRow {
  openedAt: Date;
  clientAddress: string | null;
  userAgent: string | null;
  linkExpiresAt: Date;
}

export interface CaseTransitionRow {
  seq: number;
  action: string;
  fromState: ComplianceCaseState | null;
  toState: ComplianceCaseState;
  actorUserId: string;
  actorUsername: string;
  actorRole: string;
  actorDepartmentId: string | null;
  reason: string | null;
  details: Record<string, unknown>;
  occurredAt: Date;
}

export interface CaseStepRow {
  step: ComplianceEscalationStep;
  status: 'taken' | 'cancelled';
  dueAt: Date;
  takenAt: Date | null;
  cancelledAt: Date | null;
  dutyId: string | null;
  details: Record<string, unknown>;
}

export interface CaseTransitionWrite {
  caseId: string;
  seq: number;
  action: ComplianceCaseAction | 'identify';
  from: ComplianceCaseState | null;
  to: ComplianceCaseState;
  actor: Actor;
  reason?: string;
  deadline?: number;
  rectification?: { kind: RectificationKind; evidenceIds: string[] };
  outcome: ComplianceCaseOutcome | null;
  occurredAt: number;
}

export interface ComplianceCaseFilter {
  campaignId?: string;
  departmentId?: string;
  inspectionTeamId?: string;
  state?: ComplianceCaseState;
  finding?: Finding;
  creditCode?: string;
  sectorKey?: string;
  districtId?: string;
  limit: number;
  offset: number;
}

const CASE_COLUMNS = `c.id, c.credit_code AS "creditCode", u.name AS "unitName", u.contact_email AS "contactEmail", c.finding,
  -- Money is a JSON number of yuan; cases found before that kept the arrears as text.
  CASE WHEN jsonb_typeof(c.evidence_of_finding->'arrearsYuan') = 'string'
       THEN jsonb_set(c.evidence_of_finding, '{arrearsYuan}', to_jsonb((c.evidence_of_finding->>'arrearsYuan')::numeric))
       ELSE c.evidence_of_finding END AS "evidenceOfFinding", c.campaign_id AS "campaignId", c.run_id AS "runId",
  c.department_id AS "departmentId", dep.name AS "departmentName", c.route_kind AS "routeKind", c.route_key AS "routeKey",
  c.sector_key AS "sectorKey", c.district_id AS "districtId", dis.name AS "districtName", c.state, c.outcome,
  c.notice_number AS "noticeNumber", c.notice_issued_at AS "noticeIssuedAt", c.notice_deadline AS "noticeDeadline",
  c.last_seq AS "lastSeq", ic.team_id AS "inspectionTeamId", ic.id AS "inspectionCaseId",
  ep.status AS "exposureStatus", ep.id AS "exposureProposalId",
  c.created_at AS "createdAt", c.updated_at AS "updatedAt", c.closed_at AS "closedAt"`;

const CASE_FROM = `compliance_cases c
  JOIN units u ON u.credit_code = c.credit_code
  JOIN departments dep ON dep.id = c.department_id
  LEFT JOIN departments dis ON dis.id = c.district_id
  LEFT JOIN inspection_cases ic ON ic.case_id = c.id
  LEFT JOIN exposure_proposals ep ON ep.case_id = c.id`;

/**
 * The resource library's comparison runs and the compliance cases they open, with everything
 * a case's workflow records: transitions, escalation steps, the inspection case, the exposure
 * proposal. Every write is keyed (derived ids, (case, seq), (case, step)) so a retried
 * activity writes nothing twice.
 */
export class ComplianceRepository {
  constructor(private readonly dataSource: DataSource) {}

  async createRun(run: { id: string; campaignId: string; actor: Actor; reason: string | null; requestedAt: Date }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO compliance_runs (id, campaign_id, status, requested_by, requester_username, reason, requested_at)
       VALUES ($1, $2, 'running', $3, $4, $5, $6)`,
      [run.id, run.campaignId, run.actor.userId, run.actor.username, run.reason, run.requestedAt],
    );
  }

  async run(runId: string): Promise<ComplianceRunRow | null> {
    const rows: ComplianceRunRow[] = await this.dataSource.query(
      `SELECT id, campaign_id AS "campaignId", status, requested_by AS "requestedBy", requester_username AS "requesterUsername", reason,
              requested_at AS "requestedAt", finished_at AS "finishedAt", units_compared AS "unitsCompared",
              findings_new AS "findingsNew", findings_open_already AS "findingsOpenAlready"
       FROM compliance_runs WHERE id = $1`,
      [runId],
    );
    return rows[0] ?? null;
  }

  async finishRun(runId: string, finishedAt: Date, result: { unitsCompared: number; findingsNew: number; findingsOpenAlready: number }): Promise<void> {
    await this.dataSource.query(
      `UPDATE compliance_runs SET status = 'completed', finished_at = COALESCE(finished_at, $2), units_compared = $3, findings_new = $4, findings_open_already = $5
       WHERE id = $1`,
      [runId, finishedAt, result.unitsCompared, result.findingsNew, result.findingsOpenAlready],
    );
  }

  /** Units after `afterCode` in credit-code order: the comparison pages through the library. */
  unitsForComparison(afterCode: string, limit: number): Promise<UnitForComparison[]> {
    return this.dataSource.query(
      `SELECT u.credit_code AS "creditCode", u.name, u.sector_key AS "sectorKey", u.district_id AS "districtId", u.registrations,
              u.employees, u.insured, u.arrears::text AS arrears,
              ARRAY(SELECT c.finding FROM compliance_cases c
                    WHERE c.credit_code = u.credit_code AND c.outcome = 'rectified' AND c.closed_at >= u.updated_at) AS "rectifiedFindings"
       FROM units u WHERE u.credit_code > $1 ORDER BY u.credit_code LIMIT $2`,
      [afterCode, limit],
    );
  }

  /**
   * Opens the cases not open yet (the partial unique index keeps one open case per unit and
   * finding) and writes each new case's first transition. Returns how many were new.
   */
  async openCases(runId: string, campaignId: string, cases: NewComplianceCase[], actor: Actor, at: Date): Promise<number> {
    if (cases.length === 0) return 0;
    return this.dataSource.transaction(async (tx) => {
      const inserted: Array<{ id: string }> = await tx.query(
        `INSERT INTO compliance_cases (id, credit_code, finding, evidence_of_finding, campaign_id, run_id, department_id, route_kind, route_key,
                                       sector_key, district_id, state, last_seq, created_at, updated_at)
         SELECT c.id, c.credit_code, c.finding, c.evidence, $1, $2, c.department_id, c.route_kind, c.route_key, c.sector_key, c.district_id,
                'identified', 1, $3, $3
         FROM jsonb_to_recordset($4::jsonb) AS c(id uuid, credit_code text, finding text, evidence jsonb, department_id uuid, route_kind text,
                                                 route_key text, sector_key text, district_id uuid)
         ON CONFLICT DO NOTHING
         RETURNING id`,
        [
          campaignId,
          runId,
          at,
          JSON.stringify(
            cases.map((c) => ({
              id: c.id,
              credit_code: c.creditCode,
              finding: c.finding,
              evidence: c.evidence,
              department_id: c.departmentId,
              route_kind: c.routeKind,
              route_key: c.routeKey,
              sector_key: c.sectorKey,
              district_id: c.districtId,
            })),
          ),
        ],
      );
      if (inserted.length > 0) {
        await tx.query(
          `INSERT INTO compliance_case_transitions (case_id, seq, action, from_state, to_state, actor_user_id, actor_username, actor_role,
                                                    actor_department_id, details, occurred_at)
           SELECT id, 1, 'identify', NULL, 'identified', $2, $3, $4, $5, jsonb_build_object('runId', $6::text), $7 FROM unnest($1::uuid[]) AS id
           ON CONFLICT (case_id, seq) DO NOTHING`,
          [inserted.map((r) => r.id), actor.userId, actor.username, actor.role, actor.departmentId, runId, at],
        );
      }
      return inserted.length;
    });
  }

  async countRunCases(runId: string): Promise<number> {
    const [{ count }] = await this.dataSource.query(`SELECT count(*)::int AS count FROM compliance_cases WHERE run_id = $1`, [runId]);
    return count;
  }

  /** The run's cases [offset, offset + limit) in id order, for the batch workflows. */
  runCases(runId: string, offset: number, limit: number): Promise<ComplianceCaseRow[]> {
    return this.dataSource.query(`SELECT ${CASE_COLUMNS} FROM ${CASE_FROM} WHERE c.run_id = $1 ORDER BY c.id OFFSET $2 LIMIT $3`, [runId, offset, limit]);
  }

  async findCase(caseId: string, manager: EntityManager = this.dataSource.manager): Promise<ComplianceCaseRow | null> {
    const rows: ComplianceCaseRow[] = await manager.query(`SELECT ${CASE_COLUMNS} FROM ${CASE_FROM} WHERE c.id = $1`, [caseId]);
    return rows[0] ?? null;
  }

  async listCases(filter: ComplianceCaseFilter): Promise<{ items: ComplianceCaseRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const eq = (column: string, value: unknown) => {
      if (value !== undefined) where.push(`${column} = $${params.push(value)}`);
    };
    eq('c.campaign_id', filter.campaignId);
    eq('c.department_id', filter.departmentId);
    eq('ic.team_id', filter.inspectionTeamId);
    eq('c.state', filter.state);
    eq('c.finding', filter.finding);
    eq('c.credit_code', filter.creditCode);
    eq('c.sector_key', filter.sectorKey);
    eq('c.district_id', filter.districtId);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM ${CASE_FROM} ${clause}`, params);
    const items: ComplianceCaseRow[] = await this.dataSource.query(
      `SELECT ${CASE_COLUMNS} FROM ${CASE_FROM} ${clause} ORDER BY c.created_at DESC, c.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.limit, filter.offset],
    );
    return { items, total };
  }

  transitions(caseId: string): Promise<CaseTransitionRow[]> {
    return this.dataSource.query(
      `SELECT seq, action, from_state AS "fromState", to_state AS "toState", actor_user_id AS "actorUserId", actor_username AS "actorUsername",
              actor_role AS "actorRole", actor_department_id AS "actorDepartmentId", reason, details, occurred_at AS "occurredAt"
       FROM compliance_case_transitions WHERE case_id = $1 ORDER BY seq`,
      [caseId],
    );
  }

  /** The case's exposure proposal with its decision and, once withdrawn, who withdrew it, when and why. */
  async exposureOfCase(caseId: string): Promise<ExposureOfCaseRow | null> {
    const rows: ExposureOfCaseRow[] = await this.dataSource.query(
      `SELECT id, status, proposed_at AS "proposedAt", decider_username AS "deciderUsername", decided_at AS "decidedAt", decision_reason AS "decisionReason",
              approved_at AS "approvedAt", withdrawn_at AS "withdrawnAt", withdrawer_username AS "withdrawerUsername", withdrawal_reason AS "withdrawalReason"
       FROM exposure_proposals WHERE case_id = $1`,
      [caseId],
    );
    return rows[0] ?? null;
  }

  /** Each time the employer opened its notice through the e-mail's link, oldest first. */
  noticeOpenings(caseId: string): Promise<NoticeOpeningRow[]> {
    return this.dataSource.query(
      `SELECT opened_at AS "openedAt", client_address AS "clientAddress", user_agent AS "userAgent", link_expires_at AS "linkExpiresAt"
       FROM notice_openings WHERE case_id = $1 ORDER BY opened_at, id`,
      [caseId],
    );
  }

  async recordNoticeOpening(opening: { caseId: string; clientAddress: string | null; userAgent: string | null; linkExpiresAt: Date }): Promise<void> {
    await this.dataSource.query(`INSERT INTO notice_openings (case_id, client_address, user_agent, link_expires_at) VALUES ($1, $2, $3, $4)`, [
      opening.caseId,
      opening.clientAddress?.slice(0, 64) ?? null,
      opening.userAgent?.slice(0, 500) ?? null,
      opening.linkExpiresAt,
    ]);
  }

  steps(caseId: string): Promise<CaseStepRow[]> {
    return this.dataSource.query(
      `SELECT step, status, due_at AS "dueAt", taken_at AS "takenAt", cancelled_at AS "cancelledAt", duty_id AS "dutyId", details
       FROM compliance_case_steps WHERE case_id = $1 ORDER BY due_at, step`,
      [caseId],
    );
  }

  /**
   * Writes a transition once: a retry with the same (case, seq) returns the case as it is.
   * A notice gets its number on the way.
   */
  async recordTransition(write: CaseTransitionWrite): Promise<ComplianceCaseRow> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query(`SELECT id FROM compliance_cases WHERE id = $1 FOR UPDATE`, [write.caseId]);
      const details: Record<string, unknown> = {};
      if (write.deadline !== undefined) details.deadline = new Date(write.deadline).toISOString();
      if (write.rectification) details.rectification = write.rectification;
      const inserted: unknown[] = await tx.query(
        `INSERT INTO compliance_case_transitions (case_id, seq, action, from_state, to_state, actor_user_id, actor_username, actor_role,
                                                  actor_department_id, reason, details, occurred_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (case_id, seq) DO NOTHING RETURNING id`,
        [
          write.caseId,
          write.seq,
          write.action,
          write.from,
          write.to,
          write.actor.userId,
          write.actor.username,
          write.actor.role,
          write.actor.departmentId,
          write.reason ?? null,
          JSON.stringify(details),
          new Date(write.occurredAt),
        ],
      );
      if (inserted.length > 0) {
        const at = new Date(write.occurredAt);
        await tx.query(
          `UPDATE compliance_cases SET state = $2::varchar, outcome = $3, last_seq = $4, updated_at = $5,
                  closed_at = CASE WHEN $2::varchar = 'closed' THEN $5 ELSE closed_at END,
                  notice_issued_at = CASE WHEN $6::timestamptz IS NULL THEN notice_issued_at ELSE $5 END,
                  notice_deadline = COALESCE($6::timestamptz, notice_deadline),
                  notice_number = CASE WHEN $6::timestamptz IS NULL THEN notice_number
                                       ELSE COALESCE(notice_number, to_char($5::timestamptz AT TIME ZONE $7::text, 'YYYY') || '-' || lpad(nextval('compliance_notice_seq')::text, 6, '0')) END
           WHERE id = $1`,
          [write.caseId, write.to, write.outcome, write.seq, at, write.deadline === undefined ? null : new Date(write.deadline), DUBAN_TIME_ZONE],
        );
      }
      return (await this.findCase(write.caseId, tx))!;
    });
  }

  /**
   * Records a step as taken, with what it produced. An inspection case goes to the team that
   * answers for the unit's district, else to a city-wide team (one covering no district).
   * Returns the inspection team, when the step opened an inspection case.
   */
  async takeStep(input: {
    caseId: string;
    step: ComplianceEscalationStep;
    dueAt: Date;
    takenAt: Date;
    dutyId?: string;
    details?: Record<string, unknown>;
  }): Promise<{ inspectionTeamId?: string }> {
    return this.dataSource.transaction(async (tx) => {
      const kase = (await this.findCase(input.caseId, tx))!;
      let inspectionTeamId: string | undefined;
      const details = { ...(input.details ?? {}) };
      if (input.step === 'inspection') {
        const teams: Array<{ id: string }> = await tx.query(
          `SELECT t.id FROM departments t
           LEFT JOIN inspection_team_districts c ON c.team_id = t.id AND c.district_id = $1
           WHERE t.kind = 'inspection_team' AND t.active
             AND (c.district_id IS NOT NULL OR NOT EXISTS (SELECT 1 FROM inspection_team_districts x WHERE x.team_id = t.id))
           ORDER BY (c.district_id IS NULL), t.code LIMIT 1`,
          [kase.districtId],
        );
        // A deactivated team gets no new cases (the district's falls to a city-wide team). Without a
        // registered active team the case waits unassigned rather than holding up the other steps.
        inspectionTeamId = kase.inspectionTeamId ?? teams[0]?.id;
        await tx.query(
          `INSERT INTO inspection_cases (id, case_id, credit_code, team_id, status, opened_at) VALUES ($1, $2, $3, $4, 'open', $5)
           ON CONFLICT (case_id) DO NOTHING`,
          [inspectionCaseId(input.caseId), input.caseId, kase.creditCode, inspectionTeamId ?? null, input.takenAt],
        );
        details.inspectionCaseId = inspectionCaseId(input.caseId);
        details.teamId = inspectionTeamId ?? null;
      }
      if (input.step === 'exposure') {
        await tx.query(
          `INSERT INTO exposure_proposals (id, case_id, credit_code, status, proposed_at) VALUES ($1, $2, $3, 'proposed', $4)
           ON CONFLICT (case_id) DO NOTHING`,
          [exposureProposalId(input.caseId), input.caseId, kase.creditCode, input.takenAt],
        );
        details.exposureProposalId = exposureProposalId(input.caseId);
      }
      await tx.query(
        `INSERT INTO compliance_case_steps (case_id, step, status, due_at, taken_at, duty_id, details) VALUES ($1, $2, 'taken', $3, $4, $5, $6)
         ON CONFLICT (case_id, step) DO NOTHING`,
        [input.caseId, input.step, input.dueAt, input.takenAt, input.dutyId ?? null, JSON.stringify(details)],
      );
      return inspectionTeamId ? { inspectionTeamId } : {};
    });
  }

  /**
   * The office's decision on a proposal, once. Returns the proposal's status after it; a
   * retry of the same decision finds it made and answers the same.
   */
  async decideExposure(input: { caseId: string; decision: ExposureDecision; actor: Actor; reason?: string; decidedAt: Date; mediaDutyId: string }): Promise<string> {
    return this.dataSource.transaction(async (tx) => {
      const rows: Array<{ status: string }> = await tx.query(`SELECT status FROM exposure_proposals WHERE case_id = $1 FOR UPDATE`, [input.caseId]);
      if (rows.length === 0) throw new Error(`Case ${input.caseId} has no exposure proposal`);
      if (rows[0].status !== 'proposed') return rows[0].status;
      const status = input.decision === 'approve' ? 'approved' : 'rejected';
      await tx.query(
        `UPDATE exposure_proposals SET status = $2::varchar, decided_by = $3, decider_username = $4, decided_at = $5, decision_reason = $6,
                approved_at = CASE WHEN $2::varchar = 'approved' THEN $5::timestamptz END,
                media_duty_id = CASE WHEN $2::varchar = 'approved' THEN $7::uuid ELSE NULL END
         WHERE case_id = $1`,
        [input.caseId, status, input.actor.userId, input.actor.username, input.decidedAt, input.reason ?? null, input.mediaDutyId],
      );
      return status;
    });
  }

  async unitExists(creditCode: string): Promise<boolean> {
    return (await this.dataSource.query(`SELECT 1 FROM units WHERE credit_code = $1`, [creditCode])).length > 0;
  }

  async exposureProposal(proposalId: string): Promise<{ id: string; caseId: string; status: string } | null> {
    const rows = await this.dataSource.query(`SELECT id, case_id AS "caseId", status FROM exposure_proposals WHERE id = $1`, [proposalId]);
    return rows[0] ?? null;
  }

  /**
   * After a rectification or dismissal: the steps not taken are recorded as cancelled, the
   * exposure proposal is withdrawn — waiting or approved — by whoever closed the case, the
   * inspection case closes. Returns the case's duties (bidding ban, media), which the caller
   * cancels through their workflows, and whether an approved exposure was withdrawn now (the
   * media department is told to take it down).
   */
  async stopPendingSteps(input: {
    caseId: string;
    pending: Array<{ step: ComplianceEscalationStep; dueAt: Date }>;
    stoppedAt: Date;
    reason: string;
  }): Promise<{ dutyIds: string[]; approvedExposureWithdrawn: boolean }> {
    return this.dataSource.transaction(async (tx) => {
      for (const { step, dueAt } of input.pending) {
        await tx.query(
          `INSERT INTO compliance_case_steps (case_id, step, status, due_at, cancelled_at, details) VALUES ($1, $2, 'cancelled', $3, $4, $5)
           ON CONFLICT (case_id, step) DO NOTHING`,
          [input.caseId, step, dueAt, input.stoppedAt, JSON.stringify({ reason: input.reason })],
        );
      }
      // A waiting proposal's withdrawal is its decision too (decided_at, decision_reason), as before;
      // an approved one keeps who approved it. Both name the closing transition's actor and reason.
      // TypeORM answers an UPDATE with [rows, count].
      const [withdrawn]: [Array<{ wasApproved: boolean }>, number] = await tx.query(
        `UPDATE exposure_proposals ep
            SET status = 'withdrawn', withdrawn_at = $2::timestamptz, withdrawn_by = t.actor_user_id, withdrawer_username = t.actor_username,
                withdrawal_reason = $3::text || COALESCE('：' || t.reason, ''),
                decided_at = CASE WHEN ep.status = 'proposed' THEN $2::timestamptz ELSE ep.decided_at END,
                decision_reason = CASE WHEN ep.status = 'proposed' THEN $3::text ELSE ep.decision_reason END
           FROM (SELECT 1) one
           LEFT JOIN LATERAL (SELECT actor_user_id, actor_username, reason FROM compliance_case_transitions
                              WHERE case_id = $1 AND to_state = 'closed' ORDER BY seq DESC LIMIT 1) t ON true
          WHERE ep.case_id = $1 AND ep.status IN ('proposed', 'approved')
          RETURNING ep.approved_at IS NOT NULL AS "wasApproved"`,
        [input.caseId, input.stoppedAt, input.reason],
      );
      await tx.query(`UPDATE inspection_cases SET status = 'closed', closed_at = $2, close_reason = $3 WHERE case_id = $1 AND status = 'open'`, [
        input.caseId,
        input.stoppedAt,
        input.reason,
      ]);
      const duties: Array<{ id: string }> = await tx.query(
        `SELECT duty_id AS id FROM compliance_case_steps WHERE case_id = $1 AND duty_id IS NOT NULL
         UNION SELECT media_duty_id FROM exposure_proposals WHERE case_id = $1 AND media_duty_id IS NOT NULL`,
        [input.caseId],
      );
      return { dutyIds: duties.map((d) => d.id), approvedExposureWithdrawn: withdrawn.some((w) => w.wasApproved) };
    });
  }
}
