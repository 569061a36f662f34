// The campaign API's answers as the console reads them (apps/api/src/campaigns). Enumerations
// come from the domain.
import type {
  CampaignTarget,
  DutyTemplateScope,
  EscalationLadderPolicy,
  InsuranceType,
  NotificationAudience,
  PersonsMeasure,
  PhaseKind,
  PhaseStatus,
  TargetKind,
} from '@duban/domain';

export type { CampaignTarget, DutyTemplateScope, InsuranceType, NotificationAudience, PersonsMeasure, PhaseKind, PhaseStatus, TargetKind };

export type CampaignStatus = 'planned' | 'active' | 'completed';

export interface CampaignHeader {
  id: string;
  name: string;
  jurisdiction: { name: string; level: 'city' | 'province' };
  period: { start: string; end: string };
  legalBasis: { title: string; number: string };
  status: CampaignStatus;
  version: number;
  workflowId: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface Contact {
  name: string;
  phone?: string;
  email?: string;
}

export interface LeadingGroup {
  chair: { name: string; title: string };
  viceChairs: Array<{ name: string; title: string }>;
  members: Array<{ departmentId: string; liaison: Contact; head: Contact }>;
}

export type TemplateRouteKind = 'function' | 'sector' | 'focus_sectors' | 'district';

export interface TemplateView {
  id: string;
  title: string;
  description: string;
  route: { kind: TemplateRouteKind; key?: string };
  scope: DutyTemplateScope;
  due: { at: string } | { workingDaysAfterLaunch: number };
}

export interface PhaseView {
  id: string;
  seq: number;
  kind: PhaseKind;
  round: number | null;
  name: string;
  window: { start: string; end: string };
  focusSectors: string[];
  status: PhaseStatus;
  launchedAt: string | null;
  launchedBy: string | null;
  launchForced: boolean | null;
  launchReason: string | null;
  /** Launched before its window opened, by the office's choice; earlyReason says why. */
  launchedEarly: boolean;
  earlyReason: string | null;
  windowEndsAt: string | null;
  dutyCount: number | null;
  closedAt: string | null;
  closeReason: string | null;
  templates?: TemplateView[];
}

export interface CampaignListItem extends CampaignHeader {
  phaseCount: number;
  currentPhase: { id: string; seq: number; kind: PhaseKind; round: number | null; name: string; status: PhaseStatus } | null;
}

export interface CampaignDetail extends CampaignHeader {
  jurisdiction: { name: string; level: 'city' | 'province'; districts: Array<{ id: string; name: string }> };
  targets: CampaignTarget[];
  leadingGroup: LeadingGroup;
  escalationLadder: EscalationLadderPolicy;
  phases: Array<PhaseView & { templates: TemplateView[] }>;
}

export interface CampaignEvent {
  id: string | number;
  action: string;
  phaseId: string | null;
  actorUserId: string;
  actorUsername: string;
  actorRole: string;
  reason: string | null;
  details: Record<string, unknown> | null;
  occurredAt: string;
}

export interface MatrixRoute {
  kind: 'sector' | 'function';
  key: string;
  label: string;
  departmentId: string;
  departmentCode?: string;
  departmentName?: string;
}

export interface LaunchPreview {
  phase: PhaseView;
  asOf: string;
  windowEndsAt: string;
  /** When the window opens (null with compressed time). */
  windowOpensAt: string | null;
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
    dueAt: string;
  }>;
}

export interface LaunchAnswer {
  dutyCount: number;
  windowEndsAt: string;
  forced?: boolean;
  phase: PhaseView;
}
export type { EscalationLadderPolicy };
