'use strict';
// bench/search: the fixed mix of queries (seeded: the same 1,000 on every run), as GraphQL requests. Each has a
// `kind` (the latency table's rows) and the variables of one of two documents: SEARCH (a page, optionally the
// count and facets) or SUGGEST.
const { createPrng } = require('@techally/demo-data');

/** The mix: kind → share of the queries. */
const MIX = [
  ['word', 0.2],
  ['phrase', 0.1],
  ['words', 0.1],
  ['typo', 0.1],
  ['filter', 0.15],
  ['facets', 0.1],
  ['sort', 0.1],
  ['browse', 0.05],
  ['suggest', 0.1],
];

const SORTS = ['PRICE_ASC', 'PRICE_DESC', 'NEWEST', 'RATING'];

/** `node` selects only the id at the subgraph; through the gateway the products subgraph fills the rest. */
function searchDocument(node, withSummary) {
  const summary = withSummary
    ? 'totalCount facets { categories { category { id } count } priceRanges { min max count } inStock outOfStock }'
    : '';
  return `query Search($query: String, $filter: SearchFilter, $sort: SearchSort, $first: Int) {
  searchProducts(query: $query, filter: $filter, sort: $sort, first: $first) {
    edges { cursor node { ${node} } } pageInfo { hasNextPage } didYouMean ${summary}
  }
}`;
}

function suggestDocument(node) {
  return `query Suggest($prefix: String!) { suggestProducts(prefix: $prefix) { name product { ${node} } } }`;
}

/** A misspelling of `word`: a letter dropped, doubled or two swapped (never the first). */
function misspell(word, rng) {
  const at = rng.int(1, word.length - 2);
  switch (rng.int(0, 2)) {
    case 0:
      return word.slice(0, at) + word.slice(at + 1);
    case 1:
      return word.slice(0, at) + word[at] + word.slice(at);
    default:
      return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  }
}

/**
 * `count` queries over `products` (generateProducts') and `categories` (the demo tree), deterministic.
 * Returns `[{ kind, document: 'search' | 'searchWithSummary' | 'suggest', variables }]`.
 */
function buildQueryMix(count, products, categories, seed = 1_313) {
  const rng = createPrng(seed);
  const pick = (items) => items[Math.floor(rng.next() * items.length)];
  const names = products.slice(0, 5_000).map((product) => product.document.name);
  const words = [...new Set(names.flatMap((name) => name.toLowerCase().split(/[^a-z0-9]+/)).filter((word) => /^[a-z]{4,}$/.test(word)))];
  const longWords = words.filter((word) => word.length >= 6);
  const twoWords = (name) => {
    const parts = name.split(/\s+/).filter((part) => /^[A-Za-z]{3,}$/.test(part));
    const start = rng.int(0, Math.max(0, parts.length - 2));
    return parts.slice(start, start + 2).join(' ');
  };
  const filters = () => {
    switch (rng.int(0, 4)) {
      case 0:
        return { categoryId: pick(categories).id };
      case 1: {
        const min = pick([0, 2_500, 5_000, 10_000, 25_000]);
        return { minPrice: min, maxPrice: min * 4 + 5_000 };
      }
      case 2:
        return { inStock: true };
      case 3:
        return { minRating: pick([3, 4, 4.5]) };
      default:
        return { categoryId: pick(categories).id, inStock: true, minPrice: 1_000 };
    }
  };
  const queries = [];
  for (const [kind, share] of MIX) {
    const n = Math.round(count * share);
    for (let index = 0; index < n; index++) {
      switch (kind) {
        case 'word':
          queries.push({ kind, document: 'search', variables: { query: pick(words), first: 20 } });
          break;
        case 'phrase':
          queries.push({ kind, document: 'search', variables: { query: `"${twoWords(pick(names))}"`, first: 20 } });
          break;
        case 'words':
          queries.push({ kind, document: 'search', variables: { query: `${pick(words)} ${pick(words)}`, first: 20 } });
          break;
        case 'typo':
          queries.push({ kind, document: 'search', variables: { query: misspell(pick(longWords), rng), first: 20 } });
          break;
        case 'filter':
          queries.push({ kind, document: 'search', variables: { query: pick(words), filter: filters(), first: 20 } });
          break;
        case 'facets':
          queries.push({ kind, document: 'searchWithSummary', variables: { query: pick(words), first: 20 } });
          break;
        case 'sort':
          queries.push({ kind, document: 'search', variables: { query: pick(words), sort: pick(SORTS), first: 20 } });
          break;
        case 'browse':
          queries.push({
            kind,
            document: 'searchWithSummary',
            variables: { filter: { categoryId: pick(categories).id }, sort: pick(['NEWEST', ...SORTS]), first: 20 },
          });
          break;
        case 'suggest': {
          const word = pick(words);
          const prefix = rng.chance(0.3) ? `${pick(words)} ${word.slice(0, 3)}` : word.slice(0, rng.int(2, Math.min(6, word.length)));
          queries.push({ kind, document: 'suggest', variables: { prefix } });
          break;
        }
        default:
          throw new Error(kind);
      }
    }
  }
  // Interleaved, as shoppers would send them (a seeded shuffle).
  for (let index = queries.length - 1; index > 0; index--) {
    const other = rng.int(0, index);
    [queries[index], queries[other]] = [queries[other], queries[index]];
  }
  return queries;
}

module.exports = { MIX, buildQueryMix, searchDocument, suggestDocument };
