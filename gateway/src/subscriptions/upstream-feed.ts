import type { GraphQLFormattedError } from 'graphql';
import type { UpstreamEvent } from './event-execution';
import type { ForwardedCredentials } from './forwarded-credentials';
import type { UpstreamConnections } from './upstream-connections';

/** How an upstream subscription ended. */
export type UpstreamEnd =
  /** The subgraph completed it. */
  | { readonly kind: 'complete' }
  /** The subgraph answered the subscribe with errors (invalid for it, refused). */
  | { readonly kind: 'errors'; readonly errors: ReadonlyArray<GraphQLFormattedError> }
  /** The socket closed or could not open (code and reason of the close, when there was one). */
  | { readonly kind: 'gone'; readonly code?: number; readonly reason?: string };

export interface FeedListener {
  /** `arrivedAt` is `process.hrtime.bigint()` at arrival: the start of the event-to-client latency. */
  event(event: UpstreamEvent, arrivedAt: bigint): void;
  end(end: UpstreamEnd): void;
}

export interface UpstreamRequest {
  readonly subgraph: string;
  readonly query: string;
  readonly operationName: string | undefined;
  /** Only the variables the primary fetch uses. */
  readonly variables: Readonly<Record<string, unknown>>;
  readonly credentials: ForwardedCredentials;
  /** Sent as `extensions.requestId`, so the subgraph logs under the id of the client subscription that opened it. */
  readonly requestId: string;
}

/**
 * One subscription held open on a subgraph, fanned out to every listener that asked for the same thing with the
 * same credentials. It opens with its first listener and completes upstream when its last one leaves.
 */
export class UpstreamFeed {
  private readonly listeners = new Set<FeedListener>();
  private unsubscribe: (() => void) | null;
  private ended = false;

  constructor(
    readonly key: string,
    request: UpstreamRequest,
    connections: UpstreamConnections,
    private readonly onClosed: (feed: UpstreamFeed) => void,
  ) {
    this.unsubscribe = connections.subscribe(
      request.subgraph,
      request.credentials,
      request.requestId,
      {
        query: request.query,
        variables: { ...request.variables },
        ...(request.operationName ? { operationName: request.operationName } : {}),
        extensions: { requestId: request.requestId },
      },
      {
        next: (value) => {
          const arrivedAt = process.hrtime.bigint();
          for (const listener of this.listeners) listener.event(value as UpstreamEvent, arrivedAt);
        },
        error: (error) => this.finish(endOf(error)),
        complete: () => this.finish({ kind: 'complete' }),
      },
    );
  }

  /** The key an identical request would have: subgraph, operation, its variables and the credential fingerprint. */
  static keyOf(request: UpstreamRequest): string {
    return JSON.stringify([request.subgraph, request.operationName ?? null, request.query, request.variables, request.credentials.fingerprint]);
  }

  get closed(): boolean {
    return this.ended;
  }

  add(listener: FeedListener): void {
    this.listeners.add(listener);
  }

  /** A listener leaves; the last one to leave completes the subscription upstream. */
  remove(listener: FeedListener): void {
    this.listeners.delete(listener);
    if (this.listeners.size === 0 && !this.ended) {
      this.ended = true;
      this.unsubscribe?.();
      this.unsubscribe = null;
      this.onClosed(this);
    }
  }

  private finish(end: UpstreamEnd): void {
    if (this.ended) return;
    this.ended = true;
    this.unsubscribe = null;
    this.onClosed(this);
    for (const listener of [...this.listeners]) listener.end(end);
    this.listeners.clear();
  }
}

function endOf(error: unknown): UpstreamEnd {
  if (Array.isArray(error)) return { kind: 'errors', errors: error as GraphQLFormattedError[] };
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const { code, reason } = error as { code: unknown; reason?: unknown };
    return { kind: 'gone', ...(typeof code === 'number' ? { code } : {}), ...(typeof reason === 'string' ? { reason } : {}) };
  }
  return { kind: 'gone' };
}
