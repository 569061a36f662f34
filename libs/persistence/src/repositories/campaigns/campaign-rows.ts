import type {
  Actor,
  CampaignDutyRoute,
  CampaignEventAction,
  CampaignTarget,
  EscalationLadderPolicy,
  PhaseCloseReason,
  PhaseKind,
  PhaseStatus,
  PhaseSummary,
  PlannedPhase,
} from '@duban/domain';
import type { LeadingGroup } from '@duban/contracts';

// The leading group is stored as the plan sends it and answered as stored: one type, the contract's.
export type { LeadingGroup, LeadingGroupContact, LeadingGroupMember, LeadingGroupPerson } from '@duban/contracts';

export interface CampaignRow {
  id: string;
  name: string;
  jurisdictionName: string;
  jurisdictionLevel: 'city' | 'province';
  periodStart: string;
  periodEnd: string;
  legalBasisTitle: string;
  legalBasisNumber: string;
  status: 'planned' | 'active' | 'completed';
  leadingGroup: LeadingGroup;
  targets: CampaignTarget[];
  clockPolicy: EscalationLadderPolicy;
  workflowId: string;
  version: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface PhaseRow {
  id: string;
  campaignId: string;
  seq: number;
  kind: PhaseKind;
  round: number | null;
  name: string;
  windowStart: string;
  windowEnd: string;
  focusSectors: string[];
  status: PhaseStatus;
  workflowId: string;
  launchedAt: Date | null;
  launchedBy: string | null;
  launchForced: boolean | null;
  launchReason: string | null;
  /** Launched before its window opened, by the office's choice (`earlyReason` says why). */
  launchedEarly: boolean;
  earlyReason: string | null;
  windowEndsAt: Date | null;
  dutyCount: number | null;
  closedAt: Date | null;
  closeReason: PhaseCloseReason | null;
  summary: PhaseSummary | null;
}

export interface CampaignEventRow {
  id: string;
  action: string;
  phaseId: string | null;
  actorUserId: string;
  actorUsername: string;
  actorRole: string;
  reason: string | null;
  details: Record<string, unknown> | null;
  occurredAt: Date;
}

export interface NewCampaign {
  id: string;
  workflowId: string;
  name: string;
  jurisdictionName: string;
  jurisdictionLevel: 'city' | 'province';
  periodStart: string;
  periodEnd: string;
  legalBasisTitle: string;
  legalBasisNumber: string;
  districtIds: string[];
  leadingGroup: LeadingGroup;
  targets: CampaignTarget[];
  clockPolicy: EscalationLadderPolicy;
  phases: Array<PlannedPhase & { round: number | null; workflowId: string }>;
}

export interface CampaignEvent {
  key: string;
  campaignId: string;
  phaseId?: string | null;
  /** One of the domain's list, so a new kind of event cannot reach the log without the console's words. */
  action: CampaignEventAction;
  actor: Actor;
  reason?: string | null;
  details?: Record<string, unknown> | null;
  occurredAt: Date;
}

/** A route of the campaign's own matrix, with the department it points at. */
export type CampaignRouteRow = CampaignDutyRoute & { departmentCode: string; departmentName: string };
