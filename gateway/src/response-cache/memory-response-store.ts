import { INVALIDATION_MEMORY_MS, type Lookup, type ResponseStore, type StoreTicket } from './response-store';

interface Entry {
  readonly body: string;
  readonly expiresAt: number;
  readonly tags: ReadonlyArray<string>;
}

/**
 * The embedded start's store: one process, one Map (insertion order = age, the oldest evicted beyond
 * `maxEntries`), tag sets beside it, and the same ticket rule as Redis.
 */
export class MemoryResponseStore implements ResponseStore {
  private readonly entries = new Map<string, Entry>();
  private readonly byTag = new Map<string, Set<string>>();
  private readonly invalidatedAt = new Map<string, { sequence: number; until: number }>();
  private sequence = 0;
  private epoch = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  async lookup(keys: ReadonlyArray<string>): Promise<Lookup> {
    const ticket = { epoch: String(this.epoch), sequence: this.sequence };
    for (const key of keys) {
      const entry = this.entries.get(key);
      if (!entry) continue;
      if (entry.expiresAt > this.now()) return { body: entry.body, ticket };
      this.remove(key);
    }
    return { body: null, ticket };
  }

  async store(key: string, body: string, tags: ReadonlyArray<string>, ttlMs: number, ticket: StoreTicket): Promise<boolean> {
    if (ticket.epoch !== String(this.epoch)) return false;
    const now = this.now();
    for (const tag of tags) {
      const invalidated = this.invalidatedAt.get(tag);
      if (invalidated && invalidated.until > now && invalidated.sequence > ticket.sequence) return false;
    }
    this.remove(key);
    this.entries.set(key, { body, expiresAt: now + ttlMs, tags });
    for (const tag of tags) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    while (this.entries.size > this.maxEntries) this.remove(this.entries.keys().next().value as string);
    return true;
  }

  async invalidate(tags: ReadonlyArray<string>): Promise<number> {
    const sequence = ++this.sequence;
    const until = this.now() + INVALIDATION_MEMORY_MS;
    let removed = 0;
    for (const tag of tags) {
      this.invalidatedAt.set(tag, { sequence, until });
      for (const key of this.byTag.get(tag) ?? []) removed += this.remove(key) ? 1 : 0;
      this.byTag.delete(tag);
    }
    if (this.invalidatedAt.size > 100_000) this.forgetOldInvalidations();
    return removed;
  }

  usable(): boolean {
    return true;
  }

  /** In memory nothing can fail half way; a new epoch is simply an empty cache. */
  distrust(): void {
    this.epoch++;
    this.entries.clear();
    this.byTag.clear();
  }

  async close(): Promise<void> {
    this.entries.clear();
    this.byTag.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private remove(key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    for (const tag of entry.tags) this.byTag.get(tag)?.delete(key);
    return true;
  }

  private forgetOldInvalidations(): void {
    const now = this.now();
    for (const [tag, { until }] of this.invalidatedAt) if (until <= now) this.invalidatedAt.delete(tag);
  }
}
