import { Inject, Logger, Module, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { DubanConfigModule, DUBAN_CONFIG, type DubanConfig } from '@duban/config';
import { configurePasswordHashing, PersistenceModule, seedDevelopmentData, UserRepository } from '@duban/persistence';
import { AuditLogController } from './audit-log/audit-log.controller';
import { AuditLogService } from './audit-log/audit-log.service';
import { AuthController } from './auth/auth.controller';
import { OidcController } from './auth/oidc.controller';
import { OidcService } from './auth/oidc.service';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';
import { AuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { CalendarController } from './calendar/calendar.controller';
import { CampaignsController } from './campaigns/campaigns.controller';
import { CampaignsService } from './campaigns/campaigns.service';
import { CampaignEditsService } from './campaigns/campaign-edits.service';
import { CampaignLookup } from './campaigns/campaign-lookup';
import { PhaseLaunchService } from './campaigns/phase-launch.service';
import { PhaseSummaryService } from './campaigns/phase-summary.service';
import { ComplianceController } from './compliance/compliance.controller';
import { ComplianceService } from './compliance/compliance.service';
import { ComplianceEvidenceController } from './compliance/compliance-evidence.controller';
import { ComplianceEvidenceService } from './compliance/compliance-evidence.service';
import { UnitImportsController } from './unit-imports/unit-imports.controller';
import { InspectionCasesController } from './inspections/inspections.controller';
import { InspectionCasesService } from './inspections/inspections.service';
import { ComplianceViewsController } from './compliance/compliance-views.controller';
import { NoticeLinksController } from './compliance/notice-links.controller';
import { ComplianceViewsService } from './compliance/compliance-views.service';
import { UnitImportsService } from './unit-imports/unit-imports.service';
import { UnitsController } from './units/units.controller';
import { UnitsService } from './units/units.service';
import { CalendarService } from './calendar/calendar.service';
import { DubanExceptionFilter } from './common/domain-exception.filter';
import { DepartmentsController } from './departments/departments.controller';
import { DepartmentsService } from './departments/departments.service';
import { DepartmentImportService } from './departments/department-import.service';
import { DutiesController } from './duties/duties.controller';
import { DutiesService } from './duties/duties.service';
import { DutyCommentsController } from './duties/duty-comments.controller';
import { DutyCommentsService } from './duties/duty-comments.service';
import { DutyEvidenceController } from './duties/duty-evidence.controller';
import { DutyEvidenceService } from './duties/duty-evidence.service';
import { DutyMatrixController } from './campaigns/duty-matrix.controller';
import { DutyMatrixService } from './campaigns/duty-matrix.service';
import { DutyBulkActionsService } from './duties/duty-bulk-actions.service';
import { DutyBulkActionsController, DutyViewsController } from './duties/duty-views.controller';
import { DutyViewsService } from './duties/duty-views.service';
import { HealthController } from './health/health.controller';
import { ProgressModule } from './progress/progress.module';
import { AssessmentsController } from './assessments/assessments.controller';
import { CircularsController } from './circulars/circulars.controller';
import { AssessmentsService } from './assessments/assessments.service';
import { CircularsService } from './circulars/circulars.service';
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
    private readonly calendar: CalendarService,
  ) {}

  static forRoot(config: DubanConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [DubanConfigModule.forRoot(config), PersistenceModule.forRoot(config.databaseUrl, 'duban-api', config.databasePool), JwtModule.register({}), ProgressModule],
      controllers: [
        HealthController,
        AuthController,
        OidcController,
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
        NoticeLinksController,
        DutyViewsController,
        DutyBulkActionsController,
        AssessmentsController,
        CircularsController,
        ReportsController,
        SavedFiltersController,
        AuditLogController,
        UsersController,
      ],
      providers: [
        TemporalClientProvider,
        AuthService,
        OidcService,
        DepartmentsService,
        DepartmentImportService,
        DutiesService,
        DutyEvidenceService,
        DutyCommentsService,
        CalendarService,
        DutyMatrixService,
        CampaignLookup,
        CampaignsService,
        CampaignEditsService,
        PhaseLaunchService,
        PhaseSummaryService,
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
        AuditLogService,
        UsersService,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: DubanExceptionFilter },
      ],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    configurePasswordHashing({ concurrency: this.config.signIn.hashConcurrency, maxWaiting: this.config.signIn.hashQueue });
    if (this.config.jwt.developmentSecret) {
      new Logger('Config').warn(
        'JWT_SECRET is not set: tokens are signed with the development secret that is in the repository. ' +
          'This is accepted only with NODE_ENV=development on a loopback address; set JWT_SECRET anywhere else.',
      );
    }
    if (this.config.devSeed) await this.seedDevelopmentUsers();
    await this.sayHowToCreateAnAdministrator();
    await this.calendar.warnAboutYearsNotShipped();
  }

  /** A system with no active administrator cannot manage its people: the start log says how to make one. */
  private async sayHowToCreateAnAdministrator(): Promise<void> {
    if ((await new UserRepository(this.dataSource).countActiveAdministrators()) > 0) return;
    new Logger('Administrators').warn(
      'No active system administrator exists. Create the first one with\n' +
        '  npm run admin:create -- --username <name> --display-name <name> [--email <address>]\n' +
        '(it asks for the password, or reads DUBAN_ADMIN_PASSWORD; with the Docker image: docker compose run --rm api node dist/apps/api/main.js admin:create --username <name>).',
    );
  }

  private async seedDevelopmentUsers(): Promise<void> {
    const logins = await seedDevelopmentData(this.dataSource, DEV_SEED_PASSWORD);
    const lines = logins.map((l) => `  ${l.username.padEnd(16)} ${l.role.padEnd(19)} ${l.department ?? ''}`);
    this.logger.log(
      `Development users (password "${DEV_SEED_PASSWORD}"):\n${lines.join('\n')}\n` +
        `  Log in: curl -s -X POST ${this.config.http.publicUrl}/auth/login -H 'content-type: application/json' ` +
        `-d '{"username":"office","password":"${DEV_SEED_PASSWORD}"}'`,
    );
  }
}
