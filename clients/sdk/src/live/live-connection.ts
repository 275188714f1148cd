import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import { documentIdOf, type PersistedDocument, type Subscription, type SubscriptionHandlers } from '../client/operation-client.js';
import { graphError, hasCode, type GraphQLErrorEntry, type SdkError } from '../errors/error-codes.js';
import type { Session } from '../session/session.js';
import { backoffDelay, wait, type RetryPolicy } from './backoff.js';

/** Subscription ends the gateway documents as "subscribe again" (gateway/README.md, *How a subscription ends*). */
const RESUBSCRIBE_CODES = ['SUPERGRAPH_RELOADED', 'SERVICE_UNAVAILABLE'] as const;
/** graphql-ws close code for "restart": not fatal, so graphql-ws reconnects and resubscribes on its own. */
const RESTART_CLOSE_CODE = 4205;
/** The gateway closes a connection whose token expired (or is refused) with 4401. */
const UNAUTHORIZED_CLOSE_CODE = 4401;

export interface LiveConnectionOptions {
  /** ws:// or wss:// URL of the gateway's /graphql. */
  readonly url: string;
  /** A WebSocket constructor (React Native's global, the browser's, or `ws` in Node). */
  readonly webSocketImpl: unknown;
  readonly session: Session;
  readonly retry?: RetryPolicy;
}

interface ConnectedSocket {
  close(code: number, reason: string): void;
}

/**
 * One graphql-ws connection for every subscription of a client, opened with the first and closed with the last.
 * It authenticates once, at connect, with the session's access token; a dropped connection is retried for ever
 * with backoff and graphql-ws resubscribes what was running. Above that, each subscription is started again
 * when the gateway ends it with a "subscribe again" code, or with UNAUTHENTICATED explained by an expired token
 * (after a refresh). A new sign-in, sign-out or refresh restarts the connection with the new token.
 */
export class LiveConnection {
  private readonly client: Client;
  private socket: ConnectedSocket | null = null;
  /** The token the open (or opening) socket authenticated with, and when it expires. */
  private socketToken: { value: string | undefined; expiresAt: number } = { value: undefined, expiresAt: Number.POSITIVE_INFINITY };
  private readonly reconnectListeners = new Set<() => void>();
  private readonly stopSession: () => void;

  constructor(private readonly options: LiveConnectionOptions) {
    this.client = createClient({
      url: options.url,
      webSocketImpl: options.webSocketImpl,
      lazy: true,
      keepAlive: 10_000,
      connectionParams: async () => {
        const token = await options.session.accessToken();
        const expiresAt = options.session.current?.accessTokenExpiresAt;
        this.socketToken = { value: token, expiresAt: token && expiresAt ? Date.parse(expiresAt) : Number.POSITIVE_INFINITY };
        return token ? { authorization: `Bearer ${token}` } : {};
      },
      // A phone changes networks and sleeps: retry for ever, backing off, and resubscribe (graphql-ws does).
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: () => true,
      retryWait: (retries) => wait(backoffDelay(retries, options.retry)),
      on: {
        connected: (socket, _payload, wasRetry) => {
          this.socket = socket as ConnectedSocket;
          if (wasRetry) for (const listener of this.reconnectListeners) listener();
        },
        closed: () => {
          this.socket = null;
        },
      },
    });
    this.stopSession = options.session.onChange((state) => {
      if (this.socket && state?.accessToken !== this.socketToken.value) this.restart();
    });
  }

  subscribe<Data, Variables>(document: PersistedDocument<Data, Variables>, variables: Variables, handlers: SubscriptionHandlers<Data>): Subscription {
    return new LiveSubscription(this, documentIdOf(document), variables, handlers as SubscriptionHandlers<unknown>);
  }

  /** @internal Starts one subscribe on the shared socket; returns its dispose. */
  open(payload: { documentId: string; variables: unknown }, sink: { next(value: FormattedExecutionResult): void; error(error: unknown): void; complete(): void }): () => void {
    // `query: ''`: graphql-ws requires the field; the gateway resolves the document from `documentId`.
    return this.client.subscribe({ query: '', documentId: payload.documentId, variables: payload.variables as Record<string, unknown> } as never, sink);
  }

  /** @internal Whether a rejection of the socket's token is explained by its expiry or by a newer token. */
  rejectionExplained(): boolean {
    const { value, expiresAt } = this.socketToken;
    if (!value) return false;
    return Date.now() >= expiresAt - 1_000 || this.options.session.current?.accessToken !== value;
  }

