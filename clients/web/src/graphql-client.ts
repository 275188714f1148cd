import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';

export interface GraphQLErrorEntry {
  readonly message: string;
  readonly path?: ReadonlyArray<string | number>;
  readonly extensions?: { readonly code?: string } & Record<string, unknown>;
}

/** The request failed as a whole or in part; `errors` carries each error's `extensions.code`. */
export class GraphQLRequestError extends Error {
  override readonly name = 'GraphQLRequestError';
  constructor(
    readonly errors: ReadonlyArray<GraphQLErrorEntry>,
    readonly status: number,
    readonly data: unknown = null,
  ) {
    super(errors.map((error) => `${error.extensions?.code ?? 'ERROR'}: ${error.message}`).join('; '));
  }

  /** The codes of the errors, e.g. ['UNAUTHENTICATED']. */
  get codes(): string[] {
    return this.errors.map((error) => error.extensions?.code ?? 'ERROR');
  }
}

export interface GraphQLClientOptions {
  /** The gateway's /graphql URL. */
  readonly url: string;
  /** The current access token, if signed in; read before every request so a refreshed token is used. */
  readonly accessToken?: () => string | undefined;
  readonly fetch?: typeof fetch;
}

export interface GraphQLClient {
  /** Runs an operation; resolves with its typed data or rejects with {@link GraphQLRequestError}. */
  request<Result, Variables extends Record<string, unknown>>(
    document: TypedDocumentNode<Result, Variables>,
    ...variables: Record<string, never> extends Variables ? [Variables?] : [Variables]
  ): Promise<Result>;
}

const printed = new WeakMap<DocumentNode, string>();

/**
 * The one way frontends talk to the graph: every operation is a generated TypedDocumentNode, so a query that
 * does not match the schema fails to compile rather than at run time.
 */
export function createGraphQLClient(options: GraphQLClientOptions): GraphQLClient {
  const doFetch = options.fetch ?? fetch;
  return {
    async request(document, ...[variables]) {
      let query = printed.get(document);
      if (!query) {
        query = print(document);
        printed.set(document, query);
      }
      const token = options.accessToken?.();
      const response = await doFetch(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables: variables ?? {} }),
      });
      const body = (await response.json()) as { data?: unknown; errors?: GraphQLErrorEntry[] };
      if (body.errors?.length) throw new GraphQLRequestError(body.errors, response.status, body.data ?? null);
      if (!response.ok) throw new GraphQLRequestError([{ message: `HTTP ${response.status}` }], response.status);
      return body.data as never;
    },
  };
}
