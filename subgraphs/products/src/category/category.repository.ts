import type { EntityManager } from '@mikro-orm/postgresql';
import { appendToOutbox, type AnyEventEnvelope } from '@techally/events';
import { violatedUniqueConstraint } from '@techally/platform';
import { Category } from './category.entity';
import { CategoryError } from './category.errors';

/**
 * Categories as entities, for writes (createCategory). Reads (the tree, lookups, children, counts) go through
 * CategoryReads as plain records.
 */
export class CategoryRepository {
  constructor(private readonly em: EntityManager) {}

  async slugExists(slug: string): Promise<boolean> {
    return (await this.em.count(Category, { slug })) > 0;
  }

  /** Where a new child of `parentId` (null: a new root) goes: after its last sibling. */
  async nextPosition(parentId: string | null): Promise<number> {
    const last = await this.em.findOne(Category, { parent: parentId }, { orderBy: { position: 'desc', id: 'desc' } });
    return last ? last.position + 1 : 0;
  }

  /** A reference to an existing category, to point a new row's foreign key at (nothing is loaded). */
  reference(id: string): Category {
    return this.em.getReference(Category, id);
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
