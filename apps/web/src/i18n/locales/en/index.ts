import type { MessageKey } from '../zh-CN';
import { administration } from './administration';
import { api } from './api';
import { assessments } from './assessments';
import { board } from './board';
import { calendar } from './calendar';
import { campaigns } from './campaigns';
import { circulars } from './circulars';
import { common } from './common';
import { compliance } from './compliance';
import { duties } from './duties';
import { progress } from './progress';
import { reports } from './reports';

export const messages: Record<MessageKey, string> = {
  ...common,
  ...duties,
  ...campaigns,
  ...calendar,
  ...board,
  ...compliance,
  ...progress,
  ...reports,
  ...assessments,
  ...circulars,
  ...administration,
  ...api,
};
