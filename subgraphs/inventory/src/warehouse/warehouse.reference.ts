import type { InventoryContext } from '../context';
import type { Warehouse } from './warehouse.entity';

/** `Warehouse @key(fields: "id")`: admins only (UNAUTHENTICATED / FORBIDDEN otherwise), through the loader. */
export function resolveWarehouseReference(
  representation: Record<string, unknown>,
  { warehouses }: InventoryContext,
): Promise<Warehouse | null> {
  const id = representation['id'];
  return typeof id === 'string' ? warehouses.byId(id) : Promise.resolve(null);
}
