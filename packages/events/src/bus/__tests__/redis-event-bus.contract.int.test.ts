import { createRedisEventBus } from '../../index';
import { deleteKeys, testRedisUrl, uniqueKeyPrefix } from '@techally/testing';
import { announceSkipped } from '../../__tests__/support/wait-for';
import { CONTRACT_TUNING, describeEventBusContract } from './event-bus.contract';

/**
 * The same contract on Redis Streams. Needs a Redis (REDIS_URL, as CI sets it); without one this suite is
 * skipped and its title says why. Every bus gets its own key prefix, deleted afterwards.
 */
const redisUrl = testRedisUrl();
const filePrefix = uniqueKeyPrefix('bus-contract');
let buses = 0;

if (redisUrl) {
  afterAll(async () => {
    await deleteKeys(redisUrl, filePrefix);
  });
  describeEventBusContract('Redis Streams bus', {
    create: () => createRedisEventBus({ url: redisUrl, keyPrefix: `${filePrefix}:${++buses}`, consumer: CONTRACT_TUNING }),
  });
} else {
  announceSkipped('the Redis Streams bus contract suite', 'REDIS_URL is not set (CI sets it to redis://127.0.0.1:6379)');
  describe.skip('Redis Streams bus: the event bus contract — SKIPPED, REDIS_URL is not set', () => {
    it('runs only against a real Redis', () => undefined);
  });
}
