/** Average stars and count of reviews: "★★★★☆ 4.2 (12)", read out as "Rated 4.2 out of 5 from 12 reviews". */
export function StarRating({ average, count }: { average: number | null; count: number }) {
  if (average === null || count === 0) return <span className="rating rating-none">No reviews yet</span>;
  const full = Math.round(average);
  const label = `Rated ${average.toFixed(1)} out of 5 from ${count} review${count === 1 ? '' : 's'}`;
  return (
    <span className="rating" role="img" aria-label={label}>
      <span className="stars" aria-hidden="true">
        {'★'.repeat(full)}
        <span className="stars-empty">{'★'.repeat(5 - full)}</span>
      </span>{' '}
      <span aria-hidden="true">
        {average.toFixed(1)} ({count})
      </span>
    </span>
  );
}
