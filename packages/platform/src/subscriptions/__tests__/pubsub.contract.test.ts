import { deleteKeys, inspectRedis, testRedisUrl, uniqueKeyPrefix } from '@techally/testing';
import { createLogger } from '../../logging/logger';
import { createSubscriptionPubSub, type SubscriptionPubSub, type SubscriptionStream } from '../pubsub';
import { topic } from '../topic';

const redisUrl = testRedisUrl();
const logger = createLogger({ name: 'pubsub-test', level: 'silent' });
interface StockChanged {
  readonly productId: string;
  readonly available: number;
  readonly at: string;
}
const stockChanged = topic<StockChanged>('stock-changed');

/** The next item of a stream, or a clear failure instead of a hung test. */
async function nextOf<T>(stream: SubscriptionStream<T>): Promise<T> {
  const result = await stream.next();
  if (result.done) throw new Error('the stream ended');
  return result.value;
}

const backends: Array<[string, string | undefined]> = [['in memory', undefined]];
if (redisUrl) backends.push(['on Redis', redisUrl]);
else process.stderr.write('pubsub contract on Redis — SKIPPED, REDIS_URL is not set\n');

describe.each(backends)('the subscription pub/sub %s', (_name, url) => {
  let keyPrefix: string;
  let pubSub: SubscriptionPubSub;

  beforeEach(() => {
    keyPrefix = uniqueKeyPrefix('pubsub-contract');
    pubSub = createSubscriptionPubSub({ redisUrl: url, keyPrefix, logger });
  });

  afterEach(async () => {
    await pubSub.close();
    if (url) await deleteKeys(url, keyPrefix);
  });

  it('delivers what is published after the stream is live, even before the first next() (the RedisPubSub trap)', async () => {
    const stream = stockChanged.subscribe(pubSub, 'p1');
    await stream.live;
    await stockChanged.publish(pubSub, { productId: 'p1', available: 3, at: '2026-11-26T10:00:00.000Z' }, 'p1');
    expect(await nextOf(stream)).toEqual({ productId: 'p1', available: 3, at: '2026-11-26T10:00:00.000Z' });
    await stream.return();
  });

  it('delivers what JSON gives back, on both backends (a Date arrives as its ISO string)', async () => {
    const stream = pubSub.subscribe('raw');
    await stream.live;
    await pubSub.publish('raw', { at: new Date('2026-11-26T10:00:00.000Z'), gone: undefined });
    expect(await nextOf(stream)).toEqual({ at: '2026-11-26T10:00:00.000Z' });
    await stream.return();
  });

  it('routes by instance: a stream over several ids sees those and no other, in publish order', async () => {
    const stream = stockChanged.subscribe(pubSub, ['a', 'b']);
    await stream.live;
    for (const [id, available] of [['a', 1], ['c', 2], ['b', 3], ['a', 4]] as const) {
      await stockChanged.publish(pubSub, { productId: id, available, at: 'now' }, id);
    }
    const seen = [await nextOf(stream), await nextOf(stream), await nextOf(stream)];
    expect(seen.map((event) => [event.productId, event.available])).toEqual([['a', 1], ['b', 3], ['a', 4]]);
    await stream.return();
  });

  it("narrows a routing key with type-graphql's dynamic id", async () => {
    const stream = pubSub.subscribe('order-status-changed', 42);
    await stream.live;
    await pubSub.publish('order-status-changed:41', { n: 41 });
    await pubSub.publish('order-status-changed:42', { n: 42 });
    expect(await nextOf(stream)).toEqual({ n: 42 });
    await stream.return();
  });

  it('stops delivering to a stream once it is returned', async () => {
    const stream = stockChanged.subscribe(pubSub, 'p1');
    const other = stockChanged.subscribe(pubSub, 'p1');
    await Promise.all([stream.live, other.live]);
    await stream.return();
    await stockChanged.publish(pubSub, { productId: 'p1', available: 1, at: 'now' }, 'p1');
    expect(await nextOf(other)).toMatchObject({ available: 1 });
    expect(await stream.next()).toEqual({ value: undefined, done: true });
    await other.return();
  });

  it('ends every open stream on close()', async () => {
    const stream = stockChanged.subscribe(pubSub);
    await stream.live;
    const pending = stream.next();
    await pubSub.close();
    expect(await pending).toEqual({ value: undefined, done: true });
  });

  it('keeps deployments apart by key prefix', async () => {
    const neighbour = createSubscriptionPubSub({ redisUrl: url, keyPrefix: `${keyPrefix}-neighbour`, logger });
    try {
      const stream = stockChanged.subscribe(pubSub, 'p1');
      await stream.live;
      await stockChanged.publish(neighbour, { productId: 'p1', available: 99, at: 'now' }, 'p1');
      await stockChanged.publish(pubSub, { productId: 'p1', available: 1, at: 'now' }, 'p1');
      expect(await nextOf(stream)).toMatchObject({ available: 1 });
      await stream.return();
    } finally {
      await neighbour.close();
    }
  });
});

(redisUrl ? describe : describe.skip)(
  `the subscription pub/sub across processes${redisUrl ? '' : ' — SKIPPED, REDIS_URL is not set'}`,
  () => {
    const url = redisUrl as string;
    const keyPrefix = uniqueKeyPrefix('pubsub-processes');
    let subscriberSide: SubscriptionPubSub;
    let publisherSide: SubscriptionPubSub;

    beforeAll(() => {
      subscriberSide = createSubscriptionPubSub({ redisUrl: url, keyPrefix, logger });
      publisherSide = createSubscriptionPubSub({ redisUrl: url, keyPrefix, logger });
    });

    afterAll(async () => {
      await subscriberSide.close();
      await publisherSide.close();
      await deleteKeys(url, keyPrefix);
    });

    it('carries an event published by one instance to the streams of another, on channels under the prefix', async () => {
      const stream = stockChanged.subscribe(subscriberSide, 'p7');
      await stream.live;
      const redis = inspectRedis(url);
      try {
        const [, subscribers] = (await redis.pubsub('NUMSUB', `${keyPrefix}:stock-changed:p7`)) as [string, number];
        expect(Number(subscribers)).toBe(1);
        await stockChanged.publish(publisherSide, { productId: 'p7', available: 5, at: 'now' }, 'p7');
        expect(await nextOf(stream)).toEqual({ productId: 'p7', available: 5, at: 'now' });
        await stream.return();
        // The subscriber connection leaves the channel once no stream needs it.
        let remaining = 1;
        for (let attempt = 0; attempt < 100 && remaining > 0; attempt++) {
          const [, count] = (await redis.pubsub('NUMSUB', `${keyPrefix}:stock-changed:p7`)) as [string, number];
          remaining = Number(count);
          if (remaining > 0) await new Promise((resolve) => setTimeout(resolve, 20));
        }
        expect(remaining).toBe(0);
      } finally {
        redis.disconnect();
      }
    });
  },
);
