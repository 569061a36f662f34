import type { DataSource } from 'typeorm';
import { createDataSource, NestedConnectionError } from '@duban/persistence';

// A query on the pool from inside a transaction's callback is the pool-starvation deadlock:
// with every connection held by a transaction waiting for one more, nothing is released. The
// guard makes it fail where it is written (tests) or names it (production), and the pool's
// bounded wait turns starvation into an error instead of a hang.

const opened: DataSource[] = [];
async function open(options: Parameters<typeof createDataSource>[2]): Promise<DataSource> {
  const dataSource = createDataSource(process.env.DATABASE_URL!, 'transaction-guard-test', options);
  await dataSource.initialize();
  opened.push(dataSource);
  return dataSource;
}

afterAll(async () => {
  await Promise.all(opened.map((d) => d.destroy()));
});

describe('a query inside a transaction that asks the pool for a second connection', () => {
  it('throws where it is made under `throw`, and the transaction rolls back; its own manager and queries after it work', async () => {
    const dataSource = await open({ size: 3, nestedConnections: 'throw' });
    await dataSource.query(`CREATE TABLE IF NOT EXISTS transaction_guard_probe (n int)`);
    await dataSource.query(`TRUNCATE transaction_guard_probe`);

    const attempt = dataSource.transaction(async (tx) => {
      await tx.query(`INSERT INTO transaction_guard_probe VALUES (1)`);
      await dataSource.query(`SELECT 1`);
    });
    await expect(attempt).rejects.toBeInstanceOf(NestedConnectionError);
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM transaction_guard_probe`)).toEqual([{ n: 0 }]);

    // The context ends with the callback, also for work that awaited inside it.
    await dataSource.transaction(async (tx) => {
      await Promise.all([tx.query(`INSERT INTO transaction_guard_probe VALUES (2)`), tx.query(`SELECT pg_sleep(0.01)`)]);
    });
    expect(await dataSource.query(`SELECT n FROM transaction_guard_probe`)).toEqual([{ n: 2 }]);
    // Repositories on the data source's manager are caught too.
    const nested = dataSource.transaction(async () => dataSource.manager.query(`SELECT 1`));
    await expect(nested).rejects.toBeInstanceOf(NestedConnectionError);
    await dataSource.query(`DROP TABLE transaction_guard_probe`);
  });

  it('warns once per place under `warn` and runs the query', async () => {
    const warnings: string[] = [];
    const dataSource = createDataSource(process.env.DATABASE_URL!, 'transaction-guard-test', { size: 3, nestedConnections: 'warn' });
    // The guard warns on console.warn unless given a sink.
    const spy = jest.spyOn(console, 'warn').mockImplementation((message: string) => void warnings.push(message));
    try {
      await dataSource.initialize();
      opened.push(dataSource);
      for (let i = 0; i < 3; i++) {
        const [{ one }] = await dataSource.transaction(async () => dataSource.query(`SELECT 1 AS one`));
        expect(one).toBe(1);
      }
    } finally {
      spy.mockRestore();
    }
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('second connection');
  });

  it('fails after the pool wait instead of hanging when the pool is starved', async () => {
    const dataSource = await open({ size: 2, waitMs: 300, nestedConnections: 'warn' });
    const spy = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const started = Date.now();
      const starved = Promise.all([0, 1].map(() => dataSource.transaction(async (tx) => (await tx.query(`SELECT pg_sleep(0.1)`), dataSource.query(`SELECT 1`)))));
      await expect(starved).rejects.toThrow(/timeout exceeded when trying to connect/);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      spy.mockRestore();
    }
    // Once the transactions have rolled back the pool serves again.
    expect(await dataSource.query(`SELECT 1 AS one`)).toEqual([{ one: 1 }]);
  });
});
