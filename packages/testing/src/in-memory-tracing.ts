import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { startTracing, type Tracing } from '@techally/platform';

/** Tracing started for a test: every span of the process, exported at once to memory. */
export interface InMemoryTracing {
  readonly tracing: Tracing;
  /** Every finished span so far. */
  spans(): ReadonlyArray<ReadableSpan>;
  /** Polls the finished spans until `done` says enough arrived (spans end after the answers a test waits on). */
  waitForSpans(done: (spans: ReadonlyArray<ReadableSpan>) => boolean, timeoutMs?: number): Promise<ReadonlyArray<ReadableSpan>>;
  stop(): Promise<void>;
}

/**
 * Starts the platform's tracing as a service's main would, with an in-memory exporter instead of OTLP, so a
 * test reads the spans a scenario produced. `serviceName` names the spans of work no service claimed.
 */
export function startInMemoryTracing(serviceName = 'test'): InMemoryTracing {
  const exporter = new InMemorySpanExporter();
  const tracing = startTracing({ serviceName, otlpEndpoint: null }, { exporter });
  return {
    tracing,
    spans: () => exporter.getFinishedSpans(),
    async waitForSpans(done, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const spans = exporter.getFinishedSpans();
        if (done(spans)) return spans;
        if (Date.now() > deadline) throw new Error(`the expected spans did not arrive in ${timeoutMs} ms (${spans.length} spans: ${[...new Set(spans.map(describeSpan))].slice(0, 60).join(', ')})`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    stop: () => tracing.shutdown(),
  };
}

/** `orders: POST /graphql (SERVER)` — a span's service, name and kind, for assertions and failure messages. */
export function describeSpan(span: ReadableSpan): string {
  return `${serviceNameOf(span)}: ${span.name} (${SpanKind[span.kind]})`;
}

export function serviceNameOf(span: ReadableSpan): string {
  return String(span.resource.attributes['service.name']);
}

/** The span id of a span's parent, or undefined for a root span. */
export function parentSpanIdOf(span: ReadableSpan): string | undefined {
  return span.parentSpanContext?.spanId;
}

export type { ReadableSpan };
