import type { EntityManager } from '@mikro-orm/postgresql';
import { requireAdmin, type Viewer, isUuid } from '@techally/platform';
import type { InventoryLoaders } from '../stock/stock.loaders';
import { Warehouse } from './warehouse.entity';

/** Warehouses are operational data: every read is for admins. */
export class WarehouseService {
  constructor(
    /** The request's EntityManager, forked on first use. */
    private readonly em: () => EntityManager,
    private readonly viewer: Viewer | null,
    private readonly loaders: InventoryLoaders,
  ) {}

  /** Every warehouse, active or not, ordered by code. */
  list(): Promise<Warehouse[]> {
    requireAdmin(this.viewer);
    return this.em().find(Warehouse, {}, { orderBy: { code: 'asc' } });
  }

  /**
   * A warehouse by id for an entity reference. The check is here, not only on the root field: a client can
   * call this subgraph's `_entities` directly.
   */
  async byId(id: string): Promise<Warehouse | null> {
    requireAdmin(this.viewer);
    return isUuid(id) ? this.loaders.warehouseById.load(id) : null;
  }
}
