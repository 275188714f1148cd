import type { EntityManager } from '@mikro-orm/postgresql';
import { isAdmin, requireAdmin, type ForwardedRequest, type Viewer, isUuid } from '@techally/platform';
import { ProductInventory } from '../product/product-inventory.type';
import type { ProductCatalog } from '../product/product-catalog';
import type { StockAdjustmentReason } from './stock-adjustment-reason';
import { validateDelta, validateNote } from './stock-adjustment.validation';
import { StockError } from './stock.errors';
import type { InventoryLoaders } from './stock.loaders';
import { StockRepository } from './stock.repository';
import { WarehouseStock } from './warehouse-stock.type';

export interface StockAdjustmentRequest {
  readonly productId: string;
  readonly warehouseId: string;
  readonly delta: number;
  readonly reason: StockAdjustmentReason;
  readonly note?: string | null;
}

export interface StockServiceDependencies {
  /** The request's EntityManager, forked on first use (an adjustment). */
  readonly em: () => EntityManager;
  readonly viewer: Viewer | null;
  readonly loaders: InventoryLoaders;
  readonly catalog: ProductCatalog;
  /** The caller's credentials and request id, passed on to the products subgraph. */
  readonly forwarded: ForwardedRequest;
}

/** The stock use cases of one request. Summaries are public; adjustments are for admins. */
export class StockService {
  constructor(private readonly deps: StockServiceDependencies) {}

  /**
   * A product's stock over every warehouse, through the request's loaders; no rows is zero stock, not an error.
   * Anyone but an administrator can only read the figures, which Postgres sums (one grouped statement for the
   * whole batch, nothing hydrated: the storefront's hot path). An administrator may also ask for the
   * per-warehouse breakdown, so their request loads the rows and sums them here — one statement as well.
   * Ids are lower-cased as Postgres prints uuids, so the rows of `ABC…` are found as those of `abc…`.
   */
  async inventoryOf(productId: string): Promise<ProductInventory> {
    const id = productId.toLowerCase();
    if (isAdmin(this.deps.viewer)) return new ProductInventory(await this.deps.loaders.stockByProductId.load(id));
    return ProductInventory.of(await this.deps.loaders.stockSummaryByProductId.load(id));
  }

  /**
   * Adds or removes units of a product in a warehouse and records who did it and why. Everything that can be
   * refused is checked first: the input, the warehouse (here), then the product (the products subgraph, asked
   * before the transaction opens). The change itself is one conditional statement (StockRepository.apply).
   */
  async adjust(request: StockAdjustmentRequest): Promise<WarehouseStock> {
    const admin = requireAdmin(this.deps.viewer);
    const delta = validateDelta(request.delta);
    const note = validateNote(request.note);
    const warehouse = isUuid(request.warehouseId) ? await this.deps.loaders.warehouseById.load(request.warehouseId) : null;
    if (!warehouse) throw StockError.unknownWarehouse(request.warehouseId);
    const product = isUuid(request.productId) ? await this.deps.catalog.find(request.productId, this.deps.forwarded) : null;
    if (!product) throw StockError.unknownProduct(request.productId);

    const figures = await new StockRepository(this.deps.em()).apply({
      productId: product.id,
      warehouse,
      delta,
      reason: request.reason,
      note,
      actorId: admin.userId,
      metadata: this.deps.forwarded.requestId ? { requestId: this.deps.forwarded.requestId } : {},
    });
    // The loader may hold this product's rows from earlier in the request; they are stale now.
    this.deps.loaders.stockByProductId.clear(product.id.toLowerCase());
    this.deps.loaders.stockSummaryByProductId.clear(product.id.toLowerCase());
    return WarehouseStock.of(figures);
  }
}
