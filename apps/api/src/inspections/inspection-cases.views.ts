import type { ComplianceCaseState, ExposureProposalStatus, Finding } from '@duban/domain';
import type { EnforcementAction, InspectionCaseSummary } from '@duban/contracts';
import type { EnforcementActionRow, InspectionCaseRow } from '@duban/persistence';
import { isoDate, isoDateOrNull } from '../common/instants';

// Rows of the inspection repository mapped to the answers of libs/contracts/src/inspection-cases.ts.

export function inspectionCaseView(ic: InspectionCaseRow): InspectionCaseSummary {
  return {
    id: ic.id,
    caseId: ic.caseId,
    creditCode: ic.creditCode,
    unitName: ic.unitName,
    sectorKey: ic.sectorKey,
    districtId: ic.districtId,
    districtName: ic.districtName,
    finding: ic.finding as Finding,
    caseState: ic.caseState as ComplianceCaseState,
    noticeNumber: ic.noticeNumber,
    noticeDeadline: isoDateOrNull(ic.noticeDeadline),
    teamId: ic.teamId,
    teamName: ic.teamName,
    status: ic.status,
    openedAt: isoDate(ic.openedAt),
    closedAt: isoDateOrNull(ic.closedAt),
    closeReason: ic.closeReason,
    exposureStatus: ic.exposureStatus as ExposureProposalStatus | null,
    lastActionType: ic.lastActionType,
    lastActionDate: ic.lastActionDate,
    actionCount: ic.actionCount,
  };
}

export function enforcementActionView(a: EnforcementActionRow): EnforcementAction {
  return {
    id: a.id,
    inspectionCaseId: a.inspectionCaseId,
    creditCode: a.creditCode,
    type: a.type,
    actionDate: a.actionDate,
    findings: a.findings,
    outcome: a.outcome,
    penaltyYuan: a.penaltyYuan,
    evidenceIds: a.evidenceIds,
    recordedBy: a.recordedBy,
    recorderUsername: a.recorderUsername,
    recorderTeamId: a.recorderTeamId,
    recordedAt: isoDate(a.recordedAt),
  };
}
