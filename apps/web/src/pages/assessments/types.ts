// The assessment API's answers (apps/api/src/assessments/assessments.service.ts).
import type { AssessmentOutcomes, AssessmentRules, AssessmentStatus, ReportingUnitKind, Scorecard } from '@duban/domain';

export type { AssessmentOutcomes, AssessmentStatus };

export interface AssessmentUnit {
  unitId: string;
  unitKind: ReportingUnitKind;
  unitCode: string;
  unitName: string;
  scorecard: Scorecard;
  proposedOutcomes: AssessmentOutcomes;
  outcomes: AssessmentOutcomes;
  subsidyBaseYuan: number | null;
  subsidyAdjustmentYuan: number | null;
  reviewedBy: string | null;
  reviewedByUsername: string | null;
  reviewedAt: string | null;
  reviewReason: string | null;
}

export interface AssessmentView {
  id: string;
  campaignId: string;
  campaignName: string;
  status: AssessmentStatus;
  rules: AssessmentRules;
  asOf: string;
  computedAt: string;
  createdBy: string;
  createdAt: string;
  finalisedBy: string | null;
  finalisedByUsername: string | null;
  finalisedAt: string | null;
  finaliseReason: string | null;
  workflowId: string;
  units: AssessmentUnit[];
}
