import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Category } from '../category/category.entity';
import { ProductStatus } from './product-status';

/**
 * A product as stored. Persistence only: no GraphQL here, the public shape is `ProductType`.
 *
 * The three composite indexes serve the listing's keyset pagination: each sort orders by one column then
 * `id` (the tie-breaker in every cursor), always restricted to one status.
 */
@Entity({ tableName: 'product' })
@Index({ name: 'product_listing_newest_index', properties: ['status', 'createdAt', 'id'] })
@Index({ name: 'product_listing_price_index', properties: ['status', 'priceAmount', 'id'] })
@Index({ name: 'product_listing_name_index', properties: ['status', 'name', 'id'] })
@Check({ name: 'product_price_amount_check', expression: 'price_amount >= 0' })
@Check({ name: 'product_weight_grams_check', expression: 'weight_grams >= 0' })
export class Product {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 32, unique: 'product_sku_unique' })
  sku!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 240, unique: 'product_slug_unique' })
  slug!: string;

  @Property({ type: 'text' })
  description!: string;

  /** Minor units (cents): integers, so no amount is ever rounded. */
  @Property({ type: 'integer', fieldName: 'price_amount' })
  priceAmount!: number;

  /** ISO 4217. */
  @Property({ type: 'character', length: 3 })
  currency!: string;

  @Property({ type: 'integer', fieldName: 'weight_grams' })
  weightGrams!: number;

  @ManyToOne(() => Category, { ref: true, deleteRule: 'restrict', index: 'product_category_id_index' })
  category!: Ref<Category>;

  @Enum({ items: () => ProductStatus, default: ProductStatus.ACTIVE })
  status: ProductStatus = ProductStatus.ACTIVE;

  // Millisecond precision: cursors carry these as JS dates, which cannot hold Postgres's microseconds.
  @Property({ type: 'datetime', length: 3 })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', length: 3, onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
