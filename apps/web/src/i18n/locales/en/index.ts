import type { MessageKey } from '../zh-CN';
import { calendar } from './calendar';
import { campaigns } from './campaigns';
import { common } from './common';
export const messages: Record<MessageKey, string> = { ...common, ...duties, ...campaigns, ...calendar, ...board, ...compliance, ...progress, ...reports, ...assessments, ...circulars };
