import type { SubgraphOrm } from '@techally/platform';
import { wordsOf } from '../query-text';
import {
  SearchSort,
  type IndexWriteOptions,
  type ProductDocument,
  type RatingFact,
  type SearchBackend,
  type SearchPage,
  type SearchRequest,
  type SearchSummary,
  type StockFact,
  type Suggestion,
} from '../search-backend';
import { PostgresIndexWrites } from './postgres-index.writes';
import { searchPage, suggest, summarize } from './postgres-search.queries';
import { detectTrigramSupport, type SqlExecutor, type TrigramSupport } from './sql-executor';
import { correctWords } from './typo-corrector';

/**
 * The default backend (issue #13): PostgreSQL full-text search over the read model in the subgraph's own
 * schema — a weighted tsvector with a GIN index, `websearch_to_tsquery`, `ts_rank` — and pg_trgm for typos.
 */
export class PostgresSearchBackend implements SearchBackend {
  readonly name = 'postgres';

  private readonly sql: SqlExecutor;
  private trigramSupport: Promise<TrigramSupport | null> | null = null;

  constructor(orm: SubgraphOrm) {
    this.sql = orm.em.getConnection() as unknown as SqlExecutor;
  }

  /** pg_trgm, looked for once, on first use (after the migrations, which create it where they can). */
  private trigram(): Promise<TrigramSupport | null> {
    this.trigramSupport ??= detectTrigramSupport(this.sql).catch((error: unknown) => {
      this.trigramSupport = null;
      throw error;
    });
    return this.trigramSupport;
  }

  /** Nothing to create: the migrations made the tables. */
  async prepare(): Promise<void> {}

  async typoTolerance(): Promise<boolean> {
    return (await this.trigram()) !== null;
  }

  upsertProducts(documents: ReadonlyArray<ProductDocument>, options: IndexWriteOptions = {}): Promise<void> {
    return new PostgresIndexWrites(options.within ?? this.sql).upsertProducts(documents);
  }

  recordStock(facts: ReadonlyArray<StockFact>, options: IndexWriteOptions = {}): Promise<void> {
    return new PostgresIndexWrites(options.within ?? this.sql).recordStock(facts, options.onlyIfUnknown ?? false);
  }

  recordRating(facts: ReadonlyArray<RatingFact>, options: IndexWriteOptions = {}): Promise<void> {
    return new PostgresIndexWrites(options.within ?? this.sql).recordRating(facts, options.onlyIfUnknown ?? false);
  }

  async search(request: SearchRequest): Promise<SearchPage> {
    const sort = effectiveSort(request);
    const page = await searchPage(this.sql, { ...request, sort });
    // A typo is corrected only when the text as typed found nothing at all (first page, no cursor: a later page
    // carries on with whatever text the first one used — the service passes the corrected text then).
    const trigram = page.hits.length > 0 || request.query === null || request.after !== null ? null : await this.trigram();
    if (!trigram || request.query === null) return { ...page, correctedQuery: null };
    const corrected = await correctWords(this.sql, trigram, wordsOf(request.query));
    if (!corrected) return { ...page, correctedQuery: null };
    const correctedQuery = corrected.join(' ');
    const retry = await searchPage(this.sql, { ...request, sort, query: correctedQuery });
    return retry.hits.length > 0 ? { ...retry, correctedQuery } : { ...page, correctedQuery: null };
  }

  summarize(request: Pick<SearchRequest, 'query' | 'filter'>): Promise<SearchSummary> {
    return summarize(this.sql, request.query, request.filter);
  }

  async suggest(prefix: string, first: number): Promise<ReadonlyArray<Suggestion>> {
    const words = wordsOf(prefix);
    const found = await suggest(this.sql, words, prefix, first);
    const trigram = found.length > 0 ? null : await this.trigram();
    if (!trigram) return found;
    const corrected = await correctWords(this.sql, trigram, words);
    return corrected ? suggest(this.sql, corrected, corrected.join(' '), first) : found;
  }
}

/** RELEVANCE without text has nothing to rank by: it reads as NEWEST (and its cursors say so). */
export function effectiveSort(request: Pick<SearchRequest, 'query' | 'sort'>): SearchSort {
  return request.sort === SearchSort.RELEVANCE && request.query === null ? SearchSort.NEWEST : request.sort;
}
