import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPooledFetcher, type PooledFetcher } from '../pooled-fetcher';

// The subgraph: holds every answer until the test releases them, so requests are in flight together.
let server: Server;
let url: string;
let received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
let held: Array<() => void> = [];
let client: PooledFetcher;

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString() });
      held.push(() => {
        response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'public, max-age=60' });
        response.end(JSON.stringify({ data: { product: { id: '1', tags: ['a'] } } }));
      });
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  client = createPooledFetcher({ connectionsPerSubgraph: 4, deduplicate: true });
});

afterAll(async () => {
  await client.close();
  server.closeAllConnections();
  await new Promise((closed) => server.close(closed));
});

beforeEach(() => {
  received = [];
  held = [];
});

const QUERY = JSON.stringify({ query: 'query P__products__0 { product { id tags } }', variables: {} });
const MUTATION = JSON.stringify({ query: 'mutation M__products__0 { archive }', variables: {} });

function send(body: string, headers: Record<string, string> = {}) {
  return client.fetcher(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
}

/** Waits until the subgraph holds `count` requests, then answers them all. */
async function answerWhenHolding(count: number): Promise<void> {
  while (received.length < count) await new Promise((turn) => setImmediate(turn));
  for (const answer of held.splice(0)) answer();
}

describe('createPooledFetcher', () => {
  it('sends identical queries in flight at once as ONE request, and gives each caller its own response', async () => {
    const first = send(QUERY, { authorization: 'Bearer t', 'x-request-id': 'one', traceparent: '00-a-b-01' });
    const second = send(QUERY, { authorization: 'Bearer t', 'x-request-id': 'two', traceparent: '00-c-d-01' });
    await answerWhenHolding(1);
    const [a, b] = await Promise.all([first, second]);
    expect(received).toHaveLength(1);
    expect(received[0]?.headers['x-request-id']).toBe('one');
    const [bodyA, bodyB] = (await Promise.all([a.json(), b.json()])) as Array<{ data: unknown }>;
    expect(bodyA).toEqual(bodyB);
    expect(bodyA).not.toBe(bodyB);
    expect(b.headers.get('cache-control')).toBe('public, max-age=60');
  });

  it('never shares an answer between different credentials or client addresses', async () => {
    const answers = Promise.all([
      send(QUERY, { authorization: 'Bearer alice' }),
      send(QUERY, { authorization: 'Bearer bob' }),
      send(QUERY, { authorization: 'Bearer bob', 'x-forwarded-for': '203.0.113.9' }),
    ]);
    await answerWhenHolding(3);
    await answers;
    expect(received).toHaveLength(3);
  });

  it('never shares a mutation', async () => {
    const answers = Promise.all([send(MUTATION), send(MUTATION)]);
    await answerWhenHolding(2);
    await answers;
    expect(received).toHaveLength(2);
  });

  it('sends a query again once the previous identical one has been answered', async () => {
    const first = send(QUERY);
    await answerWhenHolding(1);
    await first;
    const second = send(QUERY);
    await answerWhenHolding(2);
    await second;
    expect(received).toHaveLength(2);
  });
});
