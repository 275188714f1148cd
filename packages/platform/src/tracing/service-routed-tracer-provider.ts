import { context, trace, type Context, type Span, type SpanOptions, type Tracer, type TracerOptions, type TracerProvider } from '@opentelemetry/api';
import { serviceOf } from './service-scope';

/** What the router needs of one service's SDK provider. */
export interface ServiceTracerProvider extends TracerProvider {
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

/**
 * The process's global tracer provider: each span goes to the provider of the service its context names
 * (`withService`), or to the process's own one. An OpenTelemetry resource — and so `service.name` — belongs to
 * a provider, not to a span, hence one SDK provider per service met in the process, made on first use.
 * In a one-service process every span goes to the default provider: the routing costs a context lookup.
 */
export class ServiceRoutedTracerProvider implements TracerProvider {
  private providers = new Map<string, ServiceTracerProvider>();

  constructor(
    private defaultService: string,
    private createProvider: (serviceName: string) => ServiceTracerProvider,
  ) {}

  /**
   * Starts over with another set-up (a second `startTracing` in one process: tests). The router itself stays
   * the registered global: tracers obtained from the API before — @apollo/gateway takes its own when its
   * module loads — keep delegating to it, whereas unregistering it would leave them no-ops for ever.
   */
  async reconfigure(defaultService: string, createProvider: (serviceName: string) => ServiceTracerProvider): Promise<void> {
    const previous = [...this.providers.values()];
    this.providers = new Map();
    this.defaultService = defaultService;
    this.createProvider = createProvider;
    await Promise.all(previous.map((provider) => provider.shutdown()));
  }

  getTracer(name: string, version?: string, options?: TracerOptions): Tracer {
    return new ServiceRoutedTracer((ctx) => this.providerFor(serviceOf(ctx) ?? this.defaultService).getTracer(name, version, options));
  }

  providerFor(serviceName: string): ServiceTracerProvider {
    let provider = this.providers.get(serviceName);
    if (!provider) {
      provider = this.createProvider(serviceName);
      this.providers.set(serviceName, provider);
    }
    return provider;
  }

  async forceFlush(): Promise<void> {
    await Promise.all([...this.providers.values()].map((provider) => provider.forceFlush()));
  }

  async shutdown(): Promise<void> {
    const providers = [...this.providers.values()];
    this.providers = new Map();
    await Promise.all(providers.map((provider) => provider.shutdown()));
  }
}

class ServiceRoutedTracer implements Tracer {
  constructor(private readonly tracerFor: (ctx: Context) => Tracer) {}

  startSpan(name: string, options?: SpanOptions, ctx: Context = context.active()): Span {
    return this.tracerFor(ctx).startSpan(name, options, ctx);
  }

  // The API's overloads: (name, fn), (name, options, fn), (name, options, context, fn).
  startActiveSpan<F extends (span: Span) => unknown>(name: string, ...rest: unknown[]): ReturnType<F> {
    const fn = rest[rest.length - 1] as F;
    const options = rest.length > 1 ? (rest[0] as SpanOptions | undefined) : undefined;
    const parent = rest.length > 2 ? ((rest[1] as Context | undefined) ?? context.active()) : context.active();
    const span = this.startSpan(name, options, parent);
    return context.with(trace.setSpan(parent, span), fn as (span: Span) => ReturnType<F>, undefined, span);
  }
}
