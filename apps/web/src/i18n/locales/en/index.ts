import type { MessageKey } from '../zh-CN';
import { common } from './common';
import { compliance } from './compliance';
import { duties } from './duties';

export const messages: Record<MessageKey, string> = { ...common, ...duties, ...compliance };
