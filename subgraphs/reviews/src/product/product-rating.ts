/** The visible reviews of one product, as the rating aggregate reads them. */
export interface RatingTally {
  /** Visible reviews. */
  readonly count: number;
  /** Sum of their stars. */
  readonly sum: number;
}

export const NO_RATINGS: RatingTally = { count: 0, sum: 0 };

/**
 * The average stars rounded half up to one decimal, or null without reviews. In integer arithmetic (tenths =
 * ⌊(20·sum + count) / (2·count)⌋), so 4.35 is 4.4, never the 4.3 that `Math.round(4.35 * 10)` gives.
 */
export function averageRating({ count, sum }: RatingTally): number | null {
  if (count === 0) return null;
  const tenths = Math.floor((20 * sum + count) / (2 * count));
  return tenths / 10;
}
