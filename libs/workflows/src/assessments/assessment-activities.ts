import type { Actor, AssessmentOutcomes } from '@duban/domain';
import type { ComputedAssessment } from './assessment-contract';

/**
 * The I/O of the assessment and circular workflows; implemented by the worker. Every method is
 * idempotent: scorecards are upserts, reviews and publications are keyed, e-mails are claimed
 * under an idempotency key before they are sent.
 */
export interface AssessmentActivities {
  /**
   * Reads the record as of the day, scores every district and member department, stores the
   * draft. `recomputedBy`: the office user who asked for it again (logged; the first is the creator's).
   */
  computeAssessment(input: { assessmentId: string; asOf: string; computedAt: number; recomputedBy?: Actor }): Promise<ComputedAssessment>;
  recordAssessmentReview(input: { assessmentId: string; unitId: string; outcomes: AssessmentOutcomes; actor: Actor; reason: string; reviewedAt: number }): Promise<void>;
  finaliseAssessment(input: { assessmentId: string; actor: Actor; reason: string | null; finalisedAt: number }): Promise<void>;
  /** E-mails each assessed unit's liaison its scorecard and outcome (once per unit). */
  sendAssessmentOutcomes(input: { assessmentId: string }): Promise<{ emails: number }>;

  /** Publishes the circular with its serial number (once). */
  publishCircular(input: { circularId: string; actor: Actor; publishedAt: number }): Promise<{ serialNumber: string }>;
  /** E-mails the published circular to every member department's liaison and head and every district's liaison (once per address). */
  sendCircular(input: { circularId: string }): Promise<{ emails: number }>;
}
