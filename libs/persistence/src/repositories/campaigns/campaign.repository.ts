import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { assertUnitsActive } from '../departments/department.repository';
import {
  DomainError,
  DomainErrorCode,
  summarisePhase,
  SYSTEM_ACTOR,
  SYSTEM_REASONS,
  type Actor,
  type CampaignDutyRoute,
  type CampaignEventAction,
  type CampaignTarget,
  type DistrictRef,
  type DutyRouteKind,
  type DutyState,
  type DutyTemplate,
  type DutyTemplateRoute,
  type EscalationLadderPolicy,
  type PhaseCloseReason,
  type PhaseDutyDraft,
  type PhaseKind,
  type PhaseStatus,
  type PhaseSummary,
  type PlannedPhase,
} from '@duban/domain';
import type { LeadingGroup } from '@duban/contracts';

/** A UUID (version 8, name-based): the same name always gives the same id. */
export function nameBasedUuid(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The duty a launch decides for a draft: fixed by the draft's key, so a repeated launch names the same duty. */
export const phaseDutyId = (draftKey: string) => nameBasedUuid(`duban:phase-duty:${draftKey}`);

// The leading group is stored as the plan sends it and answered as stored: one type, the contract's.
export type { LeadingGroup, LeadingGroupContact, LeadingGroupMember, LeadingGroupPerson } from '@duban/contracts';

export interface CampaignRow {
  id: string;
  name: string;
  jurisdictionName: string;
  jurisdictionLevel: 'city' | 'province';
  periodStart: string;
  periodEnd: string;
  legalBasisTitle: string;
  legalBasisNumber: string;
  status: 'planned' | 'active' | 'completed';
  leadingGroup: LeadingGroup;
  targets: CampaignTarget[];
  clockPolicy: EscalationLadderPolicy;
  workflowId: string;
  version: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface PhaseRow {
  id: string;
  campaignId: string;
  seq: number;
  kind: PhaseKind;
  round: number | null;
  name: string;
  windowStart: string;
  windowEnd: string;
  focusSectors: string[];
  status: PhaseStatus;
  workflowId: string;
  launchedAt: Date | null;
  launchedBy: string | null;
  launchForced: boolean | null;
  launchReason: string | null;
  /** Launched before its window opened, by the office's choice (`earlyReason` says why). */
  launchedEarly: boolean;
  earlyReason: string | null;
  windowEndsAt: Date | null;
  dutyCount: number | null;
  closedAt: Date | null;
  closeReason: PhaseCloseReason | null;
  summary: PhaseSummary | null;
}

export interface CampaignEventRow {
  id: string;
  action: string;
  phaseId: string | null;
  actorUserId: string;
  actorUsername: string;
  actorRole: string;
  reason: string | null;
  details: Record<string, unknown> | null;
  occurredAt: Date;
}

export interface NewCampaign {
  id: string;
  workflowId: string;
  name: string;
  jurisdictionName: string;
  jurisdictionLevel: 'city' | 'province';
  periodStart: string;
  periodEnd: string;
  legalBasisTitle: string;
  legalBasisNumber: string;
  districtIds: string[];
  leadingGroup: LeadingGroup;
  targets: CampaignTarget[];
  clockPolicy: EscalationLadderPolicy;
  phases: Array<PlannedPhase & { round: number | null; workflowId: string }>;
}

export interface CampaignEvent {
  key: string;
  campaignId: string;
  phaseId?: string | null;
  /** One of the domain's list, so a new kind of event cannot reach the log without the console's words. */
  action: CampaignEventAction;
  actor: Actor;
  reason?: string | null;
  details?: Record<string, unknown> | null;
  occurredAt: Date;
}

const CAMPAIGN_COLUMNS = `
  id, name, jurisdiction_name AS "jurisdictionName", jurisdiction_level AS "jurisdictionLevel",
  period_start::text AS "periodStart", period_end::text AS "periodEnd", legal_basis_title AS "legalBasisTitle",
  legal_basis_number AS "legalBasisNumber", status, leading_group AS "leadingGroup", targets,
  clock_policy AS "clockPolicy", workflow_id AS "workflowId", version, created_by AS "createdBy",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

const PHASE_COLUMNS = `
  id, campaign_id AS "campaignId", seq, kind, round, name, window_start::text AS "windowStart",
  window_end::text AS "windowEnd", focus_sectors AS "focusSectors", status, workflow_id AS "workflowId",
  launched_at AS "launchedAt", launched_by AS "launchedBy", launch_forced AS "launchForced",
  launch_reason AS "launchReason", launched_early AS "launchedEarly", early_reason AS "earlyReason", window_ends_at AS "windowEndsAt", duty_count AS "dutyCount",
  closed_at AS "closedAt", close_reason AS "closeReason", summary`;

interface TemplateDbRow {
  id: string;
  title: string;
  description: string;
  route_kind: DutyTemplateRoute['kind'];
  route_key: string | null;
  scope: DutyTemplate['scope'];
  due_at: Date | null;
  due_working_days: number | null;
}

function toTemplate(row: TemplateDbRow): DutyTemplate {
  const route: DutyTemplateRoute = row.route_kind === 'function' || row.route_kind === 'sector' ? { kind: row.route_kind, key: row.route_key! } : { kind: row.route_kind };
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    route,
    scope: row.scope,
    due: row.due_at ? { at: row.due_at.getTime() } : { workingDaysAfterLaunch: row.due_working_days! },
  };
}

/**
 * The campaign record: plan, matrix copy, phases, the fan-out of launched phases and the
 * campaign's log. Launch and close are written once each (the phase row is locked and its
 * status checked), so the activities that call them may run twice.
 */
export class CampaignRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(campaign: NewCampaign, actor: Actor, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const now = new Date();
    await manager.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO campaigns (id, name, jurisdiction_name, jurisdiction_level, period_start, period_end,
                                legal_basis_title, legal_basis_number, status, leading_group, targets, clock_policy,
                                workflow_id, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'planned', $9, $10, $11, $12, $13, $14, $14)`,
        [
          campaign.id,
          campaign.name,
          campaign.jurisdictionName,
          campaign.jurisdictionLevel,
          campaign.periodStart,
          campaign.periodEnd,
          campaign.legalBasisTitle,
          campaign.legalBasisNumber,
          JSON.stringify(campaign.leadingGroup),
          JSON.stringify(campaign.targets),
          JSON.stringify(campaign.clockPolicy),
          campaign.workflowId,
          actor.userId,
          now,
        ],
      );
      for (const [seq, districtId] of campaign.districtIds.entries()) {
        await tx.query(`INSERT INTO campaign_districts (campaign_id, district_id, seq) VALUES ($1, $2, $3)`, [campaign.id, districtId, seq]);
      }
      // The campaign works on its own copy of the matrix: later edits to the shared matrix do
      // not reroute a running campaign, and edits to this copy touch no other campaign.
      await tx.query(
        `INSERT INTO campaign_duty_routes (campaign_id, kind, key, label, department_id)
         SELECT $1, kind, key, label, department_id FROM duty_matrix_routes`,
        [campaign.id],
      );
      for (const [seq, phase] of campaign.phases.entries()) {
        await this.insertPhase(tx, campaign.id, seq, phase);
      }
      await this.recordEvent(tx, {
        key: `campaign:${campaign.id}:created`,
        campaignId: campaign.id,
        action: 'campaign_created',
        actor,
        occurredAt: now,
        details: { phases: campaign.phases.length },
      });
    });
  }

  private async insertPhase(tx: EntityManager, campaignId: string, seq: number, phase: NewCampaign['phases'][number]): Promise<void> {
    await tx.query(
      `INSERT INTO campaign_phases (id, campaign_id, seq, kind, round, name, window_start, window_end, focus_sectors, workflow_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [phase.id, campaignId, seq, phase.kind, phase.round, phase.name, phase.windowStart, phase.windowEnd, [...phase.focusSectors], phase.workflowId],
    );
    await this.insertTemplates(tx, phase.id, phase.templates);
  }

  private async insertTemplates(tx: EntityManager, phaseId: string, templates: readonly DutyTemplate[]): Promise<void> {
    for (const [seq, t] of templates.entries()) {
      await tx.query(
        `INSERT INTO phase_duty_templates (id, phase_id, seq, title, description, route_kind, route_key, scope, due_at, due_working_days)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          t.id,
          phaseId,
          seq,
          t.title,
          t.description,
          t.route.kind,
          'key' in t.route ? t.route.key : null,
          t.scope,
          'at' in t.due ? new Date(t.due.at) : null,
          'workingDaysAfterLaunch' in t.due ? t.due.workingDaysAfterLaunch : null,
        ],
      );
    }
  }

  async findById(id: string): Promise<CampaignRow | null> {
    const rows: CampaignRow[] = await this.dataSource.query(`SELECT ${CAMPAIGN_COLUMNS} FROM campaigns WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  list(): Promise<CampaignRow[]> {
    return this.dataSource.query(`SELECT ${CAMPAIGN_COLUMNS} FROM campaigns ORDER BY created_at DESC, id`);
  }

  phases(campaignId: string, manager: EntityManager = this.dataSource.manager): Promise<PhaseRow[]> {
    return manager.query(`SELECT ${PHASE_COLUMNS} FROM campaign_phases WHERE campaign_id = $1 ORDER BY seq`, [campaignId]);
  }

  async phase(phaseId: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<PhaseRow | null> {
    const rows: PhaseRow[] = await manager.query(`SELECT ${PHASE_COLUMNS} FROM campaign_phases WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [phaseId]);
    return rows[0] ?? null;
  }

  /** Each campaign's phases in order, in one query (a campaign without phases gets none). */
  async phasesOf(campaignIds: readonly string[]): Promise<Map<string, PhaseRow[]>> {
    const rows: PhaseRow[] = await this.dataSource.query(`SELECT ${PHASE_COLUMNS} FROM campaign_phases WHERE campaign_id = ANY($1::uuid[]) ORDER BY seq`, [[...campaignIds]]);
    return groupBy(campaignIds, rows, (row) => row.campaignId);
  }

  /** Each phase's templates in order, in one query. */
  async templatesOf(phaseIds: readonly string[]): Promise<Map<string, DutyTemplate[]>> {
    const rows: (TemplateDbRow & { phase_id: string })[] = await this.dataSource.query(`SELECT * FROM phase_duty_templates WHERE phase_id = ANY($1::uuid[]) ORDER BY seq`, [
      [...phaseIds],
    ]);
    const grouped = groupBy(phaseIds, rows, (row) => row.phase_id);
    return new Map([...grouped].map(([phaseId, own]) => [phaseId, own.map(toTemplate)]));
  }

  async templates(phaseId: string, manager: EntityManager = this.dataSource.manager): Promise<DutyTemplate[]> {
    const rows: TemplateDbRow[] = await manager.query(`SELECT * FROM phase_duty_templates WHERE phase_id = $1 ORDER BY seq`, [phaseId]);
    return rows.map(toTemplate);
  }

  districts(campaignId: string, manager: EntityManager = this.dataSource.manager): Promise<DistrictRef[]> {
    return manager.query(
      `SELECT d.id, d.name FROM campaign_districts cd JOIN departments d ON d.id = cd.district_id
       WHERE cd.campaign_id = $1 ORDER BY cd.seq`,
      [campaignId],
    );
  }

  routes(campaignId: string, manager: EntityManager = this.dataSource.manager): Promise<Array<CampaignDutyRoute & { departmentCode: string; departmentName: string }>> {
    return manager.query(
      `SELECT r.kind, r.key, r.label, r.department_id AS "departmentId", d.code AS "departmentCode", d.name AS "departmentName"
       FROM campaign_duty_routes r JOIN departments d ON d.id = r.department_id
       WHERE r.campaign_id = $1 ORDER BY r.kind, r.key`,
      [campaignId],
    );
  }

  events(campaignId: string): Promise<CampaignEventRow[]> {
    return this.dataSource.query(
      `SELECT id, action, phase_id AS "phaseId", actor_user_id AS "actorUserId", actor_username AS "actorUsername",
              actor_role AS "actorRole", reason, details, occurred_at AS "occurredAt"
       FROM campaign_events WHERE campaign_id = $1 ORDER BY id`,
      [campaignId],
    );
  }

  async recordEvent(manager: EntityManager, event: CampaignEvent): Promise<void> {
    await manager.query(
      `INSERT INTO campaign_events (event_key, campaign_id, phase_id, action, actor_user_id, actor_username, actor_role,
                                    reason, details, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (event_key) DO NOTHING`,
      [
        event.key,
        event.campaignId,
        event.phaseId ?? null,
        event.action,
        event.actor.userId,
        event.actor.username,
        event.actor.role,
        event.reason ?? null,
        event.details ? JSON.stringify(event.details) : null,
        event.occurredAt,
      ],
    );
  }

  /**
   * Replaces a phase's name, window, focus sectors and templates while it has not been
   * launched. The row is locked: a launch running at the same moment sees either the old plan
   * or the new one, never half of each.
   */
  async revisePhase(
    phaseId: string,
    revision: { name: string; windowStart: string; windowEnd: string; focusSectors: readonly string[]; templates: readonly DutyTemplate[] },
    actor: Actor,
    reason: string | null,
  ): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const phase = await this.phase(phaseId, tx, true);
      if (!phase) throw new DomainError(DomainErrorCode.PhaseNotFound, `No phase with id ${phaseId}`);
      if (phase.status !== 'planned') {
        throw new DomainError(DomainErrorCode.PhaseNotEditable, `Phase "${phase.name}" has been launched; its plan is fixed`);
      }
      await tx.query(`UPDATE campaign_phases SET name = $2, window_start = $3, window_end = $4, focus_sectors = $5 WHERE id = $1`, [
        phaseId,
        revision.name,
        revision.windowStart,
        revision.windowEnd,
        [...revision.focusSectors],
      ]);
      await tx.query(`DELETE FROM phase_duty_templates WHERE phase_id = $1`, [phaseId]);
      await this.insertTemplates(tx, phaseId, revision.templates);
      const now = new Date();
      await tx.query(`UPDATE campaigns SET version = version + 1, updated_at = $2 WHERE id = $1`, [phase.campaignId, now]);
      await this.recordEvent(tx, {
        key: `phase:${phaseId}:revised:${now.getTime()}:${actor.userId}`,
        campaignId: phase.campaignId,
        phaseId,
        action: 'phase_plan_revised',
        actor,
        reason,
        occurredAt: now,
        details: { before: { name: phase.name, windowStart: phase.windowStart, windowEnd: phase.windowEnd, focusSectors: phase.focusSectors } },
      });
    });
  }

  /** Points a sector or function of the campaign's matrix at another department, logged. */
  async setRoute(campaignId: string, kind: DutyRouteKind, key: string, departmentId: string, actor: Actor, reason: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const rows: Array<{ department_id: string }> = await tx.query(`SELECT department_id FROM campaign_duty_routes WHERE campaign_id = $1 AND kind = $2 AND key = $3 FOR UPDATE`, [
        campaignId,
        kind,
        key,
      ]);
      if (rows.length === 0) {
        throw new DomainError(DomainErrorCode.NoDutyRoute, `The campaign's duty matrix has no ${kind} "${key}"`, { kind, key });
      }
      if (rows[0].department_id === departmentId) return;
      await assertUnitsActive(tx, [departmentId]);
      await tx.query(`UPDATE campaign_duty_routes SET department_id = $4 WHERE campaign_id = $1 AND kind = $2 AND key = $3`, [campaignId, kind, key, departmentId]);
      const now = new Date();
      await this.recordEvent(tx, {
        key: `campaign:${campaignId}:route:${kind}:${key}:${now.getTime()}:${actor.userId}`,
        campaignId,
        action: 'duty_route_changed',
        actor,
        reason,
        occurredAt: now,
        details: { kind, key, fromDepartmentId: rows[0].department_id, toDepartmentId: departmentId },
      });
    });
  }

  /** Replaces the campaign's escalation ladder (duties of phases launched later run on it), logged with the old one. */
  setClockPolicy(campaignId: string, policy: EscalationLadderPolicy, actor: Actor, reason: string): Promise<void> {
    return this.replaceDocument(campaignId, 'clock_policy', policy, 'escalation_ladder_changed', actor, reason);
  }

  setTargets(campaignId: string, targets: CampaignTarget[], actor: Actor, reason: string): Promise<void> {
    return this.replaceDocument(campaignId, 'targets', targets, 'targets_changed', actor, reason);
  }

  setLeadingGroup(campaignId: string, group: LeadingGroup, actor: Actor, reason: string): Promise<void> {
    return this.replaceDocument(campaignId, 'leading_group', group, 'leading_group_changed', actor, reason);
  }

  /** Replaces one of the campaign's documents, logging before and after, who and why. */
  private async replaceDocument(
    campaignId: string,
    column: 'clock_policy' | 'targets' | 'leading_group',
    value: unknown,
    action: CampaignEventAction,
    actor: Actor,
    reason: string,
  ): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const rows: Array<{ before: unknown }> = await tx.query(`SELECT ${column} AS before FROM campaigns WHERE id = $1 FOR UPDATE`, [campaignId]);
      if (rows.length === 0) throw new DomainError(DomainErrorCode.CampaignNotFound, `No campaign with id ${campaignId}`);
      const now = new Date();
      await tx.query(`UPDATE campaigns SET ${column} = $2, version = version + 1, updated_at = $3 WHERE id = $1`, [campaignId, JSON.stringify(value), now]);
      await this.recordEvent(tx, {
        key: `campaign:${campaignId}:${action}:${now.getTime()}:${actor.userId}`,
        campaignId,
        action,
        actor,
        reason,
        occurredAt: now,
        details: { before: rows[0].before, after: value },
      });
    });
  }

  /**
   * Opens a phase once: records who launched it (forced or not, and why), and stores the
   * duties `decide` returns, each with its name-based id. A second call finds the phase open
   * and returns what the first decided.
   */
  async openPhase(
    input: { phaseId: string; actor: Actor; forced: boolean; reason: string | null; early?: { reason: string } | null; launchedAt: number },
    decide: (context: { phase: PlannedPhase; routes: CampaignDutyRoute[]; districts: DistrictRef[]; launchedAt: number }) => {
      drafts: PhaseDutyDraft[];
      windowEndsAt: number;
      early: boolean;
      windowOpensAt: number | null;
    },
  ): Promise<{ dutyCount: number; windowEndsAt: number; launchedAt: number }> {
    return this.dataSource.transaction(async (tx) => {
      const phase = await this.phase(input.phaseId, tx, true);
      if (!phase) throw new DomainError(DomainErrorCode.PhaseNotFound, `No phase with id ${input.phaseId}`);
      if (phase.status !== 'planned') {
        return { dutyCount: phase.dutyCount!, windowEndsAt: phase.windowEndsAt!.getTime(), launchedAt: phase.launchedAt!.getTime() };
      }
      const planned: PlannedPhase = { ...phase, templates: await this.templates(phase.id, tx) };
      const { drafts, windowEndsAt, early, windowOpensAt } = decide({
        phase: planned,
        routes: await this.routes(phase.campaignId, tx),
        districts: await this.districts(phase.campaignId, tx),
        launchedAt: input.launchedAt,
      });
      // A deactivated unit gets no new duties: the launch is refused naming it, and nothing is written.
      await assertUnitsActive(
        tx,
        drafts.map((d) => d.departmentId),
      );
      // One statement per thousand rows: a phase of thousands of duties is written in a few round trips.
      for (let start = 0; start < drafts.length; start += 1000) {
        const chunk = drafts.slice(start, start + 1000);
        await tx.query(
          `INSERT INTO phase_fanout (phase_id, ordinal, duty_id, template_id, department_id, district_id, sector_key, title, description, due_at)
           SELECT $1, t.ordinal, t.duty_id, t.template_id, t.department_id, t.district_id, t.sector_key, t.title, t.description, t.due_at
           FROM unnest($2::int[], $3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::text[], $8::text[], $9::text[], $10::timestamptz[])
             AS t(ordinal, duty_id, template_id, department_id, district_id, sector_key, title, description, due_at)
           ON CONFLICT DO NOTHING`,
          [
            input.phaseId,
            chunk.map((_, i) => start + i),
            chunk.map((d) => phaseDutyId(d.key)),
            chunk.map((d) => d.templateId),
            chunk.map((d) => d.departmentId),
            chunk.map((d) => d.districtId),
            chunk.map((d) => d.sectorKey),
            chunk.map((d) => d.title),
            chunk.map((d) => d.description),
            chunk.map((d) => new Date(d.dueAt)),
          ],
        );
      }
      const launchedAt = new Date(input.launchedAt);
      await tx.query(
        `UPDATE campaign_phases SET status = 'open', launched_at = $2, launched_by = $3, launch_forced = $4,
                launch_reason = $5, window_ends_at = $6, duty_count = $7, launched_early = $8, early_reason = $9
         WHERE id = $1`,
        [input.phaseId, launchedAt, input.actor.userId, input.forced, input.reason, new Date(windowEndsAt), drafts.length, early, early ? input.early!.reason.trim() : null],
      );
      await tx.query(`UPDATE campaigns SET status = 'active', updated_at = $2 WHERE id = $1 AND status = 'planned'`, [phase.campaignId, launchedAt]);
      await this.recordEvent(tx, {
        key: `phase:${input.phaseId}:launched`,
        campaignId: phase.campaignId,
        phaseId: input.phaseId,
        // An early launch is named as such (its reason the log's why); a forced one keeps its own reason in the details.
        action: early ? 'phase_launched_early' : input.forced ? 'phase_launched_forced' : 'phase_launched',
        actor: input.actor,
        reason: early ? input.early!.reason.trim() : input.reason,
        occurredAt: launchedAt,
        details: {
          dutyCount: drafts.length,
          windowEndsAt: new Date(windowEndsAt).toISOString(),
          ...(early ? { early: true, windowOpensAt: new Date(windowOpensAt!).toISOString(), forced: input.forced, forceReason: input.reason } : {}),
        },
      });
      return { dutyCount: drafts.length, windowEndsAt, launchedAt: input.launchedAt };
    });
  }

  /** Fan-out rows [offset, offset + limit) with what a duty workflow needs to start. */
  fanout(
    phaseId: string,
    offset: number,
    limit: number,
  ): Promise<
    Array<{
      ordinal: number;
      dutyId: string;
      campaignId: string;
      templateId: string;
      departmentId: string;
      districtId: string | null;
      sectorKey: string | null;
      title: string;
      description: string;
      dueAt: Date;
      launchedAt: Date;
      launchedBy: string;
      launchedByUsername: string;
      launchedByRole: Actor['role'];
      clockPolicy: EscalationLadderPolicy;
    }>
  > {
    return this.dataSource.query(
      `SELECT f.ordinal, f.duty_id AS "dutyId", p.campaign_id AS "campaignId", f.template_id AS "templateId",
              f.department_id AS "departmentId", f.district_id AS "districtId", f.sector_key AS "sectorKey",
              f.title, f.description, f.due_at AS "dueAt", p.launched_at AS "launchedAt", p.launched_by AS "launchedBy",
              u.username AS "launchedByUsername", u.role AS "launchedByRole", c.clock_policy AS "clockPolicy"
       FROM phase_fanout f
       JOIN campaign_phases p ON p.id = f.phase_id
       JOIN campaigns c ON c.id = p.campaign_id
       JOIN users u ON u.id = p.launched_by
       WHERE f.phase_id = $1 AND f.ordinal >= $2 AND f.ordinal < $3
       ORDER BY f.ordinal`,
      [phaseId, offset, offset + limit],
    );
  }

  /**
   * Closes a phase once: its still-open duties are marked late (they stay open), and the
   * summary is computed from every duty the launch decided (a duty whose workflow has not
   * written its row yet counts as assigned).
   */
  async closePhase(phaseId: string, closedAt: number, reason: PhaseCloseReason): Promise<PhaseSummary> {
    return this.dataSource.transaction(async (tx) => {
      const phase = await this.phase(phaseId, tx, true);
      if (!phase) throw new DomainError(DomainErrorCode.PhaseNotFound, `No phase with id ${phaseId}`);
      if (phase.status === 'closed') return phase.summary!;
      await tx.query(`UPDATE duties SET late = true WHERE phase_id = $1 AND state NOT IN ('accepted', 'cancelled') AND NOT late`, [phaseId]);
      const outcomes: Array<{ departmentId: string; districtId: string | null; state: DutyState; dueAt: Date; closedAt: Date | null }> = await tx.query(
        `SELECT f.department_id AS "departmentId", f.district_id AS "districtId", COALESCE(d.state, 'assigned') AS state,
                  COALESCE(d.due_at, f.due_at) AS "dueAt", d.closed_at AS "closedAt"
           FROM phase_fanout f LEFT JOIN duties d ON d.id = f.duty_id
           WHERE f.phase_id = $1`,
        [phaseId],
      );
      const summary = summarisePhase(
        outcomes.map((o) => ({ ...o, dueAt: o.dueAt.getTime(), closedAt: o.closedAt ? o.closedAt.getTime() : null })),
        closedAt,
        reason,
      );
      await tx.query(`UPDATE campaign_phases SET status = 'closed', closed_at = $2, close_reason = $3, summary = $4 WHERE id = $1`, [
        phaseId,
        new Date(closedAt),
        reason,
        JSON.stringify(summary),
      ]);
      await this.recordEvent(tx, {
        key: `phase:${phaseId}:closed`,
        campaignId: phase.campaignId,
        phaseId,
        action: 'phase_closed',
        actor: SYSTEM_ACTOR,
        reason: reason === 'window_ended' ? SYSTEM_REASONS.window_ended : SYSTEM_REASONS.every_duty_closed,
        occurredAt: new Date(closedAt),
        details: { total: summary.total, onTime: summary.onTime, late: summary.late, openAtClose: summary.openAtClose },
      });
      return summary;
    });
  }

  async complete(campaignId: string, completedAt: number): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await tx.query(`UPDATE campaigns SET status = 'completed', updated_at = $2 WHERE id = $1 AND status <> 'completed'`, [campaignId, new Date(completedAt)]);
      await this.recordEvent(tx, {
        key: `campaign:${campaignId}:completed`,
        campaignId,
        action: 'campaign_completed',
        actor: SYSTEM_ACTOR,
        reason: SYSTEM_REASONS.every_phase_closed,
        occurredAt: new Date(completedAt),
      });
    });
  }
}

/** Rows grouped under each of `keys` (every key present, in the rows' order). */
function groupBy<T>(keys: readonly string[], rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> {
  const grouped = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) grouped.get(keyOf(row))?.push(row);
  return grouped;
}
