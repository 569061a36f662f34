import { randomUUID } from 'node:crypto';
import type { ComplianceCaseState, ComplianceEscalationStep, Finding } from '@duban/domain';
import { LEADING_GROUP_CHAIR, NO_REPORT_PLAN, seededDepartments, type Unit } from './campaign-fixtures';
import { validCreditCode } from './credit-codes';
import type { TestStack } from './test-stack';

/**
 * FIXTURE FOR READ-SIDE TESTS ONLY. Writes compliance cases, their transitions and steps,
 * inspection cases and exposure proposals straight into the database, in the shapes the
 * compliance workflows write them, so that the inspectors' inbox, the enforcement log, the
 * exposure list and the views can be tested in every state without waiting for deadlines.
 * Units and the campaign go through the API. Nothing here runs a workflow: a case written
 * here must not be acted on through the case actions (its workflow does not exist).
 */

const DAY_MS = 24 * 3600_000;

export interface FixtureCase {
  caseId: string;
  inspectionCaseId: string | null;
  proposalId: string | null;
}

export interface CaseSpec {
  creditCode: string;
  finding: Finding;
  /** The department the matrix routed the case to. */
  departmentId: string;
  state: ComplianceCaseState;
  outcome?: 'rectified' | 'dismissed';
  sectorKey?: string | null;
  districtId?: string | null;
  /** The case was found this many days ago; each later transition a day after the one before. */
  daysAgo?: number;
  /** The notice's deadline, days from now (negative: past). Cases past `identified` get one. */
  deadlineInDays?: number;
  /** An inspection case of this team (null: none was registered), open unless it says closed. */
  inspection?: { teamId: string | null; status?: 'open' | 'closed'; closeReason?: string };
  exposure?: { status: 'proposed' | 'approved' | 'rejected' | 'withdrawn'; mediaDutyId?: string };
  /** Escalation steps, taken unless they say cancelled. */
  steps?: Array<{ step: ComplianceEscalationStep; status?: 'taken' | 'cancelled' }>;
}

export class ComplianceFixture {
  private constructor(
    private readonly stack: TestStack,
    private readonly office: { token: string; user: { id: string; username: string } },
    readonly departments: Map<string, Unit>,
    readonly campaignId: string,
    readonly runId: string,
  ) {}

  /** A campaign (through the API) and a completed comparison run the cases belong to. */
  static async create(stack: TestStack, office: { token: string; user: { id: string; username: string } }): Promise<ComplianceFixture> {
    const departments = await seededDepartments(stack, office.token);
    const year = new Date().getUTCFullYear();
    const created = await stack.http('POST', '/campaigns', {
      token: office.token,
      body: {
        name: `执法记录测试${randomUUID().slice(0, 6)}`,
        reportPlan: NO_REPORT_PLAN,
        jurisdiction: { name: '衡阳市', level: 'city', districtIds: [] },
        period: { start: `${year}-01-01`, end: `${year}-12-31` },
        legalBasis: { title: '扩面专项行动实施方案', number: `测〔${year}〕${Math.floor(Math.random() * 100_000)}号` },
        targets: [],
        leadingGroup: { chair: LEADING_GROUP_CHAIR, viceChairs: [], members: [] },
        phases: [{ kind: 'mobilisation', name: '动员部署', window: { start: `${year}-01-01`, end: `${year}-12-31` }, templates: [] }],
      },
    });
    if (created.status !== 201) throw new Error(`campaign failed: ${JSON.stringify(created.body)}`);
    const runId = randomUUID();
    await stack.dataSource.query(
      `INSERT INTO compliance_runs (id, campaign_id, status, requested_by, requester_username, reason, requested_at, finished_at,
                                    units_compared, findings_new, findings_open_already)
       VALUES ($1, $2, 'completed', $3, $4, 'fixture for read-side tests', now(), now(), 0, 0, 0)`,
      [runId, created.body.id, office.user.id, office.user.username],
    );
    return new ComplianceFixture(stack, office, departments, created.body.id as string, runId);
  }

  department(code: string): Unit {
    const found = this.departments.get(code);
    if (!found) throw new Error(`no seeded department ${code}`);
    return found;
  }

  /** A unit through POST /units, from the social-insurance agency's file. */
  async unit(facts: { name: string; sectorKey?: string; districtId?: string }): Promise<string> {
    const creditCode = validCreditCode();
    const recorded = await this.stack.http('POST', '/units', {
      token: this.office.token,
      body: { creditCode, ...facts, employees: 20, source: { departmentId: this.department('SIA').id, file: '执法记录测试.csv', date: '2026-10-31' } },
    });
    if (recorded.status !== 201) throw new Error(`unit failed: ${JSON.stringify(recorded.body)}`);
    return creditCode;
  }

