import type { EntityManager } from '@mikro-orm/postgresql';
import { appendToOutbox, type AnyEventEnvelope } from '@techally/events';
import { violatedUniqueConstraint } from '@techally/platform';
import { Product } from './product.entity';
import { ProductError } from './product.errors';

/**
 * Products as entities, for writes: what a mutation loads to change, and flushes whose unique violations become
 * SKU_TAKEN / SLUG_TAKEN. Reads (listing, lookups, references) go through ProductReads as plain records.
 */
export class ProductRepository {
  constructor(private readonly em: EntityManager) {}

  /** The entity a mutation edits; any status. */
  findById(id: string): Promise<Product | null> {
    return this.em.findOne(Product, { id });
  }

  async slugExists(slug: string): Promise<boolean> {
    return (await this.em.count(Product, { slug })) > 0;
  }

  /**
   * Writes pending changes (a new product, an edit) and their events to the outbox in one transaction (the
   * flush wraps everything pending in one), translating unique violations into domain errors: a refused
   * change commits neither.
   */
  async flush(product: Product, events: ReadonlyArray<AnyEventEnvelope> = []): Promise<void> {
    appendToOutbox(this.em, events);
    try {
      await this.em.flush();
    } catch (error) {
      const constraint = violatedUniqueConstraint(error);
      if (constraint === 'product_sku_unique') throw ProductError.skuTaken(product.sku);
      if (constraint === 'product_slug_unique') throw ProductError.slugTaken(product.slug);
      throw error;
    }
  }

  persist(product: Product): void {
    this.em.persist(product);
  }
}
