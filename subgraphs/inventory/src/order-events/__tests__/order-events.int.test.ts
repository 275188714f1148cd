import { randomUUID } from 'node:crypto';
import {
  consumerWorker,
  createEvent,
  createInMemoryEventBus,
  type AnyEventEnvelope,
  type EventBus,
  type EventConsumer,
  type StockReservedV1,
} from '@techally/events';
import { createLogger } from '@techally/platform';
import { probeEvents, waitFor, type EventProbe } from '../../__tests__/event-probe';
import { startInventoryHarness, type InventoryHarness } from '../../__tests__/inventory-harness';
import { ReservationService } from '../../reservation/reservation.service';
import { createOrderEventConsumers, RESERVE_STOCK_GROUP, SETTLE_STOCK_GROUP } from '..';

/**
 * The inventory subgraph's part of the saga end to end: events published on the bus reach its consumers, whose
 * effects and outgoing events commit together, and the relay puts those on the bus, where a group of the test's
 * own receives them. The in-memory bus, with short claim times so a failed delivery comes back quickly.
 */
const TUNING = { claimMinIdleMs: 300, claimIntervalMs: 50, blockMs: 50, retryInitialMs: 20, retryMaxMs: 200 };
const WAREHOUSE_A = 'a0000000-0000-4000-8000-0000000000a1';
const WAREHOUSE_B = 'b0000000-0000-4000-8000-0000000000b1';
const TTL_SECONDS = 600;

let bus: EventBus;
let h: InventoryHarness;
let probe: EventProbe;

beforeAll(async () => {
  bus = createInMemoryEventBus({ consumer: TUNING });
  h = await startInventoryHarness({ seed: false, bus, reservationTtlSeconds: TTL_SECONDS });
  await h.sql(
    `insert into inventory.warehouse (id, code, name, city, country) values (?, 'TST-A', 'A', 'Leeds', 'GB'), (?, 'TST-B', 'B', 'York', 'GB')`,
    [WAREHOUSE_A, WAREHOUSE_B],
  );
  probe = await probeEvents(bus, ['inventory.stock-reserved.v1', 'inventory.stock-reservation-failed.v1', 'inventory.stock-changed.v1']);
});
afterAll(async () => {
  await probe?.stop();
  await h?.stop();
  await bus?.close();
});

async function product(a: number, b = 0): Promise<string> {
  const productId = randomUUID();
  await h.sql(`insert into inventory.stock_level (product_id, warehouse_id, on_hand, reserved, updated_at) values (?, ?, ?, 0, now()), (?, ?, ?, 0, now())`, [
    productId,
    WAREHOUSE_A,
    a,
    productId,
    WAREHOUSE_B,
    b,
  ]);
  return productId;
}

function orderPlaced(orderId: string, items: Array<[string, number]>, metadata = {}) {
  return createEvent(
    'orders.order-placed.v1',
    orderId,
    { orderId, customerId: randomUUID(), items: items.map(([productId, quantity]) => ({ productId, quantity })), total: { amount: 1000, currency: 'EUR' } },
    metadata,
  );
}

async function place(items: Array<[string, number]>, metadata = {}): Promise<{ orderId: string; event: AnyEventEnvelope }> {
  const orderId = randomUUID();
  const event = orderPlaced(orderId, items, metadata);
  await bus.publish(event);
  return { orderId, event };
}

async function figures(productId: string): Promise<{ onHand: number; reserved: number }> {
  const [row] = await h.sql<{ on_hand: number; reserved: number }>(
    `select sum(on_hand)::int as on_hand, sum(reserved)::int as reserved from inventory.stock_level where product_id = ?`,
    [productId],
  );
  return { onHand: row!.on_hand, reserved: row!.reserved };
}

async function reservationStatus(orderId: string): Promise<string | null> {
  const [row] = await h.sql<{ status: string }>(`select status from inventory.stock_reservation where order_id = ?`, [orderId]);
  return row?.status ?? null;
}

async function outboxCount(aggregateId: string, type?: string): Promise<number> {
  const [row] = await h.sql<{ n: number }>(
    `select count(*)::int as n from inventory.outbox where aggregate_id = ? and (?::text is null or type = ?)`,
    [aggregateId, type ?? null, type ?? null],
  );
  return row!.n;
}

/**
 * Consumers handle a stream in order: once an order placed after `orderId` got its answer, `orderId`'s event
 * has been handled too. How "nothing happened" is observed without waiting for a while.
 */
