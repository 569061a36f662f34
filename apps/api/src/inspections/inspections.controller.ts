import { Body, Controller, Get, Headers, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { StreamableFile } from '@nestjs/common';
import type { Actor } from '@duban/domain';
import type { EnforcementAction, InspectionCaseDetail, InspectionCaseList, InspectionTeam } from '@duban/contracts';
import { Idempotent } from '../common/idempotent';
import { CurrentActor } from '../common/actor.decorator';
import { ApiProducesTable, exportFormat, tableResponse } from '../common/table-export';
import { EnforcementActionDto, ListInspectionCasesQuery } from './inspection-case.dto';
import { InspectionCasesService } from './inspections.service';
import { ApiErrors } from '../common/api-errors.decorator';
import { Allow } from '../common/allow.decorator';

@ApiErrors(403)
@ApiTags('inspection')
@ApiBearerAuth()
@Controller()
export class InspectionCasesController {
  constructor(private readonly inspections: InspectionCasesService) {}

  @Get('inspection-teams')
  @Allow('inspection-team.read')
  teams(): Promise<InspectionTeam[]> {
    return this.inspections.teams();
  }

  /** The inspectors' inbox: their team's cases (the office and viewers: all); JSON, or a download with ?format=csv|xlsx. */
  @ApiErrors(404)
  @Get('inspection-cases')
  @Allow('inspection-case.read')
  @ApiProducesTable()
  async list(@CurrentActor() actor: Actor, @Query() query: ListInspectionCasesQuery, @Headers('accept') accept?: string): Promise<InspectionCaseList | StreamableFile> {
    const format = exportFormat(query.format, accept);
    return format ? tableResponse(await this.inspections.listTable(actor, query), format) : this.inspections.list(actor, query);
  }

  @Get('inspection-cases/:id')
  @Allow('inspection-case.read')
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<InspectionCaseDetail> {
    return this.inspections.get(actor, id);
  }

  /** Logs an enforcement action (append-only): who, team and when are recorded. */
  @ApiErrors(409, 422)
  @Post('inspection-cases/:id/actions')
  @Allow('inspection-case.log-action')
  @Idempotent()
  logAction(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: EnforcementActionDto): Promise<EnforcementAction> {
    return this.inspections.logAction(actor, id, body);
  }
}
