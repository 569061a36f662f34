import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@duban/domain';
import type { EnforcementHistory, UnitDetail, UnitList } from '@duban/contracts';
import { CurrentActor } from '../common/actor.decorator';
import { ListUnitsQuery, RecordUnitFactsDto } from './unit.dto';
import { UnitsService } from './units.service';
import { ApiErrors } from '../common/api-errors.decorator';
import { Allow } from '../common/allow.decorator';

@ApiErrors(403)
@ApiTags('units')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  /** 201 when the facts changed the record, 200 when it already held them. */
  @ApiErrors(404)
  @Post()
  @Allow('unit-facts.record')
  async record(@CurrentActor() actor: Actor, @Body() body: RecordUnitFactsDto, @Res({ passthrough: true }) response: Response): Promise<UnitDetail> {
    const { changed, unit } = await this.units.record(actor, body);
    response.status(changed ? 201 : 200);
    return unit;
  }

  @ApiErrors(404)
  @Get()
  @Allow('unit.read')
  list(@CurrentActor() actor: Actor, @Query() query: ListUnitsQuery): Promise<UnitList> {
    return this.units.list(actor, query);
  }

  @Get(':creditCode')
  @Allow('unit.read')
  get(@CurrentActor() actor: Actor, @Param('creditCode') creditCode: string): Promise<UnitDetail> {
    return this.units.get(actor, creditCode);
  }

  /** Everything done about the unit, oldest first; each reader sees what they may read of it. */
  @Get(':creditCode/enforcement-history')
  @Allow('unit.read')
  enforcementHistory(@CurrentActor() actor: Actor, @Param('creditCode') creditCode: string): Promise<EnforcementHistory> {
    return this.units.enforcementHistory(actor, creditCode);
  }
}
