import type { EntityManager } from '@mikro-orm/postgresql';
import { createEntityLoader, createGroupedLoader } from '@techally/platform';
import DataLoader from 'dataloader';
import type { StockSummary } from '../product/product-inventory.type';
import { Warehouse } from '../warehouse/warehouse.entity';
import { readStockFigures } from './product-availability';
import type { StockLevel } from './stock-level.entity';
import { StockRepository } from './stock.repository';

export interface InventoryLoaders {
  /**
   * The public figures of a product (lower-case id), summed by Postgres: the storefront's path, which hydrates
   * no entity. Every product has figures (zero without stock rows).
   */
  readonly stockSummaryByProductId: DataLoader<string, StockSummary>;
  /** Every stock row of a product (lower-case id, with its warehouse), ordered by warehouse code; [] when it has none. */
  readonly stockByProductId: DataLoader<string, StockLevel[]>;
  readonly warehouseById: DataLoader<string, Warehouse | null>;
}

const NO_STOCK: StockSummary = Object.freeze({ available: 0, reserved: 0 });

export interface InventoryLoaderSources {
  /** The request's EntityManager, forked on first use (the loaders of entities). */
  readonly em: () => EntityManager;
  /** Plain SQL only, no identity map: the ORM's own EntityManager, whose `execute` runs on its pool. */
  readonly connection: EntityManager;
}

/**
 * Per request (the cache must not outlive the request's EntityManager). A gateway asking for the stock of
 * 100 products sends one `_entities` batch; `inventory` and `inStock` of all of them cost one statement.
 */
export function createInventoryLoaders({ em, connection }: InventoryLoaderSources): InventoryLoaders {
  let warehouseById: DataLoader<string, Warehouse | null> | undefined;
  return {
    stockSummaryByProductId: new DataLoader<string, StockSummary>(
      async (productIds) => {
        const figures = new Map((await readStockFigures(connection, productIds)).map((row) => [row.productId, row]));
        return productIds.map((id) => figures.get(id) ?? NO_STOCK);
      },
      { maxBatchSize: 500 },
    ),
    stockByProductId: createGroupedLoader(
      (productIds: ReadonlyArray<string>) => new StockRepository(em()).findByProducts(productIds),
      (level: StockLevel) => level.productId,
    ),
    // Built on first use, so the storefront's requests never fork an EntityManager for it.
    get warehouseById() {
      return (warehouseById ??= createEntityLoader(em(), Warehouse, 'id'));
    },
  };
}
