import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { Result } from '../errors/error-codes.js';

export type { Result } from '../errors/error-codes.js';

/**
 * A generated document: no query text, only its id in the persisted-documents manifest (`__meta__.hash`), typed
 * with its data and variables.
 */
export type PersistedDocument<Data, Variables> = TypedDocumentNode<Data, Variables>;

/** Per call. */
export interface CallOptions {
  /** Cancels the request; the call then resolves to NETWORK_ERROR (`extensions.aborted: true`). */
  readonly signal?: AbortSignal;
  /** Extra HTTP headers for this call (e.g. a trace id). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** What a subscription's caller is told. */
export interface SubscriptionHandlers<Data> {
  /** Each event's data, or an error that did not end the subscription (an event that failed in part). */
  next(result: Result<Data>): void;
  /**
   * The subscription ended for good, with the error that ended it (FORBIDDEN, NOT_FOUND, BAD_USER_INPUT,
   * UNAUTHENTICATED after a refused refresh…) — never for a dropped connection, which is retried.
   */
  error?(error: Result<Data> & { ok: false }): void;
  /**
   * The SDK subscribed again after a gap (a dropped connection, a new token, a gateway reload): events of the gap
   * are not replayed, so read the current state with a query if it matters (an order's status). May come twice
   * for one gap (the connection and the subscription both started again): make it safe to repeat.
   */
  resubscribed?(): void;
  /** The subscription ended for good (the server completed it, or `unsubscribe()`): no more events. */
  complete?(): void;
}

/** A running subscription. */
export interface Subscription {
  /** Stops it (idempotent); `complete` is called. */
  unsubscribe(): void;
}

/** What the generated functions run their documents through: the client `createClient` returns. */
export interface OperationClient {
  execute<Data, Variables>(document: PersistedDocument<Data, Variables>, variables: Variables, options?: CallOptions): Promise<Result<Data>>;
  subscribe<Data, Variables>(document: PersistedDocument<Data, Variables>, variables: Variables, handlers: SubscriptionHandlers<Data>): Subscription;
}

/** The document's persisted id (`sha256:<hex>`), which the gateway serves by; throws if codegen embedded none. */
export function documentIdOf(document: object): string {
  const hash = (document as { __meta__?: { hash?: unknown } }).__meta__?.hash;
  if (typeof hash !== 'string') throw new TypeError('@techally/sdk: a document without a persisted id (run `pnpm codegen`)');
  return hash;
}
