import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { handleOnce } from '@techally/events';
import { migratedTestOrm } from '@techally/testing';
import { createReviewsOrm } from '../../database';
import { PurchaseRepository } from '../purchase.repository';

const orm = migratedTestOrm((database) => createReviewsOrm({ databaseUrl: database.url, poolMax: database.poolMax }));

const fork = () => orm().em.fork() as EntityManager;

async function countPurchases(customerId: string): Promise<number> {
  const rows = await fork().execute<Array<{ count: number }>>('select count(*)::int as count from reviews.purchase where customer_id = ?', [customerId]);
  return rows[0]!.count;
}

describe('PurchaseRepository', () => {
  it('writes in the transaction of its EntityManager: a rolled-back handleOnce leaves neither purchases nor inbox row', async () => {
    const customerId = randomUUID();
    const eventId = randomUUID();
    await expect(
      handleOnce(fork(), { id: eventId }, 'reviews.track-purchases', async (tx) => {
        await new PurchaseRepository(tx).recordPaidOrder({ orderId: randomUUID(), customerId, productIds: [randomUUID()], paidAt: new Date() });
        expect(await new PurchaseRepository(tx).purchased([])).toEqual(new Set());
        throw new Error('the effect fails after the write');
      }),
    ).rejects.toThrow('the effect fails after the write');
    expect(await countPurchases(customerId)).toBe(0);
    expect(await fork().execute('select 1 from reviews.inbox where event_id = ?', [eventId])).toEqual([]);
  });

  it('answers which pairs are purchases, whatever the case of the ids, and nothing for no pairs', async () => {
    const [customerId, bought, notBought] = [randomUUID(), randomUUID(), randomUUID()];
    await new PurchaseRepository(fork()).recordPaidOrder({ orderId: randomUUID(), customerId, productIds: [bought.toUpperCase()], paidAt: new Date() });
    const repository = new PurchaseRepository(fork());
    expect(
      await repository.purchased([
        { customerId: customerId.toUpperCase(), productId: bought },
        { customerId, productId: notBought },
        { customerId: randomUUID(), productId: bought },
      ]),
    ).toEqual(new Set([`${customerId}|${bought}`]));
    expect(await repository.purchased([])).toEqual(new Set());
  });

  it('refuses a malformed id rather than pass it into the array literal', async () => {
    await expect(
      new PurchaseRepository(fork()).recordPaidOrder({ orderId: randomUUID(), customerId: randomUUID(), productIds: ['x}, {y'], paidAt: new Date() }),
    ).rejects.toThrow('not a uuid: "x}, {y"');
  });
});
