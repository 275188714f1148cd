import { documentHashFromId, type DocumentHash } from './manifest';

/**
 * How a request names its document, whatever the wire form:
 * - `id`: an id only — `{"documentId": "sha256:<hex>"}` or `"<hex>"` (GraphQL over HTTP persisted documents,
 *   Hive, Yoga), or Apollo's `extensions.persistedQuery.sha256Hash` without `query` (an APQ lookup). `hash` is
 *   null for an id of no scheme the gateway knows (then it is simply not found).
 * - `text-with-id`: the full text and an id (an APQ registration: the id must be the text's hash).
 * - `text`: the full text only.
 * - `none`: neither (Apollo answers it with its own BAD_REQUEST).
 */
export type DocumentRequest =
  | { readonly kind: 'id'; readonly hash: DocumentHash | null }
  | { readonly kind: 'text-with-id'; readonly text: string; readonly hash: DocumentHash | null }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'none' };

/** The parts of a request that can name a document: a POST body's fields, a GET's query string, or a WebSocket subscribe payload. */
export interface DocumentFields {
  readonly query?: unknown;
  readonly documentId?: unknown;
  readonly extensions?: unknown;
}

export function documentRequestOf(fields: DocumentFields): DocumentRequest {
  const text = typeof fields.query === 'string' && fields.query !== '' ? fields.query : undefined;
  const id = idOf(fields);
  if (id === undefined) return text === undefined ? { kind: 'none' } : { kind: 'text', text };
  const hash = documentHashFromId(id);
  return text === undefined ? { kind: 'id', hash } : { kind: 'text-with-id', text, hash };
}

/**
 * The `documentId` of an HTTP request (a POST body's field, or a GET's query parameter): Apollo Server reads
 * `query` and `extensions` itself but knows no `documentId`.
 */
export function documentIdOfHttp(http: { readonly method: string; readonly body?: unknown; readonly search: string } | undefined): unknown {
  if (!http) return undefined;
  if (http.method === 'GET') return new URLSearchParams(http.search).get('documentId') ?? undefined;
  return typeof http.body === 'object' && http.body !== null ? (http.body as Record<string, unknown>)['documentId'] : undefined;
}

function idOf(fields: DocumentFields): string | undefined {
  if (typeof fields.documentId === 'string') return fields.documentId;
  const extensions = fields.extensions;
  if (typeof extensions !== 'object' || extensions === null) return undefined;
  const persistedQuery = (extensions as Record<string, unknown>)['persistedQuery'];
  if (typeof persistedQuery !== 'object' || persistedQuery === null) return undefined;
  const hash = (persistedQuery as Record<string, unknown>)['sha256Hash'];
  return typeof hash === 'string' ? hash : '';
}
