// Creates the development departments and users in DATABASE_URL (what DUBAN_DEV_SEED does at start).
import { loadDubanConfig } from '@duban/config';
import { openDatabase, seedDevelopmentData } from '@duban/persistence';

const PASSWORD = process.env.DUBAN_DEV_PASSWORD ?? 'duban-dev-password';

async function main(): Promise<void> {
  const dataSource = await openDatabase(loadDubanConfig().databaseUrl, 'duban-seed');
  try {
    const logins = await seedDevelopmentData(dataSource, PASSWORD);
    for (const l of logins) console.log(`${l.created ? 'created' : 'exists '} ${l.username.padEnd(16)} ${l.role.padEnd(19)} ${l.department ?? ''}`);
    console.log(`Password: ${PASSWORD}`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
