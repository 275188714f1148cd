import type { ServiceMap } from '@apollo/gateway';
import type { SubscriptionMetrics, SubscriptionResult } from '@techally/platform';
import type { ClientSubscription } from './client-subscription';
import { executeEvent, type ExecutionRequest, type UpstreamEvent } from './event-execution';
import { OrderedPipeline } from './ordered-pipeline';
import { SubscriptionEnd } from './subscription-errors';
import type { SubscriptionPlan, SupergraphPlanner } from './supergraph-planner';
import type { FeedListener, UpstreamEnd, UpstreamFeed } from './upstream-feed';

export interface SharedExecutionOptions {
  readonly planner: SupergraphPlanner;
  readonly plan: SubscriptionPlan;
  /** The request of the subscriber that opened it (its context, hence its request id, serves them all). */
  readonly request: ExecutionRequest;
  readonly feed: UpstreamFeed;
  /** The gateway's data sources, read per event. */
  readonly services: () => ServiceMap;
  readonly metrics: SubscriptionMetrics;
  /** Events executed at once (delivered in order whatever the order they finish in). */
  readonly concurrency: number;
  /** Events waiting for execution, at most; beyond, the oldest are dropped. */
  readonly backlogLimit: number;
  readonly onClosed: (execution: SharedExecution) => void;
}

interface Arrival {
  readonly event: UpstreamEvent;
  readonly arrivedAt: bigint;
}

/**
 * One execution of a subscription operation, shared by every client that asked for the very same operation
 * and variables with the same credentials: each upstream event runs the rest of the plan ONCE and the result is
 * fanned out to each client's own bounded queue. Sharing is safe because those clients would get the same
 * answer from every subgraph (same token); clients with other credentials get executions of their own.
 */
export class SharedExecution implements FeedListener {
  private readonly subscribers = new Set<ClientSubscription>();
  private readonly pipeline: OrderedPipeline<Arrival, SubscriptionResult>;
  private closed = false;

  constructor(
    readonly key: string,
    private readonly options: SharedExecutionOptions,
  ) {
    this.pipeline = new OrderedPipeline<Arrival, SubscriptionResult>({
      concurrency: options.concurrency,
      backlogLimit: options.backlogLimit,
      process: ({ event }) => executeEvent(options.planner, options.plan, options.request, event, options.services()),
      deliver: (result, { arrivedAt }) => {
        for (const subscriber of this.subscribers) subscriber.deliver(result, arrivedAt);
      },
      onDrop: () => {
        options.metrics.dropped.inc({ stage: 'backlog' }, Math.max(this.subscribers.size, 1));
        for (const subscriber of this.subscribers) subscriber.missed(1);
      },
    });
    options.feed.add(this);
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  add(subscriber: ClientSubscription): void {
    this.subscribers.add(subscriber);
  }

  /** A client leaves (unsubscribed, disconnected, ended); the last one to leave closes the execution. */
  leave(subscriber: ClientSubscription): void {
    this.subscribers.delete(subscriber);
    if (this.subscribers.size === 0) this.close();
  }

  event(event: UpstreamEvent, arrivedAt: bigint): void {
    this.pipeline.push({ event, arrivedAt });
  }

  /** The upstream ended: deliver what is still executing, then end every client with the reason. */
  end(end: UpstreamEnd): void {
    this.markClosed();
    const last = this.lastResultFor(end);
    void this.pipeline.idle().then(() => {
      for (const subscriber of [...this.subscribers]) subscriber.end(last);
      this.subscribers.clear();
    });
  }

  /** Ends every client now with `last` (a reload, the gateway stopping); what is executing is not delivered. */
  terminate(last: SubscriptionResult): void {
    this.pipeline.cancel();
    const subscribers = [...this.subscribers];
    this.subscribers.clear();
    this.close();
    for (const subscriber of subscribers) subscriber.end(last);
  }

  private close(): void {
    if (this.closed) return;
    this.pipeline.cancel();
    this.markClosed();
    this.options.feed.remove(this);
  }

  private markClosed(): void {
    if (this.closed) return;
    this.closed = true;
    this.options.onClosed(this);
  }

  private lastResultFor(end: UpstreamEnd): SubscriptionResult | undefined {
    const subgraph = this.options.plan.subgraph;
    switch (end.kind) {
      case 'complete':
        return undefined;
      case 'errors':
        return { errors: end.errors.map((error) => ({ ...error, extensions: { ...error.extensions, serviceName: subgraph } })) };
      case 'gone':
        if (end.code === 4401) return { errors: [SubscriptionEnd.upstreamRefused(subgraph, 'UNAUTHENTICATED', end.reason ?? '')] };
        if (end.code === 4403) return { errors: [SubscriptionEnd.upstreamRefused(subgraph, 'FORBIDDEN', end.reason ?? '')] };
        return { errors: [SubscriptionEnd.upstreamGone(subgraph)] };
    }
  }
}
