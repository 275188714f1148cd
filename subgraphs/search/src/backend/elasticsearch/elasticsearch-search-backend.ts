import type { Client } from '@elastic/elasticsearch';
import { isCorrectable, wordsOf } from '../query-text';
import type {
  IndexWriteOptions,
  ProductDocument,
  RatingFact,
  SearchBackend,
  SearchPage,
  SearchPosition,
  SearchRequest,
  SearchSort,
  SearchSummary,
  StockFact,
  Suggestion,
} from '../search-backend';
import { PRICE_BAND_BOUNDS } from '../search-backend';
import { ensureIndex } from './elasticsearch-index';
import { boolQuery, FACET_AGGREGATIONS, SORT_CLAUSES } from './elasticsearch-queries';
import { ElasticsearchWrites, type ElasticsearchWriteOptions } from './elasticsearch-writes';

export interface ElasticsearchBackendOptions extends ElasticsearchWriteOptions {
  readonly client: Client;
  /** The alias searches and writes go to. */
  readonly alias: string;
}

interface Bucket {
  readonly key: string | number;
  readonly key_as_string?: string;
  readonly doc_count: number;
}

/**
 * The Elasticsearch backend (`ELASTICSEARCH_URL`): the same contract as PostgreSQL's, on an index behind an
 * alias (elasticsearch-index.ts: analyzers, mapping). Writes are bulk scripted upserts with the same time
 * guards; searches are one request (`search_after` pages, aggregations for the facets, the term suggester on
 * unstemmed name and category words for typos). The transaction a consumer passes is not joined: the write is
 * made inside it, so a failed write rolls back the inbox row and the event comes again.
 */
export class ElasticsearchSearchBackend implements SearchBackend {
  readonly name = 'elasticsearch';
  private readonly writes: ElasticsearchWrites;

  constructor(private readonly options: ElasticsearchBackendOptions) {
    this.writes = new ElasticsearchWrites(options.client, options.alias, options);
  }

  /** Creates the index and its alias on a first start. */
  prepare(): Promise<void> {
    return ensureIndex(this.options.client, this.options.alias);
  }

  async typoTolerance(): Promise<boolean> {
    return true;
  }

  upsertProducts(documents: ReadonlyArray<ProductDocument>): Promise<void> {
    return this.writes.upsertProducts(documents);
  }

  recordStock(facts: ReadonlyArray<StockFact>, options: IndexWriteOptions = {}): Promise<void> {
    return this.writes.recordStock(facts, options.onlyIfUnknown ?? false);
  }

  recordRating(facts: ReadonlyArray<RatingFact>, options: IndexWriteOptions = {}): Promise<void> {
    return this.writes.recordRating(facts, options.onlyIfUnknown ?? false);
  }

  async search(request: SearchRequest): Promise<SearchPage> {
    const page = await this.page(request);
    if (page.hits.length > 0 || request.query === null || request.after !== null) return { ...page, correctedQuery: null };
    const corrected = await this.correct(request.query);
    if (!corrected) return { ...page, correctedQuery: null };
    const retry = await this.page({ ...request, query: corrected });
    return retry.hits.length > 0 ? { ...retry, correctedQuery: corrected } : { ...page, correctedQuery: null };
  }

  async summarize(request: Pick<SearchRequest, 'query' | 'filter'>): Promise<SearchSummary> {
    const response = await this.options.client.search({
      index: this.options.alias,
      size: 0,
      track_total_hits: true,
      query: boolQuery(request.query, request.filter),
      aggs: FACET_AGGREGATIONS,
    });
    const aggregations = response.aggregations as Record<string, { buckets: Bucket[] }> | undefined;
    const total = typeof response.hits.total === 'number' ? response.hits.total : (response.hits.total?.value ?? 0);
    const stock = aggregations?.['stock']?.buckets ?? [];
    const count = (value: string) => stock.find((bucket) => bucket.key_as_string === value)?.doc_count ?? 0;
    const prices = aggregations?.['prices']?.buckets ?? [];
    return {
      totalCount: total,
      categories: (aggregations?.['categories']?.buckets ?? []).map((bucket) => ({ categoryId: String(bucket.key), count: bucket.doc_count })),
      priceBands: PRICE_BAND_BOUNDS.map((min, index) => ({ min, max: PRICE_BAND_BOUNDS[index + 1] ?? null, count: prices[index]?.doc_count ?? 0 })),
      inStock: count('true'),
      outOfStock: count('false'),
    };
  }

  async suggest(prefix: string, first: number): Promise<ReadonlyArray<Suggestion>> {
    const found = await this.suggestFor(prefix, first);
    if (found.length > 0) return found;
    const corrected = await this.correct(prefix);
    return corrected ? this.suggestFor(corrected, first) : found;
  }

  private async page(request: SearchRequest & { sort: SearchSort }): Promise<Omit<SearchPage, 'correctedQuery'>> {
    const response = await this.options.client.search({
      index: this.options.alias,
      size: request.first + 1,
      _source: false,
      track_total_hits: false,
      query: boolQuery(request.query, request.filter),
      sort: SORT_CLAUSES[request.sort] as never,
      ...(request.after ? { search_after: [...request.after] } : {}),
    });
    const hits = response.hits.hits.slice(0, request.first).map((hit) => ({
      productId: hit._id as string,
      position: (hit.sort ?? []) as unknown as SearchPosition,
    }));
    return { hits, hasNextPage: response.hits.hits.length > request.first };
  }

  private async suggestFor(prefix: string, first: number): Promise<Suggestion[]> {
    const response = await this.options.client.search<{ name: string }>({
      index: this.options.alias,
      size: first,
      _source: ['name'],
      query: {
        bool: {
          filter: [{ term: { status: 'ACTIVE' } }],
          must: [{ match: { 'name.prefixes': { query: prefix, operator: 'and' } } }],
          should: [{ prefix: { 'name.sort': prefix.toLowerCase() } }],
        },
      },
      sort: [{ _score: { order: 'desc' } }, { rating_count: { order: 'desc' } }, { 'name.sort': { order: 'asc' } }, { id: { order: 'asc' } }] as never,
    });
    return response.hits.hits.map((hit) => ({ productId: hit._id as string, name: hit._source?.name ?? '' }));
  }

  /** Each unknown word of ≥ 3 letters replaced by the term suggester's best option; null when nothing changed. */
  private async correct(text: string): Promise<string | null> {
    const words = wordsOf(text);
    if (!words.some(isCorrectable)) return null;
    const response = await this.options.client.search({
      index: this.options.alias,
      size: 0,
      suggest: { spelling: { text: words.join(' '), term: { field: 'spelling', suggest_mode: 'missing', min_word_length: 3, sort: 'score' } } },
    });
    const entries = (response.suggest?.['spelling'] ?? []) as Array<{ text: string; options: Array<{ text: string }> | { text: string } }>;
    const corrections = new Map<string, string>();
    for (const entry of entries) {
      const options = Array.isArray(entry.options) ? entry.options : [entry.options];
      const best = options[0]?.text;
      if (best && isCorrectable(entry.text)) corrections.set(entry.text, best);
    }
    if (corrections.size === 0) return null;
    return words.map((word) => corrections.get(word) ?? word).join(' ');
  }
}
