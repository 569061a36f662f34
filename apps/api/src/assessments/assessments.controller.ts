import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Res, type StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@duban/domain';
import type { AssessmentRulesView, AssessmentView } from '@duban/contracts';
import { CurrentActor } from '../common/actor.decorator';
import { exportFormat, tableResponse } from '../common/table-export';
import { FinaliseAssessmentDto, ReviewAssessmentUnitDto, SetAssessmentRulesDto, StartAssessmentDto, TableFormatQuery } from './assessment.dto';
import { AssessmentsService } from './assessments.service';
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
  rules(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<AssessmentRulesView> {
    return this.assessments.rules(actor, id);
  }

  @ApiErrors(409)
  @Put('campaigns/:id/assessment-rules')
  @Allow('assessment-rules.set')
  setRules(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: SetAssessmentRulesDto): Promise<AssessmentRulesView> {
    return this.assessments.setRules(actor, id, body);
  }

  /** Runs the assessment (201), or recomputes the draft (200); a finalised one → 409. */
  @ApiErrors(409)
  @Post('campaigns/:id/assessments')
  @Allow('assessment.run')
  async start(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: StartAssessmentDto, @Res({ passthrough: true }) response: Response): Promise<AssessmentView> {
    const { created, view } = await this.assessments.start(actor, id, body);
    response.status(created ? 201 : 200);
    return view;
  }

  /** The campaign's assessment: every unit for the office and viewers, an officer's own unit's row. */
  @Get('campaigns/:id/assessment')
  @Allow('assessment.read')
  @ApiProduces(...TABLE_TYPES)
  async ofCampaign(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Query() query: TableFormatQuery,
    @Headers('accept') accept?: string,
  ): Promise<StreamableFile | AssessmentView> {
    return this.answer(await this.assessments.ofCampaign(actor, id), query, accept);
  }

  @Get('assessments/:id')
  @Allow('assessment.read')
  @ApiProduces(...TABLE_TYPES)
  async get(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: TableFormatQuery, @Headers('accept') accept?: string): Promise<StreamableFile | AssessmentView> {
    return this.answer(await this.assessments.view(actor, id), query, accept);
  }

  /** The office's outcome for one unit, with the reason. */
  @ApiErrors(409)
  @Put('assessments/:id/units/:unitId')
  @Allow('assessment.review')
  review(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('unitId') unitId: string, @Body() body: ReviewAssessmentUnitDto): Promise<AssessmentView> {
    return this.assessments.review(actor, id, unitId, body);
  }

  @ApiErrors(409)
  @Post('assessments/:id/finalise')
  @Allow('assessment.finalise')
  @HttpCode(200)
  finalise(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: FinaliseAssessmentDto): Promise<AssessmentView> {
    return this.assessments.finalise(actor, id, body);
  }

  private async answer(view: AssessmentView, query: TableFormatQuery, accept: string | undefined): Promise<StreamableFile | AssessmentView> {
    const format = exportFormat(query.format, accept);
    return format ? tableResponse(this.assessments.table(view), format) : view;
  }
}
