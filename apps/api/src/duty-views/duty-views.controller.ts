import { Body, Controller, Get, Headers, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@duban/domain';
import { CurrentActor } from '../common/actor.decorator';
import { csvResponse, wantsCsv } from './csv';
import { DutyBulkActionsService } from './duty-bulk-actions.service';
import { BulkExtendDto, DutyStatsQuery, DutyViewQuery, OverdueQuery, RemindOverdueDto } from './duty-views.dto';
import { DutyViewsService } from './duty-views.service';
import { OfficeOnly } from '../common/office-only.guard';

/**
 * Lists for the departments and the office. Each answers JSON, or CSV with `?format=csv` or
 * `Accept: text/csv` (UTF-8 with BOM, times in Beijing time, every matching row unless
 * limit/offset are given).
 */
@ApiTags('duty views')
@ApiBearerAuth()
@ApiProduces('application/json', 'text/csv')
@Controller()
export class DutyViewsController {
  constructor(private readonly views: DutyViewsService) {}

  /** The caller's department's duties (open ones unless `state` says otherwise); the office and viewers name a departmentId. */
  @Get('inbox')
  async inbox(@CurrentActor() actor: Actor, @Query() query: DutyViewQuery, @Headers('accept') accept?: string) {
    return wantsCsv(query.format, accept) ? csvResponse(await this.views.inboxCsv(actor, query)) : this.views.inbox(actor, query);
  }

  /** Duties across departments (a department officer: their own), filtered, sorted, paged, with counts per state. */
  @Get('overview/duties')
  async duties(@CurrentActor() actor: Actor, @Query() query: DutyViewQuery, @Headers('accept') accept?: string) {
    return wantsCsv(query.format, accept) ? csvResponse(await this.views.dutiesCsv(actor, query)) : this.views.duties(actor, query);
  }

  /** Per department (groupBy=department) or per district (groupBy=district). */
  @Get('overview/departments')
  async departments(@CurrentActor() actor: Actor, @Query() query: DutyStatsQuery, @Headers('accept') accept?: string) {
    return wantsCsv(query.format, accept) ? csvResponse(await this.views.statsCsv(actor, query)) : this.views.stats(actor, query);
  }

  /** Open duties past their due time, longest overdue first, with the last escalation step. */
  @Get('overview/overdue')
  async overdue(@CurrentActor() actor: Actor, @Query() query: OverdueQuery, @Headers('accept') accept?: string) {
    return wantsCsv(query.format, accept) ? csvResponse(await this.views.overdueCsv(actor, query)) : this.views.overdue(actor, query);
  }
}

/** The office's actions on many duties at once; each duty answers for itself. */
@ApiTags('duty views')
@ApiBearerAuth()
@UseGuards(OfficeOnly('Only the office may take bulk actions on duties'))
@Controller('bulk-actions')
export class DutyBulkActionsController {
  constructor(private readonly bulk: DutyBulkActionsService) {}

  /** Reminds (催办) every overdue duty a department holds, now. */
  @Post('remind-overdue')
  @HttpCode(200)
  remindOverdue(@CurrentActor() actor: Actor, @Body() body: RemindOverdueDto) {
    return this.bulk.remindOverdue(actor, body);
  }

  /** Gives many duties one new due time, with one reason. */
  @Post('extend')
  @HttpCode(200)
  extend(@CurrentActor() actor: Actor, @Body() body: BulkExtendDto) {
    return this.bulk.extend(actor, body);
  }
}
