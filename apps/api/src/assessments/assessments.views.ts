import type { AssessmentUnit, AssessmentView } from '@duban/contracts';
import type { AssessmentRow, AssessmentScoreRow } from '@duban/persistence';
import { isoDate, isoDateOrNull } from '../common/instants';

// Rows of the assessment repository mapped to the answers of libs/contracts/src/assessments.ts.

export function assessmentUnitView(row: AssessmentScoreRow): AssessmentUnit {
  return {
    unitId: row.unitId,
    unitKind: row.unitKind,
    unitCode: row.unitCode,
    unitName: row.unitName,
    scorecard: row.scorecard,
    proposedOutcomes: row.proposedOutcomes,
    outcomes: row.outcomes,
    subsidyBaseYuan: row.subsidyBaseYuan,
    subsidyAdjustmentYuan: row.subsidyAdjustmentYuan,
    reviewedBy: row.reviewedBy,
    reviewedByUsername: row.reviewedByUsername,
    reviewedAt: isoDateOrNull(row.reviewedAt),
    reviewReason: row.reviewReason,
  };
}

/** The assessment with its campaign's name and the scorecards the reader may see. */
export function assessmentView(row: AssessmentRow, campaignName: string, units: AssessmentScoreRow[]): AssessmentView {
  return {
    id: row.id,
    campaignId: row.campaignId,
    campaignName,
    status: row.status,
    rules: row.rules,
    asOf: row.asOf,
    computedAt: isoDate(row.computedAt),
    createdBy: row.createdBy,
    createdAt: isoDate(row.createdAt),
    finalisedBy: row.finalisedBy,
    finalisedByUsername: row.finalisedByUsername,
    finalisedAt: isoDateOrNull(row.finalisedAt),
    finaliseReason: row.finaliseReason,
    workflowId: row.workflowId,
    units: units.map(assessmentUnitView),
  };
}
