// The reference catalogue: one file per feature, so pages can be added without touching others.
import { calendar } from './calendar';
import { campaigns } from './campaigns';
import { common } from './common';
export const messages = { ...common, ...duties, ...campaigns, ...calendar, ...board, ...compliance, ...progress, ...reports, ...assessments, ...circulars };
export type MessageKey = keyof typeof messages;
