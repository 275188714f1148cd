import type { EntityManager } from '@mikro-orm/postgresql';
import { createEntityLoader, createGroupedLoader } from '@techally/platform';
import type DataLoader from 'dataloader';
import { Warehouse } from '../warehouse/warehouse.entity';
import type { StockLevel } from './stock-level.entity';
import { StockRepository } from './stock.repository';

export interface InventoryLoaders {
  /** Every stock row of a product (with its warehouse), ordered by warehouse code; [] when it has none. */
  readonly stockByProductId: DataLoader<string, StockLevel[]>;
  readonly warehouseById: DataLoader<string, Warehouse | null>;
}

/**
 * Per request (the cache must not outlive the request's EntityManager). A gateway asking for the stock of
 * 100 products sends one `_entities` batch; `inventory` and `inStock` of all of them cost one statement.
 */
export function createInventoryLoaders(em: EntityManager): InventoryLoaders {
  const repository = new StockRepository(em);
  return {
    stockByProductId: createGroupedLoader(
      (productIds: ReadonlyArray<string>) => repository.findByProducts(productIds),
      (level: StockLevel) => level.productId,
    ),
    warehouseById: createEntityLoader(em, Warehouse, 'id'),
  };
}
