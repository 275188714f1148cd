import { createGroupedLoader, createRecordLoader, type RecordLoader } from '@techally/platform';
import DataLoader from 'dataloader';
import type { CategoryReads } from './category.reads';
import type { CategoryRecord } from './category.record';

export interface CategoryLoaders {
  /** Its `peek` answers synchronously the categories a listing's statement already brought. */
  readonly categoryById: RecordLoader<string, CategoryRecord>;
  /** Children of a category, in sibling order. */
  readonly childrenByParentId: DataLoader<string, CategoryRecord[]>;
  /** Active products in a category and all its descendants. */
  readonly productCountByCategoryId: DataLoader<string, number>;
}

/** Per request: every category field of a response costs one statement per level, whatever the list length. */
export function createCategoryLoaders(reads: CategoryReads): CategoryLoaders {
  return {
    categoryById: createRecordLoader((ids) => reads.byIds(ids), (category) => category.id),
    childrenByParentId: createGroupedLoader(
      (parentIds: ReadonlyArray<string>) => reads.children(parentIds),
      (child: CategoryRecord) => child.parentId ?? '',
    ),
    productCountByCategoryId: new DataLoader<string, number>(
      async (ids) => {
        const counts = await reads.countActiveProducts(ids);
        return ids.map((id) => counts.get(id) ?? 0);
      },
      { maxBatchSize: 500 },
    ),
  };
}
