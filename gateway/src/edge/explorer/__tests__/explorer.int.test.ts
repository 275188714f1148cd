import { startEdgeGateway, type EdgeGateway } from '../../../__tests__/support/edge-gateway';
import { ensureExplorerBundle } from './support/explorer-bundle';
import { APOLLO_SANDBOX_URL, explorerPageHtml } from '../explorer-page';

/**
 * Hosts the bundled libraries name in text that the page never requests: XML namespaces (React, CodeMirror),
 * and links in messages and credits (React's error decoder, GraphiQL's and the explorer plugin's logos,
 * markdown-it's and CodeMirror's docs). A new one fails this test so that someone looks at what it is.
 */
const HOSTS_NAMED_BUT_NEVER_REQUESTED = new Set([
  'www.w3.org',
  'react.dev',
  'github.com',
  'www.onegraph.com',
  'commonmark.org',
  'codemirror.net',
  'en.wikipedia.org',
  'yarnpkg.com',
]);

const URL_PATTERN = /https?:\/\/[^\s"'`)\\<>]*/g;

function urlsIn(text: string): string[] {
  return [...text.matchAll(URL_PATTERN)].map((match) => match[0]);
}

async function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await fetch(url, { headers });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe('the offline explorer at /graphql (development)', () => {
  let edge: EdgeGateway;
  let origin: string;
  beforeAll(async () => {
    await ensureExplorerBundle();
    edge = await startEdgeGateway();
    origin = new URL(edge.url).origin;
  });
  afterAll(() => edge?.stop());

  it('answers a browser with the GraphiQL page, whose only outside address is the Sandbox link', async () => {
    const page = await get(edge.url, { accept: 'text/html' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.text).toContain('<script src="/graphql/explorer/explorer.js"></script>');
    expect(page.text).toContain('<link rel="stylesheet" href="/graphql/explorer/explorer.css" />');
    expect(urlsIn(page.text)).toEqual([APOLLO_SANDBOX_URL]);
    // The page's own policy forbids the browser to load or send anything to another host.
    expect(page.text).toMatch(/Content-Security-Policy" content="default-src 'self'; script-src 'self';[^"]*connect-src 'self'/);
    expect(edge.subgraphRequests()).toBe(0);
  });

  it('serves the bundle from this package: a style sheet without any outside URL, code that names no host it could load from', async () => {
    const css = await get(`${origin}/graphql/explorer/explorer.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.text).toContain('.graphiql-container');
    expect(urlsIn(css.text)).toEqual([]);
    expect(css.text).not.toMatch(/@import/);

    const js = await get(`${origin}/graphql/explorer/explorer.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.text.length).toBeGreaterThan(100_000);
    // (Hosts only: markdown-it also builds `http://${url}` when it normalises a link the reader wrote.)
    const hosts = new Set(urlsIn(js.text).map((url) => url.replace(/^https?:\/\//, '').split('/')[0]).filter((host) => /^[\w.-]+$/.test(host!)));
    expect([...hosts].filter((host) => !HOSTS_NAMED_BUT_NEVER_REQUESTED.has(host!))).toEqual([]);
    expect(js.text).not.toContain('studio.apollographql.com'); // the link is the page's, not the bundle's
    expect(js.text).not.toMatch(/unpkg|jsdelivr|cdnjs|embeddable-sandbox|apollo-server-landing-page\.cdn/);
  });

  it('serves the licences of what it bundles beside it', async () => {
    const legal = await get(`${origin}/graphql/explorer/explorer.js.LEGAL.txt`);
    expect(legal.status).toBe(200);
    expect(legal.text).toMatch(/license/i);
  });

  it('answers a reload with 304 when the bundle has not changed', async () => {
    const first = await fetch(`${origin}/graphql/explorer/explorer.js`);
    await first.arrayBuffer();
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/"/);
    const again = await fetch(`${origin}/graphql/explorer/explorer.js`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
  });

  it('still answers GraphQL over GET to a client that does not ask for HTML', async () => {
    const answer = await get(`${edge.url}?query=${encodeURIComponent('{ __typename }')}`, { 'apollo-require-preflight': 'true' });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('the explorer in production', () => {
  let edge: EdgeGateway;
  beforeAll(async () => {
    edge = await startEdgeGateway({ env: { NODE_ENV: 'production' } });
  });
  afterAll(() => edge?.stop());

  it('is off: no page and no bundle', async () => {
    const page = await get(edge.url, { accept: 'text/html' });
    expect(page.text).not.toContain('explorer.js');
    expect((await get(`${new URL(edge.url).origin}/graphql/explorer/explorer.js`)).status).toBe(404);
  });
});

describe('the explorer page before the bundle is built', () => {
  it('says how to build it, and links to Sandbox', () => {
    const html = explorerPageHtml(false);
    expect(html).toContain('pnpm build');
    expect(html).not.toContain('<script');
    expect(urlsIn(html)).toEqual([APOLLO_SANDBOX_URL]);
  });
});
