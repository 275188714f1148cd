import type { EntityManager } from '@mikro-orm/postgresql';
import { createEntityLoader } from '@techally/platform';
import type DataLoader from 'dataloader';
import { Product } from './product.entity';

export interface ProductLoaders {
  /** Any status: references from orders must still resolve after a product is archived. */
  readonly productById: DataLoader<string, Product | null>;
  readonly productBySku: DataLoader<string, Product | null>;
}

/** Per request (the cache must not outlive the request's EntityManager). */
export function createProductLoaders(em: EntityManager): ProductLoaders {
  return {
    productById: createEntityLoader(em, Product, 'id'),
    productBySku: createEntityLoader(em, Product, 'sku'),
  };
}
