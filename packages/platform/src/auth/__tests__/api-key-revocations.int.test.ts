import { redisServerBinary, startPrivateRedis, type PrivateRedis } from '@techally/testing';
import { createLogger } from '../../logging/logger';
import { createApiKeyRevocations, memoryRevocations, type ApiKeyRevocations } from '../api-key-revocations';

const logger = createLogger({ name: 'test', level: 'silent' });

/** Resolves when `condition` holds, checking at each turn of the event loop's timers (never a fixed sleep). */
async function until(condition: () => boolean, what: string, deadlineMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > deadlineMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('API-key revocations in memory', () => {
  it('reach every listener of the channel, until it stops listening', async () => {
    const channel = memoryRevocations();
    const heard: string[] = [];
    const stop = await channel.listen({ onRevoked: (id) => heard.push(`a:${id}`), onGap: () => undefined });
    await channel.listen({ onRevoked: (id) => heard.push(`b:${id}`), onGap: () => undefined });
    await channel.publish('k1');
    stop();
    await channel.publish('k2');
    expect(heard).toEqual(['a:k1', 'b:k1', 'b:k2']);
  });
});

const binary = redisServerBinary();
if (!binary) process.stderr.write('SKIPPED: API-key revocations over Redis — redis-server is not on PATH\n');
(binary ? describe : describe.skip)('API-key revocations over Redis Pub/Sub (a Redis of the test\'s own)', () => {
  let redis: PrivateRedis;
  let publisher: ApiKeyRevocations;
  let gatewayA: ApiKeyRevocations;
  let gatewayB: ApiKeyRevocations;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    const open = () => createApiKeyRevocations({ redisUrl: redis.url, keyPrefix: 'revocations-test', logger });
    [publisher, gatewayA, gatewayB] = [open(), open(), open()];
  });
  afterAll(async () => {
    await Promise.all([publisher, gatewayA, gatewayB].map((channel) => channel?.close()));
    await redis?.stop();
  });

  it('reach EVERY process listening (not one of a group), as soon as the publish has returned', async () => {
    const heardA: string[] = [];
    const heardB: string[] = [];
    await gatewayA.listen({ onRevoked: (id) => heardA.push(id), onGap: () => undefined });
    await gatewayB.listen({ onRevoked: (id) => heardB.push(id), onGap: () => undefined });
    expect(gatewayA.isListening()).toBe(true);
    await publisher.publish('key-1');
    await until(() => heardA.length === 1 && heardB.length === 1, 'both listeners');
    expect([heardA, heardB]).toEqual([['key-1'], ['key-1']]);
  });

  it('say they are not listening while Redis is away, and tell listeners of the gap when it is back', async () => {
    let gaps = 0;
    const heard: string[] = [];
    await gatewayA.listen({ onRevoked: (id) => heard.push(id), onGap: () => (gaps += 1) });
    await redis.stop();
    await until(() => !gatewayA.isListening(), 'the subscriber to notice Redis is gone');
    await expect(publisher.publish('lost')).rejects.toThrow();

    await redis.start();
    await until(() => gaps > 0 && gatewayA.isListening(), 'the subscription to come back');
    await publisher.publish('key-2');
    await until(() => heard.includes('key-2'), 'the revocation after the gap');
    expect(heard).not.toContain('lost');
  });
});
