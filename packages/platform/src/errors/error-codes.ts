/**
 * The registry of `extensions.code` values the graph returns. Clients switch on these, so they are a public
 * contract: add codes, never rename them. Each subgraph adds its domain codes here so the boundary formatter
 * can tell a deliberate error from an accident.
 */
export const ErrorCode = {
  // Generic, shared by every subgraph.
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  /** Another service this one depends on did not answer; retrying later may work. */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  // gateway
  /** The gateway loaded a new supergraph and ended the subscription: subscribe again (the graph may have changed). */
  SUPERGRAPH_RELOADED: 'SUPERGRAPH_RELOADED',
  /** The caller spent its request budget at the edge: wait `extensions.retryAfterSeconds` (also `Retry-After`). */
  RATE_LIMITED: 'RATE_LIMITED',
  /** A full document from a caller that may send only persisted document ids, or one outside the manifest. */
  PERSISTED_QUERY_NOT_IN_LIST: 'PERSISTED_QUERY_NOT_IN_LIST',
  /** A document sent with an id that is not its SHA-256 (Apollo Router's code for APQ's "provided sha does not match query"). */
  PERSISTED_QUERY_HASH_MISMATCH: 'PERSISTED_QUERY_HASH_MISMATCH',
  /**
   * The gateway refused the operation before running it: one of its limits (depth, aliases, directives, tokens,
   * cost, subscriptions per connection) was exceeded. `extensions.limit` names it, `extensions.maximum` is the
   * limit and `extensions.found` the operation's value (when known). Retrying the same operation never helps.
   */
  OPERATION_LIMIT_EXCEEDED: 'OPERATION_LIMIT_EXCEEDED',
  // users
  EMAIL_TAKEN: 'EMAIL_TAKEN',
  WEAK_PASSWORD: 'WEAK_PASSWORD',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  LOGIN_THROTTLED: 'LOGIN_THROTTLED',
  INVALID_REFRESH_TOKEN: 'INVALID_REFRESH_TOKEN',
  // products
  SKU_TAKEN: 'SKU_TAKEN',
  SLUG_TAKEN: 'SLUG_TAKEN',
  PRODUCT_UNAVAILABLE: 'PRODUCT_UNAVAILABLE',
  // inventory
  NEGATIVE_STOCK: 'NEGATIVE_STOCK',
  OUT_OF_STOCK: 'OUT_OF_STOCK',
  // orders
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  ILLEGAL_ORDER_TRANSITION: 'ILLEGAL_ORDER_TRANSITION',
  ORDER_NOT_CANCELLABLE: 'ORDER_NOT_CANCELLABLE',
  /** The customer holds as many unpaid orders (or units of a product in them) as one may: pay or cancel first. */
  UNPAID_ORDER_LIMIT: 'UNPAID_ORDER_LIMIT',
  // payments
  PAYMENT_DECLINED: 'PAYMENT_DECLINED',
  PAYMENT_NOT_ALLOWED: 'PAYMENT_NOT_ALLOWED',
  // reviews
  REVIEW_ALREADY_EXISTS: 'REVIEW_ALREADY_EXISTS',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * Codes graphql-js and Apollo Server produce for malformed requests. They carry messages written for client
 * developers, so the boundary lets them through unchanged.
 */
export const PROTOCOL_ERROR_CODES: ReadonlySet<string> = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);
