import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** What a process serving GraphQL subscriptions reports on `/metrics`, beside its operation metrics. */
export interface SubscriptionMetrics {
  /** Client subscriptions open now. */
  readonly active: Gauge;
  /** Results sent to clients. */
  readonly delivered: Counter;
  /** Events dropped because a queue was full: `stage` is `client` (a slow client) or `backlog` (events waiting for execution). */
  readonly dropped: Counter<'stage'>;
  /** From an event's arrival in this process to its send to the client, in seconds. */
  readonly latency: Histogram;
  /** Subscriptions this process holds open to other services (the gateway's to subgraphs). */
  readonly upstreams: Gauge;
}

/** Registers the subscription metrics on a service's registry (one per server, like its other metrics). */
export function createSubscriptionMetrics(registry: Registry): SubscriptionMetrics {
  return {
    active: new Gauge({
      name: 'graphql_subscriptions_active',
      help: 'GraphQL subscriptions open on this process, over WebSocket.',
      registers: [registry],
    }),
    delivered: new Counter({
      name: 'graphql_subscription_events_delivered_total',
      help: 'Subscription results sent to clients.',
      registers: [registry],
    }),
    dropped: new Counter({
      name: 'graphql_subscription_events_dropped_total',
      help: 'Subscription events dropped because a bounded queue was full (the oldest goes), by stage: client or backlog.',
      labelNames: ['stage'],
      registers: [registry],
    }),
    latency: new Histogram({
      name: 'graphql_subscription_event_latency_seconds',
      help: "From a subscription event's arrival in this process to its send to the client.",
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    upstreams: new Gauge({
      name: 'graphql_subscription_upstreams_active',
      help: 'Subscriptions held open to other services (the gateway to its subgraphs), shared ones counted once.',
      registers: [registry],
    }),
  };
}
