import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res, type StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@duban/domain';
import type { ComplianceCaseDetail, ComplianceCaseList, ComplianceRun, ExposureDecisionAnswer } from '@duban/contracts';
import { Idempotent } from '../common/idempotent';
import { CurrentActor } from '../common/actor.decorator';
import { ApiProducesTable, exportFormat, tableResponse } from '../common/table-export';
import { ComplianceCaseActionDto, ExposureDecisionDto, ListComplianceCasesQuery, StartComplianceRunDto } from './compliance.dto';
import { ComplianceService } from './compliance.service';
import { ApiErrors } from '../common/api-errors.decorator';
import { Allow } from '../common/allow.decorator';

@ApiErrors(403)
@ApiTags('compliance')
@ApiBearerAuth()
@Controller()
export class ComplianceController {
  constructor(private readonly compliance: ComplianceService) {}

  /** Compares the resource library for a running campaign; answers at once (202), the run goes on. */
  @ApiErrors(404, 409)
  @Post('compliance-runs')
  @Allow('compliance-run.start')
  @HttpCode(202)
  startRun(@CurrentActor() actor: Actor, @Body() body: StartComplianceRunDto): Promise<ComplianceRun> {
    return this.compliance.startRun(actor, body);
  }

  @Get('compliance-runs/:id')
  @Allow('compliance-run.read')
  run(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ComplianceRun> {
    return this.compliance.run(actor, id);
  }

  /** Cases a page at a time (JSON), or every matching case as a download with ?format=csv|xlsx. */
  @ApiErrors(404)
  @Get('compliance-cases')
  @Allow('compliance-case.list')
  @ApiProducesTable()
  async list(@CurrentActor() actor: Actor, @Query() query: ListComplianceCasesQuery, @Headers('accept') accept?: string): Promise<ComplianceCaseList | StreamableFile> {
    const format = exportFormat(query.format, accept);
    return format ? tableResponse(await this.compliance.listTable(actor, query), format) : this.compliance.list(actor, query);
  }

  @Get('compliance-cases/:id')
  @Allow('compliance-case.read')
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ComplianceCaseDetail> {
    return this.compliance.get(actor, id);
  }

  /** Issue the rectification order, record the rectification, or (the office) dismiss. */
  @ApiErrors(409)
  @Post('compliance-cases/:id/actions')
  @Allow('compliance-case.record-action')
  @HttpCode(200)
  @Idempotent()
  act(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: ComplianceCaseActionDto): Promise<ComplianceCaseDetail> {
    return this.compliance.act(actor, id, body);
  }

  /** The rectification order as a printable page. */
  @ApiErrors(409)
  @Get('compliance-cases/:id/notice')
  @Allow('compliance-case.read')
  @ApiProduces('text/html')
  async notice(@CurrentActor() actor: Actor, @Param('id') id: string, @Res({ passthrough: true }) response: Response): Promise<string> {
    const page = await this.compliance.noticePage(actor, id);
    // Set on success only: @Header would label an error's JSON as text/html too.
    response.type('text/html; charset=utf-8');
    return page;
  }

  /** Nothing is published without the office's approval. */
  @ApiErrors(409)
  @Post('exposure-proposals/:id/decision')
  @Allow('exposure.decide')
  @HttpCode(200)
  @Idempotent()
  decideExposure(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: ExposureDecisionDto): Promise<ExposureDecisionAnswer> {
    return this.compliance.decideExposure(actor, id, body);
  }
}
