/**
 * The `extensions.code` values the graph answers with, as the gateway's error-code registry lists them
 * (packages/platform/src/errors/error-codes.ts; a test keeps this list equal to it). Codes are only ever added:
 * an SDK older than the graph may meet a code it does not list, so `SdkError.code` is this union or any string.
 */
export type ServerErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INTERNAL_SERVER_ERROR'
  | 'SERVICE_UNAVAILABLE'
  | 'SUPERGRAPH_RELOADED'
  | 'RATE_LIMITED'
  | 'PERSISTED_QUERY_NOT_IN_LIST'
  | 'PERSISTED_QUERY_HASH_MISMATCH'
  | 'OPERATION_LIMIT_EXCEEDED'
  | 'EMAIL_TAKEN'
  | 'WEAK_PASSWORD'
  | 'INVALID_CREDENTIALS'
  | 'LOGIN_THROTTLED'
  | 'INVALID_REFRESH_TOKEN'
  | 'SKU_TAKEN'
  | 'SLUG_TAKEN'
  | 'PRODUCT_UNAVAILABLE'
  | 'NEGATIVE_STOCK'
  | 'OUT_OF_STOCK'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'ILLEGAL_ORDER_TRANSITION'
  | 'ORDER_NOT_CANCELLABLE'
  | 'UNPAID_ORDER_LIMIT'
  | 'PAYMENT_DECLINED'
  | 'PAYMENT_NOT_ALLOWED'
  | 'REVIEW_ALREADY_EXISTS';

/** Codes GraphQL itself (graphql-js, Apollo Server) answers malformed or unknown requests with. */
export type ProtocolErrorCode =
  | 'GRAPHQL_PARSE_FAILED'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'BAD_REQUEST'
  | 'PERSISTED_QUERY_NOT_FOUND'
  | 'PERSISTED_QUERY_NOT_SUPPORTED'
  | 'OPERATION_RESOLUTION_FAILURE';

/** Codes of the SDK's own, for failures that never reached (or never came back from) the graph. */
export type ClientErrorCode =
  /** The gateway could not be reached (offline, DNS, refused, reset, aborted): try again later. */
  | 'NETWORK_ERROR'
  /** The gateway answered with an HTTP error and no GraphQL errors (`extensions.status` has the status). */
  | 'HTTP_ERROR'
  /** The answer was not a GraphQL response (a proxy's error page, truncated JSON). */
  | 'BAD_RESPONSE';

/** Every code the SDK knows, for `switch (error.code)` with completion. */
export type KnownErrorCode = ServerErrorCode | ProtocolErrorCode | ClientErrorCode;

/** What went wrong, in a form an app can switch on (`code`) and show (`message`). */
export interface SdkError {
  /** A {@link KnownErrorCode}, or a newer code of the graph's this SDK version does not list. */
  readonly code: KnownErrorCode | (string & {});
  /** The gateway's message (written for client developers and their users), or the SDK's. */
  readonly message: string;
  /** The field the error belongs to, when the graph says. */
  readonly path?: readonly (string | number)[];
  /** Extra facts some codes carry (`retryAfterSeconds`, `retryable`, `limit`…). */
  readonly extensions: Readonly<Record<string, unknown>>;
  /** Every error of the answer (the first is the one above). */
  readonly errors: readonly GraphQLErrorEntry[];
}

/** One entry of a GraphQL response's `errors`. */
export interface GraphQLErrorEntry {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions?: Readonly<Record<string, unknown>>;
}

/** The result of every SDK call: never a thrown GraphQL error. */
export type Result<Data> = { readonly ok: true; readonly data: Data } | { readonly ok: false; readonly error: SdkError };

/** An {@link SdkError} of the SDK's own. */
export function clientError(code: ClientErrorCode, message: string, extensions: Record<string, unknown> = {}): SdkError {
  return { code, message, extensions, errors: [{ message, extensions: { code, ...extensions } }] };
}

/** The {@link SdkError} of a GraphQL response's `errors` (non-empty). */
export function graphError(errors: readonly GraphQLErrorEntry[]): SdkError {
  const first = errors[0] ?? { message: 'The server answered with an error.' };
  const extensions = first.extensions ?? {};
  const code = typeof extensions['code'] === 'string' ? extensions['code'] : 'INTERNAL_SERVER_ERROR';
  return { code, message: first.message, ...(first.path ? { path: first.path } : {}), extensions, errors };
}

/** Whether any error of a response carries `code`. */
export function hasCode(errors: readonly GraphQLErrorEntry[] | undefined, code: KnownErrorCode): boolean {
  return errors?.some((error) => error.extensions?.['code'] === code) ?? false;
}
