import type { MessageKey } from '../zh-CN';
import { calendar } from './calendar';
import { campaigns } from './campaigns';
import { common } from './common';
import { board } from './board';
import { duties } from './duties';

export const messages: Record<MessageKey, string> = { ...common, ...duties, ...campaigns, ...calendar, ...board };
