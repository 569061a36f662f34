// The reference catalogue: one file per feature, so pages can be added without touching others.
import { common } from './common';
import { duties } from './duties';
import { progress } from './progress';
import { reports } from './reports';
import { assessments } from './assessments';
import { circulars } from './circulars';

export const messages = { ...common, ...duties, ...progress, ...reports, ...assessments, ...circulars };
export type MessageKey = keyof typeof messages;
