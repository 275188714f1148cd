import { createSourceEventStream, execute, GraphQLError, type ExecutionResult } from 'graphql';
import type { RequestInfo } from '../server/request-info';
import type { SubscriptionResult } from './format-result';
import type { SubscriptionOutcome, WebSocketOperation } from './websocket-server';

/**
 * A subgraph's subscription, executed with a FRESH context for every event. graphql-js's own `subscribe` keeps
 * the context of the subscribe call for the subscription's whole life, and a subgraph's context holds an
 * EntityManager fork and request-scoped DataLoaders: reused across events they would serve every event the
 * entities cached for the first one, and grow without bound. The subscribe resolver (where authorization is
 * checked) gets a context of its own too.
 *
 * Each context is built by the same `createContext` as an HTTP request, so the token is verified again per
 * event: one that has expired ends the subscription with UNAUTHENTICATED.
 */
export function subscribeWithFreshContexts<Context>(
  createContext: (request: RequestInfo) => Promise<Context>,
): (operation: WebSocketOperation<unknown>) => Promise<SubscriptionOutcome> {
  return async (operation) => {
    const args = {
      schema: operation.schema,
      document: operation.document,
      operationName: operation.operationName,
      variableValues: operation.variables,
    };
    const context = await createContext(operation.info).catch((error: unknown) => asGraphQLError(error));
    if (context instanceof GraphQLError) return { errors: [context] };
    const stream = await createSourceEventStream({ ...args, contextValue: context });
    if (!(Symbol.asyncIterator in stream)) return stream as ExecutionResult;
    return mapEvents<SubscriptionResult>(stream as AsyncIterable<unknown>, async (event) => {
      const eventContext = await createContext(operation.info).catch((error: unknown) => asGraphQLError(error));
      if (eventContext instanceof GraphQLError) return { result: { errors: [eventContext] }, last: true };
      return { result: await execute({ ...args, rootValue: event, contextValue: eventContext }), last: false };
    });
  };
}

type Mapped<R> = { readonly result: R; readonly last: boolean };

/** Maps each source event to a result, in order; `last` ends the stream after that result (and releases the source). */
function mapEvents<R>(source: AsyncIterable<unknown>, map: (event: unknown) => Promise<Mapped<R>>): AsyncIterableIterator<R> {
  const iterator = source[Symbol.asyncIterator]();
  let done = false;
  const release = async () => {
    done = true;
    await iterator.return?.();
  };
  return {
    async next() {
      if (done) return { value: undefined, done: true };
      const event = await iterator.next();
      if (event.done || done) {
        done = true;
        return { value: undefined, done: true };
      }
      const { result, last } = await map(event.value);
      if (last) await release();
      return { value: result, done: false };
    },
    async return() {
      if (!done) await release();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

function asGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  return new GraphQLError(error instanceof Error ? error.message : String(error), {
    ...(error instanceof Error ? { originalError: error } : {}),
  });
}
