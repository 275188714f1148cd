/** How many units of a product an order wants, its duplicate lines summed. */
export interface RequestedProduct {
  readonly productId: string;
  readonly quantity: number;
}

/** Units one warehouse can give: its on-hand stock minus what is already reserved there. */
export interface WarehouseSupply {
  readonly productId: string;
  readonly warehouseId: string;
  readonly available: number;
}

/** Units of a product to hold in one warehouse: a line of the reservation. */
export interface Allocation {
  readonly productId: string;
  readonly warehouseId: string;
  readonly quantity: number;
}

export type AllocationResult =
  | { readonly ok: true; readonly allocations: readonly Allocation[] }
  /** Every product the warehouses together cannot cover, ordered by id; nothing is allocated at all. */
  | { readonly ok: false; readonly shortProductIds: readonly string[] };

/**
 * An order's lines as one quantity per product (an order may list a product twice), ordered by product id.
 * Ids are lower-cased, as Postgres prints UUIDs.
 */
export function sumRequested(items: ReadonlyArray<{ readonly productId: string; readonly quantity: number }>): RequestedProduct[] {
  const totals = new Map<string, number>();
  for (const { productId, quantity } of items) {
    const id = productId.toLowerCase();
    totals.set(id, (totals.get(id) ?? 0) + quantity);
  }
  return [...totals].map(([productId, quantity]) => ({ productId, quantity })).sort((a, b) => compare(a.productId, b.productId));
}

/**
 * Decides where each product's units come from — all of them or none (issue #4). The rule, per product: take
 * from the warehouse with the most available (ties: the lowest warehouse id, so the answer is deterministic);
 * if it cannot cover the quantity alone, take all it has and go on to the next most available, and so on. So an
 * order ships from one warehouse whenever one can cover it, and otherwise from as few as possible.
 *
 * A product without supply (no stock rows, or only in inactive warehouses) is short like any other.
 */
export function allocate(requested: ReadonlyArray<RequestedProduct>, supply: ReadonlyArray<WarehouseSupply>): AllocationResult {
  const allocations: Allocation[] = [];
  const short: string[] = [];
  for (const { productId, quantity } of requested) {
    const sources = supply
      .filter((row) => row.productId === productId && row.available > 0)
      .sort((a, b) => b.available - a.available || compare(a.warehouseId, b.warehouseId));
    let remaining = quantity;
    const taken: Allocation[] = [];
    for (const source of sources) {
      if (remaining === 0) break;
      const units = Math.min(source.available, remaining);
      taken.push({ productId, warehouseId: source.warehouseId, quantity: units });
      remaining -= units;
    }
    if (remaining > 0) short.push(productId);
    else allocations.push(...taken);
  }
  if (short.length > 0) return { ok: false, shortProductIds: short.sort(compare) };
  return { ok: true, allocations: allocations.sort((a, b) => compare(a.productId, b.productId) || compare(a.warehouseId, b.warehouseId)) };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
