import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { ServiceRoutedTracerProvider } from './service-routed-tracer-provider';
import type { TracingConfig } from './tracing-config';
import { setTracingActive } from './tracing-state';

/** A started tracing set-up; `shutdown` exports what is buffered and unregisters it. */
export interface Tracing {
  /** Whether spans are recorded (false: no endpoint and no exporter, nothing was started). */
  readonly enabled: boolean;
  /** Exports every finished span now (tests, before they read an in-memory exporter). */
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

export interface StartTracingOptions {
  /**
   * Where spans go instead of OTLP, e.g. the SDK's `InMemorySpanExporter` in tests; spans are then exported one
   * by one as they end (SimpleSpanProcessor) rather than in batches.
   */
  readonly exporter?: SpanExporter;
}

const DISABLED: Tracing = Object.freeze({ enabled: false, forceFlush: async () => undefined, shutdown: async () => undefined });

/**
 * Starts OpenTelemetry tracing for this process when `config.otlpEndpoint` is set (or an exporter is given):
 * the W3C trace-context propagator, an AsyncLocalStorage context manager, and a global tracer provider whose
 * spans carry `service.name` — the process's, or that of the service the work belongs to when several share
 * the process (ServiceRoutedTracerProvider). @apollo/gateway's own spans (gateway.request, gateway.plan,
 * gateway.fetch, …) then appear through the global provider too.
 *
 * Without an endpoint nothing is registered: every tracing helper of this package checks one flag and calls
 * straight through, so an untraced process pays nothing.
 *
 * Call it once per process, before serving; a second call replaces the first (tests).
 */
export function startTracing(config: TracingConfig, options: StartTracingOptions = {}): Tracing {
  const exporter = options.exporter ?? (config.otlpEndpoint ? otlpExporter(config.otlpEndpoint) : null);
  if (!exporter) return DISABLED;
  const sharedExporter = withoutShutdown(exporter);
  const batched = options.exporter === undefined;
  const createProvider = (serviceName: string) =>
    new BasicTracerProvider({
      resource: defaultResource().merge(resourceFromAttributes({ [ATTR_SERVICE_NAME]: serviceName })),
      spanProcessors: [batched ? new BatchSpanProcessor(sharedExporter) : new SimpleSpanProcessor(sharedExporter)],
    });
  const router = registeredRouter ?? registerGlobally(new ServiceRoutedTracerProvider(config.serviceName, createProvider));
  if (router === registeredRouter) void router.reconfigure(config.serviceName, createProvider);
  registeredRouter = router;
  setTracingActive(true);
  let stopped: Promise<void> | null = null;
  return {
    enabled: true,
    forceFlush: () => router.forceFlush(),
    shutdown() {
      stopped ??= (async () => {
        setTracingActive(false);
        await router.shutdown();
        await exporter.shutdown();
      })();
      return stopped;
    },
  };
}

/**
 * The process's one registration with the OpenTelemetry API: the W3C propagator, the AsyncLocalStorage context
 * manager and the router. Kept for the process's life (see ServiceRoutedTracerProvider.reconfigure); once
 * tracing is shut down, the flag of tracing-state makes every helper here call straight through again.
 */
let registeredRouter: ServiceRoutedTracerProvider | null = null;

function registerGlobally(router: ServiceRoutedTracerProvider): ServiceRoutedTracerProvider {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(router);
  return router;
}

function otlpExporter(endpoint: string): SpanExporter {
  return new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, '')}/v1/traces` });
}

/** Every service's processor shuts its exporter down; the one exporter they share is closed once, last. */
function withoutShutdown(exporter: SpanExporter): SpanExporter {
  return {
    export: (spans, done) => exporter.export(spans, done),
    forceFlush: () => exporter.forceFlush?.() ?? Promise.resolve(),
    shutdown: async () => undefined,
  };
}
