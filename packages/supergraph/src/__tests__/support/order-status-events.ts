import { randomUUID } from 'node:crypto';
import type { EventBus, Subscription } from '@techally/events';

/**
 * Every order status the orders subgraph published, read from the bus by a consumer group of the test's own —
 * what the checkout tests wait on instead of asking `order(id)` again and again. A hundred customers polling
 * the gateway kept the one process that runs the whole supergraph so busy that the saga they waited for crawled
 * (issue #10: the 100-checkout race spent most of its minute serving polls, and sometimes timed out).
 *
 * A new group reads its stream from the beginning, so a status published before `follow` or before a wait
 * began is seen all the same: no subscribe-then-change race. The event is published after its change
 * committed, so a read made once it arrived sees that status or a later one.
 */
export class OrderStatusEvents {
  private readonly seen = new Map<string, Set<string>>();
  private readonly waiters = new Map<string, Set<() => void>>();

  private constructor(private subscription: Subscription | null = null) {}

  /** Starts following; resolves once the group exists on `bus`. */
  static async follow(bus: EventBus): Promise<OrderStatusEvents> {
    const events = new OrderStatusEvents();
    events.subscription = await bus.subscribe({
      group: `e2e.order-status-events.${randomUUID()}`,
      consumer: 'checkout-driver',
      types: ['orders.order-status-changed.v1'],
      // Never throws: a dead letter of ours would fail the suites' "no dead letters" check.
      handler: async (event) => events.record(event.payload.orderId, event.payload.status),
    });
    return events;
  }

  /**
   * Resolves `true` once the order was published in one of `statuses` (at any time, also before this call), or
   * `false` when `timeoutMs` passed first: the caller then reports the order as it is.
   */
  reached(orderId: string, statuses: ReadonlyArray<string>, timeoutMs: number): Promise<boolean> {
    const key = orderId.toLowerCase();
    if (this.hasSeen(key, statuses)) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      const waiters = this.waiters.get(key) ?? new Set<() => void>();
      this.waiters.set(key, waiters);
      const finish = (arrived: boolean) => {
        clearTimeout(timer);
        waiters.delete(check);
        resolve(arrived);
      };
      const check = () => {
        if (this.hasSeen(key, statuses)) finish(true);
      };
      const timer = setTimeout(() => finish(false), Math.max(0, timeoutMs));
      waiters.add(check);
    });
  }

  /** Stops the group's consumer (the bus, closed with the supergraph, would stop it too). */
  async stop(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = null;
  }

  private record(orderId: string, status: string): void {
    const key = orderId.toLowerCase();
    const statuses = this.seen.get(key) ?? new Set<string>();
    statuses.add(status);
    this.seen.set(key, statuses);
    for (const check of [...(this.waiters.get(key) ?? [])]) check();
  }

  private hasSeen(key: string, statuses: ReadonlyArray<string>): boolean {
    const seen = this.seen.get(key);
    return seen !== undefined && statuses.some((status) => seen.has(status));
  }
}