async function afterEverythingBefore(): Promise<void> {
  const sentinel = await product(1);
  const { orderId } = await place([[sentinel, 1]]);
  await probe.next('inventory.stock-reserved.v1', orderId);
}

describe('orders.order-placed.v1 → inventory.reserve-stock', () => {
  it('reserves the order and publishes stock-reserved and one stock-changed per product, carrying the request id', async () => {
    const p1 = await product(5);
    const p2 = await product(2, 3);
    const before = Date.now();
    const { orderId } = await place([[p1, 2], [p2, 4]], { requestId: 'req-place-1' });

    const reserved = await probe.next('inventory.stock-reserved.v1', orderId);
    const after = Date.now();
    const payload = reserved.payload as { orderId: string; reservationExpiresAt: string };
    expect(payload.orderId).toBe(orderId);
    const expiresAt = new Date(payload.reservationExpiresAt).getTime();
    expect(expiresAt).toBeGreaterThanOrEqual(before + TTL_SECONDS * 1000);
    expect(expiresAt).toBeLessThanOrEqual(after + TTL_SECONDS * 1000);
    expect(reserved.metadata).toEqual({ requestId: 'req-place-1' });

    expect((await probe.next('inventory.stock-changed.v1', p1)).payload).toEqual({ productId: p1, available: 3, inStock: true, perWarehouse: true });
    expect((await probe.next('inventory.stock-changed.v1', p2)).payload).toEqual({ productId: p2, available: 1, inStock: true, perWarehouse: true });
    expect(await figures(p1)).toEqual({ onHand: 5, reserved: 2 });
    expect(await figures(p2)).toEqual({ onHand: 5, reserved: 4 });
    expect(await reservationStatus(orderId)).toBe('ACTIVE');
  });

  it('shows the hold in Product.inventory, with the same figure the stock-changed event published', async () => {
    const p = await product(4, 2);
    await place([[p, 5]]);
    const changed = await probe.next('inventory.stock-changed.v1', p);
    const response = await h.query<{ _entities: Array<{ inStock: boolean; inventory: { available: number; reserved: number } }> }>(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Product { inStock inventory { available reserved } } } }`,
      { representations: [{ __typename: 'Product', id: p }] },
    );
    expect(response.data?._entities).toEqual([{ inStock: true, inventory: { available: 1, reserved: 5 } }]);
    expect(changed.payload).toEqual({ productId: p, available: 1, inStock: true, perWarehouse: true });
  });

  it('says inStock false when the order took the last unit', async () => {
    const p = await product(1, 1);
    await place([[p, 2]]);
    expect((await probe.next('inventory.stock-changed.v1', p)).payload).toEqual({ productId: p, available: 0, inStock: false, perWarehouse: true });
  });

  it('publishes stock-reservation-failed (OUT_OF_STOCK, the short products) and reserves nothing when a line is short', async () => {
    const plenty = await product(10);
    const short = await product(1, 1);
    const unknown = randomUUID();
    const { orderId } = await place([[plenty, 1], [short, 3], [unknown, 1]]);

    const failed = await probe.next('inventory.stock-reservation-failed.v1', orderId);
    expect(failed.payload).toEqual({ orderId, reason: 'OUT_OF_STOCK', productIds: [short, unknown].sort() });
    expect(await figures(plenty)).toEqual({ onHand: 10, reserved: 0 });
    expect(await figures(short)).toEqual({ onHand: 2, reserved: 0 });
    expect(await reservationStatus(orderId)).toBeNull();
    // Nothing changed, so nothing about the products was said.
    expect(await outboxCount(plenty)).toBe(0);
    expect(await outboxCount(short)).toBe(0);
  });

  it('reserves an order-placed delivered twice only once', async () => {
    const p = await product(6);
    const orderId = randomUUID();
    const event = orderPlaced(orderId, [[p, 2]]);
    await bus.publish(event);
    await bus.publish(event);
    await probe.next('inventory.stock-reserved.v1', orderId);
    await afterEverythingBefore();

    expect(await figures(p)).toEqual({ onHand: 6, reserved: 2 });
    expect(await outboxCount(orderId, 'inventory.stock-reserved.v1')).toBe(1);
    expect(await outboxCount(p, 'inventory.stock-changed.v1')).toBe(1);
  });
});

describe('orders.order-paid.v1 / order-cancelled.v1 → inventory.settle-stock', () => {
  async function reservedOrder(productId: string, quantity: number): Promise<string> {
    const { orderId } = await place([[productId, quantity]]);
    await probe.next('inventory.stock-reserved.v1', orderId);
    return orderId;
  }

  function paid(orderId: string, productId: string, quantity: number) {
    return createEvent('orders.order-paid.v1', orderId, {
      orderId,
      customerId: randomUUID(),
      items: [{ productId, quantity }],
      total: { amount: 1000, currency: 'EUR' },
    });
  }

  const cancelled = (orderId: string, reason = 'PAYMENT_FAILED') => createEvent('orders.order-cancelled.v1', orderId, { orderId, reason });

  it('commits a paid order’s reservation: on hand and reserved go down, availability and its feed stay put', async () => {
    const p = await product(4, 4);
    const orderId = await reservedOrder(p, 5);
    expect(await figures(p)).toEqual({ onHand: 8, reserved: 5 });

    await bus.publish(paid(orderId, p, 5));
    await waitFor('the reservation to be committed', async () => (await reservationStatus(orderId)) === 'COMMITTED');
    expect(await figures(p)).toEqual({ onHand: 3, reserved: 0 });
    expect(await outboxCount(p, 'inventory.stock-changed.v1')).toBe(1); // the reservation's, none for the commit
  });

  it('releases a cancelled order’s reservation and publishes the product’s restored availability', async () => {
    const p = await product(3);
    const orderId = await reservedOrder(p, 3);
    expect((await probe.next('inventory.stock-changed.v1', p)).payload).toMatchObject({ available: 0, inStock: false });

    await bus.publish(cancelled(orderId));
    await waitFor('the second stock-changed', () => probe.about(p).filter((event) => event.type === 'inventory.stock-changed.v1').length === 2);
    expect(probe.about(p).map((event) => event.payload)).toEqual([
      { productId: p, available: 0, inStock: false, perWarehouse: true },
      { productId: p, available: 3, inStock: true, perWarehouse: true },
    ]);
    expect(await figures(p)).toEqual({ onHand: 3, reserved: 0 });
    expect(await reservationStatus(orderId)).toBe('RELEASED');
  });

  it('changes nothing on a second paid or cancelled event of a settled order', async () => {
    const p = await product(5);
    const orderId = await reservedOrder(p, 2);
    await bus.publish(paid(orderId, p, 2));
    await bus.publish(paid(orderId, p, 2)); // another event id: the inbox lets it through, the status does not
    await bus.publish(cancelled(orderId));
    await settleGroupCaughtUp();
    expect(await figures(p)).toEqual({ onHand: 3, reserved: 0 });
    expect(await reservationStatus(orderId)).toBe('COMMITTED');
  });

  it('takes an order-paid of a reservation committed already as a repeat, logged as such and not as an error', async () => {
    // The demo shop's past sales are seeded COMMITTED and announced paid: the same as a payment told twice.
    const logged: Array<{ level: number; msg: string }> = [];
    const destination = { write: (line: string) => void logged.push(JSON.parse(line) as { level: number; msg: string }) };
    const [, settle] = createOrderEventConsumers({
      orm: h.subgraph.orm,
      reservations: new ReservationService({ ttlSeconds: TTL_SECONDS }),
      logger: createLogger({ name: 'inventory-test', level: 'info', destination }),
    });
    const p = await product(5);
    const orderId = await reservedOrder(p, 2);
    await bus.publish(paid(orderId, p, 2));
    await waitFor('the reservation to be committed', async () => (await reservationStatus(orderId)) === 'COMMITTED');

    await settle!.handle(paid(orderId, p, 2), { deliveries: 1, group: SETTLE_STOCK_GROUP, consumer: 'inventory-test' });
    expect(logged.map(({ level, msg }) => ({ level, msg }))).toEqual([{ level: 30, msg: 'reservation committed already; nothing to do' }]);
    expect(await figures(p)).toEqual({ onHand: 3, reserved: 0 });
  });

  it('tombstones an order cancelled before it was placed: the late order-placed reserves nothing and says nothing', async () => {
    const p = await product(5);
    const orderId = randomUUID();
    await bus.publish(cancelled(orderId, 'CUSTOMER_REQUESTED'));
    await waitFor('the tombstone', async () => (await reservationStatus(orderId)) === 'RELEASED');

    await bus.publish(orderPlaced(orderId, [[p, 2]]));
    await afterEverythingBefore();
    expect(await figures(p)).toEqual({ onHand: 5, reserved: 0 });
    expect(probe.about(orderId)).toEqual([]);
    expect(await outboxCount(orderId)).toBe(0);
  });

  /** As {@link afterEverythingBefore}, for the settle-stock group: a fresh order's cancellation, once tombstoned. */
  async function settleGroupCaughtUp(): Promise<void> {
    const marker = randomUUID();
    await bus.publish(cancelled(marker));
    await waitFor('the settle-stock group to catch up', async () => (await reservationStatus(marker)) === 'RELEASED');
  }
});

describe('per-warehouse stock (issue #14): where a reservation holds its units, and each changed row after each step', () => {
  async function warehouseSnapshots(productId: string): Promise<unknown[]> {
    const rows = await h.sql<{ payload: unknown }>(
      `select payload from inventory.outbox where type = 'inventory.warehouse-stock-changed.v1' and aggregate_id = ? order by position`,
      [productId],
    );
    return rows.map((row) => row.payload);
  }
  const snapshot = (productId: string, warehouse: 'A' | 'B', onHand: number, reserved: number) => ({
    productId,
    warehouseId: warehouse === 'A' ? WAREHOUSE_A : WAREHOUSE_B,
    warehouseCode: `TST-${warehouse}`,
    onHand,
    reserved,
    available: onHand - reserved,
  });
  const byProduct = (a: { productId: string }, b: { productId: string }) => (a.productId < b.productId ? -1 : 1);

  it('a reservation: stock-reserved names its allocations, and each stock row it held is announced with its new figures', async () => {
    const inA = await product(5);
    const inB = await product(0, 4);
    const { orderId } = await place([[inA, 2], [inB, 3]], { requestId: 'req-allocations' });

    const reserved = await probe.next('inventory.stock-reserved.v1', orderId);
    const { allocations } = reserved.payload as StockReservedV1;
    expect([...allocations!].sort(byProduct)).toEqual(
      [
        { productId: inA, warehouseId: WAREHOUSE_A, quantity: 2 },
        { productId: inB, warehouseId: WAREHOUSE_B, quantity: 3 },
      ].sort(byProduct),
    );
    expect(await warehouseSnapshots(inA)).toEqual([snapshot(inA, 'A', 5, 2)]);
    expect(await warehouseSnapshots(inB)).toEqual([snapshot(inB, 'B', 4, 3)]);
    const [row] = await h.sql<{ metadata: unknown }>(`select metadata from inventory.outbox where type = 'inventory.warehouse-stock-changed.v1' and aggregate_id = ?`, [inA]);
    expect(row!.metadata).toEqual({ requestId: 'req-allocations' });
  });

  it('a reservation split over two warehouses announces both rows', async () => {
    const p = await product(2, 3);
    const { orderId } = await place([[p, 4]]);
    const reserved = await probe.next('inventory.stock-reserved.v1', orderId);
    const allocations = (reserved.payload as StockReservedV1).allocations!;
    expect(allocations.reduce((sum, line) => sum + line.quantity, 0)).toBe(4);
    const held = new Map(allocations.map((line) => [line.warehouseId, line.quantity]));
    expect(await warehouseSnapshots(p)).toEqual([snapshot(p, 'A', 2, held.get(WAREHOUSE_A)!), snapshot(p, 'B', 3, held.get(WAREHOUSE_B)!)]);
  });

  it('a commit (paid) announces the rows the units left; a release (cancelled) the rows they went back to', async () => {
    const shipped = await product(5);
    const returned = await product(0, 4);
    const { orderId: paidOrder } = await place([[shipped, 2]]);
    const { orderId: cancelledOrder } = await place([[returned, 3]]);
    await probe.next('inventory.stock-reserved.v1', paidOrder);
    await probe.next('inventory.stock-reserved.v1', cancelledOrder);

    await bus.publish(createEvent('orders.order-paid.v1', paidOrder, { orderId: paidOrder, customerId: randomUUID(), items: [{ productId: shipped, quantity: 2 }], total: { amount: 1000, currency: 'EUR' } }));
    await bus.publish(createEvent('orders.order-cancelled.v1', cancelledOrder, { orderId: cancelledOrder, reason: 'PAYMENT_FAILED' }));
    await waitFor('both settled', async () => (await reservationStatus(paidOrder)) === 'COMMITTED' && (await reservationStatus(cancelledOrder)) === 'RELEASED');

    expect(await warehouseSnapshots(shipped)).toEqual([snapshot(shipped, 'A', 5, 2), snapshot(shipped, 'A', 3, 0)]);
    expect(await warehouseSnapshots(returned)).toEqual([snapshot(returned, 'B', 4, 3), snapshot(returned, 'B', 4, 0)]);
  });

  it('announces nothing for a reservation that failed, a tombstone, or a second settlement', async () => {
    const short = await product(1);
    const { orderId: failed } = await place([[short, 2]]);
    await probe.next('inventory.stock-reservation-failed.v1', failed);
    expect(await warehouseSnapshots(short)).toEqual([]);

    const p = await product(5);
    const { orderId } = await place([[p, 1]]);
    await probe.next('inventory.stock-reserved.v1', orderId);
    await bus.publish(createEvent('orders.order-cancelled.v1', orderId, { orderId, reason: 'PAYMENT_FAILED' }));
    await bus.publish(createEvent('orders.order-cancelled.v1', orderId, { orderId, reason: 'PAYMENT_FAILED' }));
    const marker = randomUUID();
    await bus.publish(createEvent('orders.order-cancelled.v1', marker, { orderId: marker, reason: 'CUSTOMER_REQUESTED' }));
    await waitFor('the settle-stock group to catch up', async () => (await reservationStatus(marker)) === 'RELEASED');
    expect(await warehouseSnapshots(p)).toEqual([snapshot(p, 'A', 5, 1), snapshot(p, 'A', 5, 0)]);
    expect(await outboxCount(marker)).toBe(0);
  });
});

describe('failures: redelivered, applied once', () => {
  it('redelivers an order-placed whose handling failed, and reserves it once', async () => {
    const p = await product(4);
    const orderId = randomUUID();
    // A fault in the database, not a mock: the first insert of this order's reservation fails. A sequence's
    // nextval survives the rollback, so the second attempt passes.
    await h.sql(`create sequence if not exists inventory.test_fail_once`);
    await h.sql(`create or replace function inventory.test_fail_once() returns trigger language plpgsql as $$
      begin
        if new.order_id = '${orderId}' and nextval('inventory.test_fail_once') = 1 then raise exception 'injected failure'; end if;
        return new;
      end $$`);
    await h.sql(`create trigger test_fail_once before insert on inventory.stock_reservation for each row execute function inventory.test_fail_once()`);
    try {
      await bus.publish(orderPlaced(orderId, [[p, 3]]));
      await probe.next('inventory.stock-reserved.v1', orderId);
      const [sequence] = await h.sql<{ last_value: string }>(`select last_value from inventory.test_fail_once`);
      expect(Number(sequence!.last_value)).toBe(2); // failed once, then applied
      expect(await figures(p)).toEqual({ onHand: 4, reserved: 3 });
      expect(await outboxCount(orderId, 'inventory.stock-reserved.v1')).toBe(1);
    } finally {
      await h.sql(`drop trigger if exists test_fail_once on inventory.stock_reservation`);
    }
  });

  it('applies once an event whose consumer died after committing, before acknowledging', async () => {
    // The real consumers on a bus of their own, one of them dying once right after its transaction committed.
    const ownBus = createInMemoryEventBus({ consumer: TUNING });
    const consumers = createOrderEventConsumers({
      orm: h.subgraph.orm,
      reservations: new ReservationService({ ttlSeconds: TTL_SECONDS }),
      logger: createLogger({ name: 'inventory-test', level: 'silent' }),
    });
    const deliveries: number[] = [];
    const dyingOnce = (consumer: EventConsumer): EventConsumer => ({
      ...consumer,
      async handle(event, delivery) {
        await consumer.handle(event, delivery);
        deliveries.push(delivery.deliveries);
        if (delivery.deliveries === 1) throw new Error('died before the acknowledgement');
      },
    });
    const worker = consumerWorker(ownBus, dyingOnce(consumers.find((consumer) => consumer.group === RESERVE_STOCK_GROUP)!), 'inventory-test');
    await worker.start();
    try {
      const p = await product(5);
      const orderId = randomUUID();
      await ownBus.publish(orderPlaced(orderId, [[p, 2]]));
      await waitFor('the redelivery', () => deliveries.length >= 2);
      expect(deliveries.slice(0, 2)).toEqual([1, 2]);
      expect(await figures(p)).toEqual({ onHand: 5, reserved: 2 });
      expect(await outboxCount(orderId, 'inventory.stock-reserved.v1')).toBe(1);
    } finally {
      await worker.stop();
      await ownBus.close();
    }
  });
});
