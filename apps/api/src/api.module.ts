import { Inject, Logger, Module, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { DubanConfigModule, DUBAN_CONFIG, type DubanConfig } from '@duban/config';
import { PersistenceModule, seedDevelopmentData } from '@duban/persistence';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { LoginThrottle } from './auth/login-throttle';
import { CalendarController } from './calendar/calendar.controller';
import { CampaignsController } from './campaigns/campaigns.controller';
import { CampaignsService } from './campaigns/campaigns.service';
import { ComplianceController } from './compliance/compliance.controller';
import { ComplianceService } from './compliance/compliance.service';
import { ComplianceEvidenceController } from './compliance/compliance-evidence.controller';
import { ComplianceEvidenceService } from './compliance/compliance-evidence.service';
import { UnitImportsController } from './unit-imports/unit-imports.controller';
import { InspectionCasesController } from './inspection-cases/inspection-cases.controller';
import { InspectionCasesService } from './inspection-cases/inspection-cases.service';
import { ComplianceViewsController } from './compliance/compliance-views.controller';
import { ComplianceViewsService } from './compliance/compliance-views.service';
import { UnitImportsService } from './unit-imports/unit-imports.service';
import { UnitsController } from './units/units.controller';
import { UnitsService } from './units/units.service';
import { CalendarService } from './calendar/calendar.service';
import { DubanExceptionFilter } from './common/domain-exception.filter';
import { DepartmentsController } from './departments/departments.controller';
import { DepartmentsService } from './departments/departments.service';
import { DutiesController } from './duties/duties.controller';
import { DutiesService } from './duties/duties.service';
import { DutyCommentsController } from './duties/duty-comments.controller';
import { DutyCommentsService } from './duties/duty-comments.service';
import { DutyEvidenceController } from './duties/duty-evidence.controller';
import { DutyEvidenceService } from './duties/duty-evidence.service';
import { DutyMatrixController } from './duty-matrix/duty-matrix.controller';
import { DutyMatrixService } from './duty-matrix/duty-matrix.service';
import { DutyBulkActionsService } from './duty-views/duty-bulk-actions.service';
import { DutyBulkActionsController, DutyViewsController } from './duty-views/duty-views.controller';
import { DutyViewsService } from './duty-views/duty-views.service';
import { HealthController } from './health/health.controller';
import { ProgressModule } from './progress/progress.module';
import { AssessmentsController, CircularsController } from './assessments/assessments.controller';
import { AssessmentsService } from './assessments/assessments.service';
import { CircularsService } from './assessments/circulars.service';
import { ReportsController } from './reports/reports.controller';
import { ReportsService } from './reports/reports.service';
import { SavedFiltersController } from './saved-filters/saved-filters.controller';
import { SavedFiltersService } from './saved-filters/saved-filters.service';
import { TemporalClientProvider } from './temporal/temporal-client.provider';

/** Password of the development users; printed at start when DUBAN_DEV_SEED is on. */
export const DEV_SEED_PASSWORD = 'duban-dev-password';

@Module({})
export class ApiModule implements OnApplicationBootstrap {
  private readonly logger = new Logger('DevSeed');

  constructor(
    @Inject(DUBAN_CONFIG) private readonly config: DubanConfig,
    private readonly dataSource: DataSource,
  ) {}

  static forRoot(config: DubanConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        DubanConfigModule.forRoot(config),
        PersistenceModule.forRoot(config.databaseUrl, 'duban-api'),
        JwtModule.register({}),
        ProgressModule,
      ],
      controllers: [
        HealthController,
        AuthController,
        DepartmentsController,
        DutiesController,
        DutyEvidenceController,
        DutyCommentsController,
        CalendarController,
        DutyMatrixController,
        CampaignsController,
        UnitsController,
        ComplianceController,
        ComplianceEvidenceController,
        UnitImportsController,
        InspectionCasesController,
        ComplianceViewsController,
        DutyViewsController,
        DutyBulkActionsController,
        AssessmentsController,
        CircularsController,
        ReportsController,
        SavedFiltersController,
      ],
      providers: [
        TemporalClientProvider,
        AuthService,
        LoginThrottle,
        DepartmentsService,
        DutiesService,
        DutyEvidenceService,
        DutyCommentsService,
        CalendarService,
        DutyMatrixService,
        CampaignsService,
        UnitsService,
        ComplianceService,
        ComplianceEvidenceService,
        UnitImportsService,
        InspectionCasesService,
        ComplianceViewsService,
        DutyViewsService,
        DutyBulkActionsService,
        AssessmentsService,
        CircularsService,
        ReportsService,
        SavedFiltersService,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: DubanExceptionFilter },
      ],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.devSeed) return;
    const logins = await seedDevelopmentData(this.dataSource, DEV_SEED_PASSWORD);
    const lines = logins.map((l) => `  ${l.username.padEnd(16)} ${l.role.padEnd(19)} ${l.department ?? ''}`);
    this.logger.log(
      `Development users (password "${DEV_SEED_PASSWORD}"):\n${lines.join('\n')}\n` +
        `  Log in: curl -s -X POST ${this.config.http.publicUrl}/auth/login -H 'content-type: application/json' ` +
        `-d '{"username":"office","password":"${DEV_SEED_PASSWORD}"}'`,
    );
  }
}
