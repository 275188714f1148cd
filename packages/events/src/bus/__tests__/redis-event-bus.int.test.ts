import { createServer, type AddressInfo } from 'node:net';
import { createRedisEventBus, redisStreamKeys, type AnyEventEnvelope, type EventBus } from '../../index';
import { deleteKeys, inspectRedis, testRedisUrl, uniqueKeyPrefix } from '@techally/testing';
import { orderPlaced, stockChanged } from '../../__tests__/support/sample-events';
import { announceSkipped, waitFor } from '../../__tests__/support/wait-for';
import { CONTRACT_TUNING } from './event-bus.contract';

/** What only the Redis bus has: its key layout, trimming, and how it copes with Redis being away or wiped. */
const redisUrl = testRedisUrl();
const filePrefix = uniqueKeyPrefix('redis-bus');
const suite = redisUrl ? describe : describe.skip;
if (!redisUrl) announceSkipped('the Redis Streams bus specs', 'REDIS_URL is not set (CI sets it to redis://127.0.0.1:6379)');

suite(`the Redis Streams bus${redisUrl ? '' : ' — SKIPPED, REDIS_URL is not set'}`, () => {
  const url = redisUrl!;
  const redis = redisUrl ? inspectRedis(url) : null;
  const buses: EventBus[] = [];
  let count = 0;

  function newBus(options: { maxLength?: number; url?: string } = {}) {
    const keyPrefix = `${filePrefix}:${++count}`;
    const bus = createRedisEventBus({ url: options.url ?? url, keyPrefix, consumer: CONTRACT_TUNING, ...(options.maxLength ? { maxLength: options.maxLength } : {}) });
    buses.push(bus);
    return { bus, keys: redisStreamKeys(keyPrefix), keyPrefix };
  }

  afterEach(async () => {
    for (const bus of buses.splice(0)) await bus.close();
  });
  afterAll(async () => {
    await deleteKeys(url, filePrefix);
    redis?.disconnect();
  });

  it('keeps one stream per producing domain under its prefix, each entry the type and the envelope', async () => {
    const { bus, keys, keyPrefix } = newBus();
    const placed = orderPlaced();
    const changed = stockChanged();
    await bus.publish(placed);
    await bus.publish(changed);
    expect(keys.stream('orders')).toBe(`${keyPrefix}:stream:orders`);
    const [[, fields]] = (await redis!.xrange(keys.stream('orders'), '-', '+')) as [[string, string[]]];
    expect(fields).toEqual(['type', 'orders.order-placed.v1', 'envelope', JSON.stringify(placed)]);
    const [[, inventoryFields]] = (await redis!.xrange(keys.stream('inventory'), '-', '+')) as [[string, string[]]];
    expect(JSON.parse(inventoryFields[3]!)).toEqual(changed);
  });

  it('creates each group on the streams of its types, from the beginning', async () => {
    const { bus, keys } = newBus();
    const sub = await bus.subscribe({ group: 'search.index', consumer: 's1', types: ['inventory.stock-changed.v1', 'orders.order-placed.v1'], handler: async () => undefined });
    for (const domain of ['inventory', 'orders']) {
      const groups = (await redis!.call('XINFO', 'GROUPS', keys.stream(domain))) as unknown[][];
      expect(groups).toHaveLength(1);
      expect(groups[0]).toEqual(expect.arrayContaining(['name', 'search.index']));
    }
    await sub.stop();
  });

  it('writes dead letters to <prefix>:dead-letter', async () => {
    const { bus, keys, keyPrefix } = newBus();
    await bus.subscribe({
      group: 'inventory.reserve-stock',
      consumer: 'i1',
      types: ['orders.order-placed.v1'],
      maxDeliveries: 1,
      handler: async () => {
        throw new Error('no such warehouse');
      },
    });
    const poison = orderPlaced();
    await bus.publish(poison);
    await waitFor('the dead letter', async () => (await redis!.xlen(keys.deadLetter)) === 1);
    expect(keys.deadLetter).toBe(`${keyPrefix}:dead-letter`);
    const [[, fields]] = (await redis!.xrange(keys.deadLetter, '-', '+')) as [[string, string[]]];
    expect(fields).toEqual(expect.arrayContaining(['eventId', poison.id, 'error', 'no such warehouse', 'group', 'inventory.reserve-stock']));
  });

  it('trims each stream to about maxLength entries (XADD MAXLEN ~)', async () => {
    const { bus, keys } = newBus({ maxLength: 100 });
    for (let index = 0; index < 600; index++) await bus.publish(stockChanged());
    const length = await redis!.xlen(keys.stream('inventory'));
    expect(length).toBeGreaterThanOrEqual(100);
    expect(length).toBeLessThan(600);
  });

  it('picks up again when its streams and groups vanish (a Redis restarted without its data)', async () => {
    const { bus, keys } = newBus();
    const received: AnyEventEnvelope[] = [];
    await bus.subscribe({ group: 'search.index', consumer: 's1', types: ['inventory.stock-changed.v1'], handler: async (event) => void received.push(event) });
    const before = stockChanged();
    await bus.publish(before);
    await waitFor('the first event', () => received.length === 1);
    await redis!.del(keys.stream('inventory'));
    // The consumer's next read fails (NOGROUP); it recreates the group and goes on.
    await waitFor('the group to be back', async () => {
      const groups = (await redis!.call('XINFO', 'GROUPS', keys.stream('inventory')).catch(() => [])) as unknown[];
      return groups.length === 1;
    });
    const after = stockChanged();
    await bus.publish(after);
    await waitFor('the event published after the wipe', () => received.some((event) => event.id === after.id));
    expect(received.map((event) => event.id)).toEqual([before.id, after.id]);
  });

  it('can be created while Redis is unreachable; publishing then fails instead of hanging', async () => {
    const closedPort = await unusedPort();
    const { bus } = newBus({ url: `redis://127.0.0.1:${closedPort}` });
    await expect(bus.publish(orderPlaced())).rejects.toThrow();
    expect(await bus.isReachable()).toBe(false);
  });

  it('answers isReachable and leaves no connection open after close', async () => {
    const { bus, keyPrefix } = newBus();
    const sub = await bus.subscribe({ group: 'g', consumer: 'c', types: ['orders.order-placed.v1'], handler: async () => undefined });
    expect(await bus.isReachable()).toBe(true);
    const connections = async () => ((await redis!.call('CLIENT', 'LIST')) as string).split('\n').filter((line) => line.includes(`name=techally-events-${keyPrefix} `)).length;
    expect(await connections()).toBe(2); // commands + the subscription's blocking reader
    await sub.stop();
    await bus.close();
    await waitFor('every connection closed', async () => (await connections()) === 0);
  });
});

async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
