import { EventQueue, type SubscriptionMetrics, type SubscriptionResult } from '@techally/platform';

interface Queued {
  readonly result: SubscriptionResult;
  /** `process.hrtime.bigint()` when the upstream event arrived. */
  readonly arrivedAt: bigint;
}

/**
 * One client's subscription: a bounded queue of results between the shared execution (which produces at the
 * upstream's pace) and graphql-ws (which pulls at the client's). A client that reads slower than events come
 * loses the OLDEST results beyond the limit — for state feeds the newest is the truth — and is told how many
 * in `extensions.droppedEvents` of the next result it gets; drops are counted in the metrics too.
 */
export class ClientSubscription implements AsyncIterableIterator<SubscriptionResult> {
  private readonly queue: EventQueue<Queued>;
  /** Events this client missed before they reached its queue (the shared backlog overflowed). */
  private missedUpstream = 0;
  private left = false;

  /** `onLeave` runs once, when the client unsubscribes or the subscription is ended. */
  constructor(
    limit: number,
    private readonly metrics: SubscriptionMetrics,
    private readonly onLeave: (subscription: ClientSubscription) => void,
  ) {
    this.queue = new EventQueue<Queued>({
      limit,
      onReturn: () => this.leave(),
      onDrop: () => metrics.dropped.inc({ stage: 'client' }),
    });
  }

  /** Whether it still takes results (the client has not left and it has not been ended). */
  get open(): boolean {
    return this.queue.open;
  }

  deliver(result: SubscriptionResult, arrivedAt: bigint): void {
    this.queue.push({ result, arrivedAt });
  }

  /** Counts events dropped upstream of this client, to report with its next result. */
  missed(count: number): void {
    this.missedUpstream += count;
  }

  /** Ends after what is queued, with `last` as the final result when given (an error saying why). */
  end(last?: SubscriptionResult): void {
    if (last) this.queue.end({ result: last, arrivedAt: process.hrtime.bigint() });
    else this.queue.end();
    this.leave();
  }

  private leave(): void {
    if (this.left) return;
    this.left = true;
    this.onLeave(this);
  }

  async next(): Promise<IteratorResult<SubscriptionResult>> {
    const pulled = await this.queue.next();
    if (pulled.done) return { value: undefined, done: true };
    // graphql-ws pulls right before it sends: this is the event's time to the client.
    this.metrics.latency.observe(Number(process.hrtime.bigint() - pulled.value.arrivedAt) / 1e9);
    const dropped = this.queue.takeDropped() + this.missedUpstream;
    this.missedUpstream = 0;
    if (dropped === 0) return { value: pulled.value.result, done: false };
    const { result } = pulled.value;
    return { value: { ...result, extensions: { ...result.extensions, droppedEvents: dropped } }, done: false };
  }

  return(): Promise<IteratorResult<SubscriptionResult>> {
    return this.queue.return().then(() => ({ value: undefined, done: true }));
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<SubscriptionResult> {
    return this;
  }
}
