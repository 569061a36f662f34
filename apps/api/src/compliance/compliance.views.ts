import type { ExposureProposalStatus, Finding, ComplianceCaseState } from '@duban/domain';
import type {
  CaseEvidence,
  CaseStep,
  CaseTransition,
  ComplianceCaseLiveState,
  ComplianceCaseSummary,
  ComplianceRun,
  ExposureListEntry,
  ExposureProposal,
  NoticeOpening,
} from '@duban/contracts';
import type {
  CaseStepRow,
  CaseTransitionRow,
  ComplianceCaseRow,
  ComplianceEvidenceRow,
  ComplianceRunRow,
  ExposureListRow,
  ExposureProposalRow,
  NoticeOpeningRow,
} from '@duban/persistence';
import type { ComplianceCaseLiveState as LiveStateOfWorkflow } from '@duban/workflows';
import { isoDate, isoDateOrNull, isoInstant, isoInstantOrNull } from '../common/instants';

// Rows of the repositories mapped to the answers of libs/contracts/src/compliance.ts: each field
// named, so a column added to a query does not reach the answer unseen.

export function complianceRunView(r: ComplianceRunRow): ComplianceRun {
  return {
    id: r.id,
    campaignId: r.campaignId,
    status: r.status,
    requestedBy: r.requestedBy,
    requesterUsername: r.requesterUsername,
    reason: r.reason,
    requestedAt: isoDate(r.requestedAt),
    finishedAt: isoDateOrNull(r.finishedAt),
    unitsCompared: r.unitsCompared,
    findingsNew: r.findingsNew,
    findingsOpenAlready: r.findingsOpenAlready,
  };
}

export function complianceCaseView(c: ComplianceCaseRow): ComplianceCaseSummary {
  return {
    id: c.id,
    creditCode: c.creditCode,
    unitName: c.unitName,
    contactEmail: c.contactEmail,
    finding: c.finding,
    evidenceOfFinding: c.evidenceOfFinding,
    campaignId: c.campaignId,
    runId: c.runId,
    departmentId: c.departmentId,
    departmentName: c.departmentName,
    routeKind: c.routeKind,
    routeKey: c.routeKey,
    sectorKey: c.sectorKey,
    districtId: c.districtId,
    districtName: c.districtName,
    state: c.state,
    outcome: c.outcome,
    noticeNumber: c.noticeNumber,
    noticeIssuedAt: isoDateOrNull(c.noticeIssuedAt),
    noticeDeadline: isoDateOrNull(c.noticeDeadline),
    lastSeq: c.lastSeq,
    inspectionTeamId: c.inspectionTeamId,
    inspectionCaseId: c.inspectionCaseId,
    exposureStatus: c.exposureStatus as ExposureProposalStatus | null,
    exposureProposalId: c.exposureProposalId,
    createdAt: isoDate(c.createdAt),
    updatedAt: isoDate(c.updatedAt),
    closedAt: isoDateOrNull(c.closedAt),
  };
}

export function caseTransitionView(t: CaseTransitionRow): CaseTransition {
  return {
    seq: t.seq,
    action: t.action,
    fromState: t.fromState,
    toState: t.toState,
    actorUserId: t.actorUserId,
    actorUsername: t.actorUsername,
    actorRole: t.actorRole,
    actorDepartmentId: t.actorDepartmentId,
    reason: t.reason,
    details: t.details,
    occurredAt: isoDate(t.occurredAt),
  };
}

export function caseStepView(s: CaseStepRow): CaseStep {
  return {
    step: s.step,
    status: s.status,
    dueAt: isoDate(s.dueAt),
    takenAt: isoDateOrNull(s.takenAt),
    cancelledAt: isoDateOrNull(s.cancelledAt),
    dutyId: s.dutyId,
    details: s.details,
  };
}

export function noticeOpeningView(o: NoticeOpeningRow): NoticeOpening {
  return { openedAt: isoDate(o.openedAt), clientAddress: o.clientAddress, userAgent: o.userAgent, linkExpiresAt: isoDate(o.linkExpiresAt) };
}

/** The case workflow's live state, its instants (epoch milliseconds there) as ISO text. */
export function complianceLiveView(live: LiveStateOfWorkflow): ComplianceCaseLiveState {
  return {
    ...live,
    noticeDeadline: isoInstantOrNull(live.noticeDeadline),
    nextStep: live.nextStep && { ...live.nextStep, dueAt: isoInstant(live.nextStep.dueAt) },
  };
}

export function caseEvidenceView(e: ComplianceEvidenceRow): CaseEvidence {
  return {
    id: e.id,
    caseId: e.caseId,
    sha256: e.sha256,
    sizeBytes: e.sizeBytes,
    kind: e.kind,
    contentType: e.contentType,
    fileName: e.fileName,
    uploadedBy: e.uploadedBy,
    uploaderUsername: e.uploaderUsername,
    uploaderRole: e.uploaderRole,
    uploaderDepartmentId: e.uploaderDepartmentId,
    uploadedAt: isoDate(e.uploadedAt),
    downloadPath: `/compliance-cases/${e.caseId}/evidence/${e.id}`,
  };
}

export function exposureListEntryView(r: ExposureListRow): ExposureListEntry {
  return {
    proposalId: r.proposalId,
    caseId: r.caseId,
    creditCode: r.creditCode,
    unitName: r.unitName,
    sectorKey: r.sectorKey,
    districtName: r.districtName,
    finding: r.finding as Finding,
    noticeNumber: r.noticeNumber,
    noticeDeadline: isoDateOrNull(r.noticeDeadline),
    approvedAt: isoDate(r.approvedAt),
    approvedBy: r.approvedBy,
    mediaDutyId: r.mediaDutyId,
    mediaDutyState: r.mediaDutyState,
    listing: r.listing,
    delistedAt: isoDateOrNull(r.delistedAt),
    delistedBy: r.delistedBy,
    delistedReason: r.delistedReason,
  };
}

export function exposureProposalView(p: ExposureProposalRow): ExposureProposal {
  return {
    id: p.id,
    caseId: p.caseId,
    creditCode: p.creditCode,
    unitName: p.unitName,
    sectorKey: p.sectorKey,
    districtName: p.districtName,
    finding: p.finding as Finding,
    caseState: p.caseState as ComplianceCaseState,
    departmentName: p.departmentName,
    noticeNumber: p.noticeNumber,
    noticeDeadline: isoDateOrNull(p.noticeDeadline),
    status: p.status,
    proposedAt: isoDate(p.proposedAt),
    decidedAt: isoDateOrNull(p.decidedAt),
    decidedBy: p.decidedBy,
    deciderUsername: p.deciderUsername,
    decisionReason: p.decisionReason,
    mediaDutyId: p.mediaDutyId,
    mediaDutyState: p.mediaDutyState,
    approvedAt: isoDateOrNull(p.approvedAt),
    withdrawnAt: isoDateOrNull(p.withdrawnAt),
    withdrawerUsername: p.withdrawerUsername,
    withdrawalReason: p.withdrawalReason,
  };
}
