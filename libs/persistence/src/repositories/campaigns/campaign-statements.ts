import type { EntityManager } from 'typeorm';
import type { DistrictRef, DutyTemplate, DutyTemplateRoute } from '@duban/domain';
import type { CampaignEvent, CampaignRouteRow, PhaseRow } from './campaign-rows';

// What the campaign's repositories share and the package does not export: the column lists,
// the template rows' mapping, and the statements each repository runs on the manager it is
// given (a transaction's, so a launch or an edit reads what it then writes).

export const CAMPAIGN_COLUMNS = `
  id, name, jurisdiction_name AS "jurisdictionName", jurisdiction_level AS "jurisdictionLevel",
  period_start::text AS "periodStart", period_end::text AS "periodEnd", legal_basis_title AS "legalBasisTitle",
  legal_basis_number AS "legalBasisNumber", status, leading_group AS "leadingGroup", targets,
  clock_policy AS "clockPolicy", workflow_id AS "workflowId", version, created_by AS "createdBy",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

export const PHASE_COLUMNS = `
  id, campaign_id AS "campaignId", seq, kind, round, name, window_start::text AS "windowStart",
  window_end::text AS "windowEnd", focus_sectors AS "focusSectors", status, workflow_id AS "workflowId",
  launched_at AS "launchedAt", launched_by AS "launchedBy", launch_forced AS "launchForced",
  launch_reason AS "launchReason", launched_early AS "launchedEarly", early_reason AS "earlyReason", window_ends_at AS "windowEndsAt", duty_count AS "dutyCount",
  closed_at AS "closedAt", close_reason AS "closeReason", summary`;

export interface TemplateDbRow {
  id: string;
  title: string;
  description: string;
  route_kind: DutyTemplateRoute['kind'];
  route_key: string | null;
  scope: DutyTemplate['scope'];
  due_at: Date | null;
  due_working_days: number | null;
}

export function toTemplate(row: TemplateDbRow): DutyTemplate {
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

/** Rows grouped under each of `keys` (every key present, in the rows' order). */
export function groupBy<T>(keys: readonly string[], rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> {
  const grouped = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) grouped.get(keyOf(row))?.push(row);
  return grouped;
}

export async function selectPhase(manager: EntityManager, phaseId: string, lock = false): Promise<PhaseRow | null> {
  const rows: PhaseRow[] = await manager.query(`SELECT ${PHASE_COLUMNS} FROM campaign_phases WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [phaseId]);
  return rows[0] ?? null;
}

export async function selectTemplates(manager: EntityManager, phaseId: string): Promise<DutyTemplate[]> {
  const rows: TemplateDbRow[] = await manager.query(`SELECT * FROM phase_duty_templates WHERE phase_id = $1 ORDER BY seq`, [phaseId]);
  return rows.map(toTemplate);
}

export function selectDistricts(manager: EntityManager, campaignId: string): Promise<DistrictRef[]> {
  return manager.query(
    `SELECT d.id, d.name FROM campaign_districts cd JOIN departments d ON d.id = cd.district_id
     WHERE cd.campaign_id = $1 ORDER BY cd.seq`,
    [campaignId],
  );
}

export function selectRoutes(manager: EntityManager, campaignId: string): Promise<CampaignRouteRow[]> {
  return manager.query(
    `SELECT r.kind, r.key, r.label, r.department_id AS "departmentId", d.code AS "departmentCode", d.name AS "departmentName"
     FROM campaign_duty_routes r JOIN departments d ON d.id = r.department_id
     WHERE r.campaign_id = $1 ORDER BY r.kind, r.key`,
    [campaignId],
  );
}

export async function insertTemplates(tx: EntityManager, phaseId: string, templates: readonly DutyTemplate[]): Promise<void> {
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

/** Adds an entry to the campaign's log once (a repeated key is ignored). */
export async function recordCampaignEvent(manager: EntityManager, event: CampaignEvent): Promise<void> {
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
