import { contextFromTraceparent, inSpan, isTracingActive, SpanKind } from '@techally/platform';
import type { EventEnvelope } from '../contracts/event-envelope';

// The messaging attributes of OpenTelemetry's semantic conventions; still "incubating" there, so spelt here
// rather than imported from an entry point that may change under a minor release.
const MESSAGING_SYSTEM = 'messaging.system';
const MESSAGING_OPERATION_TYPE = 'messaging.operation.type';
const MESSAGING_DESTINATION_NAME = 'messaging.destination.name';
const MESSAGING_MESSAGE_ID = 'messaging.message.id';
const MESSAGING_CONSUMER_GROUP_NAME = 'messaging.consumer.group.name';

type AnyEnvelope = EventEnvelope<string, unknown>;

/**
 * The PRODUCER span of the relay handing one outbox row to the bus, a child of the span that wrote the event
 * (its `metadata.traceparent`): the time between the two is the outbox's delay. Events written outside any
 * trace are published untraced.
 */
export function tracePublish<T>(service: string, envelope: AnyEnvelope, publish: () => Promise<T>): Promise<T> {
  return inEventSpan('publish', service, envelope, {}, publish);
}

/**
 * The CONSUMER span of one consumer group handling one event, in the consuming service: a child of the span
 * that wrote the event, so a saga (orders → inventory → orders → payments → orders) is one trace whatever bus
 * carried it. What the handler does — SQL, the events it writes in turn — hangs under it. An event without a
 * traceparent (an old outbox row, a producer that was not traced) is handled the same, in a trace of its own.
 */
export function traceConsume<T>(service: string, group: string, envelope: AnyEnvelope, handle: () => Promise<T>): Promise<T> {
  return inEventSpan('process', service, envelope, { [MESSAGING_CONSUMER_GROUP_NAME]: group }, handle);
}

function inEventSpan<T>(operation: 'publish' | 'process', service: string, envelope: AnyEnvelope, attributes: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  if (!isTracingActive()) return fn();
  return inSpan(
    `${envelope.type} ${operation}`,
    {
      kind: operation === 'publish' ? SpanKind.PRODUCER : SpanKind.CONSUMER,
      parent: contextFromTraceparent(envelope.metadata.traceparent),
      service,
      // Publishing an event no trace wrote would start one-span traces for background work; handling it is
      // an entry point of its own, traced either way.
      onlyInTrace: operation === 'publish',
      attributes: {
        [MESSAGING_SYSTEM]: 'techally.events',
        [MESSAGING_OPERATION_TYPE]: operation === 'publish' ? 'send' : 'process',
        [MESSAGING_DESTINATION_NAME]: envelope.type,
        [MESSAGING_MESSAGE_ID]: envelope.id,
        ...attributes,
      },
    },
    fn,
  );
}
