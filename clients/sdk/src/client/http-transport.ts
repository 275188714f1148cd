import { clientError, graphError, type GraphQLErrorEntry, type Result, type SdkError } from '../errors/error-codes.js';

/** The part of `fetch` the SDK uses (React Native's and Node's global `fetch`, or any polyfill). */
export type FetchFunction = (url: string, init: {
  method: 'POST';
  headers: Record<string, string>;
  body: string;
  signal?: AbortSignal;
}) => Promise<{ readonly ok: boolean; readonly status: number; text(): Promise<string> }>;

/** A GraphQL response as it came back, before it is judged. */
export interface RawResponse<Data> {
  readonly data?: Data | null;
  readonly errors?: readonly GraphQLErrorEntry[];
}

/**
 * POSTs `{ documentId, variables }` — the document's id, never its text — and reads the answer. Resolves to the
 * raw response, or to an SDK error when there is none to read (network failure, not JSON, HTTP error without
 * GraphQL errors). POST, even for queries: Apollo Server's CSRF guard refuses a GET without a custom header.
 */
export async function postDocumentId<Data>(
  fetchImpl: FetchFunction,
  url: string,
  request: { readonly documentId: string; readonly variables: unknown; readonly headers: Record<string, string>; readonly signal?: AbortSignal },
): Promise<{ readonly ok: true; readonly response: RawResponse<Data> } | { readonly ok: false; readonly error: SdkError }> {
  let status: number;
  let text: string;
  try {
    const answer = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...request.headers },
      body: JSON.stringify({ documentId: request.documentId, variables: request.variables ?? {} }),
      ...(request.signal ? { signal: request.signal } : {}),
    });
    status = answer.status;
    text = await answer.text();
  } catch (cause) {
    const aborted = request.signal?.aborted === true;
    return failure(clientError('NETWORK_ERROR', aborted ? 'The request was cancelled.' : 'Could not reach the shop. Check your connection and try again.', {
      ...(aborted ? { aborted: true } : {}),
      cause: cause instanceof Error ? cause.message : String(cause),
    }));
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return failure(status >= 400
      ? clientError('HTTP_ERROR', `The shop answered HTTP ${status}.`, { status })
      : clientError('BAD_RESPONSE', 'The shop answered with something that is not a GraphQL response.', { status }));
  }
  if (typeof body !== 'object' || body === null || (!('data' in body) && !('errors' in body))) {
    return failure(clientError(status >= 400 ? 'HTTP_ERROR' : 'BAD_RESPONSE', `The shop answered HTTP ${status} without a GraphQL response.`, { status }));
  }
  return { ok: true, response: body as RawResponse<Data> };
}

/** A raw response as a {@link Result}: data without errors, or the errors. */
export function resultOf<Data>(response: RawResponse<Data>): Result<Data> {
  if (response.errors && response.errors.length > 0) return { ok: false, error: graphError(response.errors) };
  if (response.data === undefined || response.data === null) {
    return { ok: false, error: clientError('BAD_RESPONSE', 'The shop answered without data.') };
  }
  return { ok: true, data: response.data };
}

function failure(error: SdkError) {
  return { ok: false as const, error };
}
