// Inspection: the teams, their cases (one per escalated compliance case), the enforcement actions
// they log, and a unit's whole enforcement history (apps/api/src/inspections).
import type { ComplianceCaseState, EnforcementActionType, ExposureProposalStatus, Finding } from '@duban/domain';
import type { IsoInstant } from './common';
import type { ComplianceCaseSummary } from './compliance';

/** GET /inspection-teams: a team with the districts it answers for (none: city-wide). */
export interface InspectionTeam {
  id: string;
  code: string;
  name: string;
  liaisonEmail: string;
  cityWide: boolean;
  districtIds: string[];
  districts: Array<{ id: string; code: string; name: string }>;
}

export interface InspectionCaseSummary {
  id: string;
  caseId: string;
  creditCode: string;
  unitName: string | null;
  sectorKey: string | null;
  districtId: string | null;
  districtName: string | null;
  finding: Finding;
  caseState: ComplianceCaseState;
  noticeNumber: string | null;
  noticeDeadline: IsoInstant | null;
  teamId: string | null;
  teamName: string | null;
  status: 'open' | 'closed';
  openedAt: IsoInstant;
  closedAt: IsoInstant | null;
  closeReason: string | null;
  /** The exposure proposal's status; null: none was made. */
  exposureStatus: ExposureProposalStatus | null;
  lastActionType: EnforcementActionType | null;
  /** The latest action's calendar date (YYYY-MM-DD). */
  lastActionDate: string | null;
  actionCount: number;
}

/** GET /inspection-cases: with the open/closed counts of the filter without its status. */
export interface InspectionCaseList {
  items: InspectionCaseSummary[];
  total: number;
  limit: number;
  offset: number;
  countsByStatus: { open: number; closed: number };
}

export interface EnforcementAction {
  id: string;
  inspectionCaseId: string;
  creditCode: string;
  type: EnforcementActionType;
  /** The calendar date the action was taken (YYYY-MM-DD). */
  actionDate: string;
  findings: string;
  outcome: string | null;
  /** Yuan to the fen, as every answer gives money. */
  penaltyYuan: number | null;
  evidenceIds: string[];
  recordedBy: string;
  recorderUsername: string;
  recorderTeamId: string | null;
  recordedAt: IsoInstant;
}

/** GET /inspection-cases/:id. */
export interface InspectionCaseDetail extends InspectionCaseSummary {
  actions: EnforcementAction[];
}

/** One thing done about a unit, in its enforcement history. */
export interface HistoryEvent {
  at: IsoInstant;
  kind: 'transition' | 'escalation_step' | 'enforcement_action' | 'exposure' | 'notice_opened';
  caseId: string;
  what: string;
  who: string | null;
  details: Record<string, unknown>;
}

/** GET /units/:creditCode/enforcement-history: what the caller may read of it, oldest event first. */
export interface EnforcementHistory {
  creditCode: string;
  cases: ComplianceCaseSummary[];
  inspectionCases: InspectionCaseSummary[];
  actions: EnforcementAction[];
  events: HistoryEvent[];
}

/** POST /inspection-cases/:id/actions. */
export interface EnforcementActionBody {
  type: EnforcementActionType;
  /** The calendar date it was taken (YYYY-MM-DD), not in the future. */
  date: string;
  findings: string;
  outcome?: string;
  /** A penalty's amount in yuan; only a penalty has one. */
  penaltyYuan?: number;
  evidenceIds?: string[];
}
