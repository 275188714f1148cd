import { hostname } from 'node:os';
import type { BackgroundWorker } from '@techally/platform';
import type { EventType } from '../contracts/event-catalogue';
import type { EnvelopeOf } from '../contracts/event-envelope';
import type { Delivery, EventBus, Subscription } from '../bus/event-bus';
import type { EventBusConfig } from '../config/events-config';
import { createOutboxRelay, type OutboxRelayOptions } from '../outbox/outbox-relay';
import { traceConsume } from '../shared/event-spans';

/**
 * One reaction of a service to other services' events: a consumer group, the types it handles and the
 * handler. Name the group after the reaction (`inventory.reserve-stock`) and keep it stable.
 */
export interface EventConsumer<T extends EventType = EventType> {
  readonly group: string;
  readonly types: readonly T[];
  /** Resolve to acknowledge, throw to be delivered again. Must be idempotent (use `handleOnce`). */
  readonly handle: (envelope: EnvelopeOf<T>, delivery: Delivery) => Promise<void>;
  readonly maxDeliveries?: number;
}

/** Types a consumer by its event types while letting a service keep its consumers in one array. */
export function defineConsumer<T extends EventType>(consumer: EventConsumer<T>): EventConsumer {
  return consumer as unknown as EventConsumer;
}

let consumersInProcess = 0;

/**
 * The worker that runs one consumer: subscribes on start, stops reading (after the event in hand) on stop. Its
 * consumer name is unique per host, process and instance, so two subgraph instances in one process (tests)
 * or two replicas share the group's work instead of stealing each other's pending entries. Each event is
 * handled inside a CONSUMER span of `service`, a child of the span that made the event (see traceConsume).
 */
export function consumerWorker(bus: EventBus, consumer: EventConsumer, service: string): BackgroundWorker {
  let subscription: Subscription | null = null;
  const name = `${service}-${hostname()}-${process.pid}-${++consumersInProcess}`;
  return {
    name: consumer.group,
    async start() {
      subscription ??= await bus.subscribe({
        group: consumer.group,
        consumer: name,
        types: consumer.types,
        handler: (envelope, delivery) => traceConsume(service, consumer.group, envelope, () => consumer.handle(envelope, delivery)),
        ...(consumer.maxDeliveries !== undefined ? { maxDeliveries: consumer.maxDeliveries } : {}),
      });
    },
    async stop() {
      await subscription?.stop();
      subscription = null;
    },
  };
}

/**
 * The worker that moves the service's committed outbox rows to the bus (see `createOutboxRelay`); its
 * `onPublished` hook feeds live GraphQL subscriptions from the same committed events.
 */
export function outboxRelayWorker(
  options: Omit<OutboxRelayOptions, 'pollIntervalMs' | 'listen' | 'retentionMs'> & {
    /** The service's bus configuration: the OUTBOX_* settings are read from it, here only. */
    readonly config: Pick<EventBusConfig, 'outboxPollIntervalMs' | 'outboxListen' | 'outboxRetentionSeconds'>;
  },
): BackgroundWorker {
  const { config, ...relayOptions } = options;
  const relay = createOutboxRelay({
    ...relayOptions,
    pollIntervalMs: config.outboxPollIntervalMs,
    listen: config.outboxListen,
    retentionMs: config.outboxRetentionSeconds * 1_000,
  });
  return {
    name: 'outbox-relay',
    async start() {
      relay.start();
    },
    stop: () => relay.stop(),
  };
}
