// The reference catalogue: one file per feature, so pages can be added without touching others.
import { common } from './common';
import { duties } from './duties';
import { progress } from './progress';
import { reports } from './reports';
import { assessments } from './assessments';

export const messages = { ...common, ...duties, ...progress, ...reports, ...assessments };
export type MessageKey = keyof typeof messages;
