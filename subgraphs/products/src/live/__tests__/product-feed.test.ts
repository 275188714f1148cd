import { createEvent } from '@techally/events';
import { createLogger, createSubscriptionPubSub, type SubscriptionPubSub } from '@techally/platform';
import { ProductFeed } from '../product-feed';

const PRODUCT = '0b6f1f0e-3c1e-4d7a-9f59-2f3c8d1e4a10';
const identity = { productId: PRODUCT, sku: 'LIVE-1', categoryId: '5d0e6a43-8f9e-4c77-b2f7-9a4c6f1d2e3b' };

let pubSub: SubscriptionPubSub;
beforeEach(() => (pubSub = createSubscriptionPubSub({ keyPrefix: 'product-feed-test', logger: createLogger({ name: 'test', level: 'silent' }) })));
afterEach(() => pubSub.close());

describe('ProductFeed.onPublished', () => {
  it('announces an edit and an archiving once each, on the product’s channel; not its price-changed twin, nor a creation', async () => {
    const feed = new ProductFeed(pubSub);
    const stream = await feed.watch([PRODUCT]);
    const price = { amount: 100, currency: 'USD' };
    const events = [
      createEvent('products.product-created.v1', PRODUCT, identity),
      createEvent('products.product-updated.v1', PRODUCT.toUpperCase(), { ...identity, productId: PRODUCT.toUpperCase(), previousCategoryId: null, changedFields: ['price'] }),
      createEvent('products.price-changed.v1', PRODUCT, { ...identity, price, previousPrice: { amount: 200, currency: 'USD' } }),
      createEvent('products.product-archived.v1', PRODUCT, identity),
    ];
    for (const event of events) await feed.onPublished(event);

    const first = await stream.next();
    const second = await stream.next();
    expect([first.value, second.value]).toEqual([
      { productId: PRODUCT, at: events[1]!.occurredAt },
      { productId: PRODUCT, at: events[3]!.occurredAt },
    ]);
    await stream.return();
  });
});
