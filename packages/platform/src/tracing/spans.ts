import { context, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Span } from '@opentelemetry/api';
import { withService } from './service-scope';
import { isTracingActive } from './tracing-state';

export interface SpanSpec {
  readonly kind?: SpanKind;
  readonly attributes?: Attributes;
  /** The parent's context (an extracted traceparent); default: the active one. */
  readonly parent?: Context;
  /** The service the work belongs to, when several share the process (see service-scope). */
  readonly service?: string;
  /**
   * Only inside a trace: without a parent span, `fn` runs untraced. For the inner work that would otherwise
   * fill the trace store with one-span traces of background polling (SQL of a relay's poll, a sweeper's batch).
   */
  readonly onlyInTrace?: boolean;
}

const TRACER_NAME = '@techally/platform';

/**
 * Runs `fn` inside a new span (active for everything `fn` awaits), ended when `fn` settles; a thrown error is
 * recorded on it and the span marked ERROR before the error goes on. Without tracing, `fn()` is called as is.
 */
export async function inSpan<T>(name: string, spec: SpanSpec, fn: (span: Span | null) => Promise<T>): Promise<T> {
  if (!isTracingActive()) return fn(null);
  let parent = spec.parent ?? context.active();
  if (spec.onlyInTrace && !trace.getSpanContext(parent)) return fn(null);
  if (spec.service) parent = withService(parent, spec.service);
  const span = trace.getTracer(TRACER_NAME).startSpan(name, { kind: spec.kind ?? SpanKind.INTERNAL, ...(spec.attributes ? { attributes: spec.attributes } : {}) }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), () => fn(span));
  } catch (error) {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({ code: SpanStatusCode.ERROR, ...(error instanceof Error ? { message: error.message } : {}) });
    throw error;
  } finally {
    span.end();
  }
}

export { SpanKind };
