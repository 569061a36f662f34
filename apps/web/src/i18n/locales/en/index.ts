import type { MessageKey } from '../zh-CN';
import { common } from './common';
import { duties } from './duties';
import { progress } from './progress';
import { reports } from './reports';
import { assessments } from './assessments';
import { circulars } from './circulars';

export const messages: Record<MessageKey, string> = { ...common, ...duties, ...progress, ...reports, ...assessments, ...circulars };
