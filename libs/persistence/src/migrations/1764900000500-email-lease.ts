import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An e-mail's claim is a lease: the attempt that holds it (`claimed_by`) is the only one that may
 * hand the message to SMTP until `lease_until`, so a second attempt of the same activity (Temporal
 * retries after a timeout while the first may still be talking to the server) waits instead of
 * sending it again.
 */
export class EmailLease1764900000500 implements MigrationInterface {
  name = 'EmailLease1764900000500';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE emails ADD COLUMN claimed_by varchar(300), ADD COLUMN lease_until timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE emails DROP COLUMN claimed_by, DROP COLUMN lease_until`);
  }
}
