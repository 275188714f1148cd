import type { Logger } from 'pino';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-codes';
import { isExposedError } from '../errors/format-error';
import { REQUEST_ID_HEADER } from '../server/request-info';

/** What a call forwards from the request that caused it: the caller's credentials and the request id. */
export interface ForwardedRequest {
  /** The client's `Authorization` header, when the downstream must act as that client. */
  readonly authorization?: string | undefined;
  readonly requestId?: string | undefined;
}

export interface ServiceClient {
  /**
   * Runs one operation against another subgraph. Errors with a registered code from that subgraph are rethrown
   * as the same DomainError (a NOT_FOUND stays a NOT_FOUND); a network failure, a timeout or an unexpected
   * error becomes SERVICE_UNAVAILABLE naming the service, never a raw message.
   */
  request<Data>(query: string, variables?: Record<string, unknown>, forwarded?: ForwardedRequest): Promise<Data>;
  /**
   * Resolves entities through the subgraph's `_entities` field, as the gateway does: one request for all
   * representations, results in the same order (null for an entity the subgraph does not know or hides).
   */
  entities<Entity>(
    typename: string,
    representations: ReadonlyArray<Record<string, unknown>>,
    selection: string,
    forwarded?: ForwardedRequest,
  ): Promise<Array<Entity | null>>;
}

export interface ServiceClientOptions {
  /** The service's name, for messages and logs (`products`). */
  readonly name: string;
  /** Its `/graphql` URL. */
  readonly url: string;
  readonly timeoutMs?: number;
  readonly logger?: Logger;
}

/**
 * How a subgraph asks another for facts it does not own (orders asking products for prices, payments asking
 * orders for a total). Server to server, over the other subgraph's own GraphQL API, so the owner's rules
 * (visibility, authorization) apply. Never call it inside a database transaction (README.md, Design decisions).
 */
export function createServiceClient(options: ServiceClientOptions): ServiceClient {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const unavailable = () =>
    new DomainError(ErrorCode.SERVICE_UNAVAILABLE, `The ${options.name} service is unavailable right now; try again shortly.`);

  async function request<Data>(query: string, variables: Record<string, unknown> = {}, forwarded: ForwardedRequest = {}): Promise<Data> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (forwarded.authorization) headers['authorization'] = forwarded.authorization;
    if (forwarded.requestId) headers[REQUEST_ID_HEADER] = forwarded.requestId;
    let body: { data?: Data | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
    try {
      const response = await fetch(options.url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      body = (await response.json()) as typeof body;
    } catch (error) {
      options.logger?.warn({ err: error, service: options.name }, 'service call failed');
      throw unavailable();
    }
    const firstError = body.errors?.[0];
    if (firstError) {
      if (isExposedError(firstError)) {
        const { code, ...details } = firstError.extensions ?? {};
        throw new DomainError(code as ErrorCode, firstError.message, details);
      }
      options.logger?.warn({ service: options.name, error: firstError }, 'service answered with an unexpected error');
      throw unavailable();
    }
    if (body.data === undefined || body.data === null) throw unavailable();
    return body.data;
  }

  return {
    request,
    async entities<Entity>(
      typename: string,
      representations: ReadonlyArray<Record<string, unknown>>,
      selection: string,
      forwarded?: ForwardedRequest,
    ): Promise<Array<Entity | null>> {
      if (representations.length === 0) return [];
      const data = await request<{ _entities: Array<Entity | null> }>(
        `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${typename} { ${selection} } } }`,
        { representations: representations.map((representation) => ({ __typename: typename, ...representation })) },
        forwarded,
      );
      return data._entities;
    },
  };
}

/** The forwarded part of an incoming request (for a context's service calls). */
export function forwardedFrom(request: { headers: { authorization?: string | undefined }; requestId: string }): ForwardedRequest {
  return { authorization: request.headers.authorization, requestId: request.requestId };
}
