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
import type { SubscribePayload } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Logger } from 'pino';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-codes';
import { REQUEST_ID_HEADER, requestIdFrom, type RequestInfo } from '../server/request-info';
import { formatSubscriptionErrors, formatSubscriptionResult, type SubscriptionResult } from './format-result';
import type { SubscriptionMetrics } from './subscription-metrics';
import {
  Connection,
  connectionInfo,
  limitReason,
  refusalOf,
  stringOrUndefined,
  WebSocketCloseCode,
  type ConnectionControl,
  type WebSocketConnection,
} from './websocket-connection';

/** One subscription asked for on a connection, parsed and validated. */
export interface WebSocketOperation<Session> {
  readonly connection: WebSocketConnection<Session>;
  /** Its own request id (the client's `extensions.requestId` when sane), the connection's headers, a logger. */
  readonly info: RequestInfo;
  readonly schema: GraphQLSchema;
  /** The operation's text as the client sent it. */
  readonly query: string;
  readonly document: DocumentNode;
  readonly operationName: string | undefined;
  readonly variables: Readonly<Record<string, unknown>>;
  /** Subscriptions of its connection started or starting, this one included. */
  readonly subscriptionsOnConnection: number;
}

/** Whether a new socket may stay: `release` runs when an accepted one closes. */
export type ConnectionAdmission =
  | { readonly accepted: true; release(): void }
  | { readonly accepted: false; readonly code: number; readonly reason: string };

export type SubscriptionOutcome = AsyncIterable<SubscriptionResult> | SubscriptionResult;

export interface GraphQLWebSocketOptions<Session> {
  readonly logger: Logger;
  /** The schema operations are validated against; undefined while none is loaded (a starting gateway). */
  readonly schema: () => GraphQLSchema | undefined;
  /**
   * Runs once per connection on `connection_init`, with the Authorization of its `connectionParams` (browsers
   * cannot set WebSocket headers) or else of the upgrade request. A DomainError refuses the connection:
   * UNAUTHENTICATED closes it with 4401, FORBIDDEN with 4403, SERVICE_UNAVAILABLE with 1013. `control` lets
   * the session end the connection later (when its token expires).
   */
  readonly authenticate: (info: RequestInfo, control: ConnectionControl) => Promise<Session>;
  /**
   * The document text of a subscribe payload, before it is parsed: a server that serves persisted documents
   * resolves an id here (`documentId`, `extensions.persistedQuery`; graphql-ws requires a `query` string, so id
   * clients send `""`), or refuses with errors. Default: the payload's `query`.
   */
  readonly resolveDocument?: (payload: SubscribePayload, connection: WebSocketConnection<Session>) => Promise<string | GraphQLError[]>;
  /** Starts one subscription: an iterable of results, or a single result (errors) to end it at once. */
  readonly subscribe: (operation: WebSocketOperation<Session>) => Promise<SubscriptionOutcome>;
  /** After a connection has closed and its subscriptions were returned. */
  readonly onClose?: (connection: WebSocketConnection<Session>) => void;
  readonly metrics?: SubscriptionMetrics;
  readonly path?: string;
  /** Largest message accepted, in bytes (ws' own default is 100 MiB). */
  readonly maxPayloadBytes?: number;
  /** Parses an operation's text (graphql's `parse` by default; the gateway's stops at its token limit). */
  readonly parse?: (source: string) => DocumentNode;
  /** Validates a parsed operation (graphql's `validate` by default; the gateway adds its operation limits). */
  readonly validate?: (schema: GraphQLSchema, document: DocumentNode) => ReadonlyArray<GraphQLError>;
  /**
   * The last word on a valid subscription before it starts (the gateway: its cost, subscriptions per
   * connection). Errors refuse it with an `error` message — their codes kept — and leave the connection as it was.
   */
  readonly admit?: (operation: WebSocketOperation<Session>) => ReadonlyArray<GraphQLError>;
  /** Runs as each socket opens, before `connection_init` (the gateway: connections per client). */
  readonly admitConnection?: (request: IncomingMessage) => ConnectionAdmission;
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
  if (options.admitConnection) {
    const admitConnection = options.admitConnection;
    wss.on('connection', (socket, request) => {
      const admission = admitConnection(request);
      if (admission.accepted) socket.once('close', () => admission.release());
      else socket.close(admission.code, limitReason(admission.reason));
    });
  }

  useServer(
    {
      isProd: true, // never put an internal error's message in a close reason
      async onConnect(ctx) {
        const socket = ctx.extra.socket;
        const info = connectionInfo(ctx.extra.request, ctx.connectionParams ?? {}, logger);
        const connection = new Connection<Session>(socket, info);
        try {
          connection.session = await options.authenticate(info, connection);
          // Gone while it was being authenticated: graphql-ws will not report this close, so do it here.
          if (socket.readyState !== socket.OPEN) {
            options.onClose?.(connection);
            return false;
          }
          connections.set(ctx, connection);
          return true;
        } catch (error) {
          const refusal = refusalOf(error, info.logger);
          socket.close(refusal.code, limitReason(refusal.reason));
          return false; // graphql-ws then closes with 4403; ours went first and wins
        }
      },

      async onSubscribe(ctx, _id, payload) {
        // graphql-ws holds every subscription of the connection, started or starting, under its id, and calls this
        // hook in the same turn it registered this one: counted before any await, a burst of subscribe messages
        // gives each its own place (1, 2, …), not the burst's total.
        const subscriptionsOnConnection = Object.keys(ctx.subscriptions).length;
        const connection = connections.get(ctx);
        if (!connection) return [DomainError.unauthenticated('The connection is not initialised.')];
        const schema = options.schema();
        if (!schema) return [new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'The graph is not loaded yet; try again shortly.')];
        const query = options.resolveDocument ? await options.resolveDocument(payload, connection) : payload.query;
        if (typeof query !== 'string') return query;
        let document: DocumentNode;
        try {
          document = (options.parse ?? parse)(query);
        } catch (error) {
          return [protocolError(error, 'GRAPHQL_PARSE_FAILED')];
        }
        const invalid = options.validate ? options.validate(schema, document) : validate(schema, document);
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
          query,
          document,
          operationName,
          variables,
          subscriptionsOnConnection,
        };
        const refusals = options.admit?.(operation) ?? [];
        if (refusals.length > 0) return [...refusals];
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

/**
 * Parse and validation failures carry the codes Apollo Server gives them over HTTP — unless the error names its
 * own (a rule of the caller's, such as the gateway's OPERATION_LIMIT_EXCEEDED).
 */
function protocolError(error: unknown, code: string): GraphQLError {
  if (error instanceof GraphQLError) {
    const own = error.extensions['code'];
    return new GraphQLError(error.message, {
      ...(error.nodes ? { nodes: error.nodes } : {}),
      ...(error.source ? { source: error.source } : {}),
      ...(error.positions ? { positions: error.positions } : {}),
      extensions: { ...error.extensions, code: typeof own === 'string' ? own : code },
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
