import type { Actor, PhaseCloseReason, PhaseSummary } from '@duban/domain';
import type { DutyWorkflowInput } from '../duties/duty-contract';

export interface OpenCampaignPhaseInput {
  campaignId: string;
  phaseId: string;
  actor: Actor;
  forced: boolean;
  reason: string | null;
  /** Open the phase before its window opens, with this reason; absent: refused before the window (PHASE_WINDOW_NOT_OPEN). */
  early?: { reason: string };
  launchedAt: number;
}

export interface OpenedCampaignPhase {
  dutyCount: number;
  windowEndsAt: number;
  launchedAt: number;
  /** Duties per batch workflow, from the worker's configuration. */
  batchSize: number;
}

/**
 * The I/O of the campaign, phase and batch workflows; implemented by the worker. Each method
 * is idempotent: a launch is decided once (the phase row is locked and its status checked)
 * and a close writes its summary once.
 */
export interface CampaignActivities {
  /** Records the launch and decides the phase's duties (the fan-out), once. */
  openCampaignPhase(input: OpenCampaignPhaseInput): Promise<OpenedCampaignPhase>;
  /** The duty workflows' inputs for fan-out ordinals [offset, offset + limit). */
  phaseDutyInputs(input: { phaseId: string; offset: number; limit: number }): Promise<DutyWorkflowInput[]>;
  /** Marks the phase's still-open duties late and writes the summary, once. */
  closeCampaignPhase(input: { phaseId: string; closedAt: number; reason: PhaseCloseReason }): Promise<PhaseSummary>;
  recordCampaignCompleted(input: { campaignId: string; completedAt: number }): Promise<void>;
}
