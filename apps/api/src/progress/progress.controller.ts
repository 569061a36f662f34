import { Controller, Get, Headers, Param, Query, type StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@duban/domain';
import type { HistoryView, ProgressView, RankingsView } from '@duban/contracts';
import { CurrentActor } from '../common/actor.decorator';
import { exportFormat, tableResponse } from '../common/table-export';
import { HistoryQuery, ProgressQuery, RankingsQuery } from './progress.dto';
import { historyTable, progressTable, rankingsTable } from './progress-tables';
import { ProgressService } from './progress.service';
import { ApiErrors } from '../common/api-errors.decorator';
import { Allow } from '../common/allow.decorator';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Targets against actuals: JSON, or a table with ?format=csv|xlsx (or Accept: text/csv or the
 * workbook type). The office and viewers read all; a department officer the totals and their
 * own unit; inspectors nothing.
 */
@ApiErrors(403)
@ApiTags('progress')
@ApiBearerAuth()
@Controller('campaigns/:id/progress')
export class ProgressController {
  constructor(private readonly progress: ProgressService) {}

  /** The dashboard as of a day: campaign targets, per insurance type, per district and department. */
  @Get()
  @Allow('campaign-progress.read')
  @ApiProduces('application/json', 'text/csv', XLSX)
  async dashboard(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Query() query: ProgressQuery,
    @Headers('accept') accept?: string,
  ): Promise<StreamableFile | ProgressView> {
    const format = exportFormat(query.format, accept);
    const view = await this.progress.progress(actor, id, query.asOf);
    return format ? tableResponse(progressTable(view), format) : view;
  }

  @Get('rankings')
  @Allow('campaign-progress.read')
  @ApiProduces('application/json', 'text/csv', XLSX)
  async rankings(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: RankingsQuery, @Headers('accept') accept?: string): Promise<StreamableFile | RankingsView> {
    const format = exportFormat(query.format, accept);
    const view = await this.progress.rankings(actor, id, query.asOf, query.kind);
    return format ? tableResponse(rankingsTable(view), format) : view;
  }

  /** The campaign's actuals and lights per target at each round's due date (or month end). */
  @Get('history')
  @Allow('campaign-progress.read')
  @ApiProduces('application/json', 'text/csv', XLSX)
  async history(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: HistoryQuery, @Headers('accept') accept?: string): Promise<StreamableFile | HistoryView> {
    const format = exportFormat(query.format, accept);
    const view = await this.progress.history(actor, id, { from: query.from, to: query.to, step: query.step });
    return format ? tableResponse(historyTable(view), format) : view;
  }
}
