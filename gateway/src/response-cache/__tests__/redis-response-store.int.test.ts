import { createLogger } from '@techally/platform';
import { deleteKeys, eventually, startTcpProxy, testRedisUrl, uniqueKeyPrefix, type TcpProxy } from '@techally/testing';
import { RedisResponseStore } from '../redis-response-store';

/*
 * The Redis store against a real Redis (REDIS_URL), reached through a TCP proxy the test can take down: the
 * machine's Redis is shared and never stopped.
 */
const redisUrl = testRedisUrl();
const describeWithRedis = redisUrl ? describe : describe.skip;
if (!redisUrl) process.stderr.write('SKIPPED: redis-response-store.int — REDIS_URL is not set\n');

describeWithRedis('the Redis response store', () => {
  const prefix = uniqueKeyPrefix('redis-response-store');
  const logger = createLogger({ name: 'test', level: 'silent' });
  let proxy: TcpProxy;
  let store: RedisResponseStore;
  let epochs = 0;

  beforeAll(async () => {
    proxy = await startTcpProxy(redisUrl!);
    store = new RedisResponseStore({
      url: proxy.url,
      prefix,
      commandTimeoutMs: 200,
      maxTtlMs: 60_000,
      logger,
      onNewEpoch: () => epochs++,
    });
    await eventually(() => store.usable(), 'the store to connect');
  });

  afterAll(async () => {
    await store?.close();
    await proxy?.close();
    if (redisUrl) await deleteKeys(redisUrl, prefix);
  });

  it('keeps, finds and invalidates entries by tag, in one round trip each', async () => {
    const { ticket } = await store.lookup(['k1']);
    expect(await store.store('k1', 'one', ['a', 'b'], 10_000, ticket)).toBe(true);
    expect(await store.store('k2', 'two', ['b'], 10_000, ticket)).toBe(true);
    expect(await store.store('k3', 'three', ['c'], 10_000, ticket)).toBe(true);
    expect((await store.lookup(['nope', 'k1'])).body).toBe('one');
    expect(await store.invalidate(['b'])).toBe(2);
    expect((await store.lookup(['k1'])).body).toBeNull();
    expect((await store.lookup(['k2'])).body).toBeNull();
    expect((await store.lookup(['k3'])).body).toBe('three');
  });

  it('refuses the write-back of a read that started before an invalidation of its tags', async () => {
    const { ticket } = await store.lookup(['late']);
    await store.invalidate(['products:Product:p1']);
    expect(await store.store('late', 'stale', ['products:Product:p1', 'products:Query'], 10_000, ticket)).toBe(false);
    expect((await store.lookup(['late'])).body).toBeNull();
    expect(await store.store('late', 'fresh', ['products:Product:p1'], 10_000, (await store.lookup([])).ticket)).toBe(true);
  });

  it('is unusable while Redis is unreachable (commands fail at once), and forgets everything once back', async () => {
    const { ticket } = await store.lookup([]);
    await store.store('before', 'kept before the outage', ['t'], 60_000, ticket);
    const epochsBefore = epochs;

    await proxy.down();
    await eventually(() => !store.usable(), 'the store to notice');
    await expect(store.lookup(['before'])).rejects.toThrow();
    // An invalidation that cannot be applied while Redis is away (another process would retry the event):
    await expect(store.invalidate(['t'])).rejects.toThrow();

    await proxy.up();
    await eventually(() => store.usable(), 'the store to be back');
    expect(epochs).toBe(epochsBefore + 1);
    // The entry is still in Redis under the old epoch, but no longer reachable: nothing stale is served.
    expect((await store.lookup(['before'])).body).toBeNull();
  });

  it('forgets everything when an invalidation failed with Redis reachable (a timeout), before it is used again', async () => {
    const { ticket } = await store.lookup([]);
    await store.store('x', 'X', ['t2'], 60_000, ticket);
    const epochsBefore = epochs;
    store.distrust(); // what a failed invalidate() does
    await eventually(() => store.usable(), 'a new epoch');
    expect(epochs).toBe(epochsBefore + 1);
    expect((await store.lookup(['x'])).body).toBeNull();
  });
});
