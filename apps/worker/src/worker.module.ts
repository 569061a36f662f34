import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { DubanConfigModule, DUBAN_CONFIG, type DubanConfig } from '@duban/config';
import { MailTransport } from '@duban/mail';
import { PersistenceModule } from '@duban/persistence';
import { DubanWorker } from './duban-worker';
import { CampaignActivitiesService } from './campaigns/campaign-activities.service';
import { DutyActivitiesService } from './duties/duty-activities.service';
import { ComplianceActivitiesService } from './compliance/compliance-activities.service';
import { UnitImportActivitiesService } from './unit-imports/unit-import-activities.service';
import { AssessmentActivitiesService } from './assessments/assessment-activities.service';
import { ReportingActivitiesService } from './reports/reporting-activities.service';
import { OnceOnlyMail } from './common/once-only-mail';
import { AccountActivitiesService } from './users/account-activities.service';

/** The worker's root module: the same services as the API, no controllers, no HTTP. */
@Module({})
export class WorkerModule implements OnApplicationShutdown {
  constructor(@Inject(MailTransport) private readonly mail: MailTransport) {}

  static forRoot(config: DubanConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [DubanConfigModule.forRoot(config), PersistenceModule.forRoot(config.databaseUrl, 'duban-worker', config.databasePool)],
      providers: [
        { provide: MailTransport, inject: [DUBAN_CONFIG], useFactory: (c: DubanConfig) => new MailTransport(c.smtp.url) },
        OnceOnlyMail,
        DutyActivitiesService,
        CampaignActivitiesService,
        ComplianceActivitiesService,
        UnitImportActivitiesService,
        AssessmentActivitiesService,
        ReportingActivitiesService,
        AccountActivitiesService,
        {
          provide: DubanWorker,
          inject: [
            DUBAN_CONFIG,
            DutyActivitiesService,
            CampaignActivitiesService,
            ComplianceActivitiesService,
            UnitImportActivitiesService,
            AssessmentActivitiesService,
            ReportingActivitiesService,
            AccountActivitiesService,
          ],
          useFactory: (
            c: DubanConfig,
            duty: DutyActivitiesService,
            campaign: CampaignActivitiesService,
            compliance: ComplianceActivitiesService,
            unitImports: UnitImportActivitiesService,
            assessment: AssessmentActivitiesService,
            reporting: ReportingActivitiesService,
            accounts: AccountActivitiesService,
          ) => DubanWorker.create(c, duty, campaign, compliance, unitImports, assessment, reporting, accounts),
        },
      ],
      exports: [DubanWorker],
    };
  }

  onApplicationShutdown(): void {
    this.mail.close();
  }
}
