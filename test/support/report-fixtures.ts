import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { CampaignTarget, DutyState, ReportFigures, ReportKind, ReportingUnitKind } from '@duban/domain';
import { LEADING_GROUP_CHAIR, NO_REPORT_PLAN, registerDistricts, type Unit } from './campaign-fixtures';
import type { TestStack } from './test-stack';

/**
 * FIXTURE FOR READ-SIDE TESTS ONLY (progress, rankings, assessment, circulars). Writes report
 * rounds, reports with their duties, filings and plain campaign duties straight into the
 * database in the shapes the reporting workflow and the duty workflows leave them, so that
 * figures on given days can be tested without waiting for a year of deadlines. The campaign,
 * its districts and departments go through the API. Nothing here runs a workflow: a duty
 * written here must not be acted on through the duty actions.
 */

type Office = { token: string; user: { id: string; username: string } };

export interface ReportFixtureOptions {
  /** Names of districts registered for this campaign (codes unique to the test). */
  districts: string[];
  /** How many departments to register as leading-group members. */
  departments: number;
  period: { start: string; end: string };
  /** Targets, given the registered units (so shares can name them). */
  targets?: (units: { districts: Unit[]; departments: Array<{ id: string }> }) => CampaignTarget[];
  /** Extra fields of the campaign body (e.g. a report plan or assessment rules). */
  extra?: Record<string, unknown>;
}

export interface FilingSpec {
  figures: ReportFigures;
  filedAt: Date;
  problems?: string;
  proposals?: string;
  correctionNote?: string;
  flags?: Array<{ field: string; message: string; reported: number; library: number }>;
}

export interface DutySpec {
  unitId: string;
  state: DutyState;
  dueAt: Date;
  /** When it was first submitted (a submitted, returned or accepted duty). */
  submittedAt?: Date;
  /** Times the office returned it (each followed by a new submission a day later). */
  returns?: number;
  title?: string;
}

/** The end of a local (Asia/Shanghai) day, as deadlines fall. */
export const endOfLocalDay = (date: string) => DateTime.fromISO(date, { zone: 'Asia/Shanghai' }).endOf('day').toJSDate();
export const startOfLocalDay = (date: string) => DateTime.fromISO(date, { zone: 'Asia/Shanghai' }).startOf('day').toJSDate();

/** Figures with zeros wherever a spec leaves them out. */
export function figures(partial: { census?: Partial<ReportFigures['census']>; insurance?: ReportFigures['insurance'] } = {}): ReportFigures {
  return {
    census: { unitsSurveyed: 0, uninsuredUnitsFound: 0, uninsuredPersonsFound: 0, unitsNewlyInsured: 0, ...partial.census },
    insurance: partial.insurance ?? {},
  };
}

export class ReportFixture {
  private constructor(
    private readonly stack: TestStack,
    private readonly office: Office,
    readonly campaignId: string,
    readonly districts: Unit[],
    readonly departments: Array<{ id: string; code: string; name: string }>,
  ) {}

  static async create(stack: TestStack, office: Office, options: ReportFixtureOptions): Promise<ReportFixture> {
    const districts = await registerDistricts(stack, office.token, options.districts);
    const departments = [];
    for (let i = 0; i < options.departments; i++) departments.push(await stack.department(office.token));
    const created = await stack.http('POST', '/campaigns', {
      token: office.token,
      body: {
        name: `报告测试${randomUUID().slice(0, 6)}`,
        // The fixture writes its own rounds: the reporting workflow must open none.
        reportPlan: NO_REPORT_PLAN,
        jurisdiction: { name: '衡阳市', level: 'city', districtIds: districts.map((d) => d.id) },
        period: options.period,
        legalBasis: { title: '扩面专项行动实施方案', number: `测〔2026〕${Math.floor(Math.random() * 1_000_000)}号` },
        targets: options.targets?.({ districts, departments }) ?? [],
        leadingGroup: {
          chair: LEADING_GROUP_CHAIR,
          viceChairs: [],
          members: departments.map((d) => ({ departmentId: d.id, liaison: { name: '联络员' }, head: { name: '负责人' } })),
        },
        phases: [{ kind: 'mobilisation', name: '动员部署', window: options.period, templates: [] }],
        ...options.extra,
      },
    });
    if (created.status !== 201) throw new Error(`campaign failed: ${JSON.stringify(created.body)}`);
    return new ReportFixture(stack, office, created.body.id as string, districts, departments);
  }

  /** A round as the reporting workflow opens it. */
  async round(spec: { kind: ReportKind; roundKey: string; periodStart: string; periodEnd: string; dueDate: string }): Promise<{ id: string; dueAt: Date }> {
    const id = randomUUID();
    const dueAt = endOfLocalDay(spec.dueDate);
    await this.stack.dataSource.query(
      `INSERT INTO report_rounds (id, campaign_id, kind, round_key, period_start, period_end, due_date, due_at, opened_at, report_count)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0)`,
      [id, this.campaignId, spec.kind, spec.roundKey, spec.periodStart, spec.periodEnd, spec.dueDate, dueAt, startOfLocalDay(spec.periodStart)],
    );
    return { id, dueAt };
  }

