import { Logger } from '@nestjs/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { DubanConfig } from '@duban/config';
import { withInputFailures } from './activity-failures';
import type {
  AssessmentActivities,
  CampaignActivities,
  ComplianceActivities,
  DutyActivities,
  ReportingActivities,
  UnitImportActivities,
} from '@duban/workflows';

/** The Temporal worker and its connection, run by main.ts and closed with it. */
export class DubanWorker {
  private readonly logger = new Logger(DubanWorker.name);

  private constructor(
    readonly worker: Worker,
    private readonly connection: NativeConnection,
  ) {}

  static async create(
    config: DubanConfig,
    dutyActivities: DutyActivities,
    campaignActivities: CampaignActivities,
    complianceActivities: ComplianceActivities,
    unitImportActivities: UnitImportActivities,
    assessmentActivities: AssessmentActivities,
    reportingActivities: ReportingActivities,
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
          ...bindAll<CampaignActivities>(campaignActivities, [
            'openCampaignPhase',
            'phaseDutyInputs',
            'closeCampaignPhase',
            'recordCampaignCompleted',
          ]),
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
        } satisfies DutyActivities & CampaignActivities & ComplianceActivities & UnitImportActivities & AssessmentActivities & ReportingActivities),
      });
      return new DubanWorker(worker, connection);
    } catch (error) {
      await connection.close();
      throw error;
    }
  }

  /** Polls until shutdown() (or SIGINT/SIGTERM, which the SDK's runtime turns into one). */
  async run(): Promise<void> {
    this.logger.log(`Polling task queue ${this.worker.options.taskQueue}`);
    try {
      await this.worker.run();
    } finally {
      await this.connection.close();
      this.logger.log('Worker stopped');
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
