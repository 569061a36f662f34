// Entry point of the workflow bundle: every workflow type the worker runs.
export { DutyWorkflow } from './duty/duty.workflow';
export { CampaignWorkflow } from './campaign/campaign.workflow';
export { PhaseWorkflow, PhaseDutyBatchWorkflow } from './campaign/phase.workflow';
export { ComplianceRunWorkflow, ComplianceCaseBatchWorkflow } from './compliance/compliance-run.workflow';
export { ComplianceCaseWorkflow } from './compliance/compliance-case.workflow';
export { UnitImportWorkflow } from './units/unit-import.workflow';
export { CampaignReportingWorkflow } from './reports/campaign-reporting.workflow';
export { AssessmentWorkflow } from './assessment/assessment.workflow';
export { CircularPublicationWorkflow } from './assessment/circular-publication.workflow';
export { AccountMailWorkflow } from './accounts/account-mail.workflow';
export { SignInHousekeepingWorkflow } from './accounts/sign-in-housekeeping.workflow';
