export interface EventQueueOptions<T> {
  /**
   * Most items held for a consumer that is not keeping up. When full, the OLDEST item is dropped to make room:
   * subscriptions here carry state (a stock level, an order status), and the newest event is the one that
   * tells the truth.
   */
  readonly limit: number;
  /** Called once when the consumer stops early (`return()`, e.g. the client unsubscribed): release the producer. */
  readonly onReturn?: () => void;
  /** Called for every item dropped because the queue was full. */
  readonly onDrop?: (item: T) => void;
}

/**
 * A bounded push queue read as an async iterator: the producer pushes without waiting, the consumer pulls at
 * its own pace, and a slow consumer costs at most `limit` items of memory. It has a `return()` (graphql-ws
 * calls it only on iterators that have one), so an idle client's unsubscribe releases the producer at once.
 */
export class EventQueue<T> implements AsyncIterableIterator<T> {
  private readonly items: T[] = [];
  private waiting: { resolve: (result: IteratorResult<T>) => void; reject: (error: unknown) => void } | null = null;
  /** No more pushes; deliver what is queued, then done (or the failure). */
  private ended = false;
  private failure: { error: unknown } | null = null;
  private returned = false;
  private droppedTotal = 0;
  private droppedUntaken = 0;

  constructor(private readonly options: EventQueueOptions<T>) {
    if (!Number.isInteger(options.limit) || options.limit < 1) throw new RangeError('EventQueue limit must be a positive integer');
  }

  /** Items dropped since the queue was made. */
  get dropped(): number {
    return this.droppedTotal;
  }

  /** Items waiting for the consumer. */
  get size(): number {
    return this.items.length;
  }

  /** Whether the queue still accepts items (neither ended by the producer nor returned by the consumer). */
  get open(): boolean {
    return !this.ended && !this.returned;
  }

  /** Items dropped since the last call: lets the consumer tell its client how many events it missed. */
  takeDropped(): number {
    const count = this.droppedUntaken;
    this.droppedUntaken = 0;
    return count;
  }

  /** Queues an item (dropping the oldest when full); false when the queue no longer accepts items. */
  push(item: T): boolean {
    if (!this.open) return false;
    this.enqueue(item);
    return true;
  }

  /** Ends the queue after what is already queued, and after `last` when given (a final item is never refused). */
  end(...last: [] | [T]): void {
    if (!this.open) return;
    if (last.length === 1) this.enqueue(last[0]);
    this.ended = true;
    this.settleWaiting();
  }

  /** Ends the queue with an error, raised to the consumer once it has read what is already queued. */
  fail(error: unknown): void {
    if (!this.open) return;
    this.failure = { error };
    this.ended = true;
    this.settleWaiting();
  }

  next(): Promise<IteratorResult<T>> {
    if (this.items.length > 0) return Promise.resolve({ value: this.items.shift() as T, done: false });
    if (this.returned || this.ended) return this.finish();
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }

  return(): Promise<IteratorResult<T>> {
    if (!this.returned) {
      this.returned = true;
      this.items.length = 0;
      this.settleWaiting();
      if (!this.ended) this.options.onReturn?.();
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }

  private enqueue(item: T): void {
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = null;
      resolve({ value: item, done: false });
      return;
    }
    if (this.items.length >= this.options.limit) {
      const dropped = this.items.shift() as T;
      this.droppedTotal++;
      this.droppedUntaken++;
      this.options.onDrop?.(dropped);
    }
    this.items.push(item);
  }

  private settleWaiting(): void {
    if (!this.waiting || this.items.length > 0) return;
    const waiting = this.waiting;
    this.waiting = null;
    this.finish().then(waiting.resolve, waiting.reject);
  }

  private finish(): Promise<IteratorResult<T>> {
    if (this.failure && !this.returned) {
      const { error } = this.failure;
      this.failure = null;
      return Promise.reject(error);
    }
    return Promise.resolve({ value: undefined, done: true });
  }
}
