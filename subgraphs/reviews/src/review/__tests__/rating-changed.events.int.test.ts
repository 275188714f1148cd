import { randomUUID } from 'node:crypto';
import { generateCatalog } from '@techally/demo-data';
import { createInMemoryEventBus, createRedisEventBus, type AnyEventEnvelope, type EventBus, type Subscription } from '@techally/events';
import { busMatrix, errorCodes } from '@techally/testing';
import {
  addReview,
  ADD_REVIEW,
  DELETE_REVIEW,
  MODERATE_REVIEW,
  UPDATE_REVIEW,
  startReviewsHarness,
  type ReviewsHarness,
} from '../../__tests__/reviews.harness';

/**
 * `reviews.rating-changed.v1` (issue #10, the cache that is never stale): every write that changes a product's
 * visible reviews commits the product's new rating with it, once; a write that leaves the rating as it was, and
 * a refused or rolled-back one, emits nothing. On the in-memory bus always; on Redis Streams when REDIS_URL is
 * set (a key prefix of this file's own).
 */
const catalog = generateCatalog().products;
const active = catalog.filter((product) => product.status === 'ACTIVE');
const archived = catalog.find((product) => product.status === 'ARCHIVED')!;

const buses = busMatrix<EventBus>('reviews-rating-changed', {
  memory: () => createInMemoryEventBus(),
  redis: (url, keyPrefix) => createRedisEventBus({ url, keyPrefix }),
});
afterAll(() => buses.cleanup());

