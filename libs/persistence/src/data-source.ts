import { DataSource } from 'typeorm';
import { guardNestedConnections, type NestedConnectionPolicy } from './transaction-guard';
import { loadShippedNationalCalendars } from './national-calendar';
import { DepartmentEntity } from './entities/departments/department.entity';
import { DutyCommentEntity } from './entities/duties/duty-comment.entity';
import { DutyEscalationEntity } from './entities/duties/duty-escalation.entity';
import { DutyEvidenceEntity } from './entities/duties/duty-evidence.entity';
import { DutyReminderEntity } from './entities/duties/duty-reminder.entity';
import { DutyTransitionEntity } from './entities/duties/duty-transition.entity';
import { DutyEntity } from './entities/duties/duty.entity';
import { EmailEntity } from './entities/common/email.entity';
import { UserEntity } from './entities/users/user.entity';
import { Foundation1764000000000 } from './migrations/1764000000000-foundation';
import { DutyExtensions1764100000000 } from './migrations/1764100000000-duty-extensions';
import { WorkingCalendar1764200000000 } from './migrations/1764200000000-working-calendar';
import { DutyMatrix1764300000000 } from './migrations/1764300000000-duty-matrix';
import { Campaigns1764400000000 } from './migrations/1764400000000-campaigns';
import { DutyEvidence1764500000000 } from './migrations/1764500000000-duty-evidence';
import { Units1764600000000 } from './migrations/1764600000000-units';
import { Compliance1764700000000 } from './migrations/1764700000000-compliance';
import { UnitImports1764800000000 } from './migrations/1764800000000-unit-imports';
import { Reports1764900000000 } from './migrations/1764900000000-reports';
import { Assessment1764900000200 } from './migrations/1764900000200-assessment';
import { SavedFilters1764900000300 } from './migrations/1764900000300-saved-filters';
import { EmailLease1764900000500 } from './migrations/1764900000500-email-lease';
import { IdempotentRequests1764900000600 } from './migrations/1764900000600-idempotent-requests';
import { GoLive1765000000000 } from './migrations/1765000000000-go-live';
import { SingleSignOn1765000000900 } from './migrations/1765000000900-single-sign-on';
import { ShippedNationalCalendar1765100000000 } from './migrations/1765100000000-shipped-national-calendar';
import { ExposureWithdrawal1765104000000 } from './migrations/1765104000000-exposure-withdrawal';
import { NoticeOpenings1765104000100 } from './migrations/1765104000100-notice-openings';
import { EarlyLaunch1765200000000 } from './migrations/1765200000000-early-launch';
import { UnitImportCodes1765300000400 } from './migrations/1765300000400-unit-import-codes';
import { UnitSourceFacts1765300000500 } from './migrations/1765300000500-unit-source-facts';

export const ENTITIES = [
  DepartmentEntity,
  UserEntity,
  DutyEntity,
  DutyTransitionEntity,
  DutyEscalationEntity,
  EmailEntity,
  DutyEvidenceEntity,
  DutyCommentEntity,
  DutyReminderEntity,
];

/** Listed, not globbed, so the bundled apps carry every migration with them. */
export const MIGRATIONS = [
  Foundation1764000000000,
  DutyExtensions1764100000000,
  WorkingCalendar1764200000000,
  DutyMatrix1764300000000,
  Campaigns1764400000000,
  DutyEvidence1764500000000,
  Units1764600000000,
  Compliance1764700000000,
  UnitImports1764800000000,
  Reports1764900000000,
  Assessment1764900000200,
  SavedFilters1764900000300,
  EmailLease1764900000500,
  IdempotentRequests1764900000600,
  GoLive1765000000000,
  SingleSignOn1765000000900,
  ShippedNationalCalendar1765100000000,
  ExposureWithdrawal1765104000000,
  NoticeOpenings1765104000100,
  EarlyLaunch1765200000000,
  UnitImportCodes1765300000400,
  UnitSourceFacts1765300000500,
];

/** Any fixed number will do; it only has to be the same in every Duban process. */
const MIGRATION_LOCK_KEY = 4_242_001;

/** The pool's settings (the config's `databasePool`). */
export interface DataSourceOptions {
  size?: number;
  /** How long a caller waits for a pooled connection; past it the query fails (503 at the API). */
  waitMs?: number;
  /** See transaction-guard.ts; tests use `throw`. */
  nestedConnections?: NestedConnectionPolicy;
}

export function createDataSource(databaseUrl: string, applicationName = 'duban', options: DataSourceOptions = {}): DataSource {
  const dataSource = new DataSource({
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    // The schema changes only through migrations.
    synchronize: false,
    migrationsRun: false,
    applicationName,
    // A bounded wait for a pooled connection: when every one is busy for this long the caller
    // gets 503 with Retry-After (see the exception filter) instead of waiting without end.
    extra: { max: options.size ?? 10, connectionTimeoutMillis: options.waitMs ?? 15_000 },
  });
  guardNestedConnections(dataSource, options.nestedConnections ?? 'warn');
  return dataSource;
}

/**
 * Runs pending migrations while holding a PostgreSQL advisory lock, so an API and a worker
 * starting together do not both try. Returns the names of the migrations it applied.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}

/** Initialises a data source and brings its schema up to date. */
export async function openDatabase(databaseUrl: string, applicationName?: string): Promise<DataSource> {
  const dataSource = createDataSource(databaseUrl, applicationName);
  await dataSource.initialize();
  try {
    await runMigrationsLocked(dataSource);
    await loadShippedNationalCalendars(dataSource);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}
