import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { documentIdOf, type GraphQLErrorEntry } from '@techally/web-client';

/** The header a partner's key travels in (the gateway's `API_KEY_HEADER`). */
export const API_KEY_HEADER = 'x-api-key';

/** One answer of the gateway, as the wire gave it: a partner reads the status and `Retry-After` too. */
export interface PartnerAnswer<Data> {
  readonly status: number;
  readonly data: Data | null;
  readonly errors: ReadonlyArray<GraphQLErrorEntry>;
  /** The `Retry-After` header of a refusal (seconds, as text), else null. */
  readonly retryAfterHeader: string | null;
}

export interface PartnerClientOptions {
  /** The gateway's /graphql URL. */
  readonly gatewayUrl: string;
  /** The partner's secret (`tak_live_…`), sent as `x-api-key`. */
  readonly apiKey: string;
  readonly fetch?: typeof fetch;
}

export interface PartnerClient {
  /** Sends an operation by its persisted-document id — `{ documentId, variables }`, never its text. */
  send<Data, Variables extends Record<string, unknown>>(document: TypedDocumentNode<Data, Variables>, variables?: Variables): Promise<PartnerAnswer<Data>>;
}

/**
 * What a partner's HTTP client needs: a POST with the key and a document id. Partners may only send ids (the
 * gateway answers a full document with PERSISTED_QUERY_NOT_IN_LIST), so unlike `createGraphQLClient` this never
 * falls back to the text: a document without an id is our mistake, caught before anything is sent.
 */
export function createPartnerClient(options: PartnerClientOptions): PartnerClient {
  const doFetch = options.fetch ?? fetch;
  return {
    async send(document, variables) {
      const documentId = documentIdOf(document);
      if (!documentId) throw new Error('this document has no persisted-document id: run `pnpm codegen`');
      const response = await doFetch(options.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [API_KEY_HEADER]: options.apiKey },
        body: JSON.stringify({ documentId, variables: variables ?? {} }),
      });
      const body = (await response.json().catch(() => ({}))) as { data?: unknown; errors?: GraphQLErrorEntry[] };
      return {
        status: response.status,
        data: (body.data ?? null) as never,
        errors: body.errors ?? (response.ok ? [] : [{ message: `HTTP ${response.status}` }]),
        retryAfterHeader: response.headers.get('retry-after'),
      };
    },
  };
}
