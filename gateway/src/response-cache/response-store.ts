/**
 * Where cached answers live: Redis in the production shape (shared by every gateway process), memory in the
 * embedded start. Both keep the same three promises:
 *
 * 1. An entry is filed under the tags of what it holds; `invalidate(tags)` deletes every entry filed under any.
 * 2. **No stale write-back.** A read that started before an invalidation may come back with the old data after
 *    it. `lookup` hands out a ticket (the store's epoch and invalidation sequence at that moment); `store`
 *    refuses the entry when any of its tags was invalidated after the ticket, or the epoch moved.
 * 3. `newEpoch()` forgets everything at once (a Redis that was away may have missed invalidations).
 */
export interface ResponseStore {
  /** The first entry found among `keys` (in order), with the ticket a later `store` must show. */
  lookup(keys: ReadonlyArray<string>): Promise<Lookup>;
  /** Keeps `body` under `key` for `ttlMs`, filed under `tags`, unless the ticket is outdated (then false). */
  store(key: string, body: string, tags: ReadonlyArray<string>, ttlMs: number, ticket: StoreTicket): Promise<boolean>;
  /** Deletes every entry filed under any of `tags`; resolves with how many went. */
  invalidate(tags: ReadonlyArray<string>): Promise<number>;
  /** Whether reads and writes may be tried now (false while Redis is away or a new epoch is pending). */
  usable(): boolean;
  /** Something the store could not do may have left a stale entry: forget everything before the next use. */
  distrust(): void;
  close(): Promise<void>;
}

export interface Lookup {
  readonly body: string | null;
  readonly ticket: StoreTicket;
}

export interface StoreTicket {
  readonly epoch: string;
  readonly sequence: number;
}

/**
 * How long an invalidation is remembered against late write-backs (10 min); a request slower than half of
 * it is not stored at all (see ResponseCache), so no read can outlive the memory of what changed under it.
 */
export const INVALIDATION_MEMORY_MS = 10 * 60_000;
