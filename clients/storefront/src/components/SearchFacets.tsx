import { useEffect, useId, useState, type ReactNode } from 'react';
import { dollarsOf, MIN_RATINGS, type CatalogueParams } from '../catalogue/catalogue-params';
import type { FacetCounts } from '../catalogue/catalogue-search';

type Change = Readonly<Record<string, string | null>>;

/**
 * The facets beside a listing, each option with its count, toggled by its checkbox: price ranges, in stock, a
 * minimum rating. A price range or a rating replaces the one chosen before; unticking takes it away.
 */
export function SearchFacets({ params, facets, onChange }: { params: CatalogueParams; facets: FacetCounts | null; onChange(change: Change): void }) {
  const bands = facets?.priceRanges ?? [];
  return (
    <div className="facets">
      <FacetGroup legend="Price range">
        {bands.map((band) => {
          const max = band.max === null ? undefined : band.max - 1; // the band's max is exclusive, the filter's inclusive
          const chosen = params.minPrice === band.min && params.maxPrice === max;
          if (band.count === 0 && !chosen) return null;
          return (
            <Facet
              key={band.min}
              label={band.max === null ? `$${dollarsOf(band.min)} and above` : `$${dollarsOf(band.min)} to $${dollarsOf(band.max)}`}
              count={band.count}
              checked={chosen}
              onToggle={() => onChange(chosen ? { min: null, max: null } : { min: dollarsOf(band.min), max: max === undefined ? null : dollarsOf(max) })}
            />
          );
        })}
      </FacetGroup>
      <FacetGroup legend="Availability">
        {facets && <Facet label="In stock only" count={facets.inStock} checked={params.inStock} onToggle={() => onChange({ stock: params.inStock ? null : '1' })} />}
      </FacetGroup>
      <FacetGroup legend="Customer rating">
        {facets &&
          MIN_RATINGS.map((rating) => {
            const chosen = params.minRating === rating;
            return (
              <Facet
                key={rating}
                label={`${rating} stars and up`}
                count={facets.byMinRating.get(rating) ?? 0}
                checked={chosen}
                onToggle={() => onChange({ rating: chosen ? null : String(rating) })}
              />
            );
          })}
      </FacetGroup>
    </div>
  );
}

function FacetGroup({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="facet-group">
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}

/** One option: "In stock only (42)". An option with nothing to show is disabled unless it is on. */
function Facet({ label, count, checked, onToggle }: { label: string; count: number; checked: boolean; onToggle(): void }) {
  const id = useId();
  // The box shows the click at once: `checked` follows the URL, which react-router changes in a transition, and
  // until then React would put a controlled checkbox back as it was (a tick that flickers off, then on).
  const [clicked, setClicked] = useState<boolean | null>(null);
  useEffect(() => setClicked(null), [checked]);
  const shown = clicked ?? checked;
  return (
    <div className="facet">
      <input
        id={id}
        type="checkbox"
        checked={shown}
        disabled={count === 0 && !shown}
        onChange={() => {
          setClicked(!shown);
          onToggle();
        }}
      />
      <label htmlFor={id}>
        {label} <span className="count">({count})</span>
      </label>
    </div>
  );
}
