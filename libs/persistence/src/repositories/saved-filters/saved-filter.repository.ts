import type { DataSource } from 'typeorm';
import type { Role } from '@duban/domain';

/** A saved filter as stored, with its owner's username. */
export interface SavedFilterRow {
  id: string;
  view: string;
  name: string;
  /** The list's query-string parameters: name → value. */
  filters: Record<string, string>;
  ownerUserId: string;
  ownerUsername: string | null;
  /** null: private to its owner; else every user of this role sees it. */
  sharedWithRole: Role | null;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `
  f.id, f.view, f.name, f.filters, f.owner_user_id AS "ownerUserId", u.username AS "ownerUsername",
  f.shared_with_role AS "sharedWithRole", f.created_at AS "createdAt", f.updated_at AS "updatedAt"`;
const FROM = `saved_filters f LEFT JOIN users u ON u.id = f.owner_user_id`;

/** Filters saved by name: one name per owner and view, private or shared with a role. */
export class SavedFilterRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Stores the filters under the owner's name for the view, or replaces the filters and the
   * sharing of the owner's filter of that name. `created` says which.
   */
  async save(input: {
    id: string;
    view: string;
    name: string;
    filters: Record<string, string>;
    ownerUserId: string;
    sharedWithRole: Role | null;
    at: Date;
  }): Promise<{ row: SavedFilterRow; created: boolean }> {
    const rows: Array<{ id: string; created: boolean }> = await this.dataSource.query(
      `INSERT INTO saved_filters (id, view, name, filters, owner_user_id, shared_with_role, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
       ON CONFLICT ON CONSTRAINT saved_filters_owner_name DO UPDATE SET
         filters = EXCLUDED.filters, shared_with_role = EXCLUDED.shared_with_role, updated_at = EXCLUDED.updated_at
       RETURNING id, (xmax = 0) AS created`,
      [input.id, input.view, input.name, JSON.stringify(input.filters), input.ownerUserId, input.sharedWithRole, input.at],
    );
    return { row: (await this.find(rows[0].id))!, created: rows[0].created };
  }

  async find(id: string): Promise<SavedFilterRow | null> {
    const rows: SavedFilterRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE f.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** The user's own filters and those shared with their role, the own first, then by name. */
  visibleTo(user: { userId: string; role: Role }, view?: string): Promise<SavedFilterRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${FROM}
        WHERE (f.owner_user_id = $1 OR f.shared_with_role = $2) AND ($3::text IS NULL OR f.view = $3)
        ORDER BY (f.owner_user_id = $1) DESC, f.view, f.name, f.id`,
      [user.userId, user.role, view ?? null],
    );
  }

  /** Removes the filter; false when it was not there (any more). */
  async remove(id: string): Promise<boolean> {
    const [, count]: [unknown, number] = await this.dataSource.query(`DELETE FROM saved_filters WHERE id = $1`, [id]);
    return count > 0;
  }
}
