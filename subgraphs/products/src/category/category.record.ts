import type { Category } from './category.entity';

/**
 * A category as the read paths serve it: a plain object mapped once from its row (see product.record.ts for
 * why reads skip the entity machinery). Writes still use `Category` entities and answer
 * {@link categoryRecordOf} of what they flushed.
 */
export interface CategoryRecord {
  readonly id: string;
  readonly name: string;
  readonly slug: string;
  /** Null for a root. */
  readonly parentId: string | null;
  readonly position: number;
}

export interface CategoryRow {
  readonly id: string;
  readonly name: string;
  readonly slug: string;
  readonly parent_id: string | null;
  readonly position: number;
}

/** The select list that yields a {@link CategoryRow}, for a table aliased `c`. */
export const CATEGORY_COLUMNS = 'c.id, c.name, c.slug, c.parent_id, c.position';

export function categoryRecordFromRow(row: CategoryRow): CategoryRecord {
  return { id: row.id, name: row.name, slug: row.slug, parentId: row.parent_id, position: row.position };
}

export function categoryRecordOf(category: Category): CategoryRecord {
  return {
    id: category.id,
    name: category.name,
    slug: category.slug,
    parentId: category.parent?.id ?? null,
    position: category.position,
  };
}
