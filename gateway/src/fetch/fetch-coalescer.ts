import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { answeredEveryPart, OperationMerger, splitAnswer } from './operation-merge';

type Answer = Awaited<ReturnType<GraphQLDataSource['process']>>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Options = GraphQLDataSourceProcessOptions<Record<string, any>>;

interface PendingFetch {
  readonly options: Options;
  resolve(answer: Answer): void;
  reject(error: unknown): void;
}

/** One incoming request's fetches: those sent and not answered yet, and those waiting, by subgraph. */
interface RequestFetches {
  inFlight: number;
  readonly waiting: Map<GraphQLDataSource, PendingFetch[]>;
  check: NodeJS.Immediate | undefined;
  deadline: NodeJS.Timeout | undefined;
}

export interface FetchCoalescerOptions {
  /**
   * How long a fetch may wait for the request's other fetches in flight to come back, so that the fetches they
   * lead to can join it (0: only fetches issued in the same turn of the event loop are merged).
   */
  readonly maxWaitMs?: number;
}

/**
 * Decides when a request's fetches leave, for every subgraph at once. A fetch waits until the end of the
 * current turn of the event loop (`setImmediate`: everything the executor issues from one answer is issued by
 * then); it then leaves at once if none of the request's other fetches is in flight, otherwise it waits for them
 * — at most `maxWaitMs` — because the executor continues each branch of a plan as its answer comes back, and the
 * fetches those branches issue next often go to the same subgraphs. The gateway benchmark's plan, executed that
 * way, sends 7 requests instead of Apollo's 16: each depth of the plan becomes one request per subgraph, as in
 * the plans Hive Gateway and Apollo Router's batching make. Then all waiting fetches to one subgraph are merged
 * into one operation (operation-merge) and its answer split back. Fetches of different incoming requests never
 * share an operation: their credentials differ.
 */
export class FetchCoalescer {
  private readonly requests = new Map<object, RequestFetches>();
  private readonly merger = new OperationMerger();
  private readonly maxWaitMs: number;

  constructor(options: FetchCoalescerOptions = {}) {
    this.maxWaitMs = options.maxWaitMs ?? 0;
  }

  /** Whether this fetch may wait to be merged (a single query, untraced); anything else goes out at once. */
  mergeable(options: Options): boolean {
    if ((options.kind as string) !== 'incoming operation') return false;
    const { query, http, extensions } = options.request;
    return Boolean(query) && !http && !extensions && this.merger.mergeable(query as string);
  }

  /** Sends a fetch that may not wait, after the request's waiting ones (so the subgraph sees the executor's order). */
  sendNow(source: GraphQLDataSource, options: Options): Promise<Answer> {
    const requestKey = (options as { incomingRequestContext?: object }).incomingRequestContext;
    if (!requestKey) return source.process(options);
    const request = this.requestOf(requestKey);
    this.flush(requestKey, request);
    return this.send(requestKey, request, () => source.process(options));
  }

  enqueue(source: GraphQLDataSource, options: Options): Promise<Answer> {
    const requestKey = (options as { incomingRequestContext: object }).incomingRequestContext;
    const request = this.requestOf(requestKey);
    let batch = request.waiting.get(source);
    if (!batch) {
      batch = [];
      request.waiting.set(source, batch);
    }
    const queued = batch;
    const answer = new Promise<Answer>((resolve, reject) => queued.push({ options, resolve, reject }));
    this.scheduleCheck(requestKey, request);
    return answer;
  }

  private requestOf(requestKey: object): RequestFetches {
    let request = this.requests.get(requestKey);
    if (!request) {
      request = { inFlight: 0, waiting: new Map(), check: undefined, deadline: undefined };
      this.requests.set(requestKey, request);
    }
    return request;
  }

  /** At the end of this turn: flush if nothing else of the request is in flight, else wait (at most maxWaitMs). */
  private scheduleCheck(requestKey: object, request: RequestFetches): void {
    if (request.check || request.waiting.size === 0) return;
    request.check = setImmediate(() => {
      request.check = undefined;
      if (request.waiting.size === 0) return;
      if (request.inFlight === 0 || this.maxWaitMs === 0) {
        this.flush(requestKey, request);
      } else if (!request.deadline) {
        request.deadline = setTimeout(() => this.flush(requestKey, request), this.maxWaitMs);
      }
    });
  }

  private flush(requestKey: object, request: RequestFetches): void {
    clearTimeout(request.deadline);
    request.deadline = undefined;
    const waiting = [...request.waiting];
    request.waiting.clear();
    for (const [source, batch] of waiting) {
      if (batch.length === 1) {
        const [only] = batch as [PendingFetch];
        this.send(requestKey, request, () => source.process(only.options)).then(only.resolve, only.reject);
      } else {
        this.send(requestKey, request, () => this.sendMerged(source, batch)).catch((error: unknown) => {
          for (const fetch of batch) fetch.reject(error);
        });
      }
    }
    this.forgetIfIdle(requestKey, request);
  }

  /** Counts the request in flight while `call` runs; when it ends, the request's waiting fetches are looked at. */
  private send<T>(requestKey: object, request: RequestFetches, call: () => Promise<T>): Promise<T> {
    request.inFlight += 1;
    if (!this.requests.has(requestKey)) this.requests.set(requestKey, request);
    const done = () => {
      request.inFlight -= 1;
      this.scheduleCheck(requestKey, request);
      this.forgetIfIdle(requestKey, request);
    };
    const sent = call();
    sent.then(done, done);
    return sent;
  }

  private forgetIfIdle(requestKey: object, request: RequestFetches): void {
    if (request.inFlight === 0 && request.waiting.size === 0 && !request.check) this.requests.delete(requestKey);
  }

  private async sendMerged(source: GraphQLDataSource, batch: ReadonlyArray<PendingFetch>): Promise<void> {
    const first = (batch[0] as PendingFetch).options;
    const merged = this.merger.merge(
      batch.map((fetch) => fetch.options.request.query as string),
      first.request.operationName,
    );
    const answer = await source.process({
      ...first,
      request: { query: merged.query, operationName: merged.operationName, variables: merged.variablesFor(batch.map((fetch) => fetch.options.request.variables)) },
      document: undefined,
      pathInIncomingRequest: undefined,
    } as Options);
    if (!answeredEveryPart(answer, batch.length)) {
      // Failed as a whole (an HTTP error answer, a non-null root field that nulled everything): each fetch alone
      // gets exactly the answer it would have had. Only queries are merged, so sending them again is safe.
      await Promise.all(batch.map((fetch) => source.process(fetch.options).then(fetch.resolve, fetch.reject)));
      return;
    }
    const parts = splitAnswer(answer, batch.length);
    batch.forEach((fetch, index) => {
      fetch.resolve({ ...parts[index], ...(answer.extensions ? { extensions: answer.extensions } : {}), ...(answer.http ? { http: answer.http } : {}) } as Answer);
    });
  }
}
