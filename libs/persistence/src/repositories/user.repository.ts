import type { DataSource, Repository } from 'typeorm';
import { UserEntity } from '../entities/user.entity';

export class UserRepository {
  private readonly repo: Repository<UserEntity>;

  constructor(dataSource: DataSource) {
    this.repo = dataSource.getRepository(UserEntity);
  }

  findByUsername(username: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ username });
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ id });
  }

  /** Addresses of the office's users: the office hears of escalations and submissions. */
  async officeEmails(): Promise<string[]> {
    const rows = await this.repo
      .createQueryBuilder('u')
      .select('u.email', 'email')
      .where(`u.role = 'office' AND u.email IS NOT NULL`)
      .orderBy('u.username')
      .getRawMany<{ email: string }>();
    return rows.map((r) => r.email);
  }

  /** For seeds: creates the user unless the username is taken; an existing user is left as it is. */
  async ensure(user: Omit<UserEntity, 'createdAt'>): Promise<{ user: UserEntity; created: boolean }> {
    const result = await this.repo.createQueryBuilder().insert().values(user).orIgnore().execute();
    const created = (result.identifiers?.filter(Boolean).length ?? 0) > 0;
    return { user: await this.repo.findOneByOrFail({ username: user.username }), created };
  }
}
