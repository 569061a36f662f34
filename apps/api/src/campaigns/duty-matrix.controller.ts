import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@duban/domain';
import type { DutyRoute, DutyRouteChange } from '@duban/contracts';
import { CurrentActor } from '../common/actor.decorator';
import { SetDutyRouteDto } from './duty-matrix.dto';
import { DutyMatrixService } from './duty-matrix.service';
import { ApiErrors } from '../common/api-errors.decorator';
import { Allow } from '../common/allow.decorator';

@ApiTags('duty-matrix')
@ApiBearerAuth()
@Controller('duty-matrix')
export class DutyMatrixController {
  constructor(private readonly matrix: DutyMatrixService) {}

  @Get()
  @Allow('duty-matrix.read')
  list(): Promise<DutyRoute[]> {
    return this.matrix.list();
  }

  @Get('changes')
  @Allow('duty-matrix.read')
  changes(): Promise<DutyRouteChange[]> {
    return this.matrix.changes();
  }

  @ApiErrors(403, 409)
  @Put(':kind/:key')
  @Allow('duty-matrix.edit')
  setRoute(@CurrentActor() actor: Actor, @Param('kind') kind: string, @Param('key') key: string, @Body() body: SetDutyRouteDto): Promise<DutyRoute | undefined> {
    return this.matrix.setRoute(actor, kind, key, body);
  }
}
