import type { MessageKey } from '../zh-CN';
import { common } from './common';
import { duties } from './duties';
import { progress } from './progress';

export const messages: Record<MessageKey, string> = { ...common, ...duties, ...progress };
