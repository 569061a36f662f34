import { BadRequestException, Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@duban/domain';
import type { DutyDetail, DutyLiveStateView, DutySummary, DutyTimeline, Page } from '@duban/contracts';
import { Idempotent } from '../common/idempotent';
import { CurrentActor } from '../common/actor.decorator';
import { DutiesService } from './duties.service';
import { AssignDutyDto, DutyNoteDto, DutyProgressDto, DutyReasonDto, ExtendDutyDto, ListDutiesQuery, ReassignDutyDto, SubmitDutyDto } from './duty.dto';
import { ApiErrors } from '../common/api-errors.decorator';
import { Allow } from '../common/allow.decorator';

@ApiErrors(403)
@ApiTags('duties')
@ApiBearerAuth()
@Controller('duties')
export class DutiesController {
  constructor(private readonly duties: DutiesService) {}

  /**
   * With an `Idempotency-Key` header, a retried request (after a lost answer) returns the duty
   * the first one created, with 200 instead of 201, and creates nothing.
   */
  @ApiErrors(404, 409, 422)
  @Post()
  @Allow('duty.assign')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Any 1-100 characters, unique per intended duty' })
  async assign(
    @CurrentActor() actor: Actor,
    @Body() body: AssignDutyDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<DutyDetail> {
    if (idempotencyKey !== undefined && (idempotencyKey.length < 1 || idempotencyKey.length > 100)) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'BAD_REQUEST',
        message: ['Idempotency-Key must be 1-100 characters'],
        fields: { 'Idempotency-Key': ['must be 1-100 characters'] },
      });
    }
    const { duty, created } = await this.duties.assign(actor, body, idempotencyKey);
    response.status(created ? 201 : 200);
    return duty;
  }

  @Get()
  @Allow('duty.list')
  list(@CurrentActor() actor: Actor, @Query() query: ListDutiesQuery): Promise<Page<DutySummary>> {
    return this.duties.list(actor, query);
  }

  @Get(':id')
  @Allow('duty.read')
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<DutyDetail> {
    return this.duties.get(actor, id);
  }

  @Get(':id/timeline')
  @Allow('duty.read')
  timeline(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<DutyTimeline> {
    return this.duties.timeline(actor, id);
  }

  @Get(':id/live')
  @Allow('duty.read')
  live(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<DutyLiveStateView> {
    return this.duties.live(actor, id);
  }

  @ApiErrors(409)
  @Post(':id/acknowledge')
  @Allow('duty.acknowledge')
  @HttpCode(200)
  @Idempotent()
  acknowledge(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: DutyNoteDto): Promise<DutyDetail> {
    return this.duties.act(actor, id, 'acknowledge', { reason: body.note });
  }

  @ApiErrors(409)
  @Post(':id/start')
  @Allow('duty.start')
  @HttpCode(200)
  @Idempotent()
  start(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: DutyNoteDto): Promise<DutyDetail> {
    return this.duties.act(actor, id, 'start', { reason: body.note });
  }

  @ApiErrors(409)
  @Post(':id/submit')
  @Allow('duty.submit')
  @HttpCode(200)
  @Idempotent()
  submit(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: SubmitDutyDto): Promise<DutyDetail> {
    return this.duties.act(actor, id, 'submit', { result: body.result, evidenceIds: body.evidenceIds });
  }

  /** The department notes how far it has got; the duty stays where it is. */
  @ApiErrors(409)
  @Post(':id/progress')
  @Allow('duty.report-progress')
  @HttpCode(200)
  @Idempotent()
  progress(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: DutyProgressDto): Promise<DutyDetail> {
    return this.duties.act(actor, id, 'record_progress', { reason: body.note });
  }

  @ApiErrors(409)
  @Post(':id/accept')
  @Allow('duty.accept')
  @HttpCode(200)
  @Idempotent()
  accept(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: DutyNoteDto): Promise<DutyDetail> {
    return this.duties.act(actor, id, 'accept', { reason: body.note });
  }

  @ApiErrors(409)
  @Post(':id/return')
  @Allow('duty.return')
  @HttpCode(200)
  @Idempotent()
  returnToDepartment(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: DutyReasonDto): Promise<DutyDetail> {
    return this.duties.act(actor, id, 'return', { reason: body.reason });
  }

  @ApiErrors(409)
  @Post(':id/cancel')
  @Allow('duty.cancel')
  @HttpCode(200)
  @Idempotent()
  cancel(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: DutyReasonDto): Promise<DutyDetail> {
    return this.duties.act(actor, id, 'cancel', { reason: body.reason });
  }

  /** The office moves the duty to another department, which must acknowledge it again. */
  @ApiErrors(409)
  @Post(':id/reassign')
  @Allow('duty.reassign')
  @HttpCode(200)
  @Idempotent()
  reassign(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: ReassignDutyDto): Promise<DutyDetail> {
    return this.duties.act(actor, id, 'reassign', { reason: body.reason, departmentId: body.departmentId });
  }

  @ApiErrors(409)
  @Post(':id/extend')
  @Allow('duty.extend')
  @HttpCode(200)
  @Idempotent()
  extend(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: ExtendDutyDto): Promise<DutyDetail> {
    return this.duties.act(actor, id, 'extend', { reason: body.reason, dueAt: body.dueAt });
  }
}
