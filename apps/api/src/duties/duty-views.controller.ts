import { Body, Controller, Get, Headers, HttpCode, Post, Query, type StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@duban/domain';
import type { BulkExtendResult, DutyInbox, DutyList, DutyStats, OverdueList, RemindOverdueResult } from '@duban/contracts';
import { CurrentActor } from '../common/actor.decorator';
import { exportFormat, tableResponse, XLSX_TYPE } from '../common/table-export';
import { DutyBulkActionsService } from './duty-bulk-actions.service';
import { BulkExtendDto, DutyStatsQuery, DutyViewQuery, OverdueQuery, RemindOverdueDto } from './duty-views.dto';
import { DutyViewsService } from './duty-views.service';
import { ApiErrors } from '../common/api-errors.decorator';
import { Allow } from '../common/allow.decorator';

/**
 * Lists for the departments and the office. Each answers JSON, or a table with `?format=csv`
 * (or `Accept: text/csv`; UTF-8 with BOM) or `?format=xlsx`: times in Beijing time, every
 * matching row unless limit/offset are given.
 */
@ApiErrors(403)
@ApiTags('duty views')
@ApiBearerAuth()
@ApiProduces('application/json', 'text/csv', XLSX_TYPE)
@Controller()
export class DutyViewsController {
  constructor(private readonly views: DutyViewsService) {}

  /** The caller's department's duties (open ones unless `state` says otherwise); the office and viewers name a departmentId. */
  @ApiErrors(404)
  @Get('inbox')
  @Allow('duty.list')
  async inbox(@CurrentActor() actor: Actor, @Query() query: DutyViewQuery, @Headers('accept') accept?: string): Promise<StreamableFile | DutyInbox> {
    const format = exportFormat(query.format, accept);
    return format ? tableResponse(await this.views.inboxTable(actor, query), format) : this.views.inbox(actor, query);
  }

  /** Duties across departments (a department officer: their own), filtered, sorted, paged, with counts per state. */
  @ApiErrors(404)
  @Get('overview/duties')
  @Allow('duty.list')
  async duties(@CurrentActor() actor: Actor, @Query() query: DutyViewQuery, @Headers('accept') accept?: string): Promise<StreamableFile | DutyList> {
    const format = exportFormat(query.format, accept);
    return format ? tableResponse(await this.views.dutiesTable(actor, query), format) : this.views.duties(actor, query);
  }

  /** Per department (groupBy=department) or per district (groupBy=district). */
  @ApiErrors(404)
  @Get('overview/departments')
  @Allow('duty-statistics.read')
  async departments(@CurrentActor() actor: Actor, @Query() query: DutyStatsQuery, @Headers('accept') accept?: string): Promise<StreamableFile | DutyStats> {
    const format = exportFormat(query.format, accept);
    return format ? tableResponse(await this.views.statsTable(actor, query), format) : this.views.stats(actor, query);
  }

  /** Open duties past their due time, longest overdue first, with the last escalation step. */
  @ApiErrors(404)
  @Get('overview/overdue')
  @Allow('duty.list')
  async overdue(@CurrentActor() actor: Actor, @Query() query: OverdueQuery, @Headers('accept') accept?: string): Promise<StreamableFile | OverdueList> {
    const format = exportFormat(query.format, accept);
    return format ? tableResponse(await this.views.overdueTable(actor, query), format) : this.views.overdue(actor, query);
  }
}

/** The office's actions on many duties at once; each duty answers for itself. */
@ApiErrors(403)
@ApiTags('duty views')
@ApiBearerAuth()
@Controller('bulk-actions')
export class DutyBulkActionsController {
  constructor(private readonly bulk: DutyBulkActionsService) {}

  /** Reminds (催办) every overdue duty a department holds, now. */
  @ApiErrors(404)
  @Post('remind-overdue')
  @Allow('duty.bulk-act')
  @HttpCode(200)
  remindOverdue(@CurrentActor() actor: Actor, @Body() body: RemindOverdueDto): Promise<RemindOverdueResult> {
    return this.bulk.remindOverdue(actor, body);
  }

  /** Gives many duties one new due time, with one reason. */
  @Post('extend')
  @Allow('duty.bulk-act')
  @HttpCode(200)
  extend(@CurrentActor() actor: Actor, @Body() body: BulkExtendDto): Promise<BulkExtendResult> {
    return this.bulk.extend(actor, body);
  }
}
