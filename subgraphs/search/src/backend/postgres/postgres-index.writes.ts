import { TABLES } from '../../database';
import type { ProductDocument, RatingFact, StockFact } from '../search-backend';
import type { SqlExecutor } from './sql-executor';

/**
 * The read model's writes, each ONE statement whatever the number of products (the rows travel as one jsonb
 * parameter). Every write is a snapshot guarded by its time, so a redelivered or late event changes nothing:
 * a document by the products subgraph's `updatedAt`, stock and rating by their event's `occurredAt`.
 */
export class PostgresIndexWrites {
  constructor(private readonly sql: SqlExecutor) {}

  /** Adds or replaces documents, and adds their names' and categories' words to the vocabulary. */
  async upsertProducts(documents: ReadonlyArray<ProductDocument>): Promise<void> {
    if (documents.length === 0) return;
    const rows = documents.map((document) => ({
      id: document.id,
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
      created_at: document.createdAt.toISOString(),
      updated_at: document.updatedAt.toISOString(),
    }));
    await this.sql.execute(
      `with incoming as (
         select * from jsonb_to_recordset(?::jsonb) as d(id uuid, sku text, name text, slug text, description text,
           status text, price_amount integer, currency text, category_id uuid, category_path uuid[],
           category_names text, created_at timestamptz, updated_at timestamptz)
       ), written as (
         insert into ${TABLES.product} as p (id, sku, name, slug, description, status, price_amount, currency,
           category_id, category_path, category_names, created_at, source_updated_at)
         select id, sku, name, slug, description, status, price_amount, currency, category_id, category_path,
           category_names, created_at, updated_at
         from incoming
         on conflict (id) do update set sku = excluded.sku, name = excluded.name, slug = excluded.slug,
           description = excluded.description, status = excluded.status, price_amount = excluded.price_amount,
           currency = excluded.currency, category_id = excluded.category_id, category_path = excluded.category_path,
           category_names = excluded.category_names, created_at = excluded.created_at,
           source_updated_at = excluded.source_updated_at
         where p.source_updated_at is null or excluded.source_updated_at >= p.source_updated_at
         returning p.name, p.category_names
       )
       insert into ${TABLES.vocabulary} (word)
       select distinct word
       from written, regexp_split_to_table(lower(written.name || ' ' || written.category_names), '[^[:alnum:]]+') as word
       where length(word) between 3 and 40 and word !~ '^[0-9]+$'
       on conflict do nothing`,
      [JSON.stringify(rows)],
      'run',
    );
  }

  async recordStock(facts: ReadonlyArray<StockFact>, onlyIfUnknown: boolean): Promise<void> {
    if (facts.length === 0) return;
    const rows = facts.map((fact) => ({ id: fact.productId, in_stock: fact.inStock, available: fact.available, at: fact.at.toISOString() }));
    await this.sql.execute(
      `insert into ${TABLES.product} as p (id, in_stock, available, stock_at)
       select id, in_stock, available, ${onlyIfUnknown ? 'null' : 'at'}
       from jsonb_to_recordset(?::jsonb) as d(id uuid, in_stock boolean, available integer, at timestamptz)
       on conflict (id) do update set in_stock = excluded.in_stock, available = excluded.available, stock_at = excluded.stock_at
       where ${onlyIfUnknown ? 'p.stock_at is null' : 'p.stock_at is null or excluded.stock_at >= p.stock_at'}`,
      [JSON.stringify(rows)],
      'run',
    );
  }

  async recordRating(facts: ReadonlyArray<RatingFact>, onlyIfUnknown: boolean): Promise<void> {
    if (facts.length === 0) return;
    const rows = facts.map((fact) => ({ id: fact.productId, average: fact.average, count: fact.count, at: fact.at.toISOString() }));
    await this.sql.execute(
      `insert into ${TABLES.product} as p (id, rating_average, rating_count, rating_at)
       select id, average, count, ${onlyIfUnknown ? 'null' : 'at'}
       from jsonb_to_recordset(?::jsonb) as d(id uuid, average numeric, count integer, at timestamptz)
       on conflict (id) do update set rating_average = excluded.rating_average, rating_count = excluded.rating_count,
         rating_at = excluded.rating_at
       where ${onlyIfUnknown ? 'p.rating_at is null' : 'p.rating_at is null or excluded.rating_at >= p.rating_at'}`,
      [JSON.stringify(rows)],
      'run',
    );
  }
}
