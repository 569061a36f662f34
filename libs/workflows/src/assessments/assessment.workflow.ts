import { allHandlersFinished, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import { assessmentActionRefusal, assessmentReviewProblems, DomainError, DomainErrorCode, type Actor } from '@duban/domain';
import { refusal, unwrapActivityRefusal } from '../common/workflow-failures';
import type { AssessmentActivities } from './assessment-activities';
import {
  assessmentLiveStateQuery,
  finaliseAssessmentUpdate,
  recomputeAssessmentUpdate,
  reviewAssessmentUnitUpdate,
  type AssessmentLiveState,
  type AssessmentWorkflowInput,
  type ComputedAssessment,
  type ReviewAssessmentUnitRequest,
} from './assessment-contract';

const activities = proxyActivities<AssessmentActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

/**
 * One acceptance assessment of a campaign (docs/domain.md, "Assessment and circulars"): the
 * scorecards are computed and stored as a draft; the office reviews units' outcomes (with
 * reasons) and may recompute (its reviews stay); finalising fixes everything, and each assessed unit's liaison
 * is e-mailed its outcome. Changes are taken one at a time. The workflow ends after the
 * e-mails; the API refuses changes to a finalised assessment from the record.
 */
export async function AssessmentWorkflow(input: AssessmentWorkflowInput): Promise<AssessmentLiveState> {
  let status: AssessmentLiveState['status'] = 'computing';
  let computed: ComputedAssessment | null = null;
  let asOf = input.asOf;
  let busy = false;
  let outcomesSent = false;

  const liveState = (): AssessmentLiveState => ({
    assessmentId: input.assessmentId,
    status,
    asOf,
    computedAt: computed?.computedAt ?? null,
    unitCount: computed?.units.length ?? 0,
    outcomesSent,
  });

  /** One change at a time; the first computation holds the lock, so every update sees scorecards. */
  async function exclusively<T>(body: () => Promise<T>): Promise<T> {
    while (busy) await condition(() => !busy);
    busy = true;
    try {
      return await body();
    } finally {
      busy = false;
    }
  }

  function checkChange(actor: Actor): void {
    const refused = assessmentActionRefusal(actor, status === 'finalised' ? 'finalised' : 'draft');
    if (!refused) return;
    throw refusal(new DomainError(refused.code === 'forbidden' ? DomainErrorCode.ActionNotPermitted : DomainErrorCode.AssessmentFinalised, refused.message));
  }

  function checkReview(request: ReviewAssessmentUnitRequest): void {
    checkChange(request.actor);
    // Before the first computation the units are not known yet: the handler checks again.
    if (!computed) return;
    const unit = computed.units.find((u) => u.unitId === request.unitId);
    if (!unit) throw refusal(new DomainError(DomainErrorCode.AssessmentUnitNotFound, `Unit ${request.unitId} is not assessed in this assessment`));
    const fields = assessmentReviewProblems(request.outcomes, unit.subsidyBaseYuan, request.reason);
    if (Object.keys(fields).length > 0) throw refusal(new DomainError(DomainErrorCode.InvalidAssessmentReview, 'The outcome cannot be set so', { fields }));
  }

  const compute = async (day: string, recomputedBy?: Actor) => {
    computed = await activities.computeAssessment({ assessmentId: input.assessmentId, asOf: day, computedAt: Date.now(), ...(recomputedBy ? { recomputedBy } : {}) });
    asOf = day;
  };

  setHandler(assessmentLiveStateQuery, liveState);

  setHandler(
    reviewAssessmentUnitUpdate,
    (request) =>
      exclusively(async () => {
        checkReview(request);
        try {
          await activities.recordAssessmentReview({ assessmentId: input.assessmentId, ...request, reviewedAt: Date.now() });
        } catch (error) {
          throw unwrapActivityRefusal(error);
        }
        return liveState();
      }),
    { validator: checkReview },
  );

  setHandler(
    recomputeAssessmentUpdate,
    (request) =>
      exclusively(async () => {
        checkChange(request.actor);
        await compute(request.asOf ?? asOf, request.actor);
        return liveState();
      }),
    { validator: (request) => checkChange(request.actor) },
  );

  setHandler(
    finaliseAssessmentUpdate,
    (request) =>
      exclusively(async () => {
        checkChange(request.actor);
        await activities.finaliseAssessment({ assessmentId: input.assessmentId, actor: request.actor, reason: request.reason?.trim() || null, finalisedAt: Date.now() });
        status = 'finalised';
        return liveState();
      }),
    { validator: (request) => checkChange(request.actor) },
  );

  await exclusively(async () => {
    await compute(asOf);
    status = 'draft';
  });
  // Handlers change the status; read it through a call so the compiler does not narrow it.
  const current = () => status;
  await condition(() => current() === 'finalised');
  await activities.sendAssessmentOutcomes({ assessmentId: input.assessmentId });
  outcomesSent = true;
  await condition(() => allHandlersFinished() && !busy);
  return liveState();
}
