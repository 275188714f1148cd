import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, GraphQLError, parse, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

const MANIFEST = JSON.parse(readFileSync(join(__dirname, '../../gql/persisted-documents.json'), 'utf8')) as Record<string, string>;
const API_SCHEMA = buildSchema(readFileSync(join(__dirname, '../../../../../schema/api.graphql'), 'utf8'));

export interface LiveSubscribe {
  readonly payload: Record<string, unknown>;
  readonly authorization: string | undefined;
  /** Sends the subscription one event's data. */
  push(data: unknown): void;
  /** Ends it as the gateway does: a last result with the error, then `complete`. */
  end(code: string, message?: string): void;
}

/**
 * The gateway's WebSocket side on the fake gateway's HTTP server: graphql-ws on /graphql, documents resolved from
 * the SDK's manifest by `documentId` (any text is refused, as the gateway refuses it from partners), events pushed
 * by the test. `subscribes` lists every subscribe as it arrived, with the token of its connection.
 */
export function attachLiveGateway(server: Server) {
  const subscribes: LiveSubscribe[] = [];
  const waiters: Array<() => void> = [];
  const wss = new WebSocketServer({ server, path: '/graphql' });
  useServer<Record<string, unknown>>({
    schema: API_SCHEMA,
    onSubscribe: (ctx, _id, payload) => {
      const documentId = (payload as { documentId?: unknown }).documentId;
      const text = typeof documentId === 'string' ? MANIFEST[documentId] : undefined;
      if (!text || payload.query !== '') return [new GraphQLError('Send a persisted document id.', { extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } })];
      const feed = pushFeed();
      subscribes.push({
        payload: payload as unknown as Record<string, unknown>,
        authorization: ctx.connectionParams?.['authorization'] as string | undefined,
        push: (data) => feed.push({ data: data as ExecutionResult['data'] }),
        end: (code, message = code) => feed.end({ errors: [new GraphQLError(message, { extensions: { code } })] }),
      });
      for (const wake of waiters.splice(0)) wake();
      return { schema: API_SCHEMA, document: parse(text), variableValues: (payload.variables ?? null) as ExecutionArgs['variableValues'], contextValue: feed } as ExecutionArgs;
    },
    // Each subscription's results are the test's, not graphql-js's.
    subscribe: (args) => (args.contextValue as ReturnType<typeof pushFeed>).iterable,
  }, wss);
  return {
    subscribes,
    /** Resolves once `count` subscribes have arrived. */
    async subscribed(count: number): Promise<LiveSubscribe> {
      while (subscribes.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
      return subscribes[count - 1]!;
    },
    /** Cuts every connection without a close frame, as a lost network does. */
    dropConnections(): void {
      for (const socket of wss.clients as Set<WebSocket>) socket.terminate();
    },
    closeConnections(code: number, reason: string): void {
      for (const socket of wss.clients as Set<WebSocket>) socket.close(code, reason);
    },
    close: () => new Promise<void>((resolve) => wss.close(() => resolve())),
  };
}

/** An async iterable the test pushes results into; `end` sends a last one and completes. */
function pushFeed() {
  const queue: ExecutionResult[] = [];
  let ended = false;
  let wake: (() => void) | null = null;
  const iterable: AsyncGenerator<ExecutionResult> = (async function* () {
    for (;;) {
      while (queue.length) yield queue.shift()!;
      if (ended) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  })();
  return {
    iterable,
    push(result: ExecutionResult) {
      queue.push(result);
      wake?.();
    },
    end(result: ExecutionResult) {
      queue.push(result);
      ended = true;
      wake?.();
    },
  };
}

