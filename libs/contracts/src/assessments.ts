// The acceptance assessment (考核): a campaign's assessment rules, its assessment and every
// unit's scorecard and outcomes (GET/PUT /campaigns/:id/assessment-rules, POST
// /campaigns/:id/assessments, GET /campaigns/:id/assessment, /assessments/:id, PUT
// /assessments/:id/units/:unitId, POST /assessments/:id/finalise).
import type { AssessmentOutcomes, AssessmentRules, AssessmentStatus, ReportingUnitKind, Scorecard } from '@duban/domain';
import type { IsoInstant } from './common';

/** GET/PUT /campaigns/:id/assessment-rules: the rules, or the defaults when none were set. */
export interface AssessmentRulesView {
  campaignId: string;
  rules: AssessmentRules;
  isDefault: boolean;
}

/** One district's or member department's scorecard, the outcomes proposed and those the office set. */
export interface AssessmentUnit {
  unitId: string;
  unitKind: ReportingUnitKind;
  unitCode: string;
  unitName: string;
  scorecard: Scorecard;
  proposedOutcomes: AssessmentOutcomes;
  outcomes: AssessmentOutcomes;
  /** Yuan to the fen; null: the unit has no subsidy base. */
  subsidyBaseYuan: number | null;
  subsidyAdjustmentYuan: number | null;
  reviewedBy: string | null;
  reviewedByUsername: string | null;
  reviewedAt: IsoInstant | null;
  reviewReason: string | null;
}

/** A campaign's assessment: every unit for the office and viewers, an officer's own unit's row. */
export interface AssessmentView {
  id: string;
  campaignId: string;
  campaignName: string;
  status: AssessmentStatus;
  rules: AssessmentRules;
  /** The day the record is read for (YYYY-MM-DD, Beijing). */
  asOf: string;
  computedAt: IsoInstant;
  createdBy: string;
  createdAt: IsoInstant;
  finalisedBy: string | null;
  finalisedByUsername: string | null;
  finalisedAt: IsoInstant | null;
  finaliseReason: string | null;
  workflowId: string;
  units: AssessmentUnit[];
}

/** PUT /campaigns/:id/assessment-rules. */
export interface SetAssessmentRulesBody {
  /** The whole rules document (checked whole: 400 with every problem by field). */
  rules: Record<string, unknown>;
  reason: string;
}

/** POST /campaigns/:id/assessments: runs the assessment, or recomputes the draft. */
export interface StartAssessmentBody {
  /** YYYY-MM-DD (Beijing); today or the campaign's last day, whichever is earlier, when left out. */
  asOf?: string;
}

/** PUT /assessments/:id/units/:unitId: the office's outcome for one unit. */
export interface ReviewAssessmentUnitBody {
  commendation: boolean;
  criticism: boolean;
  awardIneligible: boolean;
  /** Yuan to the fen: + raised, − cut; null for no adjustment. */
  subsidyAdjustmentYuan: number | null;
  reason: string;
}

/** POST /assessments/:id/finalise. */
export interface FinaliseAssessmentBody {
  reason?: string;
}
