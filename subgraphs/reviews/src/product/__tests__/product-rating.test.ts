import { averageRating, NO_RATINGS } from '../product-rating';

describe('averageRating', () => {
  it('is null without reviews', () => {
    expect(averageRating(NO_RATINGS)).toBeNull();
  });

  it.each([
    [{ count: 1, sum: 5 }, 5],
    [{ count: 3, sum: 13 }, 4.3], // 4.333…
    [{ count: 3, sum: 14 }, 4.7], // 4.666…
    [{ count: 2, sum: 5 }, 2.5],
    [{ count: 4, sum: 17 }, 4.3], // 4.25: half up
    [{ count: 20, sum: 87 }, 4.4], // 4.35: half up, where Math.round(4.35 * 10) / 10 gives 4.3
    [{ count: 20, sum: 21 }, 1.1], // 1.05
    [{ count: 7, sum: 35 }, 5],
    [{ count: 1_000_000, sum: 1_000_001 }, 1],
  ])('rounds %j to %s', (tally, average) => {
    expect(averageRating(tally)).toBe(average);
  });
});
