import { randomUUID } from 'node:crypto';
import { generateCatalog } from '@techally/demo-data';
import { createEvent } from '@techally/events';
import { countStatements } from '@techally/testing';
import { addReview, startReviewsHarness, type Caller, type ReviewsHarness } from '../../__tests__/reviews.harness';

const active = generateCatalog().products.filter((product) => product.status === 'ACTIVE');

let h: ReviewsHarness;
let productIndex = 0;

/** A product no other test of this file uses. */
function freshProduct(): string {
  productIndex += 1;
  return active[productIndex]!.id;
}

/** `orders.order-paid.v1` of one order of `customerId`, one line per product id (repeats allowed). */
function orderPaid(customerId: string, productIds: string[], options: { orderId?: string; paidAt?: Date } = {}) {
  const orderId = options.orderId ?? randomUUID();
  return createEvent(
    'orders.order-paid.v1',
    orderId,
    { orderId, customerId, items: productIds.map((productId) => ({ productId, quantity: 1 })), total: { amount: 2500, currency: 'EUR' } },
    {},
    options.paidAt ? { occurredAt: options.paidAt } : {},
  );
}

/** Publishes the events, in order, and waits until the consumer committed the last (it handles them in order). */
async function deliver(...events: Array<ReturnType<typeof orderPaid>>): Promise<void> {
  for (const event of events) await h.bus.publish(event);
  await h.handled(events[events.length - 1]!.id);
}

/** `verifiedPurchase` of each review id, in one `_entities` request as the gateway asks. */
async function verified(reviewIds: string[]): Promise<boolean[]> {
  const response = await h.query<{ _entities: Array<{ verifiedPurchase: boolean } | null> }>(
    'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Review { verifiedPurchase } } }',
    { representations: reviewIds.map((id) => ({ __typename: 'Review', id })) },
  );
  expect(response.errors).toBeUndefined();
  return response.data!._entities.map((review) => review!.verifiedPurchase);
}

async function purchaseRows(customerId: string) {
  return h.subgraph.orm.em
    .fork()
    .getConnection()
    .execute<Array<{ product_id: string; first_order_id: string; purchased_at: string }>>(
      `select product_id, first_order_id, to_char(purchased_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as purchased_at
       from reviews.purchase where customer_id = ? order by product_id`,
      [customerId],
    );
}

beforeAll(async () => {
  h = await startReviewsHarness();
});
afterAll(() => h?.stop());

