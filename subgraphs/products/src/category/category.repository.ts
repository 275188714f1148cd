import type { EntityManager } from '@mikro-orm/postgresql';
import { appendToOutbox, type AnyEventEnvelope } from '@techally/events';
import { violatedUniqueConstraint } from '@techally/platform';
import { TABLES } from '../database';
import { ProductStatus } from '../product/product-status';
import { Category } from './category.entity';
import { CategoryError } from './category.errors';

/** Sibling order: curated position, then name, then id so the order is total. */
export const SIBLING_ORDER = { position: 'asc', name: 'asc', id: 'asc' } as const;

/** Active products under each category (itself and its descendants), for every asked id in one statement. */
const ACTIVE_PRODUCTS_PER_TREE = `with recursive tree (root_id, id) as (
    select id, id from ${TABLES.category} where id in (?)
    union all
    select tree.root_id, child.id from ${TABLES.category} child join tree on child.parent_id = tree.id
  )
  select tree.root_id as category_id, count(product.id)::int as product_count
  from tree left join ${TABLES.product} product on product.category_id = tree.id and product.status = ?
  group by tree.root_id`;

/** Categories in Postgres. Lookups by id and children go through the request's DataLoaders. */
export class CategoryRepository {
  constructor(private readonly em: EntityManager) {}

  findAll(): Promise<Category[]> {
    return this.em.find(Category, {}, { orderBy: SIBLING_ORDER });
  }

  findBySlug(slug: string): Promise<Category | null> {
    return this.em.findOne(Category, { slug });
  }

  async slugExists(slug: string): Promise<boolean> {
    return (await this.em.count(Category, { slug })) > 0;
  }

  /** The children of each parent, in sibling order, in one statement. */
  findChildren(parentIds: ReadonlyArray<string>): Promise<Category[]> {
    return this.em.find(Category, { parent: { $in: [...parentIds] } }, { orderBy: SIBLING_ORDER });
  }

  /** Where a new child of `parentId` (null: a new root) goes: after its last sibling. */
  async nextPosition(parentId: string | null): Promise<number> {
    const last = await this.em.findOne(Category, { parent: parentId }, { orderBy: { position: 'desc', id: 'desc' } });
    return last ? last.position + 1 : 0;
  }

  async countActiveProducts(categoryIds: ReadonlyArray<string>): Promise<Map<string, number>> {
    const rows = await this.em
      .getConnection()
      .execute<Array<{ category_id: string; product_count: number }>>(ACTIVE_PRODUCTS_PER_TREE, [
        [...categoryIds],
        ProductStatus.ACTIVE,
      ]);
    return new Map(rows.map((row) => [row.category_id, row.product_count]));
  }

  /**
   * Inserts a new category and its events in one transaction, translating a unique slug violation into
   * SLUG_TAKEN (then neither is written).
   */
  async insert(category: Category, events: ReadonlyArray<AnyEventEnvelope> = []): Promise<void> {
    appendToOutbox(this.em, events);
    try {
      await this.em.persistAndFlush(category);
    } catch (error) {
      if (violatedUniqueConstraint(error) === 'category_slug_unique') throw CategoryError.slugTaken(category.slug);
      throw error;
    }
  }
}
