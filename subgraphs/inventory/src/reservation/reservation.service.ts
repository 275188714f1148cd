import type { EntityManager } from '@mikro-orm/postgresql';
import type { OrderPlacedV1 } from '@techally/events';
import { lockProductStock, readAvailability, type ProductAvailability } from '../stock/product-availability';
import type { WarehouseStockSnapshot } from '../stock/warehouse-stock-changed.event';
import { allocate, sumRequested, type Allocation } from './allocation';
import { ReservationRepository } from './reservation.repository';
import { ReservationStatus } from './reservation-status';

export type ReserveOutcome =
  /**
   * Every line is held until `expiresAt`; `availability`: each product's figures after the hold; `stockRows`: each
   * changed stock row after it.
   */
  | {
      readonly kind: 'reserved';
      readonly expiresAt: Date;
      readonly lines: readonly Allocation[];
      readonly availability: readonly ProductAvailability[];
      readonly stockRows: readonly WarehouseStockSnapshot[];
    }
  /** Nothing was held: these products (ordered by id) cannot be covered. */
  | { readonly kind: 'out-of-stock'; readonly productIds: readonly string[] }
  /** The order already has a reservation, or its tombstone (cancelled first): nothing was done. */
  | { readonly kind: 'already-handled'; readonly status: ReservationStatus };

export type CommitOutcome =
  | { readonly kind: 'committed'; readonly lines: readonly Allocation[]; readonly stockRows: readonly WarehouseStockSnapshot[] }
  /** Not ACTIVE (already committed, released, or no reservation at all: null): nothing was done. */
  | { readonly kind: 'unchanged'; readonly status: ReservationStatus | null };

export type ReleaseOutcome =
  | {
      readonly kind: 'released';
      readonly lines: readonly Allocation[];
      readonly availability: readonly ProductAvailability[];
      readonly stockRows: readonly WarehouseStockSnapshot[];
    }
  /** No reservation yet: a RELEASED tombstone now stops a late order-placed from reserving. */
  | { readonly kind: 'tombstoned' }
  /** Already released, or committed (a paid order is not un-shipped here): nothing was done. */
  | { readonly kind: 'unchanged'; readonly status: ReservationStatus };

export interface ReservationServiceOptions {
  /** How long a reservation holds stock (RESERVATION_TTL_SECONDS). */
  readonly ttlSeconds: number;
  readonly now?: () => Date;
}

/**
 * The stock side of the checkout saga (issue #4, saga contract steps 2 and 3). Each use case runs in the
 * caller's transaction (the consumer's `handleOnce`, so the inbox row, the change and the events it writes
 * commit together) and is idempotent by the reservation's status, inbox or not:
 *
 * - **reserve**: all lines or none. The reservation row is claimed first (the serialization point with a
 *   concurrent cancellation of the same order), then every stock row of the order's products is locked in the
 *   fixed order (product id, warehouse id), the allocation is decided on the locked figures, and the
 *   conditional UPDATEs hold the units. The guards cannot fail under those locks; if one did, the transaction
 *   aborts (and the event is redelivered) rather than hold part of an order.
 * - **commit** (paid): the units leave: `on_hand -= q`, `reserved -= q`. Availability does not change (each
 *   changed row does: the caller announces it per warehouse). Expiry is
 *   not checked here: orders owns the deadline, and an order it marked PAID is committed.
 * - **release** (cancelled): `reserved -= q`; no reservation yet → tombstone.
 *
 * Lock order everywhere: the order's reservation row, then stock rows by (product id, warehouse id); an admin
 * adjustment takes only the second kind, in the same order. No cycle, no deadlock.
 */
export class ReservationService {
  private readonly ttlMs: number;
  private readonly now: () => Date;

  constructor(options: ReservationServiceOptions) {
    this.ttlMs = options.ttlSeconds * 1000;
    this.now = options.now ?? (() => new Date());
  }

  async reserve(tx: EntityManager, order: Pick<OrderPlacedV1, 'orderId' | 'items'>): Promise<ReserveOutcome> {
    const repository = new ReservationRepository(tx);
    const expiresAt = new Date(this.now().getTime() + this.ttlMs);
    if (!(await repository.claim(order.orderId, expiresAt))) {
      return { kind: 'already-handled', status: await existingStatus(repository, order.orderId) };
    }
    const requested = sumRequested(order.items);
    const productIds = requested.map((line) => line.productId);
    const levels = await lockProductStock(tx, productIds);
    const supply = levels
      .filter((level) => level.active)
      .map((level) => ({ productId: level.productId, warehouseId: level.warehouseId, available: level.onHand - level.reserved }));
    const allocation = allocate(requested, supply);
    if (!allocation.ok) {
      await repository.unclaim(order.orderId);
      return { kind: 'out-of-stock', productIds: allocation.shortProductIds };
    }
    const held = await repository.holdUnits(allocation.allocations);
    if (held.length !== allocation.allocations.length) {
      throw new Error(`reserve ${order.orderId}: ${allocation.allocations.length - held.length} allocation(s) no longer covered under lock; rolled back`);
    }
    await repository.insertLines(order.orderId, allocation.allocations);
    return { kind: 'reserved', expiresAt, lines: allocation.allocations, availability: await readAvailability(tx, productIds), stockRows: held };
  }

  async commit(tx: EntityManager, orderId: string): Promise<CommitOutcome> {
    const repository = new ReservationRepository(tx);
    if (!(await repository.settle(orderId, ReservationStatus.COMMITTED))) {
      return { kind: 'unchanged', status: await repository.statusOf(orderId) };
    }
    const lines = await repository.linesOf(orderId);
    await lockProductStock(tx, distinctProducts(lines));
    const shipped = await repository.shipUnits(orderId);
    if (shipped.length !== lines.length) {
      throw new Error(`commit ${orderId}: ${lines.length - shipped.length} line(s) not covered by reserved stock; rolled back`);
    }
    return { kind: 'committed', lines, stockRows: shipped };
  }

  async release(tx: EntityManager, orderId: string): Promise<ReleaseOutcome> {
    const repository = new ReservationRepository(tx);
    // The tombstone goes first: if a reservation of this order is being inserted right now, this waits for it,
    // and the release below then sees it. The other way round, the release would miss it and the stock stay held.
    if (await repository.insertTombstone(orderId)) return { kind: 'tombstoned' };
    if (!(await repository.settle(orderId, ReservationStatus.RELEASED))) {
      return { kind: 'unchanged', status: await existingStatus(repository, orderId) };
    }
    const lines = await repository.linesOf(orderId);
    const productIds = distinctProducts(lines);
    await lockProductStock(tx, productIds);
    const returned = await repository.returnUnits(orderId);
    if (returned.length !== lines.length) {
      throw new Error(`release ${orderId}: ${lines.length - returned.length} line(s) not covered by reserved stock; rolled back`);
    }
    return { kind: 'released', lines, availability: await readAvailability(tx, productIds), stockRows: returned };
  }
}

/** The status of a row a conflicting statement of this transaction just saw; rows are never deleted once committed. */
async function existingStatus(repository: ReservationRepository, orderId: string): Promise<ReservationStatus> {
  const status = await repository.statusOf(orderId);
  if (!status) throw new Error(`reservation of order ${orderId} conflicted but is gone; retry`);
  return status;
}

function distinctProducts(lines: ReadonlyArray<Allocation>): string[] {
  return [...new Set(lines.map((line) => line.productId))];
}
