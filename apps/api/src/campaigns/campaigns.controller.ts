import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, type StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor, EscalationLadderPolicy } from '@duban/domain';
import type {
  CampaignDetail,
  CampaignEventView,
  CampaignListItem,
  CampaignLive,
  CampaignRoute,
  LaunchAnswer,
  LaunchPreview,
  PhaseLive,
  PhaseSummaryAnswer,
  PhaseWithTemplates,
} from '@duban/contracts';
import { CurrentActor } from '../common/actor.decorator';
import { exportFormat, tableResponse, XLSX_TYPE } from '../common/table-export';
import {
  CreateCampaignDto,
  FormatQuery,
  LaunchPhaseDto,
  RevisePhaseDto,
  SetCampaignRouteDto,
  SetCampaignTargetsDto,
  SetEscalationLadderDto,
  SetLeadingGroupDto,
} from './campaign.dto';
import { CampaignEditsService } from './campaign-edits.service';
import { CampaignsService } from './campaigns.service';
import { PhaseLaunchService } from './phase-launch.service';
import { PhaseSummaryService } from './phase-summary.service';
import { ApiErrors } from '../common/api-errors.decorator';
import { Allow } from '../common/allow.decorator';

@ApiErrors(403)
@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('campaigns')
export class CampaignsController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly edits: CampaignEditsService,
    private readonly launches: PhaseLaunchService,
    private readonly summaries: PhaseSummaryService,
  ) {}

  @Post()
  @Allow('campaign.manage')
  create(@CurrentActor() actor: Actor, @Body() body: CreateCampaignDto): Promise<CampaignDetail> {
    return this.campaigns.create(actor, body);
  }

  @Get()
  @Allow('campaign.read')
  list(@CurrentActor() actor: Actor): Promise<CampaignListItem[]> {
    return this.campaigns.list(actor);
  }

  @Get(':id')
  @Allow('campaign.read')
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<CampaignDetail> {
    return this.campaigns.get(actor, id);
  }

  /** The campaign workflow's live state (a Temporal query) beside the stored phases. */
  @Get(':id/live')
  @Allow('campaign.read')
  live(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<CampaignLive> {
    return this.campaigns.live(actor, id);
  }

  /** Who did what to the campaign: creation, plan and matrix edits, launches (forced, why), closes. */
  @Get(':id/events')
  @Allow('campaign.read')
  events(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<CampaignEventView[]> {
    return this.campaigns.events(actor, id);
  }

  @Get(':id/duty-matrix')
  @Allow('campaign.read')
  routes(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<CampaignRoute[]> {
    return this.campaigns.routes(actor, id);
  }

  @ApiErrors(409)
  @Put(':id/duty-matrix/:kind/:key')
  @Allow('campaign.manage')
  setRoute(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('kind') kind: string,
    @Param('key') key: string,
    @Body() body: SetCampaignRouteDto,
  ): Promise<CampaignRoute[]> {
    return this.edits.setRoute(actor, id, kind, key, body);
  }

  @ApiErrors(409)
  @Put(':id/escalation-ladder')
  @Allow('campaign.manage')
  setLadder(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: SetEscalationLadderDto): Promise<EscalationLadderPolicy> {
    return this.edits.setLadder(actor, id, body);
  }

  @Get(':id/phases/:phaseId')
  @Allow('campaign.read')
  phase(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('phaseId') phaseId: string): Promise<PhaseWithTemplates> {
    return this.campaigns.phase(actor, id, phaseId);
  }

  @ApiErrors(409)
  @Put(':id/targets')
  @Allow('campaign.manage')
  setTargets(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: SetCampaignTargetsDto): Promise<CampaignDetail> {
    return this.edits.setTargets(actor, id, body);
  }

  @ApiErrors(409)
  @Put(':id/leading-group')
  @Allow('campaign.manage')
  setLeadingGroup(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: SetLeadingGroupDto): Promise<CampaignDetail> {
    return this.edits.setLeadingGroup(actor, id, body);
  }

  /** A closed phase's summary per department and district; JSON, or a table with ?format=csv|xlsx (or Accept: text/csv). */
  @ApiErrors(409)
  @Get(':id/phases/:phaseId/summary')
  @Allow('campaign.read')
  @ApiProduces('application/json', 'text/csv', XLSX_TYPE)
  async phaseSummary(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('phaseId') phaseId: string,
    @Query() query: FormatQuery,
    @Headers('accept') accept?: string,
  ): Promise<StreamableFile | PhaseSummaryAnswer> {
    const format = exportFormat(query.format, accept);
    return format ? tableResponse(await this.summaries.phaseSummaryTable(actor, id, phaseId), format) : this.summaries.phaseSummary(actor, id, phaseId);
  }

  @Get(':id/phases/:phaseId/live')
  @Allow('campaign.read')
  phaseLive(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('phaseId') phaseId: string): Promise<PhaseLive> {
    return this.campaigns.phaseLive(actor, id, phaseId);
  }

  /** What launching the phase now would create (the duties per department and district), computed as the launch computes it; writes nothing. */
  @ApiErrors(409)
  @Get(':id/phases/:phaseId/launch-preview')
  @Allow('campaign.read')
  launchPreview(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('phaseId') phaseId: string): Promise<LaunchPreview> {
    return this.launches.launchPreview(actor, id, phaseId);
  }

  /** Replaces the plan of a phase that has not been launched. */
  @ApiErrors(409)
  @Put(':id/phases/:phaseId')
  @Allow('campaign.manage')
  revisePhase(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('phaseId') phaseId: string, @Body() body: RevisePhaseDto): Promise<PhaseWithTemplates> {
    return this.edits.revisePhase(actor, id, phaseId, body);
  }

  @ApiErrors(409)
  @Post(':id/phases/:phaseId/launch')
  @Allow('campaign.launch')
  @HttpCode(200)
  launch(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('phaseId') phaseId: string, @Body() body: LaunchPhaseDto): Promise<LaunchAnswer> {
    return this.launches.launch(actor, id, phaseId, body);
  }
}
