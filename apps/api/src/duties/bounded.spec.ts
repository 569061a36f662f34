import { mapBounded } from './bounded';

describe('mapBounded', () => {
  it('keeps the order of the input and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const result = await mapBounded([50, 10, 30, 0, 20, 5, 40], 3, async (delay, index) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, delay));
      running--;
      return index * 2;
    });
    expect(result).toEqual([0, 2, 4, 6, 8, 10, 12]);
    expect(most).toBe(3);
  });

  it('answers an empty list with an empty list', async () => {
    expect(await mapBounded([], 10, async () => 1)).toEqual([]);
  });
});
