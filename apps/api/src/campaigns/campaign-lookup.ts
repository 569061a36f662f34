import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { assertMay, DomainError, DomainErrorCode, type Actor } from '@duban/domain';
import { CampaignRepository, type CampaignRow, type PhaseRow } from '@duban/persistence';

/** The campaign or phase a request names, once the caller may read campaigns; 404 for an id that names none. */
@Injectable()
export class CampaignLookup {
  constructor(private readonly campaigns: CampaignRepository) {}

  async visible(actor: Actor, campaignId: string): Promise<CampaignRow> {
    assertMay(actor, 'campaign.read');
    const campaign = isUUID(campaignId) ? await this.campaigns.findById(campaignId) : null;
    if (!campaign) throw new DomainError(DomainErrorCode.CampaignNotFound, `No campaign with id ${campaignId}`);
    return campaign;
  }

  async visiblePhase(actor: Actor, campaignId: string, phaseId: string): Promise<{ campaign: CampaignRow; phase: PhaseRow }> {
    const campaign = await this.visible(actor, campaignId);
    const phase = isUUID(phaseId) ? await this.campaigns.phase(phaseId) : null;
    if (!phase || phase.campaignId !== campaign.id) throw new DomainError(DomainErrorCode.PhaseNotFound, `The campaign has no phase ${phaseId}`);
    return { campaign, phase };
  }
}
