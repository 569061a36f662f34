import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@duban/domain';
import type { DutyRoute, DutyRouteChange } from '@duban/contracts';
import { CurrentActor } from '../common/actor.decorator';
import { SetDutyRouteDto } from './duty-matrix.dto';
import { DutyMatrixService } from './duty-matrix.service';
import { ApiErrors } from '../common/api-errors.decorator';

@ApiTags('duty-matrix')
@ApiBearerAuth()
@Controller('duty-matrix')
export class DutyMatrixController {
  constructor(private readonly matrix: DutyMatrixService) {}

  @Get()
  list(): Promise<DutyRoute[]> {
    return this.matrix.list();
  }

  @Get('changes')
  changes(): Promise<DutyRouteChange[]> {
    return this.matrix.changes();
  }

  @ApiErrors(403, 409)
  @Put(':kind/:key')
  setRoute(@CurrentActor() actor: Actor, @Param('kind') kind: string, @Param('key') key: string, @Body() body: SetDutyRouteDto): Promise<DutyRoute | undefined> {
    return this.matrix.setRoute(actor, kind, key, body);
  }
}
