import { createRecordLoader } from '@techally/platform';
import type DataLoader from 'dataloader';
import type { ProductReads } from './product.reads';
import type { ProductRecord } from './product.record';

export interface ProductLoaders {
  /** Any status: references from orders must still resolve after a product is archived. */
  readonly productById: DataLoader<string, ProductRecord | null>;
  readonly productBySku: DataLoader<string, ProductRecord | null>;
}

/** Per request: a record cached here must not be served to a later request, which may follow a write. */
export function createProductLoaders(reads: ProductReads): ProductLoaders {
  return {
    productById: createRecordLoader((ids) => reads.byIds(ids), (product) => product.id),
    productBySku: createRecordLoader((skus) => reads.bySkus(skus), (product) => product.sku),
  };
}
