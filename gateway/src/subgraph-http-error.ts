import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { DomainError, ErrorCode } from '@techally/platform';
import { GraphQLError } from 'graphql';

/** Statuses that say "not now" rather than "never": the client may retry (rate limited, proxy or subgraph down). */
type GatewayGraphQLResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/**
 * A subgraph's non-2xx answer whose body is a GraphQL response with errors (GraphQL over HTTP lets a server
 * answer 401, 403, 429, 500… that way; Apollo Server does for an UNAUTHENTICATED error). Its errors are the
 * subgraph's own, written for the client: they are served as the answer of that fetch, with their paths, instead
 * of Apollo's "401: Unauthorized" carrying the subgraph's URL, status and raw body (issue #9, item 6).
 */
export class SubgraphErrorAnswer extends GraphQLError {
  constructor(readonly answer: GatewayGraphQLResponse) {
    super('The subgraph answered with GraphQL errors.');
  }
}

/**
 * What the gateway makes of a subgraph's HTTP error: the subgraph's own GraphQL errors when it sent some,
 * otherwise a fixed error that names the subgraph and nothing else of it (no URL, no body): SERVICE_UNAVAILABLE
 * for statuses worth retrying, and an unregistered error — masked as INTERNAL_SERVER_ERROR at the boundary and
 * logged there with the status — for the rest.
 */
export function errorFromSubgraphAnswer(subgraphName: string, status: number, body: unknown): GraphQLError {
  if (isGraphQLErrorResponse(body)) return new SubgraphErrorAnswer({ errors: body.errors, data: body.data ?? null } as GatewayGraphQLResponse);
  if (RETRYABLE_STATUSES.has(status)) {
    return new DomainError(ErrorCode.SERVICE_UNAVAILABLE, `The ${subgraphName} service is unavailable right now; try again shortly.`);
  }
  return new GraphQLError(`The ${subgraphName} subgraph answered HTTP ${status} without a GraphQL response.`);
}

function isGraphQLErrorResponse(body: unknown): body is { errors: GraphQLError[]; data?: Record<string, unknown> | null } {
  if (typeof body !== 'object' || body === null) return false;
  const { errors } = body as { errors?: unknown };
  return (
    Array.isArray(errors) &&
    errors.length > 0 &&
    errors.every((error) => typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string')
  );
}
