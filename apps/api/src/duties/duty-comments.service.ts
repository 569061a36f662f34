import { Injectable } from '@nestjs/common';
import { assertNotRefused, commentRefusal, type Actor } from '@duban/domain';
import { DutyCommentRepository, type DutyCommentEntity } from '@duban/persistence';
import { DutiesService } from './duties.service';
import type { CommentView } from '@duban/contracts';

export type { CommentView };

export function toCommentView(c: DutyCommentEntity): CommentView {
  return {
    id: c.id,
    dutyId: c.dutyId,
    text: c.body,
    author: { id: c.authorUserId, username: c.authorUsername, role: c.authorRole, departmentId: c.authorDepartmentId },
    createdAt: c.createdAt.toISOString(),
  };
}

/** The thread between the office and the duty's department; whoever sees the duty reads it. */
@Injectable()
export class DutyCommentsService {
  constructor(
    private readonly duties: DutiesService,
    private readonly comments: DutyCommentRepository,
  ) {}

  async add(actor: Actor, dutyId: string, text: string): Promise<CommentView> {
    const duty = await this.duties.visible(actor, dutyId);
    assertNotRefused(commentRefusal(actor, duty.departmentId));
    return toCommentView(await this.comments.add(duty.id, actor, text, new Date()));
  }

  async list(actor: Actor, dutyId: string): Promise<CommentView[]> {
    const duty = await this.duties.visible(actor, dutyId);
    return (await this.comments.list(duty.id)).map(toCommentView);
  }
}
