/**
 * Where the bus keeps things in Redis. Everything sits under one prefix (`techally` by default; tests use their
 * own, and delete it afterwards), so a shared Redis holds several environments side by side:
 *
 * - `<prefix>:stream:<domain>` — one stream per producing domain (`techally:stream:orders`), each entry one
 *   event: fields `type` and `envelope` (the JSON). Consumer groups live on these streams.
 * - `<prefix>:dead-letter` — one stream of every group's dead letters.
 * - `<prefix>:epoch:<publisher>` — a publisher's epoch marker (`EventBus.readEpoch`): it vanishes with the
 *   streams when Redis loses its data, which is how the outbox relay learns it must publish again.
 */
export interface RedisStreamKeys {
  readonly prefix: string;
  stream(domain: string): string;
  /** The domain of a stream key (the inverse of `stream`). */
  domainOf(key: string): string;
  readonly deadLetter: string;
  marker(publisher: string): string;
  /** A SCAN pattern matching every key of this prefix. */
  readonly pattern: string;
}

export function redisStreamKeys(prefix: string): RedisStreamKeys {
  if (!/^[A-Za-z0-9_.:-]{1,100}$/.test(prefix)) {
    throw new Error(`"${prefix}" is not a usable key prefix (letters, digits, _ . : - only)`);
  }
  const streamPrefix = `${prefix}:stream:`;
  return {
    prefix,
    stream: (domain) => `${streamPrefix}${domain}`,
    domainOf: (key) => (key.startsWith(streamPrefix) ? key.slice(streamPrefix.length) : key),
    deadLetter: `${prefix}:dead-letter`,
    marker: (publisher) => `${prefix}:epoch:${publisher}`,
    pattern: `${prefix}:*`,
  };
}
