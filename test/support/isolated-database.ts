import { Client } from 'pg';

/**
 * A database of its own for a test file that writes in bulk, beside the run's database on the
 * same server: the other files' comparison runs read every unit, and a hundred thousand
 * imported units would turn each of their runs into a hundred thousand compliance cases.
 * Drop it in afterAll (the run's teardown drops only the run's database).
 */
export async function isolatedDatabase(label: string): Promise<{ url: string; drop(): Promise<void> }> {
  const runUrl = new URL(process.env.DATABASE_URL!);
  const name = `${runUrl.pathname.slice(1)}_${label}`.replace(/[^a-z0-9_]/g, '_').slice(0, 63);
  const adminUrl = new URL(runUrl);
  adminUrl.pathname = '/postgres';
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: adminUrl.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(runUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => (process.env.KEEP_TEST_DATABASE ? Promise.resolve() : admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}
