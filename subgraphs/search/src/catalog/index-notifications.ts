/** A change the index applied: which product, and the event (or `bootstrap`) that carried it. */
export interface IndexedChange {
  readonly productId: string;
  readonly cause: string;
}

/**
 * Tells whoever listens that the index changed, once the change committed: what tests (and a future live
 * search) wait on instead of polling.
 */
export class IndexNotifications {
  private readonly listeners = new Set<(change: IndexedChange) => void>();

  /** Returns the unsubscribe function. */
  onIndexed(listener: (change: IndexedChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves on the first change for which `accept` is true (after this call). */
  next(accept: (change: IndexedChange) => boolean): Promise<IndexedChange> {
    return new Promise((resolve) => {
      const stop = this.onIndexed((change) => {
        if (!accept(change)) return;
        stop();
        resolve(change);
      });
    });
  }

  notify(change: IndexedChange): void {
    for (const listener of [...this.listeners]) listener(change);
  }
}
