/**
 * The contract every search backend meets (PostgreSQL full-text search by default, Elasticsearch at scale):
 * the same documents in, the same answers out. `__tests__/search-backend.behaviour.ts` states it as specs any
 * backend runs. Values here are plain data: validation happened before (search.validation.ts).
 */

/** What the index knows of one product, as the products subgraph describes it. */
export interface ProductDocument {
  readonly id: string;
  readonly sku: string;
  readonly name: string;
  readonly slug: string;
  readonly description: string;
  /** `ACTIVE` is searchable; anything else (ARCHIVED) is kept but never found. */
  readonly status: string;
  readonly price: { readonly amount: number; readonly currency: string };
  readonly categoryId: string;
  /** The category's breadcrumb, root first, the product's own category last. */
  readonly categoryPath: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  readonly createdAt: Date;
  /** The products subgraph's `updatedAt`: an older description never replaces a newer one. */
  readonly updatedAt: Date;
}

/**
 * A document's searchable fields as both backends store them (snake_case columns / index fields); the category
 * path as ids (the filter) and as names (searched text). Times are left to each backend's own format.
 */
export function indexedFields(document: ProductDocument) {
  return {
    sku: document.sku,
    name: document.name,
    slug: document.slug,
    description: document.description,
    status: document.status,
    price_amount: document.price.amount,
    currency: document.price.currency,
    category_id: document.categoryId,
    category_path: document.categoryPath.map((category) => category.id),
    category_names: document.categoryPath.map((category) => category.name).join(' '),
  };
}

/** A product's stock as inventory announced it at `at` (the event's time): a later one wins. */
export interface StockFact {
  readonly productId: string;
  readonly inStock: boolean;
  readonly available: number;
  readonly at: Date;
}

/** A product's rating as reviews announced it at `at`. */
export interface RatingFact {
  readonly productId: string;
  readonly average: number | null;
  readonly count: number;
  readonly at: Date;
}

export enum SearchSort {
  RELEVANCE = 'RELEVANCE',
  PRICE_ASC = 'PRICE_ASC',
  PRICE_DESC = 'PRICE_DESC',
  NEWEST = 'NEWEST',
  RATING = 'RATING',
}

export interface SearchFilter {
  /** This category or any below it. */
  readonly categoryId?: string;
  /** Minor units, inclusive. */
  readonly minPrice?: number;
  readonly maxPrice?: number;
  readonly inStock?: boolean;
  /** Average stars, inclusive (unrated products are excluded by any minimum). */
  readonly minRating?: number;
}

/** Where a page resumes: the sort keys of the last product of the previous page, as `SearchHit.position` gave them. */
export type SearchPosition = ReadonlyArray<string | number>;

export interface SearchRequest {
  /** Normalised text (trimmed, collapsed spaces); null lists without text (RELEVANCE then reads as NEWEST). */
  readonly query: string | null;
  readonly filter: SearchFilter;
  readonly sort: SearchSort;
  readonly first: number;
  readonly after: SearchPosition | null;
}

export interface SearchHit {
  readonly productId: string;
  /** Opaque to callers: the sort keys after which the next page starts. */
  readonly position: SearchPosition;
}

export interface SearchPage {
  readonly hits: ReadonlyArray<SearchHit>;
  readonly hasNextPage: boolean;
  /**
   * The corrected text when `query` matched nothing and a spelling correction did: the hits are the
   * correction's. Null otherwise.
   */
  readonly correctedQuery: string | null;
}

/** Bounds of a price band in minor units; `max` null for the open top band. */
export interface PriceBandCount {
  readonly min: number;
  readonly max: number | null;
  readonly count: number;
}

export interface SearchSummary {
  readonly totalCount: number;
  /** Matches per product category (the product's own category, so the counts add up to `totalCount`). */
  readonly categories: ReadonlyArray<{ readonly categoryId: string; readonly count: number }>;
  readonly priceBands: ReadonlyArray<PriceBandCount>;
  readonly inStock: number;
  readonly outOfStock: number;
}

export interface Suggestion {
  readonly productId: string;
  readonly name: string;
}

/**
 * Price bands of the facets, in minor units: [0, 25), [25, 50), [50, 100), [100, 250), [250, 500), [500, 1000),
 * [1000, ∞) in major units. Fixed, so a storefront can link a band.
 */
export const PRICE_BAND_BOUNDS: ReadonlyArray<number> = [0, 2_500, 5_000, 10_000, 25_000, 50_000, 100_000];

/**
 * A statement runner: MikroORM's `execute`, of the pool or of a transaction's EntityManager. The catalogue
 * consumer passes its `handleOnce` transaction, so a PostgreSQL index change commits with the inbox row; a
 * backend outside PostgreSQL ignores it and writes on its own before the inbox row commits (a failed write
 * rolls the row back, and the bus delivers the event again).
 */
export interface SqlExecutor {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- MikroORM's execute types its result loosely; callers name the rows
  execute(sql: string, params?: unknown[], method?: 'all' | 'get' | 'run'): Promise<any>;
}

export interface IndexWriteOptions {
  readonly within?: SqlExecutor;
  /** Bootstrap: only where no event set the value yet (an event is newer than any snapshot taken before it). */
  readonly onlyIfUnknown?: boolean;
}

export interface SearchBackend {
  readonly name: string;
  /** Readies the backend once the migrations ran (Elasticsearch: its index and alias on a first start). */
  prepare(): Promise<void>;
  /** False where the backend cannot correct a misspelt query (PostgreSQL without pg_trgm). */
  typoTolerance(): Promise<boolean>;
  /** Adds or replaces products' documents; one older than the indexed one is ignored. */
  upsertProducts(documents: ReadonlyArray<ProductDocument>, options?: Pick<IndexWriteOptions, 'within'>): Promise<void>;
  /** Records stock; a fact older than the one indexed is ignored. */
  recordStock(facts: ReadonlyArray<StockFact>, options?: IndexWriteOptions): Promise<void>;
  recordRating(facts: ReadonlyArray<RatingFact>, options?: IndexWriteOptions): Promise<void>;
  search(request: SearchRequest): Promise<SearchPage>;
  /** The count and facets of what `request` matches (its query as `search` used it: corrected or not). */
  summarize(request: Pick<SearchRequest, 'query' | 'filter'>): Promise<SearchSummary>;
  /** Active products whose name has words starting with the prefix's words, best first. */
  suggest(prefix: string, first: number): Promise<ReadonlyArray<Suggestion>>;
}
