import type { Actor } from '../roles';
import { DomainError, DomainErrorCode } from '../errors';

/** The office defines campaigns, edits their plans and launches phases. */
export function assertMayManageCampaigns(actor: Actor): void {
  if (actor.role !== 'office') {
    throw new DomainError(DomainErrorCode.ActionNotPermitted, 'Only the office may manage campaigns and launch phases');
  }
}

/**
 * The office and viewers read campaigns (plans, targets, phase summaries across departments).
 * A department officer works from their own inbox, which names the campaign and phase of each
 * duty; inspectors have no business here.
 */
export function assertMayReadCampaigns(actor: Actor): void {
  if (actor.role !== 'office' && actor.role !== 'viewer') {
    throw new DomainError(DomainErrorCode.ActionNotPermitted, `A user with role ${actor.role} may not read campaigns`);
  }
}
