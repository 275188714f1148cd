import { context, createContextKey, type Context } from '@opentelemetry/api';

/**
 * Which service of the process a piece of work belongs to. One process is one service in production, but the
 * embedded start and the end-to-end tests run every subgraph and the gateway in one process: the service is
 * then carried in the context from where work enters a service (its HTTP server, its event consumers, its
 * outbox relay) so that each span is exported under its own `service.name` (see ServiceRoutedTracerProvider).
 */
const SERVICE_KEY = createContextKey('techally.service');

export function withService(ctx: Context, serviceName: string): Context {
  return ctx.setValue(SERVICE_KEY, serviceName);
}

export function serviceOf(ctx: Context = context.active()): string | undefined {
  return ctx.getValue(SERVICE_KEY) as string | undefined;
}
