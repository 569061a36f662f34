import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@duban/domain';
import type { UnitDetail, UnitList } from '@duban/contracts';
import { CurrentActor } from '../common/actor.decorator';
import { ListUnitsQuery, RecordUnitFactsDto } from './unit.dto';
import { UnitsService } from './units.service';
import { ApiErrors } from '../common/api-errors.decorator';

@ApiErrors(403)
@ApiTags('units')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  /** 201 when the facts changed the record, 200 when it already held them. */
  @ApiErrors(404)
  @Post()
  async record(@CurrentActor() actor: Actor, @Body() body: RecordUnitFactsDto, @Res({ passthrough: true }) response: Response): Promise<UnitDetail> {
    const { changed, unit } = await this.units.record(actor, body);
    response.status(changed ? 201 : 200);
    return unit;
  }

  @ApiErrors(404)
  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: ListUnitsQuery): Promise<UnitList> {
    return this.units.list(actor, query);
  }

  @Get(':creditCode')
  get(@CurrentActor() actor: Actor, @Param('creditCode') creditCode: string): Promise<UnitDetail> {
    return this.units.get(actor, creditCode);
  }
}
