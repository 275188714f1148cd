import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { DomainError, ErrorCode, FORWARDED_FOR_HEADER, injectTraceHeaders, REQUEST_ID_HEADER } from '@techally/platform';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from './context';
import { forwardedFor } from './forwarded-for';
import { noteSubgraphAnswer } from './response-cache/request-cache-state';
import { errorFromSubgraphAnswer, SubgraphErrorAnswer } from './subgraph-http-error';

type FetcherResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];
type DidReceiveResponse = NonNullable<RemoteGraphQLDataSource<GatewayContext>['didReceiveResponse']>;

/** Headers a subgraph needs to see from the client's request: who it is, and how to find it in the logs. */
const FORWARDED_HEADERS = ['authorization', 'traceparent', 'tracestate'] as const;
const TRACE_HEADERS: ReadonlySet<string> = new Set(['traceparent', 'tracestate']);

/**
 * The gateway's HTTP client to one subgraph. It forwards the client's credentials (each subgraph verifies the
 * token again: it never trusts the gateway blindly), the request id, so one id follows a request across every
 * service's logs, and the client's address in `X-Forwarded-For`.
 */
export class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraphName: string,
    url: string,
    fetcher?: RemoteGraphQLDataSource['fetcher'],
  ) {
    super(fetcher ? { url, fetcher } : { url });
  }

  /**
   * A subgraph that cannot be reached (refused, reset, timed out) is SERVICE_UNAVAILABLE naming it — a client
   * can retry that — rather than a masked internal error. The rest of the plan still answers what it can.
   */
  override async process(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']> {
    try {
      return await super.process(options);
    } catch (error) {
      // A subgraph that answered (even with an HTTP error such as 401) speaks for itself: its GraphQL errors
      // are the answer of this fetch. Only a request that got no answer at all is the subgraph being unavailable.
      if (error instanceof SubgraphErrorAnswer) return error.answer;
      if (error instanceof GraphQLError) throw error;
      throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, `The ${this.subgraphName} service is unavailable right now; try again shortly.`);
    }
  }

  /** Replaces Apollo's `"401: Unauthorized"` with `extensions.response` (URL, status, raw body): see subgraph-http-error. */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const body = await this.parseBody(response).catch(() => undefined);
    return errorFromSubgraphAnswer(this.subgraphName, response.status, body);
  }

  /** The response cache files the client's answer under the tags this subgraph says it read (x-cache-tags). */
  override didReceiveResponse({ response, context }: Parameters<DidReceiveResponse>[0]): ReturnType<DidReceiveResponse> {
    noteSubgraphAnswer(context, response.http?.headers);
    return response;
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!('requestId' in context) || !context.requestId) return; // health checks and schema loading
    request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
    // Traced: the subgraph's spans are children of this fetch's span (Apollo's `gateway.fetch`, active here).
    // Untraced: the client's own trace context goes through as it came.
    const traced = injectTraceHeaders((name, value) => request.http?.headers.set(name, value));
    for (const name of FORWARDED_HEADERS) {
      if (traced && TRACE_HEADERS.has(name)) continue;
      const value = context.headers[name];
      if (typeof value === 'string' && value !== '') request.http?.headers.set(name, value);
    }
    // Who the client is, for the subgraphs that throttle per client (users: log-in attempts).
    const chain = forwardedFor(context.headers, context.remoteAddress);
    if (chain) request.http?.headers.set(FORWARDED_FOR_HEADER, chain);
  }
}
