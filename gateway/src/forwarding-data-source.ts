import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { REQUEST_ID_HEADER } from '@techally/platform';
import type { GatewayContext } from './context';

/** Headers a subgraph needs to see from the client's request: who it is, and how to find it in the logs. */
const FORWARDED_HEADERS = ['authorization', 'traceparent', 'tracestate'] as const;

/**
 * The gateway's HTTP client to one subgraph. It forwards the client's credentials (each subgraph verifies the
 * token again: it never trusts the gateway blindly) and the request id, so one id follows a request across
 * every service's logs.
 */
export class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!('requestId' in context) || !context.requestId) return; // health checks and schema loading
    request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
    for (const name of FORWARDED_HEADERS) {
      const value = context.headers[name];
      if (typeof value === 'string' && value !== '') request.http?.headers.set(name, value);
    }
  }
}
