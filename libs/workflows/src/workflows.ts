// Entry point of the workflow bundle: every workflow type the worker runs.
export { DutyWorkflow } from './duty/duty.workflow';
