import type { EntityManager } from '@mikro-orm/postgresql';
import { createEntityLoader, createGroupedLoader } from '@techally/platform';
import DataLoader from 'dataloader';
import { Category } from './category.entity';
import { CategoryRepository } from './category.repository';

export interface CategoryLoaders {
  readonly categoryById: DataLoader<string, Category | null>;
  /** Children of a category, in sibling order. */
  readonly childrenByParentId: DataLoader<string, Category[]>;
  /** Active products in a category and all its descendants. */
  readonly productCountByCategoryId: DataLoader<string, number>;
}

/** Per request: every category field of a response costs one statement per level, whatever the list length. */
export function createCategoryLoaders(em: EntityManager): CategoryLoaders {
  const repository = new CategoryRepository(em);
  return {
    categoryById: createEntityLoader(em, Category, 'id'),
    childrenByParentId: createGroupedLoader(
      (parentIds: ReadonlyArray<string>) => repository.findChildren(parentIds),
      (child: Category) => child.parent?.id ?? '',
    ),
    productCountByCategoryId: new DataLoader<string, number>(
      async (ids) => {
        const counts = await repository.countActiveProducts(ids);
        return ids.map((id) => counts.get(id) ?? 0);
      },
      { maxBatchSize: 500 },
    ),
  };
}
