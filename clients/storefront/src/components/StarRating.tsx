/** Average stars and count of reviews: "★★★★½ 4.5 (12)", read out as "Rated 4.5 out of 5 from 12 reviews". */
export function StarRating({ average, count }: { average: number | null; count: number }) {
  if (average === null || count === 0) return <span className="rating rating-none">No reviews yet</span>;
  const label = `Rated ${average.toFixed(1)} out of 5 from ${count} review${count === 1 ? '' : 's'}`;
  return (
    <span className="rating" role="img" aria-label={label}>
      <Stars value={average} />{' '}
      <span aria-hidden="true">
        {average.toFixed(1)} ({count})
      </span>
    </span>
  );
}

/** Five stars filled to `value` (4.5: four and a half), for the eye only: callers give the words. */
export function Stars({ value }: { value: number }) {
  return (
    <span className="stars" aria-hidden="true">
      <span className="stars-empty">★★★★★</span>
      <span className="stars-fill" style={{ width: `${(Math.min(5, Math.max(0, value)) / 5) * 100}%` }}>
        ★★★★★
      </span>
    </span>
  );
}
