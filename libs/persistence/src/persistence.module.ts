import { Global, Inject, Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createDataSource, runMigrationsLocked, type DataSourceOptions } from './data-source';
import { loadShippedNationalCalendars } from './national-calendar';
import { DepartmentRepository } from './repositories/departments/department.repository';
import { DutyCommentRepository } from './repositories/duties/duty-comment.repository';
import { DutyEvidenceRepository } from './repositories/duties/duty-evidence.repository';
import { DutyRepository } from './repositories/duties/duty.repository';
import { DutyQueryRepository } from './repositories/duties/duty-query.repository';
import { EmailRepository } from './repositories/common/email.repository';
import { UserRepository } from './repositories/users/user.repository';
import { WorkingCalendarRepository } from './repositories/calendar/working-calendar.repository';
import { DutyMatrixRepository } from './repositories/campaigns/duty-matrix.repository';
import { CampaignRepository } from './repositories/campaigns/campaign.repository';
import { CampaignEditRepository } from './repositories/campaigns/campaign-edit.repository';
import { CampaignPhaseRepository } from './repositories/campaigns/campaign-phase.repository';
import { UnitRepository } from './repositories/units/unit.repository';
import { ComplianceRepository } from './repositories/compliance/compliance.repository';
import { ComplianceEvidenceRepository } from './repositories/compliance/compliance-evidence.repository';
import { UnitImportRepository } from './repositories/unit-imports/unit-import.repository';
import { InspectionRepository } from './repositories/inspections/inspection.repository';
import { ComplianceViewsRepository } from './repositories/compliance/compliance-views.repository';
import { ReportViewsRepository } from './repositories/reports/report-views.repository';
import { ReportRepository } from './repositories/reports/report.repository';
import { AssessmentRepository } from './repositories/assessments/assessment.repository';
import { CircularRepository } from './repositories/circulars/circular.repository';
import { SavedFilterRepository } from './repositories/saved-filters/saved-filter.repository';

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
  CampaignEditRepository,
  CampaignPhaseRepository,
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

  static forRoot(databaseUrl: string, applicationName: string, options: DataSourceOptions = {}): DynamicModule {
    return {
      module: PersistenceModule,
      providers: [
        {
          provide: DataSource,
          useFactory: async () => {
            const dataSource = createDataSource(databaseUrl, applicationName, options);
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
