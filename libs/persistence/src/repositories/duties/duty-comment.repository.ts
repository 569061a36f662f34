import { randomUUID } from 'node:crypto';
import type { DataSource, Repository } from 'typeorm';
import type { Actor } from '@duban/domain';
import { DutyCommentEntity } from '../../entities/duties/duty-comment.entity';

/** The comment thread of each duty, oldest first. */
export class DutyCommentRepository {
  private readonly comments: Repository<DutyCommentEntity>;

  constructor(dataSource: DataSource) {
    this.comments = dataSource.getRepository(DutyCommentEntity);
  }

  async add(dutyId: string, author: Actor, body: string, at: Date): Promise<DutyCommentEntity> {
    const comment = this.comments.create({
      id: randomUUID(),
      dutyId,
      authorUserId: author.userId,
      authorUsername: author.username,
      authorRole: author.role,
      authorDepartmentId: author.departmentId,
      body,
      createdAt: at,
    });
    await this.comments.insert(comment);
    return comment;
  }

  list(dutyId: string): Promise<DutyCommentEntity[]> {
    return this.comments.find({ where: { dutyId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }
}
