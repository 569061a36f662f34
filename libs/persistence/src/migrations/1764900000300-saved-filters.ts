import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Filters saved by name (the console's "常用筛选"): a list's query-string parameters kept under a
 * name by their owner, private or shared with every user of the owner's role. One name per
 * owner and view: saving the same name again replaces the filters.
 */
export class SavedFilters1764900000300 implements MigrationInterface {
  name = 'SavedFilters1764900000300';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE saved_filters (
        id uuid PRIMARY KEY,
        view text NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        filters jsonb NOT NULL CHECK (jsonb_typeof(filters) = 'object'),
        owner_user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        shared_with_role varchar(32) CHECK (shared_with_role IN ('office', 'department_officer', 'inspector', 'viewer')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT saved_filters_owner_name UNIQUE (view, owner_user_id, name)
      )`);
    await db.query(`CREATE INDEX saved_filters_shared ON saved_filters (view, shared_with_role) WHERE shared_with_role IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE saved_filters`);
  }
}
