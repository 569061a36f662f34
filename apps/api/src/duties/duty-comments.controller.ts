import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@duban/domain';
import type { CommentView } from '@duban/contracts';
import { Idempotent } from '../common/idempotent';
import { CurrentActor } from '../common/actor.decorator';
import { DutyCommentsService } from './duty-comments.service';
import { DutyCommentDto } from './duty.dto';
import { ApiErrors } from '../common/api-errors.decorator';
import { Allow } from '../common/allow.decorator';

@ApiErrors(403)
@ApiTags('duties')
@ApiBearerAuth()
@Controller('duties/:id/comments')
export class DutyCommentsController {
  constructor(private readonly comments: DutyCommentsService) {}

  @ApiErrors(409, 422)
  @Post()
  @Allow('duty.comment')
  @Idempotent()
  add(@CurrentActor() actor: Actor, @Param('id') dutyId: string, @Body() body: DutyCommentDto): Promise<CommentView> {
    return this.comments.add(actor, dutyId, body.text);
  }

  @Get()
  @Allow('duty.read')
  list(@CurrentActor() actor: Actor, @Param('id') dutyId: string): Promise<CommentView[]> {
    return this.comments.list(actor, dutyId);
  }
}
