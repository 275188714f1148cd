/**
 * @techally/events — the event backbone: the typed catalogue of event contracts, the transactional outbox and
 * its relay, the event bus (Redis Streams or in-memory, one contract), idempotent consumers. See README.md.
 */
export * from './contracts/event-catalogue';
export * from './contracts/event-envelope';
export * from './contracts/event-contract.error';
export * from './contracts/create-event';
export * from './contracts/money.contract';
export * from './contracts/orders.events';
export * from './contracts/inventory.events';
export * from './contracts/payments.events';
export * from './contracts/products.events';
export * from './contracts/reviews.events';
export * from './contracts/users.events';
export type { Validator } from './contracts/payload-validators';

export * from './outbox/outbox.entity';
export * from './outbox/inbox.entity';
export * from './outbox/event-tables';
export * from './outbox/event-tables.sql';
export * from './outbox/append-to-outbox';
export * from './outbox/outbox-relay';
export * from './outbox/prune-event-tables';
export * from './outbox/requeue-published';
export * from './inbox/handle-once';

export * from './bus/event-bus';
export type { ConsumerTuning } from './bus/consumer-loop';
export { DEFAULT_CONSUMER_TUNING } from './bus/consumer-loop';
export * from './bus/stream-event-bus';
export * from './bus/in-memory-event-bus';
export * from './bus/redis-event-bus';
export * from './bus/redis-stream-keys';
export type { StreamStore, StreamReader, StreamEntry } from './bus/stream-store';

export * from './config/events-config';
export type { EventsLogger } from './shared/events-logger';

export * from './runtime/event-workers';