  /** A case in the given state, with the transitions that led there, and what escalation brought. */
  async case(spec: CaseSpec): Promise<FixtureCase> {
    const db = this.stack.dataSource;
    const caseId = randomUUID();
    const found = new Date(Date.now() - (spec.daysAgo ?? 10) * DAY_MS);
    const at = (step: number) => new Date(found.getTime() + step * DAY_MS);
    const noticed = spec.state !== 'identified' && !(spec.state === 'closed' && spec.deadlineInDays === undefined);
    const deadline = noticed ? new Date(Date.now() + (spec.deadlineInDays ?? (spec.state === 'escalated' ? -2 : 10)) * DAY_MS) : null;
    const outcome = spec.state === 'closed' ? (spec.outcome ?? 'rectified') : null;

    // The path to the state: identify, notice, escalation, closing.
    const path: Array<{ action: string; from: ComplianceCaseState | null; to: ComplianceCaseState }> = [{ action: 'identify', from: null, to: 'identified' }];
    if (noticed) path.push({ action: 'issue_notice', from: 'identified', to: 'notified' });
    if (spec.state === 'escalated' || spec.inspection || spec.exposure || spec.steps?.length) path.push({ action: 'escalate', from: 'notified', to: 'escalated' });
    if (outcome) path.push({ action: outcome === 'rectified' ? 'record_rectification' : 'dismiss', from: path[path.length - 1].to, to: 'closed' });
    const closedAt = outcome ? at(path.length - 1) : null;

    await db.query(
      `INSERT INTO compliance_cases (id, credit_code, finding, evidence_of_finding, campaign_id, run_id, department_id, route_kind, route_key,
                                     sector_key, district_id, state, outcome, notice_number, notice_issued_at, notice_deadline, last_seq,
                                     created_at, updated_at, closed_at)
       VALUES ($1, $2, $3, '{"fixture": true}', $4, $5, $6, 'function', 'registration', $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
      [
        caseId,
        spec.creditCode,
        spec.finding,
        this.campaignId,
        this.runId,
        spec.departmentId,
        spec.sectorKey ?? null,
        spec.districtId ?? null,
        spec.state,
        outcome,
        noticed ? `衡人社测〔${randomUUID().slice(0, 8)}〕号` : null,
        noticed ? at(1) : null,
        deadline,
        path.length,
        found,
        at(path.length - 1),
        closedAt,
      ],
    );
    for (const [i, t] of path.entries()) {
      const system = t.action === 'identify' || t.action === 'escalate';
      await db.query(
        `INSERT INTO compliance_case_transitions (case_id, seq, action, from_state, to_state, actor_user_id, actor_username, actor_role, reason, occurred_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'office', $8, $9)`,
        [
          caseId,
          i + 1,
          t.action,
          t.from,
          t.to,
          system ? '00000000-0000-0000-0000-000000000000' : this.office.user.id,
          system ? 'system' : this.office.user.username,
          t.action === 'dismiss' ? '核查有误' : null,
          at(i),
        ],
      );
    }
    const escalatedAt = at(Math.min(2, path.length - 1));
    // Steps are taken an hour after the escalation; a cancelled one when the case closed.
    const takenAt = new Date(escalatedAt.getTime() + 3600_000);
    for (const step of spec.steps ?? []) {
      const cancelled = step.status === 'cancelled';
      await db.query(`INSERT INTO compliance_case_steps (case_id, step, status, due_at, taken_at, cancelled_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
        caseId,
        step.step,
        cancelled ? 'cancelled' : 'taken',
        escalatedAt,
        cancelled ? null : takenAt,
        cancelled ? (closedAt ?? takenAt) : null,
      ]);
    }
    let inspectionCaseId: string | null = null;
    if (spec.inspection) {
      inspectionCaseId = randomUUID();
      const closed = spec.inspection.status === 'closed';
      await db.query(`INSERT INTO inspection_cases (id, case_id, credit_code, team_id, status, opened_at, closed_at, close_reason) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
        inspectionCaseId,
        caseId,
        spec.creditCode,
        spec.inspection.teamId,
        closed ? 'closed' : 'open',
        escalatedAt,
        closed ? (closedAt ?? new Date()) : null,
        closed ? (spec.inspection.closeReason ?? '单位已整改') : null,
      ]);
    }
    let proposalId: string | null = null;
    if (spec.exposure) {
      proposalId = randomUUID();
      const decided = spec.exposure.status !== 'proposed';
      await db.query(
        `INSERT INTO exposure_proposals (id, case_id, credit_code, status, proposed_at, decided_by, decider_username, decided_at, decision_reason, media_duty_id, approved_at)
         VALUES ($1, $2, $3, $4::varchar, $5, $6, $7, $8, $9, $10, CASE WHEN $4::varchar = 'approved' THEN $8::timestamptz END)`,
        [
          proposalId,
          caseId,
          spec.creditCode,
          spec.exposure.status,
          escalatedAt,
          decided ? this.office.user.id : null,
          decided ? this.office.user.username : null,
          decided ? new Date(escalatedAt.getTime() + DAY_MS / 2) : null,
          spec.exposure.status === 'rejected' ? '证据不足' : null,
          spec.exposure.mediaDutyId ?? null,
        ],
      );
    }
    return { caseId, inspectionCaseId, proposalId };
  }
}

/** Registers an inspection team through the API; districtIds: the districts it answers for (none: city-wide). */
export async function registerInspectionTeam(stack: TestStack, officeToken: string, name: string, districtIds: string[]) {
  const code = `T${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
  const created = await stack.http('POST', '/departments', {
    token: officeToken,
    body: { code, name, kind: 'inspection_team', districtIds, liaisonEmail: `${code.toLowerCase()}@duban.test`, headEmail: `${code.toLowerCase()}-head@duban.test` },
  });
  if (created.status !== 201) throw new Error(`team failed: ${JSON.stringify(created.body)}`);
  return created.body as { id: string; code: string; name: string; districtIds: string[] };
}
