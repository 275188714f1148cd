import type { IncomingMessage, Server } from 'node:http';
import {
  getOperationAST,
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from 'pino';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-codes';
import { REQUEST_ID_HEADER, requestIdFrom, type RequestInfo } from '../server/request-info';
import { formatSubscriptionErrors, formatSubscriptionResult, type SubscriptionResult } from './format-result';
import type { SubscriptionMetrics } from './subscription-metrics';

/** Close codes a graphql-ws client acts on: 4401 and 4403 are final (sign in again), 1013 and 1001 are retried. */
export const WebSocketCloseCode = {
  UNAUTHENTICATED: CloseCode.Unauthorized,
  FORBIDDEN: CloseCode.Forbidden,
  INTERNAL_ERROR: CloseCode.InternalServerError,
  /** Standard "try again later": a dependency (the JWKS) is unavailable. */
  TRY_AGAIN_LATER: 1013,
  /** Standard "going away": the server is stopping. */
  GOING_AWAY: 1001,
} as const;

/** One client's WebSocket connection, authenticated on `connection_init`. */
export interface WebSocketConnection<Session> {
  /** The connection's request id, its headers (Authorization from `connectionParams`) and a logger. */
  readonly info: RequestInfo;
  /** What `authenticate` returned for it. */
  readonly session: Session;
  /** Subscriptions open on it now. */
  readonly activeSubscriptions: number;
  /** Closes at once (a reason over 123 bytes is cut). */
  close(code: number, reason: string): void;
  /** Closes once its open subscriptions have delivered their last result and completed; at once if none. */
  closeWhenIdle(code: number, reason: string): void;
}

/** One subscription asked for on a connection, parsed and validated. */
export interface WebSocketOperation<Session> {
  readonly connection: WebSocketConnection<Session>;
  /** Its own request id (the client's `extensions.requestId` when sane), the connection's headers, a logger. */
  readonly info: RequestInfo;
  readonly schema: GraphQLSchema;
  readonly document: DocumentNode;
  readonly operationName: string | undefined;
  readonly variables: Readonly<Record<string, unknown>>;
}

export type SubscriptionOutcome = AsyncIterable<SubscriptionResult> | SubscriptionResult;

export interface GraphQLWebSocketOptions<Session> {
  readonly logger: Logger;
  /** The schema operations are validated against; undefined while none is loaded (a starting gateway). */
  readonly schema: () => GraphQLSchema | undefined;
  /**
   * Runs once per connection on `connection_init`, with the Authorization of its `connectionParams` (browsers
   * cannot set WebSocket headers) or else of the upgrade request. A DomainError refuses the connection:
   * UNAUTHENTICATED closes it with 4401, FORBIDDEN with 4403, SERVICE_UNAVAILABLE with 1013.
   */
  readonly authenticate: (info: RequestInfo) => Promise<Session>;
  /** Starts one subscription: an iterable of results, or a single result (errors) to end it at once. */
  readonly subscribe: (operation: WebSocketOperation<Session>) => Promise<SubscriptionOutcome>;
  /** After a connection has closed and its subscriptions were returned. */
  readonly onClose?: (connection: WebSocketConnection<Session>) => void;
  readonly metrics?: SubscriptionMetrics;
  readonly path?: string;
  /** Largest message accepted, in bytes (ws' own default is 100 MiB). */
  readonly maxPayloadBytes?: number;
}

export interface GraphQLWebSocketServer {
  /** Connections open now. */
  readonly connectionCount: number;
  /** Closes every connection with 1001 (their subscriptions end), waits for them up to the deadline, then stops. */
  drain(deadlineMs?: number): Promise<void>;
}

const ONLY_SUBSCRIPTIONS =
  'Only subscriptions are served over WebSocket; send queries and mutations to /graphql over HTTP.';

/**
 * GraphQL over WebSocket (the graphql-ws protocol) on an existing `node:http` server and path, so one port and
 * one `/graphql` serve HTTP and subscriptions. It owns what every server of the graph does the same way:
 * authentication at connect with close codes clients understand, parsing and validation with the HTTP path's
 * error codes, the error boundary on every result, metrics, and a drain on stop. What a subscription *is*
 * (pub/sub in a subgraph, a federated plan in the gateway) is the caller's `subscribe`.
 */
export function serveGraphQLOverWebSocket<Session>(
  httpServer: Server,
  options: GraphQLWebSocketOptions<Session>,
): GraphQLWebSocketServer {
  const { logger, metrics } = options;
  const wss = new WebSocketServer({
    server: httpServer,
    path: options.path ?? '/graphql',
    maxPayload: options.maxPayloadBytes ?? 1_000_000,
  });
  const connections = new WeakMap<object, Connection<Session>>();

  useServer(
    {
      isProd: true, // never put an internal error's message in a close reason
      async onConnect(ctx) {
        const socket = ctx.extra.socket;
        const info = connectionInfo(ctx.extra.request, ctx.connectionParams ?? {}, logger);
        try {
          connections.set(ctx, new Connection(socket, info, await options.authenticate(info)));
          return true;
        } catch (error) {
          const refusal = refusalOf(error, info.logger);
          socket.close(refusal.code, limitReason(refusal.reason));
          return false; // graphql-ws then closes with 4403; ours went first and wins
        }
      },

      async onSubscribe(ctx, _id, payload) {
        const connection = connections.get(ctx);
        if (!connection) return [DomainError.unauthenticated('The connection is not initialised.')];
        const schema = options.schema();
        if (!schema) return [new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'The graph is not loaded yet; try again shortly.')];
        let document: DocumentNode;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [protocolError(error, 'GRAPHQL_PARSE_FAILED')];
        }
        const invalid = validate(schema, document);
        if (invalid.length > 0) return invalid.map((error) => protocolError(error, 'GRAPHQL_VALIDATION_FAILED'));
        const operationName = payload.operationName ?? undefined;
        const definition = getOperationAST(document, operationName);
        if (!definition) return [protocolError(new Error('The document has no operation of that name.'), 'BAD_REQUEST')];
        if (definition.operation !== 'subscription') return [protocolError(new Error(ONLY_SUBSCRIPTIONS), 'BAD_REQUEST')];
        const variables = (payload.variables ?? {}) as Record<string, unknown>;
        const requestId = requestIdFrom({ [REQUEST_ID_HEADER]: stringOrUndefined(payload.extensions?.['requestId']) });
        const operation: WebSocketOperation<Session> = {
          connection,
          info: { requestId, headers: connection.info.headers, logger: logger.child({ requestId, transport: 'ws' }) },
          schema,
          document,
          operationName,
          variables,
        };
        return { schema, document, operationName, variableValues: variables, contextValue: operation } satisfies ExecutionArgs;
      },

      async subscribe(args) {
        const operation = args.contextValue as WebSocketOperation<Session>;
        const connection = operation.connection as Connection<Session>;
        let outcome: SubscriptionOutcome;
        try {
          outcome = await options.subscribe(operation);
        } catch (error) {
          outcome = { errors: [asGraphQLError(error)] };
        }
        if (!isAsyncIterable(outcome)) return outcome as ExecutionResult;
        metrics?.active.inc();
        connection.opened();
        // Results may carry errors formatted upstream (plain objects): onNext formats every result before
        // graphql-ws would call `toJSON()` on them.
        return tracked(outcome, () => {
          metrics?.active.dec();
          connection.finished();
        }) as AsyncIterable<ExecutionResult>;
      },

      onNext(_ctx, _id, _payload, args, result) {
        metrics?.delivered.inc();
        return formatSubscriptionResult(result, (args.contextValue as WebSocketOperation<Session>).info.logger) as ExecutionResult;
      },

      onError(ctx, _id, _payload, errors) {
        return formatSubscriptionErrors(errors, connections.get(ctx)?.info.logger ?? logger);
      },

      onClose(ctx) {
        const connection = connections.get(ctx);
        if (connection) options.onClose?.(connection);
      },
    },
    wss,
  );

  return {
    get connectionCount() {
      return wss.clients.size;
    },
    async drain(deadlineMs = 5_000) {
      const sockets = [...wss.clients];
      const closed = Promise.all(sockets.map((socket) => new Promise<void>((resolve) => socket.once('close', () => resolve()))));
      for (const socket of sockets) socket.close(WebSocketCloseCode.GOING_AWAY, 'The server is stopping');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([closed, new Promise<void>((resolve) => (timer = setTimeout(resolve, deadlineMs)))]);
      clearTimeout(timer);
      for (const socket of wss.clients) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

class Connection<Session> implements WebSocketConnection<Session> {
  activeSubscriptions = 0;
  private closing: { code: number; reason: string } | null = null;

  constructor(
    private readonly socket: WebSocket,
    readonly info: RequestInfo,
    readonly session: Session,
  ) {}

  close(code: number, reason: string): void {
    this.socket.close(code, limitReason(reason));
  }

  closeWhenIdle(code: number, reason: string): void {
    this.closing = { code, reason };
    if (this.activeSubscriptions === 0) this.close(code, reason);
  }

  opened(): void {
    this.activeSubscriptions++;
  }

  finished(): void {
    this.activeSubscriptions--;
    // graphql-ws sends `complete` right after the iterator finishes: close on the next turn, behind it.
    if (this.closing && this.activeSubscriptions === 0) {
      const { code, reason } = this.closing;
      setImmediate(() => this.close(code, reason));
    }
  }
}

function connectionInfo(request: IncomingMessage, params: Record<string, unknown>, logger: Logger): RequestInfo {
  const authorization =
    stringOrUndefined(params['authorization']) ?? stringOrUndefined(params['Authorization']) ?? request.headers.authorization;
  const requestId = requestIdFrom({
    [REQUEST_ID_HEADER]: stringOrUndefined(params[REQUEST_ID_HEADER]) ?? request.headers[REQUEST_ID_HEADER],
  });
  const headers = { ...request.headers, authorization };
  if (authorization === undefined) delete headers.authorization;
  return { requestId, headers, logger: logger.child({ requestId, transport: 'ws' }) };
}

function refusalOf(error: unknown, logger: Logger): { code: number; reason: string } {
  const code = error instanceof GraphQLError ? error.extensions['code'] : undefined;
  const message = error instanceof Error ? error.message : String(error);
  if (code === ErrorCode.UNAUTHENTICATED) return { code: WebSocketCloseCode.UNAUTHENTICATED, reason: message };
  if (code === ErrorCode.FORBIDDEN) return { code: WebSocketCloseCode.FORBIDDEN, reason: message };
  if (code === ErrorCode.SERVICE_UNAVAILABLE) return { code: WebSocketCloseCode.TRY_AGAIN_LATER, reason: message };
  logger.error({ err: error }, 'unexpected error authenticating a WebSocket connection');
  return { code: WebSocketCloseCode.INTERNAL_ERROR, reason: 'Internal server error' };
}

/** A close reason is at most 123 bytes (RFC 6455); longer ones are cut on a character boundary. */
export function limitReason(reason: string): string {
  if (Buffer.byteLength(reason) <= 123) return reason;
  let cut = reason;
  while (Buffer.byteLength(`${cut}…`) > 123) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** Parse and validation failures carry the codes Apollo Server gives them over HTTP. */
function protocolError(error: unknown, code: string): GraphQLError {
  if (error instanceof GraphQLError) {
    return new GraphQLError(error.message, {
      ...(error.nodes ? { nodes: error.nodes } : {}),
      ...(error.source ? { source: error.source } : {}),
      ...(error.positions ? { positions: error.positions } : {}),
      extensions: { ...error.extensions, code },
    });
  }
  return new GraphQLError(error instanceof Error ? error.message : String(error), { extensions: { code } });
}

function asGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  return new GraphQLError(error instanceof Error ? error.message : String(error), {
    ...(error instanceof Error ? { originalError: error } : {}),
  });
}

function isAsyncIterable(value: unknown): value is AsyncIterable<SubscriptionResult> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Wraps a subscription's iterable to learn when it ends (done, returned or failed), once. It always has a
 * `return()`, which graphql-ws needs to stop an idle subscription when the client leaves.
 */
function tracked<T>(iterable: AsyncIterable<T>, onFinish: () => void): AsyncIterableIterator<T> {
  const iterator = iterable[Symbol.asyncIterator]();
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    onFinish();
  };
  return {
    async next() {
      try {
        const result = await iterator.next();
        if (result.done) finish();
        return result;
      } catch (error) {
        finish();
        throw error;
      }
    },
    async return() {
      finish();
      await iterator.return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
