import { allHandlersFinished, condition, ParentClosePolicy, proxyActivities, setHandler, startChild } from '@temporalio/workflow';
import { DomainErrorCode, launchOverridesOpenPhase, phaseLaunchRefusal } from '@duban/domain';
import type { CampaignActivities } from './campaign-activities';
import { campaignLiveStateQuery, launchPhaseUpdate, phaseWorkflowId, type CampaignPhaseProgress, type CampaignWorkflowInput, type LaunchPhaseRequest } from './campaign-contract';
import { refusal, unwrapActivityRefusal } from '../common/workflow-failures';
import { PhaseWorkflow } from './phase.workflow';

const activities = proxyActivities<CampaignActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', backoffCoefficient: 2 },
});

/** The launch answers a waiting user: a few tries, then a clear failure rather than a hung request. */
const launchActivities = proxyActivities<CampaignActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '10 seconds', maximumAttempts: 4 },
});

/** How long a launch waits for the previous phase's close to reach the campaign. */
const PREVIOUS_PHASE_CLOSE_GRACE = '10 seconds';

/**
 * A campaign's lifecycle: its phases, in plan order, each opened by the office's launch and
 * run as a child PhaseWorkflow. Ends when every phase has closed. A campaign has a handful of
 * phases, so its history stays short and it never needs to continue as new.
 */
export async function CampaignWorkflow(input: CampaignWorkflowInput): Promise<{ phases: CampaignPhaseProgress[] }> {
  const phases: CampaignPhaseProgress[] = input.phases.map((p) => ({
    ...p,
    status: 'planned',
    launchedAt: null,
    forced: false,
    dutyCount: null,
    closedAt: null,
    failure: null,
  }));
  // Launches run one at a time, each checked against what the previous one left.
  let launching = false;

  setHandler(campaignLiveStateQuery, () => ({
    campaignId: input.campaignId,
    phases: phases.map((p) => ({ ...p })),
    completed: phases.every((p) => p.status === 'closed'),
  }));

  const check = (request: LaunchPhaseRequest, previousMayStillBeClosing = false) => {
    const refused = phaseLaunchRefusal(phases, request.phaseId, request.force ?? null);
    if (refused && !(previousMayStillBeClosing && refused.code === DomainErrorCode.PreviousPhaseOpen)) throw refusal(refused);
  };

  setHandler(
    launchPhaseUpdate,
    async (request) => {
      while (launching) await condition(() => !launching);
      launching = true;
      try {
        // The phase's close is recorded before its workflow reports back here: a launch that
        // follows a close closely (as the API allows once the record says closed) waits for
        // the report a little rather than being refused.
        check(request, true);
        const previous = phases[phases.findIndex((p) => p.phaseId === request.phaseId) - 1];
        if (previous?.status === 'open' && !request.force) await condition(() => previous.status !== 'open', PREVIOUS_PHASE_CLOSE_GRACE);
        check(request);
        const phase = phases.find((p) => p.phaseId === request.phaseId)!;
        const forced = request.force !== undefined && launchOverridesOpenPhase(phases, request.phaseId);
        let opened;
        try {
          opened = await launchActivities.openCampaignPhase({
            campaignId: input.campaignId,
            phaseId: phase.phaseId,
            actor: request.actor,
            forced,
            reason: request.force?.reason.trim() ?? null,
            // Data for the activity's decision only: the commands are the same (no patch).
            ...(request.early ? { early: request.early } : {}),
            launchedAt: Date.now(),
          });
        } catch (error) {
          throw unwrapActivityRefusal(error);
        }
        const child = await startChild(PhaseWorkflow, {
          workflowId: phaseWorkflowId(phase.phaseId),
          args: [{ campaignId: input.campaignId, phaseId: phase.phaseId, dutyCount: opened.dutyCount, windowEndsAt: opened.windowEndsAt, batchSize: opened.batchSize }],
          // The campaign outlives its phases; a phase is never cut off by the campaign closing.
          parentClosePolicy: ParentClosePolicy.ABANDON,
        });
        Object.assign(phase, { status: 'open', launchedAt: opened.launchedAt, forced, dutyCount: opened.dutyCount });
        child.result().then(
          (summary) => {
            phase.status = 'closed';
            phase.closedAt = summary.closedAt;
          },
          (error: unknown) => {
            // Only an operator's terminate or cancel ends a phase this way; the phase stays
            // open here (the office may force the next one) and the live state says why.
            phase.failure = error instanceof Error ? error.message : String(error);
          },
        );
        return { phaseId: phase.phaseId, dutyCount: opened.dutyCount, windowEndsAt: opened.windowEndsAt, forced };
      } finally {
        launching = false;
      }
    },
    { validator: (request) => check(request, true) },
  );

  await condition(() => phases.every((p) => p.status === 'closed') && !launching && allHandlersFinished());
  await activities.recordCampaignCompleted({ campaignId: input.campaignId, completedAt: Date.now() });
  return { phases };
}
