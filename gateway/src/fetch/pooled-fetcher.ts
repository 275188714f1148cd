import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { Agent, request } from 'undici';

type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherResponse = Awaited<ReturnType<Fetcher>>;
type FetcherHeaders = FetcherResponse['headers'];

export interface PooledFetcherOptions {
  /** Keep-alive connections per subgraph origin at most. */
  readonly connectionsPerSubgraph: number;
  /** Identical queries in flight at once share one request (see `deduplicationKey`). */
  readonly deduplicate: boolean;
}

/** What one subgraph request came back with, read in full. */
interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/**
 * Headers that identify one client request rather than say anything its answer depends on: two requests that
 * differ only in these may share a subgraph's answer.
 */
const PER_REQUEST_HEADERS: ReadonlySet<string> = new Set(['x-request-id', 'traceparent', 'tracestate']);

/**
 * The key under which identical subgraph requests in flight share one answer, or undefined for a request that
 * must go out on its own: anything but a query (Apollo's data source sends `{"query":…}` first; only a document
 * that starts as a query — `query …` or `{` — qualifies, so a mutation never does). Identical means the same
 * URL, body and every forwarded header but the per-request identifiers above: the same credentials
 * (Authorization) and the same client address (X-Forwarded-For). The first request's id is the one the subgraph
 * logs for all of them.
 */
export function deduplicationKey(url: string, init: { method?: string; headers?: Record<string, string>; body?: unknown }): string | undefined {
  const { body } = init;
  if (init.method !== 'POST' || typeof body !== 'string') return undefined;
  if (!body.startsWith('{"query":"query ') && !body.startsWith('{"query":"{')) return undefined;
  const headers = Object.entries(init.headers ?? {})
    .filter(([name]) => !PER_REQUEST_HEADERS.has(name.toLowerCase()))
    .map(([name, value]) => `${name.toLowerCase()}:${value}`)
    .sort()
    .join('\n');
  return `${url}\u0000${headers}\u0000${body}`;
}

export interface PooledFetcher {
  readonly fetcher: Fetcher;
  /** Closes every pooled connection (the gateway's stop). */
  close(): Promise<void>;
}

/**
 * The gateway's HTTP client to its subgraphs: undici with a pool of at most `connectionsPerSubgraph` keep-alive
 * connections per subgraph origin. Apollo's default fetcher (make-fetch-happen over node-fetch, an npm cache
 * layer and agent-base, which builds an Error stack to tell http from https on every request) was the largest
 * single cost in a profile of the gateway (bench/README.md, "Where the time goes (gateway)"); undici's
 * `request` hands the body over without WHATWG streams. Identical queries in flight at the same moment — many
 * clients reading the same listing — share one request when `deduplicate` is on (as Apollo Router's
 * `deduplicate_query` and Hive Gateway do); each caller still gets a response object of its own.
 */
export function createPooledFetcher(options: PooledFetcherOptions): PooledFetcher {
  const agent = new Agent({ connections: options.connectionsPerSubgraph, keepAliveTimeout: 30_000, pipelining: 1 });
  const send = async (url: string, init: Parameters<Fetcher>[1] = {}): Promise<RawAnswer> => {
    const response = await request(url, {
      method: (init.method ?? 'GET') as 'POST',
      headers: init.headers,
      body: init.body,
      dispatcher: agent,
    });
    return { status: response.statusCode, headers: response.headers, body: await response.body.text() };
  };
  const inFlight = new Map<string, Promise<RawAnswer>>();
  const fetcher = (async (url, init = {}) => {
    const key = options.deduplicate ? deduplicationKey(url, init) : undefined;
    let answer: Promise<RawAnswer> | undefined = key === undefined ? undefined : inFlight.get(key);
    if (!answer) {
      answer = send(url, init);
      if (key !== undefined) {
        inFlight.set(key, answer);
        const forget = () => inFlight.delete(key);
        answer.then(forget, forget);
      }
    }
    // Each caller gets its own response (and parses its own copy of the body): the executor mutates what it reads.
    const { status, headers, body } = await answer;
    return new PooledResponse(url, status, new ResponseHeaders(headers), body);
  }) as Fetcher;
  return { fetcher, close: () => agent.close() };
}

class ResponseHeaders implements FetcherHeaders {
  private readonly map = new Map<string, string>();

  constructor(raw: Record<string, string | string[] | undefined>) {
    for (const [name, value] of Object.entries(raw)) {
      if (value !== undefined) this.map.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
  }

  append(name: string, value: string): void {
    const current = this.map.get(name.toLowerCase());
    this.map.set(name.toLowerCase(), current === undefined ? value : `${current}, ${value}`);
  }
  delete(name: string): void {
    this.map.delete(name.toLowerCase());
  }
  get(name: string): string | null {
    return this.map.get(name.toLowerCase()) ?? null;
  }
  has(name: string): boolean {
    return this.map.has(name.toLowerCase());
  }
  set(name: string, value: string): void {
    this.map.set(name.toLowerCase(), value);
  }
  entries(): IterableIterator<[string, string]> {
    return this.map.entries();
  }
  keys(): IterableIterator<string> {
    return this.map.keys();
  }
  values(): IterableIterator<string> {
    return this.map.values();
  }
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.map.entries();
  }
}

/** The already-read answer of one subgraph request, in the shape Apollo's data source reads. */
class PooledResponse implements FetcherResponse {
  bodyUsed = false;
  readonly redirected = false;

  constructor(
    readonly url: string,
    readonly status: number,
    readonly headers: ResponseHeaders,
    private readonly body: string,
  ) {}

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }
  get statusText(): string {
    return String(this.status);
  }
  async text(): Promise<string> {
    this.bodyUsed = true;
    return this.body;
  }
  async json(): Promise<unknown> {
    this.bodyUsed = true;
    return JSON.parse(this.body) as unknown;
  }
  async arrayBuffer(): Promise<ArrayBuffer> {
    this.bodyUsed = true;
    const bytes = Buffer.from(this.body);
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }
  clone(): FetcherResponse {
    return new PooledResponse(this.url, this.status, this.headers, this.body);
  }
}
