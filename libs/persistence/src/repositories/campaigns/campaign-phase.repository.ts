import type { DataSource } from 'typeorm';
import { assertUnitsActive } from '../departments/department.repository';
import {
  DomainError,
  DomainErrorCode,
  summarisePhase,
  SYSTEM_ACTOR,
  SYSTEM_REASONS,
  type Actor,
  type CampaignDutyRoute,
  type DistrictRef,
  type DutyState,
  type EscalationLadderPolicy,
  type PhaseCloseReason,
  type PhaseDutyDraft,
  type PhaseSummary,
  type PlannedPhase,
} from '@duban/domain';
import { phaseDutyId } from './campaign-ids';
import { recordCampaignEvent, selectDistricts, selectPhase, selectRoutes, selectTemplates } from './campaign-statements';

/**
 * A campaign's run, as its workflows drive it: a phase's launch and the fan-out of its duties,
 * the phase's close, and the campaign's completion. Launch and close are written once each (the
 * phase row is locked and its status checked), so the activities that call them may run twice.
 */
export class CampaignPhaseRepository {
  constructor(private readonly dataSource: DataSource) {}

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
      const phase = await selectPhase(tx, input.phaseId, true);
      if (!phase) throw new DomainError(DomainErrorCode.PhaseNotFound, `No phase with id ${input.phaseId}`);
      if (phase.status !== 'planned') {
        return { dutyCount: phase.dutyCount!, windowEndsAt: phase.windowEndsAt!.getTime(), launchedAt: phase.launchedAt!.getTime() };
      }
      const planned: PlannedPhase = { ...phase, templates: await selectTemplates(tx, phase.id) };
      const { drafts, windowEndsAt, early, windowOpensAt } = decide({
        phase: planned,
        routes: await selectRoutes(tx, phase.campaignId),
        districts: await selectDistricts(tx, phase.campaignId),
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
      await recordCampaignEvent(tx, {
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
      const phase = await selectPhase(tx, phaseId, true);
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
      await recordCampaignEvent(tx, {
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
      await recordCampaignEvent(tx, {
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
