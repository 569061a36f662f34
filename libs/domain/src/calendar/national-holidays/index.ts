import { NOTICE_2024 } from './2024';
import { NOTICE_2025 } from './2025';
import { NOTICE_2026 } from './2026';
import type { NationalHolidayNotice } from './notice';

export * from './notice';

/**
 * The notices Duban ships, one per year. A new year is one more file here, read from the
 * notice itself; the next start loads it as that year's revision 1 when the office has not
 * set the year yet.
 */
export const NATIONAL_HOLIDAY_NOTICES: readonly NationalHolidayNotice[] = [NOTICE_2024, NOTICE_2025, NOTICE_2026];

export function nationalHolidayNotice(year: number): NationalHolidayNotice | null {
  return NATIONAL_HOLIDAY_NOTICES.find((n) => n.year === year) ?? null;
}
