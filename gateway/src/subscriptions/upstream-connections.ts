import { createClient, type Client, type Sink, type SubscribePayload } from 'graphql-ws';
import type { Logger } from '@techally/platform';
import WebSocket from 'ws';
import type { ForwardedCredentials } from './forwarded-credentials';

interface Entry {
  readonly client: Client;
  users: number;
}

/**
 * The gateway's graphql-ws connections to subgraphs: one socket per subgraph and per forwarded credential, with
 * every subscription of that credential multiplexed on it. A graphql-ws connection authenticates once, in
 * `connectionParams`, so clients with different tokens cannot share a socket; anonymous clients all share one.
 * A socket opens with its first subscription and closes with its last.
 *
 * Upstream sockets never reconnect by themselves: when one drops, its subscriptions end with an error (the
 * client resubscribes, and that opens a new socket). Silently resubscribing would hide the events missed.
 */
export class UpstreamConnections {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly options: {
      readonly webSocketUrl: (subgraph: string) => string;
      readonly logger: Logger;
      /** How long a subgraph may take to acknowledge a connection. */
      readonly connectTimeoutMs?: number;
    },
  ) {}

  /** Sockets open (or opening) now. */
  get size(): number {
    return this.entries.size;
  }

  /**
   * Subscribes on the subgraph's socket for these credentials; `requestId` is the connection's if it opens one.
   * The sink gets `error` with a close event when the socket drops. Returns the unsubscribe.
   */
  subscribe(
    subgraph: string,
    credentials: ForwardedCredentials,
    requestId: string,
    payload: SubscribePayload,
    sink: Sink,
  ): () => void {
    const key = `${subgraph}\0${credentials.fingerprint}`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { client: this.connect(subgraph, credentials, requestId), users: 0 };
      this.entries.set(key, entry);
    }
    const current = entry;
    current.users++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      current.users--;
      if (current.users === 0 && this.entries.get(key) === current) {
        this.entries.delete(key);
        this.dispose(current.client);
      }
    };
    const unsubscribe = current.client.subscribe(payload, {
      next: (value) => sink.next(value),
      error: (error) => {
        release();
        sink.error(error);
      },
      complete: () => {
        release();
        sink.complete();
      },
    });
    return () => {
      unsubscribe();
      release();
    };
  }

  /** Closes every socket (their subscriptions end). */
  async closeAll(): Promise<void> {
    const clients = [...this.entries.values()].map((entry) => entry.client);
    this.entries.clear();
    await Promise.all(clients.map((client) => this.dispose(client)));
  }

  /** A client still connecting rejects its dispose() when the connection then fails: nothing to do about it. */
  private async dispose(client: Client): Promise<void> {
    try {
      await client.dispose();
    } catch {
      // the socket never opened
    }
  }

  private connect(subgraph: string, credentials: ForwardedCredentials, requestId: string): Client {
    const client = createClient({
      url: this.options.webSocketUrl(subgraph),
      webSocketImpl: WebSocket,
      connectionParams: {
        ...(credentials.authorization ? { authorization: credentials.authorization } : {}),
        'x-request-id': requestId,
      },
      lazy: true,
      retryAttempts: 0,
      connectionAckWaitTimeout: this.options.connectTimeoutMs ?? 10_000,
      // Pings keep idle sockets through proxies; the subgraph's server terminates one that stops answering.
      keepAlive: 10_000,
    });
    client.on('closed', (event) => {
      const { code, reason } = event as { code?: number; reason?: string };
      if (code !== 1000) this.options.logger.warn({ subgraph, code, reason }, 'subscription connection to a subgraph closed');
    });
    return client;
  }
}
