// Times are shown in Beijing time whatever the browser's zone, as every document of the campaign is.
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { DUBAN_TIME_ZONE } from '@duban/domain';

dayjs.extend(utc);
dayjs.extend(timezone);

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).tz(DUBAN_TIME_ZONE).format('YYYY-MM-DD HH:mm') : '';
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? dayjs(iso).tz(DUBAN_TIME_ZONE).format('YYYY-MM-DD') : '';
}

/** A date-time picked in the console, read as Beijing time, as an ISO instant for the API. */
export function beijingInstant(value: dayjs.Dayjs): string {
  return dayjs.tz(value.format('YYYY-MM-DDTHH:mm:ss'), DUBAN_TIME_ZONE).toISOString();
}

export function formatNumber(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return value.toLocaleString('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