  /** @internal A fresh token after the socket's was rejected, or undefined (then the rejection is final). */
  async tokenAfterRejection(): Promise<string | undefined> {
    return this.options.session.accessTokenAfterRejection(this.socketToken.value);
  }

  /** @internal */
  onReconnected(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => void this.reconnectListeners.delete(listener);
  }

  /** @internal */
  get retryPolicy(): RetryPolicy | undefined {
    return this.options.retry;
  }

  /** Closes the socket so it reconnects with the session's current token; running subscriptions resume. */
  restart(): void {
    this.socket?.close(RESTART_CLOSE_CODE, 'Client Restart');
  }

  async dispose(): Promise<void> {
    this.stopSession();
    await this.client.dispose();
  }
}

/** One subscription of a caller, started again as long as the end is one the gateway says to retry. */
class LiveSubscription implements Subscription {
  private stopped = false;
  private attempt = 0;
  private closeCurrent: (() => void) | null = null;
  private readonly stopReconnects: () => void;

  constructor(
    private readonly connection: LiveConnection,
    private readonly documentId: string,
    private readonly variables: unknown,
    private readonly handlers: SubscriptionHandlers<unknown>,
  ) {
    this.stopReconnects = connection.onReconnected(() => this.handlers.resubscribed?.());
    this.start();
  }

  unsubscribe(): void {
    if (this.stopped) return;
    this.closeCurrent?.();
    this.finish();
  }

  private start(): void {
    if (this.stopped) return;
    // The last error-only result: the gateway sends it right before `complete` when it ends a subscription.
    let ending: GraphQLErrorEntry[] | null = null;
    this.closeCurrent = this.connection.open({ documentId: this.documentId, variables: this.variables }, {
      next: (value) => {
        if (this.stopped) return;
        if (ending) this.handlers.next({ ok: false, error: graphError(ending) });
        ending = null;
        const errors = value.errors as GraphQLErrorEntry[] | undefined;
        if (errors?.length && (value.data === undefined || value.data === null)) {
          ending = errors;
          return;
        }
        this.attempt = 0;
        this.handlers.next(errors?.length ? { ok: false, error: graphError(errors) } : { ok: true, data: value.data });
      },
      error: (error) => void this.ended(errorsOf(error), closeCodeOf(error)),
      complete: () => void this.ended(ending, undefined),
    });
  }

  private async ended(errors: readonly GraphQLErrorEntry[] | null, closeCode: number | undefined): Promise<void> {
    this.closeCurrent = null;
    if (this.stopped) return;
    if (!errors) return this.finish();
    if (RESUBSCRIBE_CODES.some((code) => hasCode(errors, code))) return this.again();
    const unauthenticated = hasCode(errors, 'UNAUTHENTICATED') || closeCode === UNAUTHORIZED_CLOSE_CODE;
    if (unauthenticated && this.connection.rejectionExplained() && (await this.connection.tokenAfterRejection())) {
      this.connection.restart();
      return this.again();
    }
    this.fail(graphError(errors));
  }

  private async again(): Promise<void> {
    await wait(backoffDelay(this.attempt++, this.connection.retryPolicy));
    if (this.stopped) return;
    this.handlers.resubscribed?.();
    this.start();
  }

  private fail(error: SdkError): void {
    if (this.stopped) return;
    this.handlers.error?.({ ok: false, error });
    this.finish();
  }

  private finish(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.stopReconnects();
    this.handlers.complete?.();
  }
}

/** The GraphQL errors of graphql-ws's `error` (an `error` message's array, a close event, or an Error). */
function errorsOf(error: unknown): GraphQLErrorEntry[] {
  if (Array.isArray(error)) return error as GraphQLErrorEntry[];
  const code = closeCodeOf(error);
  if (code !== undefined) {
    const reason = (error as { reason?: unknown }).reason;
    const message = typeof reason === 'string' && reason !== '' ? reason : `The connection was closed (${code}).`;
    return [{ message, extensions: { code: code === UNAUTHORIZED_CLOSE_CODE ? 'UNAUTHENTICATED' : 'NETWORK_ERROR', closeCode: code } }];
  }
  return [{ message: error instanceof Error ? error.message : 'The connection failed.', extensions: { code: 'NETWORK_ERROR' } }];
}

function closeCodeOf(error: unknown): number | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'number' ? code : undefined;
}
