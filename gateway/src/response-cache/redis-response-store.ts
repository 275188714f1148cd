import { Redis } from 'ioredis';
import type { Logger } from '@techally/platform';
import { INVALIDATION_MEMORY_MS, type Lookup, type ResponseStore, type StoreTicket } from './response-store';

/*
 * Key layout, everything under `prefix` (RESPONSE_CACHE_KEY_PREFIX):
 *   <prefix>:epoch             the current epoch (INCR to forget every entry at once)
 *   <prefix>:seq               the invalidation sequence (INCR per invalidation)
 *   <prefix>:e:<epoch>:<key>   an entry: the response body, with its TTL
 *   <prefix>:t:<tag>           the set of entry keys filed under a tag
 *   <prefix>:ts:<tag>          the sequence of the tag's last invalidation (kept INVALIDATION_MEMORY_MS)
 * Each operation is one Lua script, so a lookup, a store and an invalidation are each one round trip and
 * atomic with respect to one another (single Redis or Sentinel: the scripts name keys they build themselves,
 * which Redis Cluster would refuse).
 */

const LOOKUP = `
local p = ARGV[1]
local epoch = redis.call('GET', p .. ':epoch') or '0'
local seq = redis.call('GET', p .. ':seq') or '0'
for i = 2, #ARGV do
  local body = redis.call('GET', p .. ':e:' .. epoch .. ':' .. ARGV[i])
  if body then return {epoch, seq, body} end
end
return {epoch, seq}
`;

// ARGV: prefix, epoch, sequence, key, ttlMs, body, tagSetTtlMs, tags...
const STORE = `
local p = ARGV[1]
if (redis.call('GET', p .. ':epoch') or '0') ~= ARGV[2] then return 0 end
local seq = tonumber(ARGV[3])
for i = 8, #ARGV do
  local last = redis.call('GET', p .. ':ts:' .. ARGV[i])
  if last and tonumber(last) > seq then return 0 end
end
local key = p .. ':e:' .. ARGV[2] .. ':' .. ARGV[4]
redis.call('SET', key, ARGV[6], 'PX', tonumber(ARGV[5]))
for i = 8, #ARGV do
  local set = p .. ':t:' .. ARGV[i]
  redis.call('SADD', set, key)
  redis.call('PEXPIRE', set, tonumber(ARGV[7]))
end
return 1
`;

// ARGV: prefix, memoryMs, tags...
const INVALIDATE = `
local p = ARGV[1]
local seq = redis.call('INCR', p .. ':seq')
local removed = 0
for i = 3, #ARGV do
  redis.call('SET', p .. ':ts:' .. ARGV[i], seq, 'PX', tonumber(ARGV[2]))
  local set = p .. ':t:' .. ARGV[i]
  for _, key in ipairs(redis.call('SMEMBERS', set)) do removed = removed + redis.call('DEL', key) end
  redis.call('DEL', set)
end
return removed
`;

type ScriptedRedis = Redis & {
  cacheLookup(...args: string[]): Promise<[string, string, string?]>;
  cacheStore(...args: string[]): Promise<number>;
  cacheInvalidate(...args: string[]): Promise<number>;
};

export interface RedisResponseStoreOptions {
  readonly url: string;
  readonly prefix: string;
  /** A command slower than this fails (and the request is served from the subgraphs). */
  readonly commandTimeoutMs: number;
  /** The longest entry life, so a tag's set outlives every entry filed under it. */
  readonly maxTtlMs: number;
  readonly logger: Logger;
  /** Told when the store starts a new epoch (metrics). */
  readonly onNewEpoch?: () => void;
}

/**
 * The production store. Redis down or slow never fails a request: no offline queue (a command while
 * disconnected fails at once), a short command timeout, and `usable()` false until the connection is back.
 *
 * Whenever the connection (re)opens, and whenever an invalidation may not have been applied (it failed or
 * timed out), the store starts a **new epoch** before it is used again: while Redis was away this process may
 * have missed nothing, but entries written before could outlive invalidations that never reached them, and an
 * epoch costs one cold cache, never a stale answer.
 */
