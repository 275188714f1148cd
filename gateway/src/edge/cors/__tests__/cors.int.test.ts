import { startEdgeGateway, type EdgeGateway } from '../../../__tests__/support/edge-gateway';
import { APOLLO_STUDIO_ORIGIN } from '../cors-config';
import { CORS_ALLOWED_HEADERS, CORS_MAX_AGE_SECONDS } from '../cors-policy';

const SHOP = 'https://shop.example';
const QUERY = JSON.stringify({ query: '{ __typename }' });

function preflight(url: string, origin: string, requestHeaders = 'content-type, authorization, x-api-key'): Promise<Response> {
  return fetch(url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': requestHeaders },
  });
}

describe('CORS at the gateway', () => {
  let edge: EdgeGateway;
  beforeAll(async () => {
    edge = await startEdgeGateway({ env: { CORS_ORIGINS: SHOP } });
  });
  afterAll(() => edge?.stop());
  beforeEach(() => edge.resetCounts());

  it('answers a preflight from a listed origin 204 with its origin, the methods, the headers and a max age', async () => {
    const response = await preflight(edge.url, SHOP);
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect(Object.fromEntries([...response.headers].filter(([name]) => name.startsWith('access-control-') || name === 'vary'))).toEqual({
      'access-control-allow-origin': SHOP,
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': CORS_ALLOWED_HEADERS,
      'access-control-max-age': String(CORS_MAX_AGE_SECONDS),
      vary: 'Origin',
    });
    for (const header of ['content-type', 'authorization', 'x-api-key', 'apollo-require-preflight', 'traceparent', 'graphql-client-name']) {
      expect(CORS_ALLOWED_HEADERS.split(', ')).toContain(header);
    }
    expect(edge.subgraphRequests()).toBe(0);
  });

  it('never allows credentials (cookies): the graph authenticates with bearer tokens and API keys', async () => {
    expect((await preflight(edge.url, SHOP)).headers.get('access-control-allow-credentials')).toBeNull();
    const answer = await fetch(edge.url, { method: 'POST', headers: { origin: SHOP, 'content-type': 'application/json' }, body: QUERY });
    expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it("lets a listed origin's page read the answer, and Retry-After and the request id", async () => {
    const answer = await fetch(edge.url, { method: 'POST', headers: { origin: SHOP, 'content-type': 'application/json' }, body: QUERY });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ data: { __typename: 'Query' } });
    expect(answer.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(answer.headers.get('access-control-expose-headers')).toBe('retry-after, x-request-id');
    expect(answer.headers.get('vary')).toBe('Origin');
  });

  it("gives another origin's actual request no CORS header (its page cannot read the answer)", async () => {
    const answer = await fetch(edge.url, { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/json' }, body: QUERY });
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    expect(answer.headers.get('vary')).toBe('Origin');
  });

  it('keeps CSRF prevention for a listed origin: a text/plain POST without a preflight header is still refused', async () => {
    const answer = await fetch(edge.url, { method: 'POST', headers: { origin: SHOP, 'content-type': 'text/plain' }, body: QUERY });
    expect(answer.status).toBe(400);
    expect(await answer.text()).toMatch(/Cross-Site Request Forgery/);
    expect(edge.subgraphRequests()).toBe(0);
  });

  it('allows Apollo Studio (hosted Explorer and Sandbox) outside production', async () => {
    const response = await preflight(edge.url, APOLLO_STUDIO_ORIGIN);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(APOLLO_STUDIO_ORIGIN);
  });

  it('compares origins exactly: another port or scheme of a listed host is another origin', async () => {
    expect((await preflight(edge.url, 'http://shop.example')).status).toBe(403);
    expect((await preflight(edge.url, 'https://shop.example:8443')).status).toBe(403);
    expect((await preflight(edge.url, 'https://shop.example.evil.example')).status).toBe(403);
  });

  it('leaves an OPTIONS that is no preflight (no Origin) to GraphQL over HTTP, which allows GET and POST only', async () => {
    const response = await fetch(edge.url, { method: 'OPTIONS', headers: { 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('CORS at a production gateway', () => {
  let edge: EdgeGateway;
  beforeAll(async () => {
    edge = await startEdgeGateway({ env: { NODE_ENV: 'production', CORS_ORIGINS: SHOP } });
  });
  afterAll(() => edge?.stop());

  it('refuses Apollo Studio unless it is listed', async () => {
    const response = await preflight(edge.url, APOLLO_STUDIO_ORIGIN);
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect((await preflight(edge.url, SHOP)).status).toBe(204);
  });
});
