import { randomUUID } from 'node:crypto';
import { hasRealPostgres } from '@techally/testing';
import { StockRepository } from '../../stock/stock.repository';
import { StockAdjustmentReason } from '../../stock/stock-adjustment-reason';
import { Warehouse } from '../../warehouse/warehouse.entity';
import { ReservationService } from '../reservation.service';
import { useStockFixture, WAREHOUSES } from './support/stock-fixture';

/**
 * Races need many connections to one real server: the embedded PGlite has a single session, so every
 * transaction would run one after another and prove nothing. Skipped, and named so, without DATABASE_URL.
 */
const onRealPostgres = hasRealPostgres() ? describe : describe.skip;
if (!hasRealPostgres()) process.stderr.write('SKIPPED: reservations under concurrency — DATABASE_URL is not set (PGlite has one session)\n');

const fixture = useStockFixture({ poolMax: 10 });
const service = new ReservationService({ ttlSeconds: 900 });

type Line = [productId: string, quantity: number];

function reserve(orderId: string, lines: Line[]) {
  return fixture.inTransaction((tx) => service.reserve(tx, { orderId, items: lines.map(([productId, quantity]) => ({ productId, quantity })) }));
}

/** What each task ended with: its outcome's kind, or the error's SQLSTATE (40P01 is a deadlock) or message. */
async function settle(tasks: Array<() => Promise<{ readonly kind: string }>>): Promise<string[]> {
  const results = await Promise.allSettled(tasks.map((task) => task()));
  return results.map((result) =>
    result.status === 'fulfilled' ? result.value.kind : String((result.reason as { code?: string }).code ?? (result.reason as Error).message),
  );
}

function tally(outcomes: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const outcome of outcomes) counts[outcome] = (counts[outcome] ?? 0) + 1;
  return counts;
}

async function totals(productId: string): Promise<{ onHand: number; reserved: number }> {
  const figures = Object.values(await fixture.figures(productId));
  return { onHand: figures.reduce((sum, f) => sum + f.onHand, 0), reserved: figures.reduce((sum, f) => sum + f.reserved, 0) };
}

/** A deterministic shuffle (so a failure can be replayed), seeded per call. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i -= 1) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

onRealPostgres('reservations under concurrency (real PostgreSQL only)', () => {
  it('reserves exactly 10 of 100 concurrent one-unit orders when 10 are in stock over two warehouses', async () => {
    const product = await fixture.product({ a: 6, b: 4 });
    const outcomes = await settle(Array.from({ length: 100 }, () => () => reserve(randomUUID(), [[product, 1]])));
    expect(tally(outcomes)).toEqual({ reserved: 10, 'out-of-stock': 90 });
    expect(await fixture.figures(product)).toEqual({ a: { onHand: 6, reserved: 6 }, b: { onHand: 4, reserved: 4 } });
  });

  it('never holds more than there is when the quantities differ, and holds exactly what the reserved orders asked', async () => {
    const product = await fixture.product({ a: 7, b: 6 });
    const orders = Array.from({ length: 60 }, (_, i) => ({ orderId: randomUUID(), quantity: (i % 3) + 1 }));
    const outcomes = await settle(orders.map(({ orderId, quantity }) => () => reserve(orderId, [[product, quantity]])));
    expect(outcomes.every((outcome) => outcome === 'reserved' || outcome === 'out-of-stock')).toBe(true);
    const held = orders.filter((_, i) => outcomes[i] === 'reserved').reduce((sum, order) => sum + order.quantity, 0);
    const { onHand, reserved } = await totals(product);
    expect({ onHand, reserved }).toEqual({ onHand: 13, reserved: held });
    // Whatever is left cannot cover the smallest order refused: first come, first served, nothing lost.
    expect(13 - held).toBeLessThan(Math.min(...orders.filter((_, i) => outcomes[i] === 'out-of-stock').map((order) => order.quantity)));
  });

  it('never deadlocks on multi-product orders listing their products in opposite orders, with adjustments racing', async () => {
    const products = await Promise.all(Array.from({ length: 4 }, () => fixture.product({ a: 100, b: 100 })));
    const orders = Array.from({ length: 40 }, (_, i) => ({
      orderId: randomUUID(),
      // Half the orders list the products one way, half the other, each wanting enough to need both warehouses sometimes.
      lines: (i % 2 === 0 ? products : [...products].reverse()).map((productId, k): Line => [productId, ((i + k) % 5) + 1]),
    }));
    const adjust = async (productId: string, seed: number) => {
      const em = fixture.orm().em.fork();
      const warehouse = await em.findOneOrFail(Warehouse, seed % 2 === 0 ? WAREHOUSES.a.id : WAREHOUSES.b.id);
      await new StockRepository(em).apply({ productId, warehouse, delta: 1, reason: StockAdjustmentReason.RECEIVED, note: null, actorId: randomUUID() });
      return { kind: 'adjusted' };
    };
    const tasks = shuffled(
      [
        ...orders.map(({ orderId, lines }) => () => reserve(orderId, lines)),
        ...products.flatMap((productId, k) => Array.from({ length: 5 }, (_, n) => () => adjust(productId, k + n))),
      ],
      7,
    );
    expect(tally(await settle(tasks))).toEqual({ reserved: 40, adjusted: 20 });

    // Now commit half and release the other half, again in opposite orders, all at once.
    const settling = shuffled(orders, 11);
    const committed = settling.filter((_, i) => i % 2 === 0);
    const settled = await settle(
      settling.map(({ orderId }, i) => () =>
        fixture.inTransaction<{ readonly kind: string }>((tx) => (i % 2 === 0 ? service.commit(tx, orderId) : service.release(tx, orderId))),
      ),
    );
    expect(tally(settled)).toEqual({ released: 20, committed: 20 });
    for (const productId of products) {
      const shipped = committed
        .flatMap(({ lines }) => lines.filter(([id]) => id === productId))
        .reduce((sum, [, quantity]) => sum + quantity, 0);
      // 200 at first, 5 adjustments of +1, the committed orders' units gone, nothing held any more.
      expect(await totals(productId)).toEqual({ onHand: 205 - shipped, reserved: 0 });
    }
  });

  it('ends with nothing held when an order’s cancellation races its placement, whichever wins', async () => {
    const product = await fixture.product({ a: 30 });
    const orderIds = Array.from({ length: 30 }, () => randomUUID());
    const outcomes = await settle(
      shuffled(
        orderIds.flatMap((orderId): Array<() => Promise<{ readonly kind: string }>> => [
          () => reserve(orderId, [[product, 1]]),
          () => fixture.inTransaction((tx) => service.release(tx, orderId)),
        ]),
        3,
      ),
    );
    expect(outcomes.filter((outcome) => !['reserved', 'already-handled', 'released', 'tombstoned'].includes(outcome))).toEqual([]);
    expect(await fixture.figures(product)).toEqual({ a: { onHand: 30, reserved: 0 } });
    for (const orderId of orderIds) expect(await fixture.reservation(orderId)).toMatchObject({ status: 'RELEASED' });
  });
});
