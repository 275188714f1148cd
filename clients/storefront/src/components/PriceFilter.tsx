import { useId, useState, type FormEvent } from 'react';
import { centsOf } from '../catalogue/catalogue-params';

/** Lowest and highest price in dollars; says what is wrong rather than ignoring a typo. */
export function PriceFilter({ min, max, onApply }: { min: string; max: string; onApply(min: string, max: string): void }) {
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const nextMin = String(form.get('min') ?? '').trim();
    const nextMax = String(form.get('max') ?? '').trim();
    const [minCents, maxCents] = [centsOf(nextMin), centsOf(nextMax)];
    if ((nextMin && minCents === undefined) || (nextMax && maxCents === undefined)) {
      setProblem('Enter prices in dollars, such as 25 or 19.99.');
    } else if (minCents !== undefined && maxCents !== undefined && minCents > maxCents) {
      setProblem('The lowest price is above the highest.');
    } else {
      setProblem(null);
      onApply(nextMin, nextMax);
    }
  };
  // Keyed by the URL's values: going back in history shows the filter of that page.
  return (
    <form className="price-filter" onSubmit={submit} key={`${min}-${max}`} aria-describedby={problem ? `${id}-problem` : undefined} noValidate>
      <fieldset>
        <legend>Price</legend>
        <div className="price-inputs">
          <label>
            Min price ($)
            <input name="min" inputMode="decimal" defaultValue={min} autoComplete="off" aria-invalid={problem ? true : undefined} />
          </label>
          <label>
            Max price ($)
            <input name="max" inputMode="decimal" defaultValue={max} autoComplete="off" aria-invalid={problem ? true : undefined} />
          </label>
        </div>
        {problem && (
          <p id={`${id}-problem`} role="alert" className="field-error">
            {problem}
          </p>
        )}
        <button type="submit" className="button">
          Apply
        </button>
      </fieldset>
    </form>
  );
}
