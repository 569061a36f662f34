import type { DataSource } from 'typeorm';
import { assertUnitsActive } from '../departments/department.repository';
import {
  DomainError,
  DomainErrorCode,
  type Actor,
  type CampaignEventAction,
  type CampaignTarget,
  type DutyRouteKind,
  type DutyTemplate,
  type EscalationLadderPolicy,
} from '@duban/domain';
import type { LeadingGroup } from '@duban/contracts';
import { insertTemplates, recordCampaignEvent, selectPhase } from './campaign-statements';

/**
 * The office's edits to a campaign after its creation: a planned phase's plan, the campaign's
 * own duty matrix, its escalation ladder, targets and leading group. Each is one transaction
 * on a locked row, logged with who, why and what it replaced.
 */
export class CampaignEditRepository {
  constructor(private readonly dataSource: DataSource) {}

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
      const phase = await selectPhase(tx, phaseId, true);
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
      await insertTemplates(tx, phaseId, revision.templates);
      const now = new Date();
      await tx.query(`UPDATE campaigns SET version = version + 1, updated_at = $2 WHERE id = $1`, [phase.campaignId, now]);
      await recordCampaignEvent(tx, {
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
      await recordCampaignEvent(tx, {
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
      await recordCampaignEvent(tx, {
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
}
