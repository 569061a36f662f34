import { Body, Controller, Get, Param, ParseIntPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@duban/domain';
import type { CalendarYearRevision, CalendarYearView } from '@duban/contracts';
import { CurrentActor } from '../common/actor.decorator';
import { SetCalendarYearDto } from './calendar.dto';
import { CalendarService } from './calendar.service';
import { ApiErrors } from '../common/api-errors.decorator';
import { Allow } from '../common/allow.decorator';

const year = (): ParseIntPipe => new ParseIntPipe({ errorHttpStatusCode: 400 });

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get(':year')
  @Allow('calendar.read')
  get(@Param('year', year()) y: number): Promise<CalendarYearView> {
    return this.calendar.get(y);
  }

  @Get(':year/revisions')
  @Allow('calendar.read')
  revisions(@Param('year', year()) y: number): Promise<CalendarYearRevision[]> {
    return this.calendar.revisions(y);
  }

  @ApiErrors(403, 409)
  @Put(':year')
  @Allow('calendar.edit')
  set(@CurrentActor() actor: Actor, @Param('year', year()) y: number, @Body() body: SetCalendarYearDto): Promise<CalendarYearView> {
    return this.calendar.set(actor, y, body);
  }
}