  /**
   * A unit's report in a round: its duty in `state` (submitted/accepted/returned ones first
   * submitted at the first filing's time) and its filings as versions 1, 2, …
   */
  async report(spec: {
    round: { id: string; dueAt: Date };
    unitId: string;
    unitKind: ReportingUnitKind;
    state: DutyState;
    filings?: FilingSpec[];
  }): Promise<{ reportId: string; dutyId: string }> {
    const filings = spec.filings ?? [];
    const firstFiled = filings[0]?.filedAt;
    const dutyId = await this.duty({
      unitId: spec.unitId,
      state: spec.state,
      dueAt: spec.round.dueAt,
      submittedAt: firstFiled,
      returns: spec.state === 'returned' ? 1 : 0,
      title: '扩面工作报告（测试）',
    });
    const reportId = randomUUID();
    const db = this.stack.dataSource;
    await db.query(`INSERT INTO reports (id, round_id, campaign_id, unit_id, unit_kind, duty_id, first_filed_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
      reportId,
      spec.round.id,
      this.campaignId,
      spec.unitId,
      spec.unitKind,
      dutyId,
      firstFiled ?? null,
    ]);
    await db.query(`UPDATE report_rounds SET report_count = report_count + 1 WHERE id = $1`, [spec.round.id]);
    for (const [i, filing] of filings.entries()) {
      await db.query(
        `INSERT INTO report_filings (id, report_id, version, figures, problems, proposals, correction_note, flags, filed_by, filed_by_username, filed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          randomUUID(),
          reportId,
          i + 1,
          JSON.stringify(filing.figures),
          filing.problems ?? '',
          filing.proposals ?? '',
          filing.correctionNote ?? null,
          JSON.stringify(filing.flags ?? []),
          this.office.user.id,
          this.office.user.username,
          filing.filedAt,
        ],
      );
    }
    return { reportId, dutyId };
  }

  /**
   * A campaign duty of a unit with the transitions that led to `state`: assign, acknowledge,
   * start, submit (at `submittedAt`), then per return a return and a resubmission a day later,
   * and accept or cancel last.
   */
  async duty(spec: DutySpec): Promise<string> {
    const id = randomUUID();
    const db = this.stack.dataSource;
    const DAY = 24 * 3600_000;
    const assignedAt = new Date(Math.min(spec.dueAt.getTime(), spec.submittedAt?.getTime() ?? Infinity) - 10 * DAY);
    const path: Array<{ action: string; from: DutyState | null; to: DutyState; at: Date }> = [{ action: 'assign', from: null, to: 'assigned', at: assignedAt }];
    const reached = (state: DutyState) => path[path.length - 1].to === state;
    const submitted = ['submitted', 'returned', 'accepted'].includes(spec.state);
    if (spec.state !== 'assigned' && spec.state !== 'cancelled') {
      path.push({ action: 'acknowledge', from: 'assigned', to: 'acknowledged', at: new Date(assignedAt.getTime() + 3600_000) });
      if (spec.state !== 'acknowledged') path.push({ action: 'start', from: 'acknowledged', to: 'in_progress', at: new Date(assignedAt.getTime() + 7200_000) });
    }
    if (submitted) {
      const first = spec.submittedAt ?? new Date(spec.dueAt.getTime() - DAY);
      path.push({ action: 'submit', from: 'in_progress', to: 'submitted', at: first });
      let at = first;
      for (let i = 0; i < (spec.returns ?? 0); i++) {
        at = new Date(at.getTime() + DAY / 2);
        path.push({ action: 'return', from: 'submitted', to: 'returned', at });
        if (spec.state === 'returned' && i === (spec.returns ?? 0) - 1) break;
        at = new Date(at.getTime() + DAY / 2);
        path.push({ action: 'submit', from: 'returned', to: 'submitted', at });
      }
      if (spec.state === 'accepted' && reached('submitted')) path.push({ action: 'accept', from: 'submitted', to: 'accepted', at: new Date(at.getTime() + DAY / 4) });
    }
    if (spec.state === 'cancelled') path.push({ action: 'cancel', from: 'assigned', to: 'cancelled', at: new Date(assignedAt.getTime() + DAY) });
    if (!reached(spec.state)) throw new Error(`the fixture cannot reach ${spec.state}`);
    const last = path[path.length - 1];
    const closed = spec.state === 'accepted' || spec.state === 'cancelled';
    await db.query(
      `INSERT INTO duties (id, department_id, title, description, state, due_at, assigned_at, assigned_by, workflow_id, last_seq,
                           return_count, closed_at, updated_at, campaign_id, late)
       VALUES ($1, $2, $3, '测试', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, false)`,
      [
        id,
        spec.unitId,
        spec.title ?? '督办事项（测试）',
        spec.state,
        spec.dueAt,
        assignedAt,
        this.office.user.id,
        `duty-${id}`,
        path.length,
        path.filter((t) => t.action === 'return').length,
        closed ? last.at : null,
        last.at,
        this.campaignId,
      ],
    );
    for (const [i, t] of path.entries()) {
      await db.query(
        `INSERT INTO duty_transitions (duty_id, seq, action, from_state, to_state, actor_user_id, actor_username, actor_role, reason, result, occurred_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          id,
          i + 1,
          t.action,
          t.from,
          t.to,
          this.office.user.id,
          this.office.user.username,
          'office',
          t.action === 'return' || t.action === 'cancel' ? '测试原因' : null,
          t.action === 'submit' ? '已报送' : null,
          t.at,
        ],
      );
    }
    return id;
  }
}
