// Applies pending migrations to DATABASE_URL (the apps also do this at start, under the same lock).
import { loadDubanConfig } from '@duban/config';
import { createDataSource, runMigrationsLocked } from '@duban/persistence';

async function main(): Promise<void> {
  const dataSource = createDataSource(loadDubanConfig().databaseUrl, 'duban-migrate');
  await dataSource.initialize();
  try {
    const applied = await runMigrationsLocked(dataSource);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The schema is up to date');
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
