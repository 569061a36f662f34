import { writeSettingAsideRefusals } from './set-aside-refused-rows';

class Refused extends Error {}

/** A store that refuses any write holding a bad row, all or nothing, and counts the attempts. */
function store(bad: Set<number>) {
  const kept: number[] = [];
  let attempts = 0;
  const write = async (rows: readonly number[]) => {
    attempts++;
    const refused = rows.find((r) => bad.has(r));
    if (refused !== undefined) throw new Refused(`row ${refused} is too long`);
    kept.push(...rows);
    return rows.map((r) => r * 10);
  };
  return { write, kept, attempts: () => attempts };
}
const isRefusal = (e: unknown) => e instanceof Refused;
const rows = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('writeSettingAsideRefusals', () => {
  it('writes a clean batch in one statement', async () => {
    const s = store(new Set());
    expect(await writeSettingAsideRefusals(rows(1000), s.write, isRefusal)).toEqual({ written: rows(1000).map((r) => r * 10), refused: [] });
    expect(s.attempts()).toBe(1);
  });

  it('finds each refused row, keeps every other row, and stays near log2 of the batch per bad row', async () => {
    const s = store(new Set([1, 500, 1000]));
    const result = await writeSettingAsideRefusals(rows(1000), s.write, isRefusal);
    expect(result.refused).toEqual([
      { row: 1, reason: 'row 1 is too long' },
      { row: 500, reason: 'row 500 is too long' },
      { row: 1000, reason: 'row 1000 is too long' },
    ]);
    expect(s.kept.sort((a, b) => a - b)).toEqual(rows(1000).filter((r) => ![1, 500, 1000].includes(r)));
    expect(result.written).toHaveLength(997);
    expect(s.attempts()).toBeLessThanOrEqual(3 * 2 * 10 + 1);
  });

  it('lets any other failure through untouched (the activity retries it)', async () => {
    const failing = async () => {
      throw new Error('connection terminated');
    };
    await expect(writeSettingAsideRefusals(rows(10), failing, isRefusal)).rejects.toThrow('connection terminated');
  });
});
