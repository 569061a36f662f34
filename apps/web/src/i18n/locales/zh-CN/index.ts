// The reference catalogue: one file per feature, so pages can be added without touching others.
import { common } from './common';
import { duties } from './duties';
import { progress } from './progress';

export const messages = { ...common, ...duties, ...progress };
export type MessageKey = keyof typeof messages;
