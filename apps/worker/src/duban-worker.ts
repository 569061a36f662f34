import { Logger } from '@nestjs/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { DubanConfig } from '@duban/config';
import { withInputFailures } from './common/activity-failures';
import type {
  AccountActivities,
  AssessmentActivities,
  CampaignActivities,
  ComplianceActivities,
  DutyActivities,
  ReportingActivities,
  UnitImportActivities,
  SignInHousekeepingInput,
} from '@duban/workflows';
import { signInHousekeepingWorkflowId } from '@duban/workflows';
import { startWorkflow, TemporalClientConnection } from '@duban/temporal-client';

/** The Temporal worker and its connection, run by main.ts and closed with it. */
export class DubanWorker {
  private readonly logger = new Logger(DubanWorker.name);

  private constructor(
    readonly worker: Worker,
    private readonly connection: NativeConnection,
    private readonly config: DubanConfig,
  ) {}

  static async create(
    config: DubanConfig,
    dutyActivities: DutyActivities,
    campaignActivities: CampaignActivities,
    complianceActivities: ComplianceActivities,
    unitImportActivities: UnitImportActivities,
    assessmentActivities: AssessmentActivities,
    reportingActivities: ReportingActivities,
    accountActivities: AccountActivities,
  ): Promise<DubanWorker> {
    const connection = await NativeConnection.connect({ address: config.temporal.address });
    try {
      const worker = await Worker.create({
        connection,
        namespace: config.temporal.namespace,
        taskQueue: config.temporal.taskQueue,
        // On shutdown (a deployment, a restart) running activities get this long to finish;
        // then they are cancelled (an import stops between batches) and retried elsewhere.
        shutdownGraceTime: config.workerShutdownGraceSeconds * 1000,
        workflowBundle: { codePath: config.workflowBundlePath },
        // Bound so the activities keep their service's dependencies.
        // Wrapped once: an input the database refuses fails at once, it is not retried forever.
        activities: withInputFailures({
          ...bindAll<CampaignActivities>(campaignActivities, ['openCampaignPhase', 'phaseDutyInputs', 'closeCampaignPhase', 'recordCampaignCompleted']),
          ...bindAll<ComplianceActivities>(complianceActivities, [
            'compareUnitsForRun',
            'complianceCaseInputs',
            'finishComplianceRun',
            'recordCaseTransition',
            'sendRectificationNotice',
            'takeEscalationStep',
            'recordExposureDecision',
            'stopPendingSteps',
          ]),
          ...bindAll<ReportingActivities>(reportingActivities, ['reportSchedule', 'openReportRound', 'recordReportRoundStarted']),
          ...bindAll<AssessmentActivities>(assessmentActivities, [
            'computeAssessment',
            'recordAssessmentReview',
            'finaliseAssessment',
            'sendAssessmentOutcomes',
            'publishCircular',
            'sendCircular',
          ]),
          importUnitRows: unitImportActivities.importUnitRows.bind(unitImportActivities),
          recordDutyAssigned: dutyActivities.recordDutyAssigned.bind(dutyActivities),
          recordDutyTransition: dutyActivities.recordDutyTransition.bind(dutyActivities),
          recordDutyReminded: dutyActivities.recordDutyReminded.bind(dutyActivities),
          recordDutyEscalation: dutyActivities.recordDutyEscalation.bind(dutyActivities),
          sendDutyNotification: dutyActivities.sendDutyNotification.bind(dutyActivities),
          sendAccountMail: accountActivities.sendAccountMail.bind(accountActivities),
          purgeSignInRecords: accountActivities.purgeSignInRecords.bind(accountActivities),
        } satisfies DutyActivities & CampaignActivities & ComplianceActivities & UnitImportActivities & AssessmentActivities & ReportingActivities & AccountActivities),
      });
      return new DubanWorker(worker, connection, config);
    } catch (error) {
      await connection.close();
      throw error;
    }
  }

  /** Polls until shutdown() (or SIGINT/SIGTERM, which the SDK's runtime turns into one). */
  async run(): Promise<void> {
    this.logger.log(`Polling task queue ${this.worker.options.taskQueue}`);
    const housekeeping = this.ensureHousekeeping();
    try {
      await this.worker.run();
    } finally {
      await housekeeping;
      await this.connection.close();
      this.logger.log('Worker stopped');
    }
  }

  /**
   * Starts this task queue's sign-in housekeeping unless it runs already (every worker tries;
   * the workflow id makes it one). A Temporal that is away now only delays it to the next start.
   */
  private async ensureHousekeeping(): Promise<void> {
    const { taskQueue } = this.config.temporal;
    const temporal = new TemporalClientConnection(this.config.temporal);
    try {
      await startWorkflow(await temporal.get(), 'SignInHousekeepingWorkflow', {
        taskQueue,
        workflowId: signInHousekeepingWorkflowId(taskQueue),
        workflowIdConflictPolicy: 'USE_EXISTING',
        args: [{ intervalSeconds: this.config.housekeepingIntervalSeconds } satisfies SignInHousekeepingInput],
      });
    } catch (error) {
      this.logger.warn(`Sign-in housekeeping not started (next worker start tries again): ${String(error)}`);
    } finally {
      await temporal.close().catch(() => undefined);
    }
  }

  shutdown(): void {
    if (this.worker.getState() === 'RUNNING') this.worker.shutdown();
  }
}

/** The named methods, bound so they keep their service's dependencies. */
function bindAll<T extends object>(service: T, names: ReadonlyArray<keyof T & string>): T {
  return Object.fromEntries(names.map((name) => [name, (service[name] as (...args: unknown[]) => unknown).bind(service)])) as T;
}
