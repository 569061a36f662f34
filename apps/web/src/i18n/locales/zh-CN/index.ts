// The reference catalogue: one file per feature, so pages can be added without touching others.
import { common } from './common';
import { compliance } from './compliance';
import { duties } from './duties';

export const messages = { ...common, ...duties, ...compliance };
export type MessageKey = keyof typeof messages;
