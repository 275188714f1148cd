import type { IncomingMessage, ServerResponse } from 'node:http';
import { propagation, ROOT_CONTEXT, SpanKind } from '@opentelemetry/api';
import { ATTR_HTTP_REQUEST_METHOD, ATTR_HTTP_RESPONSE_STATUS_CODE, ATTR_HTTP_ROUTE } from '@opentelemetry/semantic-conventions';
import { inSpan } from './spans';
import { isTracingActive } from './tracing-state';

/**
 * The SERVER span of one HTTP request to a service (`POST /graphql`), continuing the caller's trace from its
 * `traceparent` header (the gateway's `gateway.fetch`, a client's own span) and naming the service, so
 * everything the request does — Apollo's spans, loader batches, SQL, the events it writes — hangs under it.
 * Health checks are not traced (a probe every few seconds would be most of the traces).
 */
export function traceHttpRequest(serviceName: string, route: string, request: IncomingMessage, response: ServerResponse, handle: () => Promise<void>): Promise<void> {
  if (!isTracingActive() || route.startsWith('/health/')) return handle();
  const method = request.method ?? 'GET';
  return inSpan(
    `${method} ${route}`,
    {
      kind: SpanKind.SERVER,
      parent: propagation.extract(ROOT_CONTEXT, request.headers),
      service: serviceName,
      attributes: { [ATTR_HTTP_REQUEST_METHOD]: method, [ATTR_HTTP_ROUTE]: route },
    },
    async (span) => {
      try {
        await handle();
      } finally {
        span?.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, response.statusCode);
      }
    },
  );
}
