import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@duban/domain';
import type { SavedFilterAnswer, SavedFilterList } from '@duban/contracts';
import { CurrentActor } from '../common/actor.decorator';
import { SaveFilterDto, SavedFilterListQuery } from './saved-filters.dto';
import { SavedFiltersService } from './saved-filters.service';
import { ApiErrors } from '../common/api-errors.decorator';
import { Allow } from '../common/allow.decorator';

/** Filters of the console's lists saved by name, private or shared with the caller's role. */
@ApiErrors(403)
@ApiTags('saved filters')
@ApiBearerAuth()
@Controller('saved-filters')
export class SavedFiltersController {
  constructor(private readonly savedFilters: SavedFiltersService) {}

  /** The caller's own filters and those shared with the caller's role (own first, then by name). */
  @Get()
  @Allow('saved-filter.use')
  list(@CurrentActor() actor: Actor, @Query() query: SavedFilterListQuery): Promise<SavedFilterList> {
    return this.savedFilters.list(actor, query);
  }

  /** 201 with the new filter; 200 when the caller's filter of that name and list was replaced. */
  @Post()
  @Allow('saved-filter.use')
  @ApiCreatedResponse({ description: 'Saved under a new name' })
  @ApiOkResponse({ description: "The caller's filter of that name was replaced (filters and sharing)" })
  async save(@CurrentActor() actor: Actor, @Body() body: SaveFilterDto, @Res({ passthrough: true }) response: Response): Promise<SavedFilterAnswer> {
    const { filter, created } = await this.savedFilters.save(actor, body);
    response.status(created ? 201 : 200);
    return filter;
  }

  /** Its owner, or the office for a shared one: 204; others 403; unknown 404. */
  @Delete(':id')
  @Allow('saved-filter.use')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted' })
  async remove(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<void> {
    await this.savedFilters.remove(actor, id);
  }
}
