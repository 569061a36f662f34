import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { DutyWorkflowInput } from '../duties/duty-contract';

/** One reporting workflow per campaign; the id is derived from the campaign's. */
export const campaignReportingWorkflowId = (campaignId: string) => `campaign-reporting-${campaignId}`;

export interface CampaignReportingInput {
  campaignId: string;
}

/** A round of the plan that has not been opened yet. */
export interface PendingReportRound {
  roundKey: string;
  opensAt: number;
}

export interface ReportSchedule {
  /** Rounds not opened yet, or opened without their duties' workflows all started, in the order they open. */
  pending: PendingReportRound[];
}

export interface OpenedReportRound {
  roundKey: string;
  /** One per report: the duty that carries it. */
  duties: DutyWorkflowInput[];
}

export interface ReportingLiveState {
  campaignId: string;
  nextRound: PendingReportRound | null;
  roundsOpenedInThisRun: number;
}

/** The office changed the plan: read the schedule again (rounds already opened stay). */
export const reportPlanChangedSignal = defineSignal('reportPlanChanged');
export const reportingLiveStateQuery = defineQuery<ReportingLiveState>('reportingLiveState');

/**
 * The reporting workflow's I/O, implemented by the worker. Idempotent: a round is opened once
 * (its rows and its reports' duties have ids derived from the campaign, the round and the unit).
 */
export interface ReportingActivities {
  reportSchedule(input: { campaignId: string }): Promise<ReportSchedule>;
  /** Records the round, a report per owing unit and each report's duty, once; returns the duties' inputs. */
  openReportRound(input: { campaignId: string; roundKey: string; openedAt: number }): Promise<OpenedReportRound>;
  /** Every report's duty workflow of the round has started. */
  recordReportRoundStarted(input: { campaignId: string; roundKey: string; startedAt: number }): Promise<void>;
}
