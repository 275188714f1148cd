import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { Agent, request } from 'undici';

type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherResponse = Awaited<ReturnType<Fetcher>>;
type FetcherHeaders = FetcherResponse['headers'];

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
 * `request` hands the body over without WHATWG streams.
 */
export function createPooledFetcher(connectionsPerSubgraph: number): PooledFetcher {
  const agent = new Agent({ connections: connectionsPerSubgraph, keepAliveTimeout: 30_000, pipelining: 1 });
  const fetcher = (async (url, init = {}) => {
    const response = await request(url, {
      method: (init.method ?? 'GET') as 'POST',
      headers: init.headers,
      body: init.body,
      dispatcher: agent,
    });
    const text = await response.body.text();
    return new PooledResponse(url, response.statusCode, new ResponseHeaders(response.headers), text);
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
