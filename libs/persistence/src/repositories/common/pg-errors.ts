import type { EntityManager } from 'typeorm';

/** PostgreSQL's SQLSTATE for a unique violation. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; driverError?: { code?: string; constraint?: string }; constraint?: string };
  const code = e?.driverError?.code ?? e?.code;
  if (code !== '23505') return false;
  return constraint === undefined || (e.driverError?.constraint ?? e.constraint) === constraint;
}

/**
 * Whether PostgreSQL refused the data itself (SQLSTATE class 22, data exception, or 23,
 * integrity constraint violation): the same statement with the same data fails again, so
 * retrying it is pointless.
 */
export function isDataRefusal(error: unknown): boolean {
  const e = error as { code?: unknown; driverError?: { code?: unknown } };
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' && (code.startsWith('22') || code.startsWith('23'));
}

/** Runs `work` inside a savepoint of the caller's transaction: if it throws, what it wrote is undone and the transaction goes on. */
export async function inSavepoint<T>(tx: EntityManager, work: () => Promise<T>): Promise<T> {
  await tx.query('SAVEPOINT duban_work');
  let result: T;
  try {
    result = await work();
  } catch (error) {
    await tx.query('ROLLBACK TO SAVEPOINT duban_work');
    await tx.query('RELEASE SAVEPOINT duban_work');
    throw error;
  }
  await tx.query('RELEASE SAVEPOINT duban_work');
  return result;
}
