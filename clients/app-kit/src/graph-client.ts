import { Client, cacheExchange, fetchExchange, subscriptionExchange } from '@urql/core';
import { authExchange } from '@urql/exchange-auth';
import { createClient as createWebSocketClient, type Client as WebSocketClient } from 'graphql-ws';
import { persistedDocumentsExchange } from './persisted-documents-exchange';
import { subscriptionPayloadOf } from './subscription-payload';
import type { Session } from './session';

export interface GraphClientOptions {
  /** The gateway's `/graphql`, absolute or relative to the page (`/graphql`: the apps are served by the gateway). */
  readonly url: string;
  readonly session: Session;
}

export interface GraphClient {
  readonly client: Client;
  /** Closes the WebSocket (the app is going away, or the signed-in user changed). */
  dispose(): void;
}

/** `ws(s)://host/graphql` for the page's own `/graphql`. */
export function webSocketUrlOf(url: string): string {
  const absolute = new URL(url, typeof location === 'undefined' ? 'http://localhost' : location.href);
  absolute.protocol = absolute.protocol === 'https:' ? 'wss:' : 'ws:';
  return absolute.toString();
}

/**
 * The urql client of an app: queries and mutations over HTTP by persisted id with the session's access token
 * (refreshed ahead of expiry, and once more when the gateway answers UNAUTHENTICATED), subscriptions by persisted id
 * over one graphql-ws connection that reconnects on its own. Make one per signed-in user: the socket authenticates once,
 * when it connects.
 */
export function createGraphClient({ url, session }: GraphClientOptions): GraphClient {
  const webSocket: WebSocketClient = createWebSocketClient({
    url: webSocketUrlOf(url),
    lazy: true,
    connectionParams: async () => {
      const token = await session.accessToken();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    // A shop page left open must come back after a deploy or a network blip: retry for ever, backing off.
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: async (retries) => {
      await new Promise((resolve) => setTimeout(resolve, Math.min(1000 * 2 ** retries, 15_000) * (0.5 + Math.random() / 2)));
    },
  });
  const client = new Client({
    url,
    // POST, even for a query by id: a GET without a custom header is a "simple" request that Apollo Server's CSRF
    // guard refuses, and the gateway sends no HTTP caching headers for a browser cache to use anyway.
    preferGetMethod: false,
    exchanges: [
      cacheExchange,
      authExchange(async (utils) => ({
        addAuthToOperation(operation) {
          const token = session.current?.accessToken;
          return token ? utils.appendHeaders(operation, { authorization: `Bearer ${token}` }) : operation;
        },
        willAuthError: () => session.needsRefresh(),
        didAuthError: (error) => session.current !== null && error.graphQLErrors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED'),
        async refreshAuth() {
          await session.refresh();
        },
      })),
      persistedDocumentsExchange(),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request, operation) => ({
          subscribe: (sink) => ({ unsubscribe: webSocket.subscribe(subscriptionPayloadOf(request, operation) as never, sink) }),
        }),
      }),
    ],
  });
  return { client, dispose: () => void webSocket.dispose() };
}
