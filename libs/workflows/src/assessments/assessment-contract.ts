import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor, AssessmentOutcomes } from '@duban/domain';

/** Ids are derived from the record's ids, so a repeated start is refused, not doubled. */
export const assessmentWorkflowId = (assessmentId: string) => `assessment-${assessmentId}`;
export const circularPublicationWorkflowId = (circularId: string) => `circular-publication-${circularId}`;

export interface AssessmentWorkflowInput {
  assessmentId: string;
  campaignId: string;
  /** The day (YYYY-MM-DD, Beijing) the record is read for. */
  asOf: string;
}

/** What a computation stored: the assessed units and their subsidy bases (for the review's checks). */
export interface ComputedAssessment {
  asOf: string;
  computedAt: number;
  units: Array<{ unitId: string; subsidyBaseYuan: number | null }>;
}

export interface ReviewAssessmentUnitRequest {
  unitId: string;
  outcomes: AssessmentOutcomes;
  reason: string;
  actor: Actor;
}

export interface RecomputeAssessmentRequest {
  actor: Actor;
  /** Another day to read the record for; the assessment's day otherwise. */
  asOf?: string;
}

export interface FinaliseAssessmentRequest {
  actor: Actor;
  reason?: string;
}

export interface AssessmentLiveState {
  assessmentId: string;
  /** computing: the first scorecards are being written. */
  status: 'computing' | 'draft' | 'finalised';
  asOf: string;
  computedAt: number | null;
  unitCount: number;
  /** The outcome e-mails to the units' liaisons went out (after finalisation). */
  outcomesSent: boolean;
}

export const reviewAssessmentUnitUpdate = defineUpdate<AssessmentLiveState, [ReviewAssessmentUnitRequest]>('reviewAssessmentUnit');
export const recomputeAssessmentUpdate = defineUpdate<AssessmentLiveState, [RecomputeAssessmentRequest]>('recomputeAssessment');
export const finaliseAssessmentUpdate = defineUpdate<AssessmentLiveState, [FinaliseAssessmentRequest]>('finaliseAssessment');
export const assessmentLiveStateQuery = defineQuery<AssessmentLiveState>('assessmentLiveState');

export interface CircularPublicationInput {
  circularId: string;
  actor: Actor;
}

export interface CircularPublicationResult {
  serialNumber: string;
  /** E-mails the publication sent (or found sent): one per address. */
  emails: number;
}
