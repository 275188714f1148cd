import { Redis } from 'ioredis';
import type { Logger } from 'pino';

/** What a listener of revocations is told. */
export interface RevocationListener {
  /** The key's secrets so far are no longer valid (it was revoked, or rotated to a new secret). */
  onRevoked(keyId: string): void;
  /** Revocations may have been missed (the connection to Redis was lost and is back): forget every cached key. */
  onGap(): void;
}

/**
 * The fan-out of API-key revocations from the users subgraph to EVERY gateway process (issue #11). Redis
 * Pub/Sub, not the event bus: a consumer group hands each event to one consumer of the group, where every
 * process must hear each revocation, and a revocation needs no durability — a process that was not listening
 * holds no key it may trust (`isListening`), and one that comes back forgets what it held (`onGap`). In memory
 * without Redis: the embedded start creates ONE and hands it to the users subgraph and the gateway.
 */
export interface ApiKeyRevocations {
  /** Tells every listening process, now. Rejects when Redis cannot be reached (the revocation is committed anyway). */
  publish(keyId: string): Promise<void>;
  /** Hears every revocation published from when the returned promise settles; returns the way to stop. */
  listen(listener: RevocationListener): Promise<() => void>;
  /** False while revocations could be missed: a cache must then ask the source of truth every time. */
  isListening(): boolean;
  close(): Promise<void>;
}

export interface ApiKeyRevocationsOptions {
  /** Redis Pub/Sub when set; this process's memory when not. */
  readonly redisUrl?: string | undefined;
  /** The channel is `<keyPrefix>:api-keys:revoked` (EVENTS_KEY_PREFIX: deployments and test runs never cross). */
  readonly keyPrefix: string;
  readonly logger: Logger;
}

export function createApiKeyRevocations(options: ApiKeyRevocationsOptions): ApiKeyRevocations {
  return options.redisUrl ? redisRevocations(options.redisUrl, options) : memoryRevocations();
}

/** Revocations within one process (embedded start, tests). */
export function memoryRevocations(): ApiKeyRevocations {
  const listeners = new Set<RevocationListener>();
  return {
    async publish(keyId) {
      for (const listener of listeners) listener.onRevoked(keyId);
    },
    async listen(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    isListening: () => true,
    async close() {
      listeners.clear();
    },
  };
}

function redisRevocations(url: string, options: ApiKeyRevocationsOptions): ApiKeyRevocations {
  const channel = `${options.keyPrefix}:api-keys:revoked`;
  const { logger } = options;
  const listeners = new Set<RevocationListener>();
  // A revocation is published inside an admin's request: fail within a second rather than hold it.
  const publisher = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 1_000, lazyConnect: true, connectionName: 'api-key-revocations-publisher' });
  publisher.on('error', (error: Error) => logger.warn({ err: error }, 'API-key revocations: publisher connection error'));
  let subscriber: Redis | null = null;
  let subscribed: Promise<void> | null = null;
  let listening = false;

  function subscribe(): Promise<void> {
    const client = new Redis(url, { connectionName: 'api-key-revocations-subscriber' });
    subscriber = client;
    client.on('error', (error: Error) => logger.warn({ err: error }, 'API-key revocations: subscriber connection error'));
    client.on('message', (from: string, keyId: string) => {
      if (from !== channel) return;
      for (const listener of listeners) listener.onRevoked(keyId);
    });
    client.on('close', () => {
      if (listening) logger.warn('API-key revocations: not listening; cached keys are not trusted until Redis is back');
      listening = false;
    });
    // ioredis subscribes again by itself when it reconnects, but what was published meanwhile is lost: once the
    // subscription is back (SUBSCRIBE is idempotent, and answered in order), listeners forget what they hold.
    let connectedBefore = false;
    client.on('ready', () => {
      if (!connectedBefore) {
        connectedBefore = true;
        return;
      }
      void client.subscribe(channel).then(
        () => {
          listening = true;
          for (const listener of listeners) listener.onGap();
        },
        () => undefined,
      );
    });
    return client.subscribe(channel).then(() => {
      listening = true;
    });
  }

  return {
    async publish(keyId) {
      if (publisher.status === 'wait') await publisher.connect();
      await publisher.publish(channel, keyId);
    },
    async listen(listener) {
      listeners.add(listener);
      subscribed ??= subscribe();
      await subscribed;
      return () => void listeners.delete(listener);
    },
    isListening: () => listening,
    async close() {
      listeners.clear();
      listening = false;
      const clients = [publisher, ...(subscriber ? [subscriber] : [])];
      // QUIT only on a connection that is up: on one never opened (lazy) or reconnecting it would wait for Redis.
      await Promise.all(
        clients.map((client) => (client.status === 'ready' ? client.quit().then(() => undefined, () => client.disconnect()) : client.disconnect())),
      );
    },
  };
}
