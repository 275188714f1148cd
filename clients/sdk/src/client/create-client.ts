import { LiveConnection } from '../live/live-connection.js';
import type { RetryPolicy } from '../live/backoff.js';
import { Session } from '../session/session.js';
import { memoryTokenStorage, type TokenStorage } from '../session/token-storage.js';
import { hasCode, clientError } from '../errors/error-codes.js';
import { postDocumentId, resultOf, type FetchFunction } from './http-transport.js';
import { documentIdOf, type CallOptions, type OperationClient, type PersistedDocument, type Result, type Subscription, type SubscriptionHandlers } from './operation-client.js';

export interface ClientOptions {
  /** The gateway's GraphQL endpoint, e.g. `https://shop.example.com/graphql`. */
  readonly url: string;
  /** Its WebSocket endpoint; default: `url` with ws(s)://. */
  readonly webSocketUrl?: string;
  /** Where the session's tokens live between launches (default: memory; SecureStore/Keychain in an app). */
  readonly storage?: TokenStorage;
  /** The key the tokens are stored under (default `techally.session`). */
  readonly storageKey?: string;
  /** Default: the global `fetch` (React Native, Node 20, browsers). */
  readonly fetch?: FetchFunction;
  /** A WebSocket constructor. Default: the global `WebSocket` (React Native, browsers, Node 22); in Node 20 pass `ws`. */
  readonly WebSocket?: unknown;
  /** Headers sent with every HTTP request (e.g. an app version). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Refresh the access token this long before it expires (ms). Default 30,000. */
  readonly refreshMarginMs?: number;
  /** Backoff of subscription reconnects. */
  readonly retry?: RetryPolicy;
}

/** The client every generated function takes first: `productList(client, { first: 20 })`. */
export interface TechAllyClient extends OperationClient {
  /** Sign-up, sign-in, sign-out and the tokens (`client.auth.signIn(email, password)`). */
  readonly auth: Session;
  /** Closes the subscriptions' WebSocket (the client is going away). */
  dispose(): Promise<void>;
}

/**
 * A client of the TechAlly graph for apps and partners: operations by persisted id over HTTP with the session's
 * access token (refreshed ahead of expiry, and once more when the gateway answers UNAUTHENTICATED), subscriptions
 * over one graphql-ws connection that reconnects and resubscribes on its own.
 */
export function createClient(options: ClientOptions): TechAllyClient {
  const fetchImpl = options.fetch ?? (globalThis as { fetch?: FetchFunction }).fetch;
  if (!fetchImpl) throw new TypeError('@techally/sdk: no global fetch here; pass createClient({ fetch })');

  const send = async <Data>(documentId: string, variables: unknown, token: string | undefined, call: CallOptions | undefined): Promise<Result<Data>> => {
    const headers: Record<string, string> = { ...options.headers, ...call?.headers };
    if (token) headers['authorization'] = `Bearer ${token}`;
    const answer = await postDocumentId<Data>(fetchImpl, options.url, { documentId, variables, headers, ...(call?.signal ? { signal: call.signal } : {}) });
    return answer.ok ? resultOf(answer.response) : { ok: false, error: answer.error };
  };

  // The session's own operations go without a token and never refresh (they are what refreshes).
  const anonymous: OperationClient = {
    execute: (document, variables, call) => send(documentIdOf(document), variables, undefined, call),
    subscribe: () => {
      throw new Error('@techally/sdk: the session has no subscriptions');
    },
  };
  const session = new Session({
    storage: options.storage ?? memoryTokenStorage(),
    storageKey: options.storageKey ?? 'techally.session',
    refreshMarginMs: options.refreshMarginMs ?? 30_000,
    client: anonymous,
  });

  let live: LiveConnection | null = null;
  const liveConnection = (): LiveConnection => {
    const webSocketImpl = options.WebSocket ?? (globalThis as { WebSocket?: unknown }).WebSocket;
    if (!webSocketImpl) throw new TypeError('@techally/sdk: no global WebSocket here; pass createClient({ WebSocket }) (in Node 20: the `ws` package)');
    live ??= new LiveConnection({ url: options.webSocketUrl ?? webSocketUrlOf(options.url), webSocketImpl, session, ...(options.retry ? { retry: options.retry } : {}) });
    return live;
  };

  return {
    auth: session,
    async execute<Data, Variables>(document: PersistedDocument<Data, Variables>, variables: Variables, call?: CallOptions): Promise<Result<Data>> {
      const documentId = documentIdOf(document);
      const token = await session.accessToken();
      const result = await send<Data>(documentId, variables, token, call);
      if (result.ok || !token || !hasCode(result.error.errors, 'UNAUTHENTICATED')) return result;
      // Refused token (revoked, expired in flight, a key rotated): once more with a fresh one.
      const fresh = await session.accessTokenAfterRejection(token);
      return fresh ? send<Data>(documentId, variables, fresh, call) : result;
    },
    subscribe<Data, Variables>(document: PersistedDocument<Data, Variables>, variables: Variables, handlers: SubscriptionHandlers<Data>): Subscription {
      try {
        return liveConnection().subscribe(document, variables, handlers);
      } catch (error) {
        handlers.error?.({ ok: false, error: clientError('NETWORK_ERROR', error instanceof Error ? error.message : String(error)) });
        handlers.complete?.();
        return { unsubscribe: () => undefined };
      }
    },
    async dispose() {
      await live?.dispose();
      live = null;
    },
  };
}

/** `ws(s)://host/graphql` for `http(s)://host/graphql`. */
export function webSocketUrlOf(url: string): string {
  return url.replace(/^http(s?):\/\//i, (_match, secure: string) => `ws${secure}://`);
}
