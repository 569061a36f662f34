import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, type StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@duban/domain';
import type { ReportDetail, ReportFlagsView, ReportList, ReportPlanView, ReportRoundsView } from '@duban/contracts';
import { CurrentActor } from '../common/actor.decorator';
import { exportFormat, tableResponse } from '../common/table-export';
import { FileReportDto, ListReportsQuery, ReportFormatQuery, ReportRoundsQuery, SetReportPlanDto } from './report.dto';
import { ReportsService } from './reports.service';
import { ApiErrors } from '../common/api-errors.decorator';
import { Allow } from '../common/allow.decorator';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Periodic reports (旬报, 月报, 季报, 年度总结): the campaign's plan, its rounds, the reports
 * and their filings. Lists are also tables (?format=csv|xlsx).
 */
@ApiErrors(403)
@ApiTags('reports')
@ApiBearerAuth()
@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('campaigns/:id/report-plan')
  @Allow('report-plan.read')
  plan(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ReportPlanView> {
    return this.reports.plan(actor, id);
  }

  /** The office changes the plan with a reason; rounds already open stay. */
  @ApiErrors(409)
  @Put('campaigns/:id/report-plan')
  @Allow('report-plan.set')
  setPlan(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: SetReportPlanDto): Promise<ReportPlanView> {
    return this.reports.setPlan(actor, id, dto);
  }

  /** Rounds opened, with their counts; `?include=upcoming` adds those the plan will open, from the same schedule the reporting workflow follows. */
  @ApiErrors(404)
  @Get('campaigns/:id/report-rounds')
  @Allow('report-round.read')
  @ApiProduces('application/json', 'text/csv', XLSX)
  async rounds(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Query() query: ReportRoundsQuery,
    @Headers('accept') accept?: string,
  ): Promise<StreamableFile | ReportRoundsView> {
    const format = exportFormat(query.format, accept);
    const view = await this.reports.rounds(actor, id, { upcoming: query.include === 'upcoming' });
    return format ? tableResponse(this.reports.roundsTable(view), format) : view;
  }

  /** Filings whose figures disagree with the resource library, for the office to look at. */
  @Get('campaigns/:id/report-flags')
  @Allow('report-round.read')
  @ApiProduces('application/json', 'text/csv', XLSX)
  async flags(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Query() query: ReportFormatQuery,
    @Headers('accept') accept?: string,
  ): Promise<StreamableFile | ReportFlagsView> {
    const format = exportFormat(query.format, accept);
    const view = await this.reports.flags(actor, id);
    return format ? tableResponse(this.reports.flagsTable(view), format) : view;
  }

  @ApiErrors(404)
  @Get('reports')
  @Allow('report.read')
  @ApiProduces('application/json', 'text/csv', XLSX)
  async list(@CurrentActor() actor: Actor, @Query() query: ListReportsQuery, @Headers('accept') accept?: string): Promise<StreamableFile | ReportList> {
    const format = exportFormat(query.format, accept);
    const view = await this.reports.list(actor, query);
    return format ? tableResponse(this.reports.reportsTable(view), format) : view;
  }

  @Get('reports/:id')
  @Allow('report.read')
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ReportDetail> {
    return this.reports.get(actor, id);
  }

  /** The owing unit's liaison files the report (a new version each time); its duty goes to the office. */
  @ApiErrors(409)
  @Post('reports/:id/filings')
  @Allow('report.file')
  @HttpCode(201)
  file(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: FileReportDto): Promise<ReportDetail> {
    return this.reports.file(actor, id, dto);
  }
}
