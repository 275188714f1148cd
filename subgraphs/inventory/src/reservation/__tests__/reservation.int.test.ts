import { randomUUID } from 'node:crypto';
import { ReservationService } from '../reservation.service';
import { useStockFixture } from './support/stock-fixture';

const fixture = useStockFixture();
const NOW = new Date('2026-11-26T10:00:00.000Z');
const service = new ReservationService({ ttlSeconds: 900, now: () => NOW });

function reserve(orderId: string, items: Array<[string, number]>) {
  return fixture.inTransaction((tx) => service.reserve(tx, { orderId, items: items.map(([productId, quantity]) => ({ productId, quantity })) }));
}
const commit = (orderId: string) => fixture.inTransaction((tx) => service.commit(tx, orderId));
const release = (orderId: string) => fixture.inTransaction((tx) => service.release(tx, orderId));

describe('reserve: every line or none', () => {
  it('holds every line of a three-product order, splitting the one no warehouse covers alone', async () => {
    const p1 = await fixture.product({ a: 5 });
    const p2 = await fixture.product({ a: 3, b: 4 });
    const p3 = await fixture.product({ a: 2, b: [10, 9] });
    const orderId = randomUUID();

    const outcome = await reserve(orderId, [[p1, 2], [p2, 6], [p3, 2]]);

    expect(outcome).toMatchObject({ kind: 'reserved', expiresAt: new Date('2026-11-26T10:15:00.000Z') });
    expect(await fixture.figures(p1)).toEqual({ a: { onHand: 5, reserved: 2 } });
    // b has the most available (4): all of it, then 2 of a's 3.
    expect(await fixture.figures(p2)).toEqual({ a: { onHand: 3, reserved: 2 }, b: { onHand: 4, reserved: 4 } });
    // a has 2 available, b only 1 (9 of its 10 are held for others): a alone covers it.
    expect(await fixture.figures(p3)).toEqual({ a: { onHand: 2, reserved: 2 }, b: { onHand: 10, reserved: 9 } });
    const reservation = await fixture.reservation(orderId);
    expect(reservation).toMatchObject({ status: 'ACTIVE', expiresAt: new Date('2026-11-26T10:15:00.000Z') });
    expect(reservation!.lines).toEqual(
      expect.arrayContaining([
        { productId: p1, warehouse: 'a', quantity: 2 },
        { productId: p2, warehouse: 'a', quantity: 2 },
        { productId: p2, warehouse: 'b', quantity: 4 },
        { productId: p3, warehouse: 'a', quantity: 2 },
      ]),
    );
    expect(reservation!.lines).toHaveLength(4);
  });

  it('reports each product’s availability after the hold, over active warehouses only', async () => {
    const p1 = await fixture.product({ a: 5, closed: 7 });
    const p2 = await fixture.product({ b: [6, 1] });
    const outcome = await reserve(randomUUID(), [[p2, 2], [p1, 1]]);
    expect(outcome.kind === 'reserved' && outcome.availability).toEqual(
      [
        { productId: p1, available: 4 },
        { productId: p2, available: 3 },
      ].sort((x, y) => (x.productId < y.productId ? -1 : 1)),
    );
  });

  it('holds nothing when one of three products is short, and names that product', async () => {
    const p1 = await fixture.product({ a: 5 });
    const p2 = await fixture.product({ a: 1, b: 1 });
    const p3 = await fixture.product({ b: 9 });
    const orderId = randomUUID();

    expect(await reserve(orderId, [[p1, 1], [p2, 3], [p3, 9]])).toEqual({ kind: 'out-of-stock', productIds: [p2] });
    expect(await fixture.figures(p1)).toEqual({ a: { onHand: 5, reserved: 0 } });
    expect(await fixture.figures(p2)).toEqual({ a: { onHand: 1, reserved: 0 }, b: { onHand: 1, reserved: 0 } });
    expect(await fixture.figures(p3)).toEqual({ b: { onHand: 9, reserved: 0 } });
    expect(await fixture.reservation(orderId)).toBeNull();
  });

  it('names every short product, in id order', async () => {
    const p1 = await fixture.product({ a: 1 });
    const p2 = await fixture.product({ a: 1 });
    const outcome = await reserve(randomUUID(), [[p1, 2], [p2, 2]]);
    expect(outcome).toEqual({ kind: 'out-of-stock', productIds: [p1, p2].sort() });
  });

  it('finds a product inventory has no stock rows for out of stock, with its id', async () => {
    const known = await fixture.product({ a: 5 });
    const unknown = randomUUID();
    expect(await reserve(randomUUID(), [[known, 1], [unknown, 1]])).toEqual({ kind: 'out-of-stock', productIds: [unknown] });
    expect(await fixture.figures(known)).toEqual({ a: { onHand: 5, reserved: 0 } });
  });

  it('never reserves stock of a closed warehouse', async () => {
    const onlyClosed = await fixture.product({ closed: 50 });
    const mostlyClosed = await fixture.product({ a: 1, closed: 50 });
    expect(await reserve(randomUUID(), [[onlyClosed, 1]])).toEqual({ kind: 'out-of-stock', productIds: [onlyClosed] });
    expect(await reserve(randomUUID(), [[mostlyClosed, 2]])).toEqual({ kind: 'out-of-stock', productIds: [mostlyClosed] });
    expect(await fixture.figures(mostlyClosed)).toEqual({ a: { onHand: 1, reserved: 0 }, closed: { onHand: 50, reserved: 0 } });
  });

  it('sums an order’s duplicate lines of one product before deciding', async () => {
    const product = await fixture.product({ a: 3, b: 3 });
    const orderId = randomUUID();
    expect(await reserve(orderId, [[product, 2], [product, 3]])).toMatchObject({ kind: 'reserved' });
    expect(await fixture.figures(product)).toEqual({ a: { onHand: 3, reserved: 3 }, b: { onHand: 3, reserved: 2 } });
    expect((await fixture.reservation(orderId))!.lines).toEqual([
      { productId: product, warehouse: 'a', quantity: 3 },
      { productId: product, warehouse: 'b', quantity: 2 },
    ]);
  });

  it('refuses duplicate lines that together exceed the stock, though each alone would fit', async () => {
    const product = await fixture.product({ a: 4 });
    expect(await reserve(randomUUID(), [[product, 3], [product, 3]])).toEqual({ kind: 'out-of-stock', productIds: [product] });
  });

  it('holds an order only once, however often it is asked', async () => {
    const product = await fixture.product({ a: 10 });
    const orderId = randomUUID();
    expect(await reserve(orderId, [[product, 4]])).toMatchObject({ kind: 'reserved' });
    expect(await reserve(orderId, [[product, 4]])).toEqual({ kind: 'already-handled', status: 'ACTIVE' });
    expect(await fixture.figures(product)).toEqual({ a: { onHand: 10, reserved: 4 } });
  });

  it('leaves nothing behind when the caller’s transaction rolls back', async () => {
    const product = await fixture.product({ a: 10 });
    const orderId = randomUUID();
    const failure = new Error('the inbox write failed');
    await expect(
      fixture.inTransaction(async (tx) => {
        await service.reserve(tx, { orderId, items: [{ productId: product, quantity: 4 }] });
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await fixture.figures(product)).toEqual({ a: { onHand: 10, reserved: 0 } });
    expect(await fixture.reservation(orderId)).toBeNull();
  });

  it('lets a failed order try again once stock arrives (a failure leaves no reservation row)', async () => {
    const product = await fixture.product({ a: 1 });
    const orderId = randomUUID();
    expect(await reserve(orderId, [[product, 2]])).toMatchObject({ kind: 'out-of-stock' });
    await fixture.sql(`update inventory.stock_level set on_hand = 2 where product_id = ?`, [product]);
    expect(await reserve(orderId, [[product, 2]])).toMatchObject({ kind: 'reserved' });
  });
});

describe('commit: the paid order’s units leave the shelf', () => {
  it('takes each line off on hand and reserved, and marks the reservation COMMITTED', async () => {
    const product = await fixture.product({ a: 3, b: [5, 1] });
    const orderId = randomUUID();
    await reserve(orderId, [[product, 6]]);
    expect(await fixture.figures(product)).toEqual({ a: { onHand: 3, reserved: 2 }, b: { onHand: 5, reserved: 5 } });

    expect(await commit(orderId)).toMatchObject({ kind: 'committed' });
    expect(await fixture.figures(product)).toEqual({ a: { onHand: 1, reserved: 0 }, b: { onHand: 1, reserved: 1 } });
    expect(await fixture.reservation(orderId)).toMatchObject({ status: 'COMMITTED' });
  });

  it('does nothing the second time', async () => {
    const product = await fixture.product({ a: 3 });
    const orderId = randomUUID();
    await reserve(orderId, [[product, 2]]);
    await commit(orderId);
    expect(await commit(orderId)).toEqual({ kind: 'unchanged', status: 'COMMITTED' });
    expect(await fixture.figures(product)).toEqual({ a: { onHand: 1, reserved: 0 } });
  });

  it('does nothing for an order without a reservation, or one already released', async () => {
    const product = await fixture.product({ a: 3 });
    expect(await commit(randomUUID())).toEqual({ kind: 'unchanged', status: null });
    const orderId = randomUUID();
    await reserve(orderId, [[product, 2]]);
    await release(orderId);
    expect(await commit(orderId)).toEqual({ kind: 'unchanged', status: 'RELEASED' });
    expect(await fixture.figures(product)).toEqual({ a: { onHand: 3, reserved: 0 } });
  });
});

describe('release: the cancelled order’s units are sellable again', () => {
  it('gives back every line, marks the reservation RELEASED, and reports the availability', async () => {
    const p1 = await fixture.product({ a: 2, b: 2 });
    const p2 = await fixture.product({ b: [4, 1] });
    const orderId = randomUUID();
    await reserve(orderId, [[p1, 3], [p2, 1]]);

    const outcome = await release(orderId);
    expect(outcome).toMatchObject({ kind: 'released' });
    expect(outcome.kind === 'released' && outcome.availability).toEqual(
      [
        { productId: p1, available: 4 },
        { productId: p2, available: 3 },
      ].sort((x, y) => (x.productId < y.productId ? -1 : 1)),
    );
    expect(await fixture.figures(p1)).toEqual({ a: { onHand: 2, reserved: 0 }, b: { onHand: 2, reserved: 0 } });
    expect(await fixture.figures(p2)).toEqual({ b: { onHand: 4, reserved: 1 } });
    expect(await fixture.reservation(orderId)).toMatchObject({ status: 'RELEASED' });
  });

  it('does nothing the second time', async () => {
    const product = await fixture.product({ a: 5, b: [5, 2] });
    const orderId = randomUUID();
    await reserve(orderId, [[product, 3]]);
    await release(orderId);
    expect(await release(orderId)).toEqual({ kind: 'unchanged', status: 'RELEASED' });
    expect(await fixture.figures(product)).toEqual({ a: { onHand: 5, reserved: 0 }, b: { onHand: 5, reserved: 2 } });
  });

  it('leaves a tombstone for an order cancelled before its reservation, so the late order-placed holds nothing', async () => {
    const product = await fixture.product({ a: 5 });
    const orderId = randomUUID();
    expect(await release(orderId)).toEqual({ kind: 'tombstoned' });
    expect(await fixture.reservation(orderId)).toEqual({ status: 'RELEASED', expiresAt: null, lines: [] });

    expect(await reserve(orderId, [[product, 2]])).toEqual({ kind: 'already-handled', status: 'RELEASED' });
    expect(await fixture.figures(product)).toEqual({ a: { onHand: 5, reserved: 0 } });
    expect(await release(orderId)).toEqual({ kind: 'unchanged', status: 'RELEASED' });
  });

  it('does not give back units of an order already committed', async () => {
    const product = await fixture.product({ a: 5 });
    const orderId = randomUUID();
    await reserve(orderId, [[product, 2]]);
    await commit(orderId);
    expect(await release(orderId)).toEqual({ kind: 'unchanged', status: 'COMMITTED' });
    expect(await fixture.figures(product)).toEqual({ a: { onHand: 3, reserved: 0 } });
  });
});
