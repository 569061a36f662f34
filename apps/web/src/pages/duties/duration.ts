import type { Translate } from '../../i18n/i18n';

/** 2天3小时5分钟 (or "2 d 3 h 5 min"); under a minute says so. */
export function durationText(ms: number, t: Translate): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = [days ? t('duration.days', { count: days }) : '', hours ? t('duration.hours', { count: hours }) : '', rest ? t('duration.minutes', { count: rest }) : ''].join('');
  return parts.trim() || t('duration.lessThanMinute');
}
