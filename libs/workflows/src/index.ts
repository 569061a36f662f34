export * from './duty/duty-contract';
export type * from './duty/duty-activities';
export * from './campaign/campaign-contract';
export type * from './campaign/campaign-activities';
export * from './compliance/compliance-contract';
export type * from './compliance/compliance-activities';
export * from './units/unit-import-contract';
export * from './assessment/assessment-contract';
export type * from './assessment/assessment-activities';
