import { chineseCount, clockOffsetWords, isZeroOffset, periodWords } from './period-words';

describe('period words', () => {
  it('says counts as they stand before a measure word', () => {
    expect([0, 1, 2, 3, 5, 9, 10, 11, 12, 20, 22, 60].map(chineseCount)).toEqual(['零', '一', '两', '三', '五', '九', '十', '十一', '十二', '二十', '二十二', '六十']);
    expect([100, 105, 110, 250, 1000, 1005, 1050, 10000].map(chineseCount)).toEqual(['一百', '一百零五', '一百一十', '二百五十', '一千', '一千零五', '一千零五十', '一万']);
  });

  it('leaves what it cannot say in digits', () => {
    expect([-1, 1.5, 100_000, Number.NaN].map(chineseCount)).toEqual(['-1', '1.5', '100000', 'NaN']);
  });

  it('tells working days from calendar days, in both languages', () => {
    expect(periodWords({ workingDays: 2 }, 'zh-CN')).toBe('两个工作日');
    expect(periodWords({ workingDays: 5 }, 'zh-CN')).toBe('五个工作日');
    expect(periodWords({ calendarDays: 15 }, 'zh-CN')).toBe('十五个自然日');
    expect(periodWords({ workingDays: 1 }, 'en')).toBe('1 working day');
    expect(periodWords({ workingDays: 5 }, 'en')).toBe('5 working days');
    expect(periodWords({ calendarDays: 1 }, 'en')).toBe('1 calendar day');
    expect(periodWords({ calendarDays: 30 }, 'en')).toBe('30 calendar days');
  });

  it('says the first ladders’ plain durations as days, hours or minutes', () => {
    expect(clockOffsetWords({ workingDays: 3 }, 'zh-CN')).toBe('三个工作日');
    expect(clockOffsetWords({ ms: 2 * 86_400_000 }, 'zh-CN')).toBe('两个自然日');
    expect(clockOffsetWords({ ms: 2 * 86_400_000 }, 'en')).toBe('2 calendar days');
    expect(clockOffsetWords({ ms: 3 * 3_600_000 }, 'zh-CN')).toBe('三小时');
    expect(clockOffsetWords({ ms: 3_600_000 }, 'en')).toBe('1 hour');
    expect(clockOffsetWords({ ms: 90_000 }, 'en')).toBe('2 minutes');
  });

  it('knows a step at the due time itself', () => {
    expect(isZeroOffset({ workingDays: 0 })).toBe(true);
    expect(isZeroOffset({ ms: 0 })).toBe(true);
    expect(isZeroOffset({ workingDays: 1 })).toBe(false);
    expect(isZeroOffset({ ms: 1 })).toBe(false);
  });
});
