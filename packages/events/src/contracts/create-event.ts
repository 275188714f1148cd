import { randomUUID } from 'node:crypto';
import { activeTraceparent } from '@techally/platform';
import { isEventType, PAYLOAD_VALIDATORS, type EventPayload, type EventType } from './event-catalogue';
import type { AnyEventEnvelope, EventEnvelope, EventMetadata } from './event-envelope';
import { EventContractError } from './event-contract.error';
import { isoDateTime, isPlainObject, text, uuid } from './payload-validators';

/**
 * Makes an event of the catalogue: a fresh UUID v4, `occurredAt` now (ISO 8601, UTC), the payload checked
 * against its validator. A payload that breaks the contract throws {@link EventContractError} here, at the
 * producer, rather than poisoning every consumer later.
 *
 * `metadata.traceparent` is the span running now when something is traced — the request, or the consumer
 * span of the event being handled — so each step of a saga is a child of the one that caused it; otherwise
 * the one given (a client's header forwarded, the causing event's), so an untraced chain still has one trace id.
 *
 * `options.id` lets a producer derive the id from something stable (a webhook's event id, say) so that a retried
 * request writes the same event rather than a second one; `options.occurredAt` is for replays and tests.
 */
export function createEvent<T extends EventType>(
  type: T,
  aggregateId: string,
  payload: EventPayload<T>,
  metadata: EventMetadata = {},
  options: { readonly id?: string; readonly occurredAt?: Date } = {},
): EventEnvelope<T, EventPayload<T>> {
  const envelope: EventEnvelope<T, EventPayload<T>> = {
    id: options.id ?? randomUUID(),
    type,
    occurredAt: (options.occurredAt ?? new Date()).toISOString(),
    aggregateId,
    payload,
    metadata: compactMetadata({ ...metadata, traceparent: activeTraceparent() ?? metadata.traceparent }),
  };
  return parseEnvelope(envelope) as EventEnvelope<T, EventPayload<T>>;
}

const aggregateIdCheck = text(200);
const metadataValue = text(1000);

/**
 * Checks that a value received from anywhere (the bus, the outbox) is an envelope of a known type whose
 * payload honours the catalogue, and returns it typed. Throws {@link EventContractError} listing every problem.
 */
export function parseEnvelope(value: unknown): AnyEventEnvelope {
  const problems: string[] = [];
  if (!isPlainObject(value)) throw new EventContractError('(not an object)', ['the envelope must be a JSON object']);
  const type = value['type'];
  if (!isEventType(type)) {
    throw new EventContractError(String(type), [`type: ${JSON.stringify(type)} is not in the event catalogue`]);
  }
  uuid(value['id'], 'id', problems);
  isoDateTime(value['occurredAt'], 'occurredAt', problems);
  aggregateIdCheck(value['aggregateId'], 'aggregateId', problems);
  const metadata = value['metadata'];
  if (!isPlainObject(metadata)) {
    problems.push('metadata: expected an object');
  } else {
    for (const key of ['requestId', 'traceparent'] as const) {
      if (metadata[key] !== undefined) metadataValue(metadata[key], `metadata.${key}`, problems);
    }
  }
  const validator = PAYLOAD_VALIDATORS[type] as (value: unknown, path: string, problems: string[]) => boolean;
  validator(value['payload'], 'payload', problems);
  if (problems.length > 0) throw new EventContractError(type, problems);
  return value as unknown as AnyEventEnvelope;
}

/** Parses the JSON text of an envelope (as the bus carries it) and checks it like {@link parseEnvelope}. */
export function parseEnvelopeJson(json: string): AnyEventEnvelope {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new EventContractError('(unreadable)', ['the envelope is not valid JSON']);
  }
  return parseEnvelope(value);
}

// `undefined` values would vanish in JSON anyway; dropping them here keeps stored and received envelopes equal.
function compactMetadata(metadata: EventMetadata): EventMetadata {
  const compact: { requestId?: string; traceparent?: string } = {};
  if (metadata.requestId !== undefined) compact.requestId = metadata.requestId;
  if (metadata.traceparent !== undefined) compact.traceparent = metadata.traceparent;
  return compact;
}
