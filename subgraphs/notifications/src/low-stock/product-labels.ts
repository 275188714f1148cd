import type { EntityManager } from '@mikro-orm/postgresql';
import { TABLES } from '../database';

/**
 * The SKU of each product as the products events named it (`notifications.product_label`), so an alert says
 * "TA-CBL-001" rather than an id. The newest event wins; a product never named is called by its id.
 */
export class ProductLabels {
  constructor(private readonly em: EntityManager) {}

  async learn(productId: string, sku: string, occurredAt: Date): Promise<void> {
    await this.em.execute(
      `insert into ${TABLES.productLabel} ("product_id", "sku", "as_of") values (?, ?, ?)
       on conflict ("product_id") do update set "sku" = excluded."sku", "as_of" = excluded."as_of"
       where ${TABLES.productLabel}."as_of" < excluded."as_of"`,
      [productId, sku, occurredAt],
      'run',
    );
  }

  /** The SKU, or the product's id when no event named it yet. */
  async labelOf(productId: string): Promise<string> {
    const [row] = await this.em.execute<Array<{ sku: string }>>(`select "sku" from ${TABLES.productLabel} where "product_id" = ?`, [productId]);
    return row?.sku ?? productId;
  }
}