describe('Review.verifiedPurchase', () => {
  it('is false for a review whose author never bought the product', async () => {
    const review = await addReview(h, await h.customer(), { productId: freshProduct() });
    expect(review.verifiedPurchase).toBe(false);
    expect(await verified([review.id])).toEqual([false]);
  });

  it('turns true for the buyer\'s reviews of the products of a paid order, and for nobody and nothing else', async () => {
    const [bought, alsoBought, notBought] = [freshProduct(), freshProduct(), freshProduct()];
    const buyer = await h.customer();
    const other = await h.customer();
    const reviews = {
      buyerBought: await addReview(h, buyer, { productId: bought }),
      buyerAlsoBought: await addReview(h, buyer, { productId: alsoBought }),
      buyerNotBought: await addReview(h, buyer, { productId: notBought }),
      otherBought: await addReview(h, other, { productId: bought }),
      otherAlsoBought: await addReview(h, other, { productId: alsoBought }),
    };
    const ids = Object.values(reviews).map((review) => review.id);
    expect(await verified(ids)).toEqual([false, false, false, false, false]);

    // One order, a product on two lines: still one purchase per product.
    await deliver(orderPaid(buyer.userId, [bought, alsoBought, alsoBought]));
    expect(await verified(ids)).toEqual([true, true, false, false, false]);
    expect((await purchaseRows(buyer.userId)).map((row) => row.product_id).sort()).toEqual([bought, alsoBought].sort());

    // Someone else buying the product the buyer only reviewed changes nothing for the buyer.
    await deliver(orderPaid(other.userId, [notBought]));
    expect(await verified(ids)).toEqual([true, true, false, false, false]);
  });

  it('is true for a review written after the purchase, and reads the same by review(id) and in lists', async () => {
    const buyer = await h.customer();
    const productId = freshProduct();
    await deliver(orderPaid(buyer.userId, [productId]));
    const review = await addReview(h, buyer, { productId });
    expect(review.verifiedPurchase).toBe(true);
    const lookup = await h.query<{ review: { verifiedPurchase: boolean } }>('query ($id: ID!) { review(id: $id) { verifiedPurchase } }', { id: review.id });
    expect(lookup.data).toEqual({ review: { verifiedPurchase: true } });
    const list = await h.query(
      'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Product { reviews { edges { node { id verifiedPurchase } } } } } }',
      { representations: [{ __typename: 'Product', id: productId }] },
    );
    expect(list.data).toEqual({ _entities: [{ reviews: { edges: [{ node: { id: review.id, verifiedPurchase: true } }] } }] });
  });

  it('records one row per customer and product when the same event is delivered twice, or replayed after its inbox row is gone', async () => {
    const buyer = await h.customer();
    const [first, second] = [freshProduct(), freshProduct()];
    const paid = orderPaid(buyer.userId, [first, second]);
    // The bus hands one group's events to its consumer in stream order: once the marker is handled, so are both copies.
    const marker = orderPaid(buyer.userId, [freshProduct()]);
    await h.bus.publish(paid);
    await deliver(paid, marker);
    const connection = h.subgraph.orm.em.fork().getConnection();
    const inbox = await connection.execute('select consumer from reviews.inbox where event_id = ?', [paid.id]);
    expect(inbox).toEqual([{ consumer: 'reviews.track-purchases' }]);
    const rows = await purchaseRows(buyer.userId);
    expect(rows.filter((row) => row.first_order_id === paid.payload.orderId).map((row) => row.product_id).sort()).toEqual([first, second].sort());
    expect(rows).toHaveLength(3);

    // The inbox may be pruned: the effect is idempotent on its own, so a replay after that still adds nothing.
    await connection.execute('delete from reviews.inbox where event_id = ?', [paid.id]);
    await deliver(paid);
    expect(await purchaseRows(buyer.userId)).toEqual(rows);
  });

  it('keeps the earliest paid order of a customer and product, whatever order the events arrive in', async () => {
    const buyer = await h.customer();
    const [early, late] = [freshProduct(), freshProduct()];
    const second = orderPaid(buyer.userId, [early, late], { paidAt: new Date('2026-03-02T10:00:00.123Z') });
    const first = orderPaid(buyer.userId, [early], { paidAt: new Date('2026-03-01T10:00:00.456Z') });
    const third = orderPaid(buyer.userId, [early, late], { paidAt: new Date('2026-03-03T10:00:00.000Z') });
    // Paid in the same millisecond: the smaller order id wins, so the row does not depend on arrival either.
    const [tied, sameTime] = [freshProduct(), new Date('2026-03-05T10:00:00.000Z')];
    const larger = orderPaid(buyer.userId, [tied], { orderId: 'ffffffff-0000-4000-8000-000000000000', paidAt: sameTime });
    const smaller = orderPaid(buyer.userId, [tied], { orderId: '00000000-0000-4000-8000-000000000000', paidAt: sameTime });
    // A redelivered event arrives after newer ones: here the first order's comes after the second's.
    await deliver(second, first, third, larger, smaller);
    expect(await purchaseRows(buyer.userId)).toEqual(
      [
        { product_id: early, first_order_id: first.payload.orderId, purchased_at: '2026-03-01T10:00:00.456Z' },
        { product_id: late, first_order_id: second.payload.orderId, purchased_at: '2026-03-02T10:00:00.123Z' },
        { product_id: tied, first_order_id: smaller.payload.orderId, purchased_at: '2026-03-05T10:00:00.000Z' },
      ].sort((a, b) => (a.product_id < b.product_id ? -1 : 1)),
    );
  });

  it('costs one statement for the verifiedPurchase of 50 reviews, bought or not', async () => {
    const author: Caller = await h.customer();
    const productIds = Array.from({ length: 50 }, () => freshProduct());
    const reviewIds: string[] = [];
    for (const productId of productIds) reviewIds.push((await addReview(h, author, { productId })).id);
    // Bought: every third product, over two orders.
    const bought = productIds.filter((_, index) => index % 3 === 0);
    await deliver(orderPaid(author.userId, bought.slice(0, 5)), orderPaid(author.userId, bought.slice(5)));

    const ask = async (fields: string) => {
      const counter = countStatements(h.subgraph.orm);
      try {
        const response = await h.query<{ _entities: Array<Record<string, unknown>> }>(
          `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Review { ${fields} } } }`,
          { representations: reviewIds.map((id) => ({ __typename: 'Review', id })) },
        );
        expect(response.errors).toBeUndefined();
        return { statements: counter.count, entities: response.data!._entities };
      } finally {
        counter.stop();
      }
    };
    const without = await ask('id');
    const withVerified = await ask('id verifiedPurchase');
    expect({ without: without.statements, withVerified: withVerified.statements }).toEqual({ without: 1, withVerified: 2 });
    expect(withVerified.entities).toEqual(reviewIds.map((id, index) => ({ id, verifiedPurchase: index % 3 === 0 })));
  });
});
