// The JSON the API answers and accepts, one module per feature: the API's views return these
// types and the console reads them, so a field renamed on one side is a compile error on the
// other. Types only (no runtime code): importing it adds nothing to the console's bundle.
export type * from './common';
export type * from './compliance';
export type * from './inspections';
export type * from './units';
export type * from './unit-imports';
export type * from './errors';
export type * from './users';
export type * from './departments';
export type * from './audit-log';
export type * from './auth';
export type * from './duties';
export type * from './duties/duty-views';
export type * from './campaigns/duty-matrix';
export type * from './saved-filters';
export type * from './health';
export type * from './campaigns';
export type * from './progress';
export type * from './reports';
export type * from './calendar';
export type * from './assessments';
export type * from './circulars';
