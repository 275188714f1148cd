import type { EventCatalogue, EventType } from './event-catalogue';

/** Context carried from the request that caused an event to whatever it causes, for logs and traces. */
export interface EventMetadata {
  /** The request id of the GraphQL request (or webhook) that caused the event. */
  readonly requestId?: string;
  /** W3C trace context of that request, so a consumer's work joins the same trace. */
  readonly traceparent?: string;
}

/**
 * One event as it is stored in the outbox, travels on the bus and reaches a handler. Everything in it is
 * JSON: dates are ISO 8601 strings, never Date objects.
 */
export interface EventEnvelope<Type extends string = EventType, Payload = Type extends EventType ? EventCatalogue[Type] : unknown> {
  /** UUID v4, unique per event: the outbox primary key and the inbox's deduplication key. */
  readonly id: string;
  /** A catalogue name such as `orders.order-placed.v1`. */
  readonly type: Type;
  /** ISO 8601 (UTC), when the change was made (not when it was published or received). */
  readonly occurredAt: string;
  /** The entity the event is about (the order, the product); events of one aggregate keep their order. */
  readonly aggregateId: string;
  readonly payload: Payload;
  readonly metadata: EventMetadata;
}

/**
 * The envelope of any of the given types, as a union discriminated by `type`: a handler subscribed to several
 * types narrows the payload with `switch (event.type)`.
 */
export type EnvelopeOf<T extends EventType = EventType> = { [K in T]: EventEnvelope<K, EventCatalogue[K]> }[T];

/** Any event of the catalogue. */
export type AnyEventEnvelope = EnvelopeOf<EventType>;
