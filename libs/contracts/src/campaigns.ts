// Campaigns (专项行动): the plan (phases, templates, targets, leading group, escalation ladder),
// its duty matrix, its workflow's live state and its launches (GET/POST/PUT /campaigns/...).
import type {
  CampaignTarget,
  DutyRouteKind,
  DutyTemplateRoute,
  DutyTemplateScope,
  EscalationLadderPolicy,
  OutcomeCounts,
  PhaseCloseReason,
  PhaseKind,
  PhaseStatus,
} from '@duban/domain';
import type { IsoInstant } from './common';

export type CampaignStatus = 'planned' | 'active' | 'completed';

export interface CampaignHeader {
  id: string;
  name: string;
  jurisdiction: { name: string; level: 'city' | 'province' };
  /** Calendar dates (YYYY-MM-DD). */
  period: { start: string; end: string };
  legalBasis: { title: string; number: string };
  status: CampaignStatus;
  version: number;
  workflowId: string;
  createdBy: string;
  createdAt: IsoInstant;
  updatedAt: IsoInstant;
}

export interface LeadingGroupPerson {
  name: string;
  title: string;
}

export interface LeadingGroupContact {
  name: string;
  phone?: string;
  email?: string;
}

export interface LeadingGroupMember {
  departmentId: string;
  liaison: LeadingGroupContact;
  head: LeadingGroupContact;
}

/** The campaign's leading group (领导小组): as sent in the plan, stored and answered. */
export interface LeadingGroup {
  chair: LeadingGroupPerson;
  viceChairs: LeadingGroupPerson[];
  members: LeadingGroupMember[];
}

export interface CampaignDistrict {
  id: string;
  name: string;
}

/** A duty template of a phase, its fixed due time as ISO text. */
export interface TemplateView {
  id: string;
  title: string;
  description: string;
  route: DutyTemplateRoute;
  scope: DutyTemplateScope;
  due: { at: IsoInstant } | { workingDaysAfterLaunch: number };
}

/** A closed phase's summary (the domain's PhaseSummary), its close time as ISO text. */
export interface PhaseSummaryView extends OutcomeCounts {
  closedAt: IsoInstant;
  closeReason: PhaseCloseReason;
  byDepartment: Record<string, OutcomeCounts>;
  byDistrict: Record<string, OutcomeCounts>;
}

export interface PhaseView {
  id: string;
  seq: number;
  kind: PhaseKind;
  round: number | null;
  name: string;
  /** Calendar dates (YYYY-MM-DD). */
  window: { start: string; end: string };
  focusSectors: string[];
  status: PhaseStatus;
  workflowId: string;
  launchedAt: IsoInstant | null;
  launchedBy: string | null;
  launchForced: boolean | null;
  launchReason: string | null;
  /** Launched before its window opened, by the office's choice; earlyReason says why. */
  launchedEarly: boolean;
  earlyReason: string | null;
  windowEndsAt: IsoInstant | null;
  dutyCount: number | null;
  closedAt: IsoInstant | null;
  closeReason: PhaseCloseReason | null;
  summary: PhaseSummaryView | null;
}

/** GET /campaigns/:id/phases/:phaseId and the phases of a campaign's detail. */
export interface PhaseWithTemplates extends PhaseView {
  templates: TemplateView[];
}

/** GET /campaigns: each campaign with the phase it is in (the last launched, else the first planned). */
export interface CampaignListItem extends CampaignHeader {
  phaseCount: number;
  currentPhase: { id: string; seq: number; kind: PhaseKind; round: number | null; name: string; status: PhaseStatus } | null;
}

export interface CampaignDetail extends CampaignHeader {
  jurisdiction: { name: string; level: 'city' | 'province'; districts: CampaignDistrict[] };
  targets: CampaignTarget[];
  leadingGroup: LeadingGroup;
  escalationLadder: EscalationLadderPolicy;
  phases: PhaseWithTemplates[];
}

/** One phase as the campaign's workflow tracks it. */
export interface CampaignPhaseProgressView {
  phaseId: string;
  name: string;
  status: PhaseStatus;
  launchedAt: IsoInstant | null;
  forced: boolean;
  dutyCount: number | null;
  closedAt: IsoInstant | null;
  /** Set when the phase's workflow ended without closing the phase (terminated or cancelled). */
  failure: string | null;
}

/** The campaign workflow's live state, its instants as ISO text. */
export interface CampaignLiveStateView {
  campaignId: string;
  phases: CampaignPhaseProgressView[];
  completed: boolean;
}

/** GET /campaigns/:id/live: the workflow's state (null once the workflow is gone) beside the stored phases. */
export interface CampaignLive {
  campaignId: string;
  status: CampaignStatus;
  workflow: CampaignLiveStateView | null;
  phases: PhaseView[];
}

/** The phase workflow's live state, its window's end as ISO text. */
export interface PhaseLiveStateView {
  phaseId: string;
  dutyCount: number;
  batches: number;
  batchesStarted: number;
  batchesClosed: number;
  windowEndsAt: IsoInstant;
  closed: boolean;
}

/** GET /campaigns/:id/phases/:phaseId/live: null workflow for a phase not launched (or whose workflow is gone). */
export interface PhaseLive extends PhaseView {
  workflow: PhaseLiveStateView | null;
}

/** GET /campaigns/:id/events: who did what to the campaign. */
export interface CampaignEventView {
  id: string;
  action: string;
  phaseId: string | null;
  actorUserId: string;
  actorUsername: string;
  actorRole: string;
  reason: string | null;
  details: Record<string, unknown> | null;
  occurredAt: IsoInstant;
}

/** A route of the campaign's own duty matrix. */
export interface CampaignRoute {
  kind: DutyRouteKind;
  key: string;
  label: string;
  departmentId: string;
  departmentCode: string;
  departmentName: string;
}

/** POST /campaigns/:id/phases/:phaseId/launch. */
export interface LaunchAnswer {
  phaseId: string;
  dutyCount: number;
  windowEndsAt: IsoInstant;
  forced: boolean;
  phase: PhaseWithTemplates;
}

/** GET /campaigns/:id/phases/:phaseId/launch-preview: what launching now would create. */
export interface LaunchPreview {
  phase: PhaseView;
  asOf: IsoInstant;
  windowEndsAt: IsoInstant;
  /** When the window opens (null with compressed time). */
  windowOpensAt: IsoInstant | null;
  /** Set when the launch now would come before the window: it needs early and a reason. */
  earlyLaunch: { required: true; code: string; message: string; windowStart: string; windowEnd: string } | null;
  dutyCount: number;
  refusal: { code: string; message: string } | null;
  duties: Array<{
    templateId: string;
    title: string;
    description: string;
    department: { id: string; code: string | null; name: string | null; kind: string | null };
    district: { id: string; name: string | null } | null;
    sectorKey: string | null;
    dueAt: IsoInstant;
  }>;
}

/** One department's or district's counts in a closed phase's summary. */
export interface PhaseSummaryRow extends OutcomeCounts {
  scope: 'department' | 'district';
  unitId: string;
  unitCode: string | null;
  unitName: string | null;
}

/** GET /campaigns/:id/phases/:phaseId/summary. */
export interface PhaseSummaryAnswer {
  phase: PhaseView;
  rows: PhaseSummaryRow[];
}
