import type { DataSource, EntityManager } from 'typeorm';
import type { Actor, DistrictRef, DutyTemplate } from '@duban/domain';
import type { CampaignEvent, CampaignEventRow, CampaignRouteRow, CampaignRow, NewCampaign, PhaseRow } from './campaign-rows';
import {
  CAMPAIGN_COLUMNS,
  groupBy,
  insertTemplates,
  PHASE_COLUMNS,
  recordCampaignEvent,
  selectDistricts,
  selectPhase,
  selectRoutes,
  selectTemplates,
  toTemplate,
  type TemplateDbRow,
} from './campaign-statements';

/**
 * The campaign record: its creation (plan, matrix copy, phases) and what is read of it, and the
 * campaign's log. The office's later edits are CampaignEditRepository's; the phases' launch,
 * fan-out and close CampaignPhaseRepository's.
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
    await insertTemplates(tx, phase.id, phase.templates);
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

  phase(phaseId: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<PhaseRow | null> {
    return selectPhase(manager, phaseId, lock);
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

  templates(phaseId: string, manager: EntityManager = this.dataSource.manager): Promise<DutyTemplate[]> {
    return selectTemplates(manager, phaseId);
  }

  districts(campaignId: string, manager: EntityManager = this.dataSource.manager): Promise<DistrictRef[]> {
    return selectDistricts(manager, campaignId);
  }

  routes(campaignId: string, manager: EntityManager = this.dataSource.manager): Promise<CampaignRouteRow[]> {
    return selectRoutes(manager, campaignId);
  }

  events(campaignId: string): Promise<CampaignEventRow[]> {
    return this.dataSource.query(
      `SELECT id, action, phase_id AS "phaseId", actor_user_id AS "actorUserId", actor_username AS "actorUsername",
              actor_role AS "actorRole", reason, details, occurred_at AS "occurredAt"
       FROM campaign_events WHERE campaign_id = $1 ORDER BY id`,
      [campaignId],
    );
  }

  recordEvent(manager: EntityManager, event: CampaignEvent): Promise<void> {
    return recordCampaignEvent(manager, event);
  }
}
