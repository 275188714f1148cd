/**
 * Wakes this process's delivery worker when there is new work: a consumer planned deliveries (after its
 * transaction committed), or the recipient directory learned someone whose email was waiting. In-process, not
 * LISTEN/NOTIFY: the consumer that plans a delivery runs in a process that also runs a worker, so the process
 * that planned it sends it at once; the others only need their poll for retries (README.md, *Delivery*).
 */
export class DeliverySignal {
  private readonly listeners = new Set<() => void>();

  wake(): void {
    for (const listener of this.listeners) listener();
  }

  /** Calls `listener` on every wake; returns the function that stops it. */
  onWake(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
