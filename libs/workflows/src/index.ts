export * from './duty/duty-contract';
export type * from './duty/duty-activities';
