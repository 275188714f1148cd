import { TABLES } from '../../database';
import { indexedFields, type ProductDocument, type RatingFact, type StockFact } from '../search-backend';
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
      ...indexedFields(document),
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

  recordStock(facts: ReadonlyArray<StockFact>, onlyIfUnknown: boolean): Promise<void> {
    return this.recordTimedFacts(
      STOCK,
      facts.map((fact) => ({ id: fact.productId, in_stock: fact.inStock, available: fact.available, at: fact.at.toISOString() })),
      onlyIfUnknown,
    );
  }

  recordRating(facts: ReadonlyArray<RatingFact>, onlyIfUnknown: boolean): Promise<void> {
    return this.recordTimedFacts(
      RATING,
      facts.map((fact) => ({ id: fact.productId, rating_average: fact.average, rating_count: fact.count, at: fact.at.toISOString() })),
      onlyIfUnknown,
    );
  }

  /**
   * Upserts one group of a product's columns with the time of the fact they come from: a row that does not
   * exist yet is created (the document may come later), an older fact changes nothing. `onlyIfUnknown` (the
   * bootstrap's snapshots) writes only where no event did, and leaves the time unset for any event to win.
   */
  private async recordTimedFacts(group: TimedColumns, rows: ReadonlyArray<Record<string, unknown>>, onlyIfUnknown: boolean): Promise<void> {
    if (rows.length === 0) return;
    const names = Object.keys(group.columns);
    const stamp = group.timeColumn;
    await this.sql.execute(
      `insert into ${TABLES.product} as p (id, ${names.join(', ')}, ${stamp})
       select id, ${names.join(', ')}, ${onlyIfUnknown ? 'null' : 'at'}
       from jsonb_to_recordset(?::jsonb) as d(id uuid, ${names.map((name) => `${name} ${group.columns[name]}`).join(', ')}, at timestamptz)
       on conflict (id) do update set ${[...names, stamp].map((name) => `${name} = excluded.${name}`).join(', ')}
       where p.${stamp} is null${onlyIfUnknown ? '' : ` or excluded.${stamp} >= p.${stamp}`}`,
      [JSON.stringify(rows)],
      'run',
    );
  }
}

interface TimedColumns {
  /** Column name → SQL type, as the rows name them. */
  readonly columns: Readonly<Record<string, string>>;
  readonly timeColumn: string;
}

const STOCK: TimedColumns = { columns: { in_stock: 'boolean', available: 'integer' }, timeColumn: 'stock_at' };
const RATING: TimedColumns = { columns: { rating_average: 'numeric', rating_count: 'integer' }, timeColumn: 'rating_at' };
