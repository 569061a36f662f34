import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * What to do when code inside a transaction asks the pool for a second connection.
 *
 * That is the pool-starvation deadlock: with the pool's N connections each held by a
 * transaction that waits for one more, nothing is ever released and every request hangs. It
 * only shows under concurrency (N requests at once), so tests run with `throw` and every such
 * call fails where it is made; in production a warning names the place, once per place.
 */
export type NestedConnectionPolicy = 'throw' | 'warn';

export class NestedConnectionError extends Error {
  constructor() {
    super('A query inside a transaction asked the pool for a second connection; pass the transaction manager (tx) instead');
    this.name = 'NestedConnectionError';
  }
}

interface OpenTransaction {
  readonly dataSource: DataSource;
}

const openTransaction = new AsyncLocalStorage<OpenTransaction>();
const warned = new Set<string>();

/** Installs the guard on one data source: its transactions mark their callback's async context. */
export function guardNestedConnections(dataSource: DataSource, policy: NestedConnectionPolicy, warn: (message: string) => void = (m) => console.warn(m)): void {
  const manager = dataSource.manager;
  const transaction = manager.transaction.bind(manager) as (isolation: unknown, run?: unknown) => Promise<unknown>;
  // Called as (run) or (isolation, run); DataSource.transaction always passes both, the second maybe undefined.
  manager.transaction = ((isolationOrRun: unknown, maybeRun?: unknown) => {
    const isolated = typeof isolationOrRun === 'string';
    const run = (isolated ? maybeRun : isolationOrRun) as (tx: EntityManager) => Promise<unknown>;
    const marked = (tx: EntityManager) => openTransaction.run({ dataSource }, () => run(tx));
    return isolated ? transaction(isolationOrRun, marked) : transaction(marked);
  }) as EntityManager['transaction'];

  const createQueryRunner = dataSource.createQueryRunner.bind(dataSource);
  dataSource.createQueryRunner = ((mode?: 'master' | 'slave') => {
    if (openTransaction.getStore()?.dataSource === dataSource) {
      const error = new NestedConnectionError();
      if (policy === 'throw') throw error;
      const place = error.stack?.split('\n').slice(2, 5).join('\n') ?? '';
      if (!warned.has(place)) {
        warned.add(place);
        warn(`${error.message}\n${place}`);
      }
    }
    return createQueryRunner(mode);
  }) as DataSource['createQueryRunner'];
}
