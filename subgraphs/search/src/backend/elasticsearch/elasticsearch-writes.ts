import type { Client } from '@elastic/elasticsearch';
import { indexedFields, type ProductDocument, type RatingFact, type StockFact } from '../search-backend';

/**
 * Painless: replaces the document's fields unless the indexed document is newer (`source_updated_at`), keeping
 * what stock and rating events wrote. A missing document is created (scripted upsert).
 */
const DOCUMENT_SCRIPT = `
if (ctx._source.source_updated_at != null && ctx._source.source_updated_at > params.updated_at) { ctx.op = 'noop'; return; }
for (entry in params.fields.entrySet()) { ctx._source[entry.getKey()] = entry.getValue(); }
ctx._source.id = params.id;
ctx._source.source_updated_at = params.updated_at;
ctx._source.indexed_at = params.now;`;

/**
 * Painless: writes one group of timed facts (stock, or rating) unless a newer one is indexed; a bootstrap
 * snapshot (`only_if_unknown`) writes only where no event did, and leaves the time unset for any event to win.
 */
const TIMED_FACTS_SCRIPT = `
def known = ctx._source[params.time_field];
if (params.only_if_unknown ? known != null : (known != null && known > params.at)) { ctx.op = 'noop'; return; }
for (entry in params.fields.entrySet()) { ctx._source[entry.getKey()] = entry.getValue(); }
ctx._source.id = params.id;
ctx._source[params.time_field] = params.only_if_unknown ? null : params.at;
ctx._source.indexed_at = params.now;`;

export interface ElasticsearchWriteOptions {
  /** `true` in tests (searchable at once); otherwise the index's refresh interval (500 ms) makes changes visible. */
  readonly refresh?: boolean;
}

/** Every write is ONE bulk request of scripted upserts, whatever the number of products. */
export class ElasticsearchWrites {
  constructor(
    private readonly client: Client,
    private readonly alias: string,
    private readonly options: ElasticsearchWriteOptions = {},
  ) {}

  upsertProducts(documents: ReadonlyArray<ProductDocument>): Promise<void> {
    return this.bulk(
      documents.map((document) => ({
        id: document.id,
        source: DOCUMENT_SCRIPT,
        params: {
          updated_at: document.updatedAt.getTime(),
          fields: { ...indexedFields(document), created_at: document.createdAt.getTime() },
        },
      })),
    );
  }

  recordStock(facts: ReadonlyArray<StockFact>, onlyIfUnknown: boolean): Promise<void> {
    return this.bulk(
      facts.map((fact) => ({
        id: fact.productId,
        source: TIMED_FACTS_SCRIPT,
        params: { time_field: 'stock_at', at: fact.at.getTime(), only_if_unknown: onlyIfUnknown, fields: { in_stock: fact.inStock, available: fact.available } },
      })),
    );
  }

  recordRating(facts: ReadonlyArray<RatingFact>, onlyIfUnknown: boolean): Promise<void> {
    return this.bulk(
      facts.map((fact) => ({
        id: fact.productId,
        source: TIMED_FACTS_SCRIPT,
        params: {
          time_field: 'rating_at',
          at: fact.at.getTime(),
          only_if_unknown: onlyIfUnknown,
          fields: { rating_average: fact.average, rating_count: fact.count },
        },
      })),
    );
  }

  private async bulk(updates: ReadonlyArray<{ id: string; source: string; params: Record<string, unknown> }>): Promise<void> {
    if (updates.length === 0) return;
    const now = Date.now();
    const operations = updates.flatMap(({ id, source, params }) => [
      { update: { _index: this.alias, _id: id, retry_on_conflict: 3 } },
      { scripted_upsert: true, upsert: {}, script: { lang: 'painless', source, params: { ...params, id, now } } },
    ]);
    const response = await this.client.bulk({ operations, refresh: this.options.refresh ?? false });
    if (response.errors) {
      const failed = response.items.find((item) => item.update?.error)?.update;
      throw new Error(`Elasticsearch refused an index write (${failed?.error?.type ?? 'unknown'}: ${failed?.error?.reason ?? ''})`);
    }
  }
}
