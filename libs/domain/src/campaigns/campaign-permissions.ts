import type { Actor } from '../roles';
import { assertMay } from '../access';

/** The office defines campaigns, edits their plans and launches phases. */
export function assertMayManageCampaigns(actor: Actor): void {
  assertMay(actor, 'campaign.manage');
}

/**
 * The office and viewers read campaigns (plans, targets, phase summaries across departments).
 * A department officer works from their own inbox, which names the campaign and phase of each
 * duty; inspectors have no business here.
 */
export function assertMayReadCampaigns(actor: Actor): void {
  assertMay(actor, 'campaign.read');
}
