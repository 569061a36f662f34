import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DomainError, DomainErrorCode, may, refusalOf, type Actor } from '@duban/domain';
import { SavedFilterRepository, type SavedFilterRow } from '@duban/persistence';
import type { SaveFilterDto, SavedFilterListQuery } from './saved-filters.dto';
import type { SavedFilterAnswer, SavedFilterList } from '@duban/contracts';

/** Its owner (saved-filter.use reaches one's own); a shared one also whoever may delete shared filters (the office). */
function mayDelete(actor: Actor, row: SavedFilterRow): boolean {
  return may(actor, 'saved-filter.use', { ownerUserId: row.ownerUserId }) || (row.sharedWithRole !== null && may(actor, 'saved-filter.delete-shared'));
}

function viewOf(actor: Actor, row: SavedFilterRow): SavedFilterAnswer {
  return {
    id: row.id,
    view: row.view,
    name: row.name,
    filters: row.filters,
    owner: { id: row.ownerUserId, username: row.ownerUsername },
    sharedWithRole: row.sharedWithRole,
    mine: row.ownerUserId === actor.userId,
    mayDelete: mayDelete(actor, row),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Filters saved by name for the console's lists. Every signed-in user keeps their own and may
 * share one with everyone of their role; they change only what they see, never what a list
 * lets them read (the list still scopes its answer by the caller).
 */
@Injectable()
export class SavedFiltersService {
  private readonly logger = new Logger(SavedFiltersService.name);

  constructor(private readonly filters: SavedFilterRepository) {}

  async list(actor: Actor, query: SavedFilterListQuery): Promise<SavedFilterList> {
    const rows = await this.filters.visibleTo({ userId: actor.userId, role: actor.role }, query.view);
    return { items: rows.map((row) => viewOf(actor, row)) };
  }

  /** Saves under the caller's name for the list; the same name again replaces it (`created` false). */
  async save(actor: Actor, dto: SaveFilterDto): Promise<{ filter: SavedFilterAnswer; created: boolean }> {
    const { row, created } = await this.filters.save({
      id: randomUUID(),
      view: dto.view,
      name: dto.name,
      filters: { ...dto.filters },
      ownerUserId: actor.userId,
      sharedWithRole: dto.shared === true ? actor.role : null,
      at: new Date(),
    });
    return { filter: viewOf(actor, row), created };
  }

  /** Its owner deletes it; the office also deletes any shared one; others are refused. */
  async remove(actor: Actor, id: string): Promise<void> {
    const row = isUUID(id) ? await this.filters.find(id) : null;
    if (!row) throw new DomainError(DomainErrorCode.SavedFilterNotFound, `No saved filter with id ${id}`);
    if (!mayDelete(actor, row)) {
      throw new DomainError(
        DomainErrorCode.ActionNotPermitted,
        row.sharedWithRole === null ? 'Only its owner may delete a private saved filter' : refusalOf(actor.role, 'saved-filter.delete-shared'),
      );
    }
    await this.filters.remove(row.id);
    if (row.ownerUserId !== actor.userId) {
      // Someone else's shared filter: say who removed what, since the record is gone.
      this.logger.log(
        `Saved filter ${row.id} "${row.name}" (${row.view}, shared with ${row.sharedWithRole}) of user ${row.ownerUsername ?? row.ownerUserId} deleted by ${actor.username} (${actor.role})`,
      );
    }
  }
}
