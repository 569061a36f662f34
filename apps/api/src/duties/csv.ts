import { DateTime } from 'luxon';
import { DUBAN_TIME_ZONE } from '@duban/domain';

export type CsvValue = string | number | boolean | Date | null | undefined;

/** Excel reads a UTF-8 file as the local code page unless it starts with a byte-order mark. */
const BOM = '\uFEFF';

/**
 * Text a spreadsheet would run as a formula (= + - @, and tab/CR which some programs strip
 * before looking) gets a leading apostrophe, so an exported title cannot become a formula.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvTime(instant: Date | null | undefined): string {
  return instant ? DateTime.fromJSDate(instant).setZone(DUBAN_TIME_ZONE).toFormat('yyyy-MM-dd HH:mm:ss') : '';
}

/** One cell, RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (value instanceof Date) text = csvTime(value);
  else if (typeof value === 'boolean') text = value ? '是' : '否';
  else if (typeof value === 'number') text = String(value);
  else text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: BOM, header row, rows, each line ended by CRLF. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvValue[]>): string {
  return BOM + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** `<base>-<yyyyMMdd-HHmm, Beijing time>.csv`; the base is reduced to safe characters. */
export function csvFileNames(asciiBase: string, chineseBase: string, now = new Date()): { fileName: string; displayName: string } {
  const stamp = DateTime.fromJSDate(now).setZone(DUBAN_TIME_ZONE).toFormat('yyyyMMdd-HHmm');
  const safe = asciiBase.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'export';
  return { fileName: `${safe}-${stamp}.csv`, displayName: `${chineseBase.replace(/["\\\r\n/]/g, '')}-${stamp}.csv` };
}