export class RedisResponseStore implements ResponseStore {
  private readonly redis: ScriptedRedis;
  /** Invalidations and epochs: off the request path, so a longer timeout than reads get. */
  private readonly control: ScriptedRedis;
  private state: 'down' | 'new-epoch-needed' | 'up' = 'down';
  private epochInFlight: Promise<void> | null = null;

  constructor(private readonly options: RedisResponseStoreOptions) {
    const connect = (name: string, commandTimeout: number): ScriptedRedis => {
      const connection = new Redis(options.url, {
        connectionName: name,
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        commandTimeout,
        connectTimeout: 2_000,
        // Keep trying to come back, at most every 2 s; requests meanwhile go to the subgraphs.
        retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
      });
      connection.defineCommand('cacheLookup', { numberOfKeys: 0, lua: LOOKUP });
      connection.defineCommand('cacheStore', { numberOfKeys: 0, lua: STORE });
      connection.defineCommand('cacheInvalidate', { numberOfKeys: 0, lua: INVALIDATE });
      connection.on('error', () => undefined); // 'close' tells; ioredis reconnects by itself
      return connection as ScriptedRedis;
    };
    const redis = connect('gateway-response-cache', options.commandTimeoutMs);
    this.control = connect('gateway-response-cache-control', Math.max(1_000, options.commandTimeoutMs));
    redis.on('ready', () => {
      this.state = 'new-epoch-needed';
      this.startNewEpoch();
    });
    redis.on('close', () => {
      if (this.state !== 'down') options.logger.warn('response cache: Redis connection lost; serving from the subgraphs until it is back');
      this.state = 'down';
    });
    // The two connections come up in either order: whichever is second completes the new epoch.
    this.control.on('ready', () => {
      if (this.state === 'new-epoch-needed') this.startNewEpoch();
    });
    this.redis = redis;
  }

  usable(): boolean {
    if (this.state === 'new-epoch-needed') this.startNewEpoch();
    return this.state === 'up';
  }

  /** At once, not at the next request: the other gateway processes must stop serving what may be stale. */
  distrust(): void {
    if (this.state !== 'up') return; // down: a new epoch starts anyway when the connection is back
    this.state = 'new-epoch-needed';
    this.startNewEpoch();
  }

  async lookup(keys: ReadonlyArray<string>): Promise<Lookup> {
    const [epoch, sequence, body] = await this.redis.cacheLookup(this.options.prefix, ...keys);
    return { body: body ?? null, ticket: { epoch, sequence: Number(sequence) } };
  }

  async store(key: string, body: string, tags: ReadonlyArray<string>, ttlMs: number, ticket: StoreTicket): Promise<boolean> {
    const { prefix, maxTtlMs } = this.options;
    const stored = await this.redis.cacheStore(prefix, ticket.epoch, String(ticket.sequence), key, String(ttlMs), body, String(maxTtlMs), ...tags);
    return stored === 1;
  }

  /**
   * Tried three times within a few hundred milliseconds (a blip must not wait for the bus's redelivery, 30 s
   * later). Then it may or may not have run, and entries filed under these tags may survive: the store starts
   * a new epoch (forgetting everything, for every gateway process) and the caller rethrows, so the event comes
   * back — to another process, if this one cannot reach Redis.
   */
  async invalidate(tags: ReadonlyArray<string>): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.control.cacheInvalidate(this.options.prefix, String(INVALIDATION_MEMORY_MS), ...tags);
      } catch (error) {
        if (attempt >= 3) {
          this.distrust();
          throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  }

  async close(): Promise<void> {
    this.state = 'down';
    this.redis.disconnect();
    this.control.disconnect();
  }

  private startNewEpoch(): void {
    this.epochInFlight ??= this.control
      .incr(`${this.options.prefix}:epoch`)
      .then(() => {
        if (this.state === 'new-epoch-needed') this.state = 'up';
        this.options.onNewEpoch?.();
      })
      .catch((error: unknown) => this.options.logger.warn({ err: error }, 'response cache: could not start a new epoch; retrying on next use'))
      .finally(() => {
        this.epochInFlight = null;
      });
  }
}
