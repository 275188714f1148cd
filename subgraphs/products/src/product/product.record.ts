import type { Product } from './product.entity';
import type { ProductStatus } from './product-status';

/**
 * A product as the read paths serve it (listings, lookups, references): a plain object mapped once from its
 * row, with no identity map, no change tracking and no references to hydrate. Reads are most of this
 * subgraph's traffic and write nothing, so they skip MikroORM's entity machinery, which cost about a third of
 * a listing's CPU (bench/README.md, "Where the time goes (products subgraph)"). Writes still load and flush
 * `Product` entities; what they return is turned into this shape with {@link productRecordOf}.
 */
export interface ProductRecord {
  readonly id: string;
  readonly sku: string;
  readonly name: string;
  readonly slug: string;
  readonly description: string;
  /** Minor units (cents). */
  readonly priceAmount: number;
  /** ISO 4217. */
  readonly currency: string;
  readonly weightGrams: number;
  readonly categoryId: string;
  readonly status: ProductStatus;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** A row of `products.product` as the pg driver returns it (MikroORM's pool keeps timestamps as text). */
export interface ProductRow {
  readonly id: string;
  readonly sku: string;
  readonly name: string;
  readonly slug: string;
  readonly description: string;
  readonly price_amount: number;
  readonly currency: string;
  readonly weight_grams: number;
  readonly category_id: string;
  readonly status: string;
  readonly created_at: string | Date;
  readonly updated_at: string | Date;
}

/** The select list that yields a {@link ProductRow}, for a table aliased `p`. */
export const PRODUCT_COLUMNS =
  'p.id, p.sku, p.name, p.slug, p.description, p.price_amount, p.currency, p.weight_grams, p.category_id, p.status, p.created_at, p.updated_at';

export function productRecordFromRow(row: ProductRow): ProductRecord {
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    slug: row.slug,
    description: row.description,
    priceAmount: row.price_amount,
    currency: row.currency,
    weightGrams: row.weight_grams,
    categoryId: row.category_id,
    // The column's check constraint admits exactly the enum's values.
    status: row.status as ProductStatus,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

/** The record of an entity a write just loaded or flushed. */
export function productRecordOf(product: Product): ProductRecord {
  return {
    id: product.id,
    sku: product.sku,
    name: product.name,
    slug: product.slug,
    description: product.description,
    priceAmount: product.priceAmount,
    currency: product.currency,
    weightGrams: product.weightGrams,
    categoryId: product.category.id,
    status: product.status,
    createdAt: product.createdAt,
    updatedAt: product.updatedAt,
  };
}

/** `timestamptz` text always carries its offset ("2026-11-26 05:49:12.345+00"), which `Date` parses exactly. */
function toDate(value: string | Date): Date {
  return value instanceof Date ? value : new Date(value);
}
