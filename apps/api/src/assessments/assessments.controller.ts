import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@duban/domain';
import { CurrentActor } from '../common/actor.decorator';
import { exportFormat, tableResponse } from '../common/table-export';
import {
  CreateCircularDto,
  FinaliseAssessmentDto,
  ReviewAssessmentUnitDto,
  ReviseCircularDto,
  SetAssessmentRulesDto,
  StartAssessmentDto,
  TableFormatQuery,
} from './assessment.dto';
import { AssessmentsService, type AssessmentView } from './assessments.service';
import { CircularsService } from './circulars.service';
import { ApiErrors } from '../common/api-errors.decorator';
import { Allow } from '../common/allow.decorator';

const TABLE_TYPES = ['application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] as const;

@ApiErrors(403)
@ApiTags('assessment')
@ApiBearerAuth()
@Controller()
export class AssessmentsController {
  constructor(private readonly assessments: AssessmentsService) {}

  @Get('campaigns/:id/assessment-rules')
  @Allow('assessment-rules.read')
  rules(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.assessments.rules(actor, id);
  }

  @ApiErrors(409)
  @Put('campaigns/:id/assessment-rules')
  @Allow('assessment-rules.set')
  setRules(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: SetAssessmentRulesDto) {
    return this.assessments.setRules(actor, id, body);
  }

  /** Runs the assessment (201), or recomputes the draft (200); a finalised one → 409. */
  @ApiErrors(409)
  @Post('campaigns/:id/assessments')
  @Allow('assessment.run')
  async start(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: StartAssessmentDto, @Res({ passthrough: true }) response: Response) {
    const { created, view } = await this.assessments.start(actor, id, body);
    response.status(created ? 201 : 200);
    return view;
  }

  /** The campaign's assessment: every unit for the office and viewers, an officer's own unit's row. */
  @Get('campaigns/:id/assessment')
  @Allow('assessment.read')
  @ApiProduces(...TABLE_TYPES)
  async ofCampaign(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: TableFormatQuery, @Headers('accept') accept?: string) {
    return this.answer(await this.assessments.ofCampaign(actor, id), query, accept);
  }

  @Get('assessments/:id')
  @Allow('assessment.read')
  @ApiProduces(...TABLE_TYPES)
  async get(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: TableFormatQuery, @Headers('accept') accept?: string) {
    return this.answer(await this.assessments.view(actor, id), query, accept);
  }

  /** The office's outcome for one unit, with the reason. */
  @ApiErrors(409)
  @Put('assessments/:id/units/:unitId')
  @Allow('assessment.review')
  review(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('unitId') unitId: string, @Body() body: ReviewAssessmentUnitDto) {
    return this.assessments.review(actor, id, unitId, body);
  }

  @ApiErrors(409)
  @Post('assessments/:id/finalise')
  @Allow('assessment.finalise')
  @HttpCode(200)
  finalise(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: FinaliseAssessmentDto) {
    return this.assessments.finalise(actor, id, body);
  }

  private async answer(view: AssessmentView, query: TableFormatQuery, accept: string | undefined) {
    const format = exportFormat(query.format, accept);
    return format ? tableResponse(this.assessments.table(view), format) : view;
  }
}

@ApiErrors(403)
@ApiTags('circulars')
@ApiBearerAuth()
@Controller()
export class CircularsController {
  constructor(private readonly circulars: CircularsService) {}

  /** Drafts the circular of a quarter ({kind: quarterly, quarter: 2026-Q3}) or the final one from the data. */
  @ApiErrors(409)
  @Post('campaigns/:id/circulars')
  @Allow('circular.draft')
  draft(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: CreateCircularDto) {
    return this.circulars.draft(actor, id, body);
  }

  @Get('campaigns/:id/circulars')
  @Allow('circular.read')
  list(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.circulars.list(actor, id);
  }

  @Get('circulars/:id')
  @Allow('circular.read')
  get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.circulars.get(actor, id);
  }

  /** The circular as a printable page. */
  @Get('circulars/:id/page')
  @Allow('circular.read')
  @ApiProduces('text/html')
  async page(@CurrentActor() actor: Actor, @Param('id') id: string, @Res({ passthrough: true }) response: Response) {
    const page = await this.circulars.page(actor, id);
    // Set on success only: @Header would label an error's JSON as text/html too.
    response.type('text/html; charset=utf-8');
    return page;
  }

  @ApiErrors(409)
  @Put('circulars/:id')
  @Allow('circular.revise')
  revise(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: ReviseCircularDto) {
    return this.circulars.revise(actor, id, body);
  }

  /** Numbers the circular and e-mails it to every member department and district (once). */
  @ApiErrors(409)
  @Post('circulars/:id/publish')
  @Allow('circular.publish')
  @HttpCode(200)
  publish(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.circulars.publish(actor, id);
  }
}
