import { condition, continueAsNew, ParentClosePolicy, proxyActivities, setHandler, startChild, workflowInfo } from '@temporalio/workflow';
import { DutyWorkflow } from '../duties/duty.workflow';
import { dutyWorkflowId } from '../duties/duty-contract';
import { reportingLiveStateQuery, reportPlanChangedSignal, type CampaignReportingInput, type PendingReportRound, type ReportingActivities } from './reporting-contract';

const activities = proxyActivities<ReportingActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

/** About 3 events per report duty started: a round of 40 units is ~130 events. */
const HISTORY_EVENTS_BEFORE_CONTINUE_AS_NEW = 3_000;

/**
 * A campaign's reporting rhythm: opens each round of its report plan when the round's period
 * begins (rounds already begun when it starts open at once — they are owed, and late ones
 * climb the duties' ladder at once), with one DutyWorkflow per report. Ends when every round of
 * the campaign's period is open; a plan change wakes it to read the schedule again. The
 * schedule comes from the record (rounds not opened yet), so a continue-as-new carries nothing.
 */
export async function CampaignReportingWorkflow(input: CampaignReportingInput): Promise<{ roundsOpened: number }> {
  let planChanges = 0;
  let next: PendingReportRound | null = null;
  let opened = 0;
  setHandler(reportPlanChangedSignal, () => {
    planChanges++;
  });
  setHandler(reportingLiveStateQuery, () => ({ campaignId: input.campaignId, nextRound: next, roundsOpenedInThisRun: opened }));

  for (;;) {
    const seen = planChanges;
    const schedule = await activities.reportSchedule({ campaignId: input.campaignId });
    next = schedule.pending[0] ?? null;
    if (!next) {
      // Nothing left to open. A plan changed meanwhile may have added rounds: look once more.
      if (planChanges !== seen) continue;
      return { roundsOpened: opened };
    }
    const round = next;
    const changed = await condition(() => planChanges !== seen, Math.max(1, round.opensAt - Date.now()));
    if (changed) continue;
    const { duties } = await activities.openReportRound({ campaignId: input.campaignId, roundKey: round.roundKey, openedAt: Date.now() });
    await Promise.all(
      duties.map(async (duty) => {
        try {
          await startChild(DutyWorkflow, {
            workflowId: dutyWorkflowId(duty.assignment.dutyId),
            args: [duty],
            // A report's duty outlives the reporting workflow (which ends with the last round).
            parentClosePolicy: ParentClosePolicy.ABANDON,
          });
        } catch (error) {
          // Started before: this round was opened by an earlier run that ended before recording its start.
          if (!(error instanceof Error && error.name === 'WorkflowExecutionAlreadyStartedError')) throw error;
        }
      }),
    );
    await activities.recordReportRoundStarted({ campaignId: input.campaignId, roundKey: round.roundKey, startedAt: Date.now() });
    opened++;
    next = null;
    if (workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > HISTORY_EVENTS_BEFORE_CONTINUE_AS_NEW) {
      await continueAsNew<typeof CampaignReportingWorkflow>(input);
    }
  }
}