describe.each(buses.cases)('reviews.rating-changed.v1 on %s', (_, makeBus) => {
  const run = makeBus ? it : it.skip;
  let bus: EventBus;
  let h: ReviewsHarness;
  let subscription: Subscription;
  const received: AnyEventEnvelope[] = [];
  let productIndex = 0;
  const nextProduct = () => active[productIndex++]!.id;

  beforeAll(async () => {
    if (!makeBus) return;
    bus = makeBus();
    h = await startReviewsHarness({ bus });
    subscription = await bus.subscribe({
      group: 'test.rating-changed',
      consumer: 'test.rating-changed-1',
      types: ['reviews.rating-changed.v1'],
      handler: async (event) => void received.push(event as AnyEventEnvelope),
    });
  });
  afterAll(async () => {
    await subscription?.stop();
    await h?.stop();
    await bus?.close();
  });

  /**
   * The ratings the bus delivered for `productId`, once everything committed so far has been: a review of a
   * fresh product commits last, and the reviews stream delivers in commit order.
   */
  async function ratingsOf(productId: string): Promise<unknown[]> {
    const fence = nextProduct();
    await addReview(h, await h.customer(), { productId: fence });
    const deadline = Date.now() + 20_000;
    while (!received.some((event) => event.aggregateId === fence)) {
      if (Date.now() > deadline) throw new Error('timed out waiting for the fence review’s event');
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    return received.filter((event) => event.aggregateId === productId).map((event) => event.payload);
  }

  run('addReview: the product’s new rating, once per review, carrying the request id', async () => {
    const productId = nextProduct();
    await addReview(h, await h.customer(), { productId, rating: 4 });
    await addReview(h, await h.customer(), { productId, rating: 5 });
    expect(await ratingsOf(productId)).toEqual([
      { productId, average: 4, count: 1 },
      { productId, average: 4.5, count: 2 },
    ]);
    const [row] = await h.sql<{ metadata: Record<string, unknown> }>(`select metadata from reviews.outbox where aggregate_id = ? limit 1`, [productId]);
    expect(row!.metadata['requestId']).toEqual(expect.any(String));
  });

  run('updateReview: new stars emit, a new title or the same stars do not', async () => {
    const productId = nextProduct();
    const author = await h.customer();
    const review = await addReview(h, author, { productId, rating: 2 });
    expect((await h.query(UPDATE_REVIEW, { id: review.id, input: { title: 'Second thoughts' } }, author)).errors).toBeUndefined();
    expect((await h.query(UPDATE_REVIEW, { id: review.id, input: { rating: 2, body: 'Still two.' } }, author)).errors).toBeUndefined();
    expect((await h.query(UPDATE_REVIEW, { id: review.id, input: { rating: 5 } }, author)).errors).toBeUndefined();
    expect(await ratingsOf(productId)).toEqual([
      { productId, average: 2, count: 1 },
      { productId, average: 5, count: 1 },
    ]);
  });

  run('deleteReview: the rating without it, down to none; a hidden review’s deletion changes no rating', async () => {
    const productId = nextProduct();
    const author = await h.customer();
    const review = await addReview(h, author, { productId, rating: 3 });
    const hiddenAuthor = await h.customer();
    const hidden = await addReview(h, hiddenAuthor, { productId, rating: 1 });
    expect((await h.query(MODERATE_REVIEW, { id: hidden.id, hidden: true }, h.admin)).errors).toBeUndefined();
    expect((await h.query(DELETE_REVIEW, { id: hidden.id }, hiddenAuthor)).errors).toBeUndefined();
    expect((await h.query(DELETE_REVIEW, { id: review.id }, author)).errors).toBeUndefined();
    expect(await ratingsOf(productId)).toEqual([
      { productId, average: 3, count: 1 },
      { productId, average: 2, count: 2 },
      { productId, average: 3, count: 1 }, // hidden
      { productId, average: null, count: 0 }, // the visible one deleted
    ]);
  });

  run('moderateReview: hiding and showing move the rating; hiding twice, or re-rating a hidden review, do not', async () => {
    const productId = nextProduct();
    await addReview(h, await h.customer(), { productId, rating: 5 });
    const author = await h.customer();
    const review = await addReview(h, author, { productId, rating: 1 });
    expect((await h.query(MODERATE_REVIEW, { id: review.id, hidden: true, reason: 'Off topic' }, h.admin)).errors).toBeUndefined();
    expect((await h.query(MODERATE_REVIEW, { id: review.id, hidden: true, reason: 'Still off topic' }, h.admin)).errors).toBeUndefined();
    expect((await h.query(UPDATE_REVIEW, { id: review.id, input: { rating: 2 } }, author)).errors).toBeUndefined();
    expect((await h.query(MODERATE_REVIEW, { id: review.id, hidden: false }, h.admin)).errors).toBeUndefined();
    expect(await ratingsOf(productId)).toEqual([
      { productId, average: 5, count: 1 },
      { productId, average: 3, count: 2 },
      { productId, average: 5, count: 1 }, // hidden
      { productId, average: 3.5, count: 2 }, // shown again, with the stars its author changed meanwhile
    ]);
  });

  run('a refused write emits nothing: bad input, an archived product, a duplicate the unique index rolls back, someone else', async () => {
    const productId = nextProduct();
    const author = await h.customer();
    const review = await addReview(h, author, { productId, rating: 4 });
    const input = { productId, rating: 6, title: 'Too good', body: 'Six stars.' };
    expect(errorCodes(await h.query(ADD_REVIEW, { input }, await h.customer()))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await h.query(ADD_REVIEW, { input: { ...input, rating: 5 } }, author))).toEqual(['REVIEW_ALREADY_EXISTS']);
    expect(errorCodes(await h.query(UPDATE_REVIEW, { id: review.id, input: { rating: 1 } }, await h.customer()))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await h.query(DELETE_REVIEW, { id: review.id }, await h.customer()))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await h.query(MODERATE_REVIEW, { id: review.id, hidden: true }, author))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await h.query(UPDATE_REVIEW, { id: randomUUID(), input: { rating: 1 } }, author))).toEqual(['NOT_FOUND']);
    const unavailable = await h.query(ADD_REVIEW, { input: { ...input, productId: archived.id, rating: 5 } }, await h.customer());
    expect(errorCodes(unavailable)).toEqual(['PRODUCT_UNAVAILABLE']);

    expect(await ratingsOf(productId)).toEqual([{ productId, average: 4, count: 1 }]);
    expect(await ratingsOf(archived.id)).toEqual([]);
    const rows = await h.sql(`select 1 from reviews.outbox where aggregate_id = ?`, [productId]);
    expect(rows).toHaveLength(1);
  });

  run('reviews of one product added at once publish every count once: each write reads the ratings before it', async () => {
    const productId = nextProduct();
    const authors = await Promise.all([1, 2, 3, 4, 5].map(() => h.customer()));
    await Promise.all(authors.map((author, index) => addReview(h, author, { productId, rating: index + 1 })));
    const counts = ((await ratingsOf(productId)) as Array<{ count: number }>).map((rating) => rating.count);
    expect([...counts].sort()).toEqual([1, 2, 3, 4, 5]);
    expect(((await ratingsOf(productId)) as Array<{ average: number }>).at(-1)).toEqual({ productId, average: 3, count: 5 });
  });
});
