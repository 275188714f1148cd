import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { graphErrorOf, useDebouncedValue } from '@techally/app-kit';
import { MAX_QUERY } from '../catalogue/catalogue-params';
import { graphql } from '../gql';

const StorefrontSearchSuggestionsQuery = graphql(`
  query StorefrontSearchSuggestions($prefix: String!, $first: Int!) {
    suggestProducts(prefix: $prefix, first: $first) {
      name
      product {
        id
        slug
        price {
          formatted
        }
      }
    }
  }
`);

const SUGGESTIONS = 6;
const MIN_CHARACTERS = 2;
const DEBOUNCE_MS = 250;
/** What `suggestProducts(prefix:)` accepts (longer is BAD_USER_INPUT). */
const MAX_PREFIX = 100;

/**
 * Search as you type: after a pause in typing, up to six products proposed by `suggestProducts` (type-ahead: the
 * last word may be partial, a misspelt word is corrected) under the box (a WAI-ARIA combobox: ↑/↓ move, Enter
 * opens the one chosen, Escape closes); Enter without a choice lists every match at /search?q=.
 */
export function SearchBox() {
  const id = useId();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [searchParams] = useSearchParams();
  const urlQuery = pathname === '/search' ? (searchParams.get('q') ?? '') : '';
  const [text, setText] = useState(urlQuery);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const typed = useDebouncedValue(text.trim(), DEBOUNCE_MS);
  const [{ data, fetching, error }] = useQuery({
    query: StorefrontSearchSuggestionsQuery,
    variables: { prefix: typed.slice(0, MAX_PREFIX), first: SUGGESTIONS },
    pause: typed.length < MIN_CHARACTERS,
  });

  // The box shows the search of the page (back, forward, a link to /search?q=…).
  useEffect(() => setText(urlQuery), [urlQuery]);
  useEffect(() => setActive(-1), [data]);

  const suggestions = typed.length >= MIN_CHARACTERS ? (data?.suggestProducts ?? []) : [];
  const showList = open && text.trim().length >= MIN_CHARACTERS;
  const listId = `${id}-suggestions`;

  const go = (to: string) => {
    setOpen(false);
    setActive(-1);
    navigate(to);
  };
  const submit = () => {
    const chosen = active >= 0 ? suggestions[active] : undefined;
    if (chosen) {
      setText('');
      go(`/product/${chosen.product.slug}`);
    } else if (text.trim()) {
      go(`/search?q=${encodeURIComponent(text.trim())}`);
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (suggestions.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      // Past either end: back in the box (-1), as the APG combobox does.
      setActive((current) => {
        const next = current + step;
        return next >= suggestions.length ? -1 : next < -1 ? suggestions.length - 1 : next;
      });
    } else if (event.key === 'Escape') {
      if (showList) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      } else setText('');
    }
  };

  let status = '';
  if (showList) {
    if (error) status = `Suggestions unavailable: ${graphErrorOf(error).message}`;
    else if (typed !== text.trim() || (fetching && !data)) status = 'Searching…';
    else if (data && suggestions.length === 0) status = `No products match “${typed}”.`;
    else if (data) status = `${suggestions.length} suggestion${suggestions.length === 1 ? '' : 's'}. Press Enter to see every match.`;
  }

  return (
    <form
      role="search"
      className="search"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label htmlFor={`${id}-input`} className="visually-hidden">
        Search products
      </label>
      <div className="search-field">
        <input
          id={`${id}-input`}
          type="search"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={showList && suggestions.length > 0}
          aria-controls={listId}
          aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
          aria-describedby={`${id}-status`}
          autoComplete="off"
          enterKeyHint="search"
          placeholder="Search products"
          maxLength={MAX_QUERY}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          // A click opens the list again in a box that kept the focus (a search from /search stays on the page).
          onClick={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <button type="submit" className="button search-button">
          Search
        </button>
      </div>
      <ul id={listId} role="listbox" aria-label="Suggestions" className="suggestions" hidden={!showList || suggestions.length === 0}>
        {suggestions.map(({ name, product }, index) => (
          <li
            key={product.id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            // mousedown, not click: the input's blur would close the list first.
            onMouseDown={(event) => {
              event.preventDefault();
              setText('');
              go(`/product/${product.slug}`);
            }}
            onMouseEnter={() => setActive(index)}
          >
            <span className="suggestion-name">{name}</span>
            <span className="suggestion-price">{product.price.formatted}</span>
          </li>
        ))}
      </ul>
      <p id={`${id}-status`} role="status" className={showList && status && suggestions.length === 0 ? 'suggestions-status' : 'visually-hidden'}>
        {status}
      </p>
    </form>
  );
}
