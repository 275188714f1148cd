import { context, propagation, ROOT_CONTEXT, trace, type Context } from '@opentelemetry/api';
import { isTracingActive } from './tracing-state';

/**
 * The W3C `traceparent` of the span running now, to carry where no HTTP header goes: an event's metadata, so
 * the consumer's spans join the trace of the change that caused the event. Undefined when nothing is traced.
 */
export function activeTraceparent(): string | undefined {
  if (!isTracingActive() || !trace.getSpan(context.active())?.spanContext()) return undefined;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier['traceparent'];
}

/**
 * Sets `traceparent` (and `tracestate`) of the span running now on an outgoing request, through `set`. Returns
 * false, setting nothing, when nothing is traced: the caller may then forward its client's own headers.
 */
export function injectTraceHeaders(set: (name: string, value: string) => void): boolean {
  if (!isTracingActive()) return false;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  if (!carrier['traceparent']) return false;
  for (const [name, value] of Object.entries(carrier)) set(name, value);
  return true;
}

/**
 * The context a `traceparent` (from an event, a header) continues, or the root context when there is none or
 * it is malformed: an old outbox row without one still gets its consumer span, in a trace of its own.
 */
export function contextFromTraceparent(traceparent: string | undefined, tracestate?: string): Context {
  if (!traceparent || !isTracingActive()) return ROOT_CONTEXT;
  return propagation.extract(ROOT_CONTEXT, tracestate ? { traceparent, tracestate } : { traceparent });
}
