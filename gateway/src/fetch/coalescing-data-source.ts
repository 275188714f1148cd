import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { answeredEveryPart, OperationMerger, splitAnswer } from './operation-merge';

type Answer = Awaited<ReturnType<GraphQLDataSource['process']>>;
type Options<TContext extends Record<string, any>> = GraphQLDataSourceProcessOptions<TContext>;
type IncomingOperation<TContext extends Record<string, any>> = Extract<Options<TContext>, { incomingRequestContext: unknown }>;

/** A fetch of a query plan (not schema loading or a health check). `@apollo/gateway` does not export its enum. */
function isIncomingOperation<TContext extends Record<string, any>>(options: Options<TContext>): options is IncomingOperation<TContext> {
  return (options.kind as string) === 'incoming operation';
}

interface PendingFetch<TContext extends Record<string, any>> {
  readonly options: Options<TContext>;
  resolve(answer: Answer): void;
  reject(error: unknown): void;
}

/**
 * Sends the fetches one request's query plan makes to ONE subgraph in the same turn of the event loop as ONE
 * operation (Apollo's plans fetch the same subgraph from parallel branches: 16 requests for the gateway
 * benchmark's query, where a plan that merges them makes 7). Fetches are collected per incoming request — never
 * across requests, whose credentials differ — until the turn's I/O callbacks have run (`setImmediate`), merged
 * with their root fields, variables and fragments renamed so nothing can clash (see operation-merge), sent
 * through the subgraph's data source (which forwards credentials, request id and trace headers as for any
 * fetch), and the answer is split back: each fetch gets its own fields, the errors of its own fields with its own
 * paths, and the response's HTTP metadata (`http`: status, headers such as Cache-Control) as if it had been sent
 * alone.
 *
 * Only queries are merged; anything else (mutations, traced fetches, schema loading, health checks) goes out at
 * once, after any fetches of the same request still waiting, so the order in which the executor issued them is
 * the order in which the subgraph receives them. When a merged operation fails as a whole (no data), each fetch
 * is sent again alone, so one fetch's failure never becomes another's.
 */
export class CoalescingDataSource<TContext extends Record<string, any> = Record<string, any>> implements GraphQLDataSource<TContext> {
  private readonly pending = new Map<object, Array<PendingFetch<TContext>>>();

  constructor(
    readonly inner: GraphQLDataSource<TContext>,
    private readonly merger: OperationMerger = new OperationMerger(),
  ) {}

  process(options: Options<TContext>): Promise<Answer> {
    if (!isIncomingOperation(options)) return this.inner.process(options);
    const requestKey = options.incomingRequestContext as object;
    const { query, http, extensions } = options.request;
    if (!query || http || extensions || !this.merger.mergeable(query)) {
      this.flush(requestKey);
      return this.inner.process(options);
    }
    let batch = this.pending.get(requestKey);
    if (!batch) {
      batch = [];
      this.pending.set(requestKey, batch);
      setImmediate(() => this.flush(requestKey));
    }
    const queued = batch;
    return new Promise<Answer>((resolve, reject) => queued.push({ options, resolve, reject }));
  }

  private flush(requestKey: object): void {
    const batch = this.pending.get(requestKey);
    if (!batch) return;
    this.pending.delete(requestKey);
    if (batch.length === 1) {
      const [only] = batch as [PendingFetch<TContext>];
      this.inner.process(only.options).then(only.resolve, only.reject);
      return;
    }
    this.sendMerged(batch).catch((error: unknown) => {
      for (const fetch of batch) fetch.reject(error);
    });
  }

  private async sendMerged(batch: ReadonlyArray<PendingFetch<TContext>>): Promise<void> {
    const first = (batch[0] as PendingFetch<TContext>).options;
    const merged = this.merger.merge(
      batch.map((fetch) => fetch.options.request.query as string),
      first.request.operationName,
    );
    const answer = await this.inner.process({
      ...first,
      request: { query: merged.query, operationName: merged.operationName, variables: merged.variablesFor(batch.map((fetch) => fetch.options.request.variables)) },
      document: undefined,
      pathInIncomingRequest: undefined,
    } as Options<TContext>);
    if (!answeredEveryPart(answer, batch.length)) {
      // Failed as a whole (an HTTP error answer, a non-null root field that nulled everything): each fetch alone
      // gets exactly the answer it would have had. Only queries are merged, so sending again is safe.
      for (const fetch of batch) this.inner.process(fetch.options).then(fetch.resolve, fetch.reject);
      return;
    }
    const parts = splitAnswer(answer, batch.length);
    batch.forEach((fetch, index) => {
      fetch.resolve({ ...parts[index], ...(answer.extensions ? { extensions: answer.extensions } : {}), ...(answer.http ? { http: answer.http } : {}) } as Answer);
    });
  }
}
