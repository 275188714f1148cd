import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';

/**
 * A node of the catalog's category tree. Persistence only: the public shape is `CategoryType`.
 * Siblings are ordered by `position` (then name), which is how a shop's navigation is curated.
 */
@Entity({ tableName: 'category' })
export class Category {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 100 })
  name!: string;

  /** URL-safe and unique across the catalog, so `/c/<slug>` needs no parent path. */
  @Property({ type: 'string', length: 120, unique: 'category_slug_unique' })
  slug!: string;

  /** Null for a root. Indexed: children are always looked up by parent. */
  @ManyToOne(() => Category, { ref: true, nullable: true, deleteRule: 'restrict', index: 'category_parent_id_index' })
  parent!: Ref<Category> | null;

  @Property({ type: 'integer', default: 0 })
  position: number = 0;
}
