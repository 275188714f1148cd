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

/** The manifest id codegen embeds in each generated document (`persistedDocuments.mode: embedHashInDocument`). */
export function documentIdOf(document: DocumentNode): string | undefined {
  const hash = (document as { __meta__?: { hash?: unknown } }).__meta__?.hash;
  return typeof hash === 'string' ? hash : undefined;
}

/**
 * The one way frontends talk to the graph: every operation is a generated TypedDocumentNode, so a query that
 * does not match the schema fails to compile rather than at run time.
 *
 * A generated document is sent by its id in the persisted-documents manifest (`documentId`), as the gateway
 * requires in production; only if the gateway does not know the id (PERSISTED_QUERY_NOT_FOUND: a gateway
 * with an older manifest) is it sent again as full text — the retry every APQ client makes.
 */
export function createGraphQLClient(options: GraphQLClientOptions): GraphQLClient {
  const doFetch = options.fetch ?? fetch;
  const post = async (body: Record<string, unknown>) => {
    const token = options.accessToken?.();
    const response = await doFetch(options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { response, body: (await response.json()) as { data?: unknown; errors?: GraphQLErrorEntry[] } };
  };
  const fullText = (document: DocumentNode): string => {
    let query = printed.get(document);
    if (!query) {
      query = print(document);
      printed.set(document, query);
    }
    return query;
  };
  return {
    async request(document, ...[variables]) {
      const documentId = documentIdOf(document);
      let answer = documentId ? await post({ documentId, variables: variables ?? {} }) : undefined;
      if (!answer || answer.body.errors?.some((error) => error.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND')) {
        answer = await post({ query: fullText(document), variables: variables ?? {} });
      }
      const { response, body } = answer;
      if (body.errors?.length) throw new GraphQLRequestError(body.errors, response.status, body.data ?? null);
      if (!response.ok) throw new GraphQLRequestError([{ message: `HTTP ${response.status}` }], response.status);
      return body.data as never;
    },
  };
}
