import { Body, Controller, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@duban/domain';
import type { CircularView } from '@duban/contracts';
import { CurrentActor } from '../common/actor.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { Allow } from '../common/allow.decorator';
import { CreateCircularDto, ReviseCircularDto } from './circular.dto';
import { CircularsService } from './circulars.service';

@ApiErrors(403)
@ApiTags('circulars')
@ApiBearerAuth()
@Controller()
export class CircularsController {
  constructor(private readonly circulars: CircularsService) {}

  /** Drafts the circular of a quarter ({kind: quarterly, quarter: 2026-Q3}) or the final one from the data. */
  @ApiErrors(409)
  @Post('campaigns/:id/circulars')
  @Allow('circular.draft')
  draft(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: CreateCircularDto): Promise<CircularView> {
    return this.circulars.draft(actor, id, body);
  }

  @Get('campaigns/:id/circulars')
  @Allow('circular.read')
  list(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<CircularView[]> {
    return this.circulars.list(actor, id);
  }

  @Get('circulars/:id')
  @Allow('circular.read')
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<CircularView> {
    return this.circulars.get(actor, id);
  }

  /** The circular as a printable page. */
  @Get('circulars/:id/page')
  @Allow('circular.read')
  @ApiProduces('text/html')
  async page(@CurrentActor() actor: Actor, @Param('id') id: string, @Res({ passthrough: true }) response: Response): Promise<string> {
    const page = await this.circulars.page(actor, id);
    // Set on success only: @Header would label an error's JSON as text/html too.
    response.type('text/html; charset=utf-8');
    return page;
  }

  @ApiErrors(409)
  @Put('circulars/:id')
  @Allow('circular.revise')
  revise(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: ReviseCircularDto): Promise<CircularView> {
    return this.circulars.revise(actor, id, body);
  }

  /** Numbers the circular and e-mails it to every member department and district (once). */
  @ApiErrors(409)
  @Post('circulars/:id/publish')
  @Allow('circular.publish')
  @HttpCode(200)
  publish(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<CircularView> {
    return this.circulars.publish(actor, id);
  }
}
