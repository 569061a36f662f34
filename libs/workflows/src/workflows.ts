// Entry point of the workflow bundle: every workflow type the worker runs.
export { DutyWorkflow } from './duties/duty.workflow';
export { CampaignWorkflow } from './campaigns/campaign.workflow';
export { PhaseWorkflow, PhaseDutyBatchWorkflow } from './campaigns/phase.workflow';
export { ComplianceRunWorkflow, ComplianceCaseBatchWorkflow } from './compliance/compliance-run.workflow';
export { ComplianceCaseWorkflow } from './compliance/compliance-case.workflow';
export { UnitImportWorkflow } from './unit-imports/unit-import.workflow';
export { CampaignReportingWorkflow } from './reports/campaign-reporting.workflow';
export { AssessmentWorkflow } from './assessments/assessment.workflow';
export { CircularPublicationWorkflow } from './circulars/circular-publication.workflow';
export { AccountMailWorkflow } from './users/account-mail.workflow';
export { SignInHousekeepingWorkflow } from './users/sign-in-housekeeping.workflow';
