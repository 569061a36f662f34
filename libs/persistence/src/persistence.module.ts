import { Global, Inject, Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createDataSource, runMigrationsLocked } from './data-source';
import { loadShippedNationalCalendars } from './national-calendar';
import { DepartmentRepository } from './repositories/department.repository';
import { DutyCommentRepository } from './repositories/duty-comment.repository';
import { DutyEvidenceRepository } from './repositories/duty-evidence.repository';
import { DutyRepository } from './repositories/duty.repository';
import { DutyQueryRepository } from './repositories/duty-query.repository';
import { EmailRepository } from './repositories/email.repository';
import { UserRepository } from './repositories/user.repository';
import { WorkingCalendarRepository } from './repositories/working-calendar.repository';
import { DutyMatrixRepository } from './repositories/duty-matrix.repository';
import { CampaignRepository } from './repositories/campaign.repository';
import { UnitRepository } from './repositories/unit.repository';
import { ComplianceRepository } from './repositories/compliance.repository';
import { ComplianceEvidenceRepository } from './repositories/compliance-evidence.repository';
import { UnitImportRepository } from './repositories/unit-import.repository';
import { InspectionRepository } from './repositories/inspection.repository';
import { ComplianceViewsRepository } from './repositories/compliance-views.repository';
import { ReportViewsRepository } from './repositories/report-views.repository';
import { ReportRepository } from './repositories/report.repository';
import { AssessmentRepository } from './repositories/assessment.repository';
import { CircularRepository } from './repositories/circular.repository';
import { SavedFilterRepository } from './repositories/saved-filter.repository';

const REPOSITORIES = [
  DepartmentRepository,
  DutyEvidenceRepository,
  DutyCommentRepository,
  UserRepository,
  DutyRepository,
  DutyQueryRepository,
  EmailRepository,
  WorkingCalendarRepository,
  DutyMatrixRepository,
  CampaignRepository,
  UnitRepository,
  ComplianceRepository,
  ComplianceEvidenceRepository,
  UnitImportRepository,
  InspectionRepository,
  ComplianceViewsRepository,
  ReportViewsRepository,
  ReportRepository,
  AssessmentRepository,
  CircularRepository,
  SavedFilterRepository,
];

/**
 * The database for both apps: one data source, migrated under the advisory lock before
 * anything else starts, and the repositories built on it.
 */
@Global()
@Module({})
export class PersistenceModule implements OnApplicationShutdown {
  private readonly logger = new Logger(PersistenceModule.name);

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  static forRoot(databaseUrl: string, applicationName: string): DynamicModule {
    return {
      module: PersistenceModule,
      providers: [
        {
          provide: DataSource,
          useFactory: async () => {
            const dataSource = createDataSource(databaseUrl, applicationName);
            await dataSource.initialize();
            const applied = await runMigrationsLocked(dataSource);
            if (applied.length > 0) new Logger(PersistenceModule.name).log(`Applied migrations: ${applied.join(', ')}`);
            const shipped = await loadShippedNationalCalendars(dataSource);
            if (shipped.length > 0) new Logger(PersistenceModule.name).log(`Loaded the State Council's holiday notices for ${shipped.join(', ')}`);
            return dataSource;
          },
        },
        ...REPOSITORIES.map((repository) => ({
          provide: repository,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new repository(dataSource),
        })),
      ],
      exports: [DataSource, ...REPOSITORIES],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) {
      await this.dataSource.destroy();
      this.logger.log('Database connections closed');
    }
  }
}
