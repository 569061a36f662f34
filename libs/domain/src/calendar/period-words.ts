import type { ClockOffset } from '../duties/duty-clock';

/**
 * How a period of a plan or a ladder is said in an e-mail or on the console. Words come from the
 * same offset the timers use (a campaign's ladder of 2 and 5 working days says 两个工作日 and
 * 五个工作日), never from a text written for the default ladder.
 */
export type PeriodLanguage = 'zh-CN' | 'en';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/**
 * A whole number 0–99,999 in Chinese numerals as it stands before a measure word: 两 for a lone
 * 2 (两个工作日), 十二 rather than 一十二, 一百零五 with the 零 of a skipped place. Anything else
 * (negative, fractional, larger) stays in Arabic digits, which a reader still understands.
 */
export function chineseCount(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99_999) return String(n);
  if (n === 2) return '两';
  if (n < 10) return DIGITS[n];
  const places = ['', '十', '百', '千', '万'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zeroPending = false;
  digits.forEach((d, i) => {
    const place = digits.length - 1 - i;
    if (d === 0) {
      zeroPending = out !== '';
      return;
    }
    if (zeroPending) out += '零';
    zeroPending = false;
    // 十二, not 一十二, when the tens lead.
    out += (d === 1 && place === 1 && out === '' ? '' : DIGITS[d]) + places[place];
  });
  return out;
}

/** A count of days, working or calendar, and how it is said. */
export type PlanPeriod = { workingDays: number } | { calendarDays: number };

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "两个工作日" / "2 working days"; "五个自然日" / "5 calendar days". */
export function periodWords(period: PlanPeriod, language: PeriodLanguage): string {
  if ('workingDays' in period) {
    return language === 'zh-CN' ? `${chineseCount(period.workingDays)}个工作日` : plural(period.workingDays, 'working day', 'working days');
  }
  return language === 'zh-CN' ? `${chineseCount(period.calendarDays)}个自然日` : plural(period.calendarDays, 'calendar day', 'calendar days');
}

/**
 * A ladder's offset in words. Working days as such; the first deployed ladders counted in plain
 * milliseconds, said as whole calendar days, hours or minutes (whichever divides it).
 */
export function clockOffsetWords(offset: ClockOffset, language: PeriodLanguage): string {
  if ('workingDays' in offset) return periodWords(offset, language);
  const ms = offset.ms;
  if (ms > 0 && ms % DAY_MS === 0) return periodWords({ calendarDays: ms / DAY_MS }, language);
  if (ms > 0 && ms % HOUR_MS === 0) {
    const hours = ms / HOUR_MS;
    return language === 'zh-CN' ? `${chineseCount(hours)}小时` : plural(hours, 'hour', 'hours');
  }
  const minutes = Math.max(0, Math.round(ms / MINUTE_MS));
  return language === 'zh-CN' ? `${chineseCount(minutes)}分钟` : plural(minutes, 'minute', 'minutes');
}

/** Whether an offset is no time at all: a step that fires at the due time itself. */
export function isZeroOffset(offset: ClockOffset): boolean {
  return 'workingDays' in offset ? offset.workingDays === 0 : offset.ms <= 0;
}
