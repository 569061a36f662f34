import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor, PhaseStatus, PhaseSummary } from '@duban/domain';

/** One workflow per campaign, per phase, per batch of a phase's duties; ids derived from ours. */
export const campaignWorkflowId = (campaignId: string) => `campaign-${campaignId}`;
export const phaseWorkflowId = (phaseId: string) => `phase-${phaseId}`;
export const phaseBatchWorkflowId = (phaseId: string, batch: number) => `phase-${phaseId}-batch-${batch}`;

export interface CampaignPhaseRef {
  phaseId: string;
  name: string;
}

export interface CampaignPhaseProgress extends CampaignPhaseRef {
  status: PhaseStatus;
  launchedAt: number | null;
  forced: boolean;
  dutyCount: number | null;
  closedAt: number | null;
  /** Set when the phase's workflow ended without closing the phase (terminated or cancelled). */
  failure: string | null;
}

export interface CampaignWorkflowInput {
  campaignId: string;
  /** The plan's phases, in order. */
  phases: CampaignPhaseRef[];
}

export interface LaunchPhaseRequest {
  phaseId: string;
  actor: Actor;
  /** Launch although the phase before is still open; the reason is recorded. */
  force?: { reason: string };
  /** Launch before the phase's window opens; the reason is recorded. The activity decides (decidePhaseLaunch). */
  early?: { reason: string };
}

export interface LaunchPhaseAnswer {
  phaseId: string;
  dutyCount: number;
  windowEndsAt: number;
  forced: boolean;
}

export interface CampaignLiveState {
  campaignId: string;
  phases: CampaignPhaseProgress[];
  completed: boolean;
}

export const launchPhaseUpdate = defineUpdate<LaunchPhaseAnswer, [LaunchPhaseRequest]>('launchPhase');
export const campaignLiveStateQuery = defineQuery<CampaignLiveState>('campaignLiveState');

export interface PhaseWorkflowInput {
  campaignId: string;
  phaseId: string;
  dutyCount: number;
  windowEndsAt: number;
  /**
   * Duties per batch workflow (DUBAN_PHASE_BATCH_SIZE, at most 500). Each batch waits on its
   * duties as children, so this bounds a workflow's open children and its history (about six
   * events per child).
   */
  batchSize: number;
  /** What survives a continue-as-new. */
  carried?: { batchesStarted: number; batchesClosed: number[] };
}

export interface PhaseLiveState {
  phaseId: string;
  dutyCount: number;
  batches: number;
  batchesStarted: number;
  batchesClosed: number;
  windowEndsAt: number;
  closed: boolean;
}

/** A batch tells its phase when all its duties are closed. */
export const phaseBatchClosedSignal = defineSignal<[{ batch: number }]>('phaseBatchClosed');
export const phaseLiveStateQuery = defineQuery<PhaseLiveState>('phaseLiveState');

export interface PhaseDutyBatchInput {
  campaignId: string;
  phaseId: string;
  batch: number;
  /** The batch covers fan-out ordinals [offset, offset + limit). */
  offset: number;
  limit: number;
}

export type { PhaseSummary };
