import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deleteKeys, eventually, inspectRedis, metricValue, subscribe, testRedisUrl, uniqueKeyPrefix, wsClient } from '@techally/testing';
import { DEFAULT_PERSISTED_DOCUMENTS_PATH } from '../known-operations';
import type { ManifestReload } from '../edge/persisted-documents/manifest-store';
import { startEdgeGateway, type EdgeGateway } from './support/edge-gateway';
import { startStandInKeyLookup, type StandInKeyLookup } from './support/stand-in-key-lookup';

// Issue 11, "Persisted documents for third parties": the gateway serves documents named by id from the
// manifest `pnpm codegen` writes; partners (an x-api-key) send ids only; unknown ids and refusals answer the
// codes APQ clients understand — and none of it reaches a subgraph.

const MANIFEST = JSON.parse(readFileSync(DEFAULT_PERSISTED_DOCUMENTS_PATH, 'utf8')) as Record<string, string>;
const idOf = (operation: string): string => {
  const entry = Object.entries(MANIFEST).find(([, text]) => new RegExp(`^(query|mutation|subscription) ${operation}\\b`).test(text));
  if (!entry) throw new Error(`no ${operation} in the manifest`);
  return entry[0];
};
const hexOf = (id: string) => id.replace(/^sha256:/, '');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const CATEGORIES = idOf('Categories'); // query Categories { categories { id slug } } — products subgraph
const ARCHIVE_PRODUCT = idOf('ArchiveProduct'); // a mutation
const STOCK_CHANGED = idOf('StockChanged'); // a subscription
const UNKNOWN = `sha256:${'0'.repeat(64)}`;
// A partner is a request with a VALID API key (a bad one is refused before these rules, edge/api-keys): one
// stand-in key lookup serves every gateway of this file.
const PARTNER: Record<string, string> = {};
let keys: StandInKeyLookup;
beforeAll(async () => {
  keys = await startStandInKeyLookup();
  PARTNER['x-api-key'] = keys.issue().secret;
});
afterAll(() => keys?.stop());
const answerCategories = (subgraph: string) => (subgraph === 'products' ? { data: { categories: [{ id: 'c1', slug: 'laptops' }] } } : { data: null });

interface Answer {
  readonly status: number;
  readonly text: string;
  readonly body: { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> };
}

async function send(url: string, request: { method?: 'GET' | 'POST'; body?: Record<string, unknown>; headers?: Record<string, string> }): Promise<Answer> {
  const method = request.method ?? 'POST';
  let target = url;
  if (method === 'GET') {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(request.body ?? {})) search.set(name, typeof value === 'string' ? value : JSON.stringify(value));
    target = `${url}?${search}`;
  }
  const response = await fetch(target, {
    method,
    // GET needs Apollo's CSRF header (a real client sends it); POST is JSON.
    headers: { ...(method === 'POST' ? { 'content-type': 'application/json' } : { 'apollo-require-preflight': 'true' }), ...request.headers },
    ...(method === 'POST' ? { body: JSON.stringify(request.body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as Answer['body'] };
}

function expectCleanRefusal(answer: Answer, status: number, code: string, message: RegExp): void {
  expect({ status: answer.status, code: answer.body.errors?.[0]?.extensions?.code }).toEqual({ status, code });
  expect(answer.body.errors?.[0]?.message).toMatch(message);
  expect(answer.body.data).toBeUndefined();
  expect(answer.text).not.toMatch(/stacktrace|\bat .+\.(ts|js):\d+|127\.0\.0\.1|localhost|4001/);
}

describe('persisted documents at the edge — refused, with 0 subgraph requests (production defaults: enforce, first party manifest-only)', () => {
  let edge: EdgeGateway;
  beforeAll(async () => {
    edge = await startEdgeGateway({ keys, env: { NODE_ENV: 'production' }, answer: answerCategories });
  });
  afterAll(() => edge?.stop());

  const cases: Array<{ name: string; method?: 'GET' | 'POST'; headers?: Record<string, string>; body: () => Record<string, unknown>; status: number; code: string; message: RegExp }> = [
    { name: 'an unknown documentId', body: () => ({ documentId: UNKNOWN }), status: 200, code: 'PERSISTED_QUERY_NOT_FOUND', message: /^PersistedQueryNotFound$/ },
    {
      name: 'an unknown APQ hash (extensions.persistedQuery)',
      body: () => ({ extensions: { persistedQuery: { version: 1, sha256Hash: hexOf(UNKNOWN) } } }),
      status: 200,
      code: 'PERSISTED_QUERY_NOT_FOUND',
      message: /^PersistedQueryNotFound$/,
    },
    { name: 'an id of no known scheme', body: () => ({ documentId: 'md5:abc' }), status: 200, code: 'PERSISTED_QUERY_NOT_FOUND', message: /^PersistedQueryNotFound$/ },
    { name: 'an unknown id from a partner, over GET', method: 'GET', headers: PARTNER, body: () => ({ documentId: UNKNOWN }), status: 200, code: 'PERSISTED_QUERY_NOT_FOUND', message: /^PersistedQueryNotFound$/ },
    {
      name: 'a full document from a partner',
      headers: PARTNER,
      body: () => ({ query: '{ categories { id slug } }' }),
      status: 400,
      code: 'PERSISTED_QUERY_NOT_IN_LIST',
      message: /API key may send only persisted document ids/,
    },
    {
      name: "a full document from a partner, even the manifest's own text with its id (ids only)",
      headers: PARTNER,
      body: () => ({ query: MANIFEST[CATEGORIES], extensions: { persistedQuery: { version: 1, sha256Hash: hexOf(CATEGORIES) } } }),
      status: 400,
      code: 'PERSISTED_QUERY_NOT_IN_LIST',
      message: /API key may send only persisted document ids/,
    },
    {
      name: 'a full document outside the manifest from a first-party caller (production)',
      body: () => ({ query: '{ categories { id name } }' }),
      status: 400,
      code: 'PERSISTED_QUERY_NOT_IN_LIST',
      message: /not in the persisted-documents list/,
    },
    {
      name: 'a hash that does not match its query (APQ)',
      body: () => ({ query: '{ categories { id name } }', extensions: { persistedQuery: { version: 1, sha256Hash: hexOf(CATEGORIES) } } }),
      status: 400,
      code: 'PERSISTED_QUERY_HASH_MISMATCH',
      message: /^provided sha does not match query$/,
    },
    {
      name: 'a documentId that does not match the query sent with it',
      body: () => ({ query: '{ categories { id name } }', documentId: CATEGORIES }),
      status: 400,
      code: 'PERSISTED_QUERY_HASH_MISMATCH',
      message: /^provided sha does not match query$/,
    },
    {
      name: 'a mutation by id over GET',
      method: 'GET',
      body: () => ({ documentId: ARCHIVE_PRODUCT, variables: { id: '6b0e6a2c-5a0e-4c7e-9a53-000000000001' } }),
      status: 405,
      code: 'BAD_REQUEST',
      message: /GET requests only support query operations, not mutation operations/,
    },
    {
      // A partner's document is validated against the partner contract, which has no mutation: refused there,
      // before the method is looked at (gateway/README.md, *The partner contract*).
      name: 'a mutation by APQ hash over GET, from a partner',
      method: 'GET',
      headers: PARTNER,
      body: () => ({ extensions: { persistedQuery: { version: 1, sha256Hash: hexOf(ARCHIVE_PRODUCT) } }, variables: { id: 'x' } }),
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      message: /^Schema is not configured to execute mutation operation\.$/,
    },
  ];

  it.each(cases)('$name → $status $code', async ({ method, headers, body, status, code, message }) => {
    edge.resetCounts();
    expectCleanRefusal(await send(edge.url, { method, headers, body: body() }), status, code, message);
    expect(edge.subgraphRequests()).toBe(0);
  });

  it('counts refusals on /metrics, by audience and reason', async () => {
    const before = await metricValue(edge.gateway.metricsUrl!, 'persisted_documents_refusals_total', 'audience="partner",reason="not-in-list",enforced="true"');
    await send(edge.url, { headers: PARTNER, body: { query: '{ categories { id } }' } });
    expect(await metricValue(edge.gateway.metricsUrl!, 'persisted_documents_refusals_total', 'audience="partner",reason="not-in-list",enforced="true"')).toBe(before + 1);
  });

  it('runs a first-party id (documentId) and a partner id (APQ hash over GET): one products request each', async () => {
    for (const request of [
      { body: { documentId: CATEGORIES } },
      { method: 'GET' as const, headers: PARTNER, body: { extensions: { persistedQuery: { version: 1, sha256Hash: hexOf(CATEGORIES) } } } },
      { body: { query: MANIFEST[CATEGORIES] } }, // first party, the manifest's exact text
    ]) {
      edge.resetCounts();
      const answer = await send(edge.url, request);
      expect(answer.body).toEqual({ data: { categories: [{ id: 'c1', slug: 'laptops' }] } });
      expect(edge.requestsTo('products')).toHaveLength(1);
    }
    expect(await metricValue(edge.gateway.metricsUrl!, 'persisted_documents_lookups_total', 'audience="partner",result="manifest"')).toBeGreaterThanOrEqual(1);
  });

  it('refuses a partner full-text subscription over WebSocket, and resolves a subscription id', async () => {
    edge.resetCounts();
    const partner = wsClient(edge.url, PARTNER);
    const refused = subscribe(partner, 'subscription { stockChanged(productIds: ["x"]) { available } }');
    const ending = await refused.ended;
    expect(JSON.stringify(ending)).toContain('PERSISTED_QUERY_NOT_IN_LIST');
    const unknown = subscribe(partner, '', {});
    expect(JSON.stringify(await unknown.ended)).toMatch(/GRAPHQL_PARSE_FAILED|PERSISTED_QUERY_NOT_FOUND/);
    await partner.dispose();
    expect(edge.subgraphRequests()).toBe(0);

    // An id names the document: the gateway resolves it and subscribes upstream (the stand-in refuses the socket).
    const firstParty = wsClient(edge.url);
    const byId = await new Promise<unknown>((resolve) => {
      firstParty.subscribe({ query: '', extensions: { persistedQuery: { version: 1, sha256Hash: hexOf(STOCK_CHANGED) } }, variables: { productIds: ['p1'] } }, { next: resolve, error: resolve, complete: () => resolve('complete') });
    });
    expect(JSON.stringify(byId)).not.toMatch(/PERSISTED_QUERY|GRAPHQL_PARSE_FAILED/);
    await eventually(() => edge.subgraphRequests() > 0, 'the upstream subscription');
    await firstParty.dispose();
  });
});

describe('APQ: register-then-use for first-party callers (development defaults)', () => {
  const query = '{ categories { id name slug } }';
  const hash = sha256(query);
  const lookup = { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } };
  const register = { query, ...lookup };

  it('keeps registrations in memory when embedded (no REDIS_URL)', async () => {
    const edge = await startEdgeGateway({ keys, answer: answerCategories });
    try {
      expectCleanRefusal(await send(edge.url, { body: lookup }), 200, 'PERSISTED_QUERY_NOT_FOUND', /^PersistedQueryNotFound$/);
      expect((await send(edge.url, { body: register })).status).toBe(200);
      edge.resetCounts();
      expect((await send(edge.url, { method: 'GET', body: lookup })).body.data).toBeDefined();
      expect(edge.requestsTo('products')).toHaveLength(1);
    } finally {
      await edge.stop();
    }
  });

  const redisUrl = testRedisUrl();
  (redisUrl ? it : it.skip)('keeps them in Redis under a prefix of their own, with a TTL, shared by every gateway process', async () => {
    const prefix = uniqueKeyPrefix('persisted-documents');
    const env = { REDIS_URL: redisUrl!, EVENTS_KEY_PREFIX: prefix, PERSISTED_DOCUMENTS_APQ_TTL_SECONDS: '600' };
    const first = await startEdgeGateway({ keys, env, answer: answerCategories });
    const second = await startEdgeGateway({ keys, env, answer: answerCategories });
    const redis = inspectRedis(redisUrl!);
    try {
      expect((await send(first.url, { body: register })).status).toBe(200);
      await eventually(async () => (await redis.exists(`${prefix}:apq:${hash}`)) === 1, 'the registration in Redis');
      const ttl = await redis.ttl(`${prefix}:apq:${hash}`);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(600);
      second.resetCounts();
      expect((await send(second.url, { body: lookup })).body.data).toBeDefined(); // the other process knows it
      expect(second.requestsTo('products')).toHaveLength(1);
    } finally {
      redis.disconnect();
      await Promise.all([first.stop(), second.stop()]);
      await deleteKeys(redisUrl!, prefix);
    }
  });
});

describe('the manifest is reloaded without a restart', () => {
  it('serves a new id once the file is replaced, refuses a broken file and keeps the previous manifest', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'manifest-'));
    const path = join(directory, 'persisted-documents.json');
    const withoutCategories = Object.fromEntries(Object.entries(MANIFEST).filter(([id]) => id !== CATEGORIES));
    writeFileSync(path, JSON.stringify(withoutCategories));
    const reloads: ManifestReload[] = [];
    const edge = await startEdgeGateway({
      keys,
      env: { PERSISTED_DOCUMENTS_PATH: path, PERSISTED_DOCUMENTS: 'enforce' },
      answer: answerCategories,
      gatewayOptions: { onManifestReload: (reload) => reloads.push(reload) },
    });
    const replace = (text: string) => {
      writeFileSync(`${path}.tmp`, text);
      renameSync(`${path}.tmp`, path); // as codegen and editors do
    };
    try {
      expect(reloads).toEqual([{ outcome: 'loaded', documents: Object.keys(withoutCategories).length }]);
      expectCleanRefusal(await send(edge.url, { headers: PARTNER, body: { documentId: CATEGORIES } }), 200, 'PERSISTED_QUERY_NOT_FOUND', /^PersistedQueryNotFound$/);

      replace(JSON.stringify(MANIFEST));
      await eventually(() => reloads.length === 2, 'the manifest reload');
      expect(reloads[1]).toEqual({ outcome: 'loaded', documents: Object.keys(MANIFEST).length });
      edge.resetCounts();
      expect((await send(edge.url, { headers: PARTNER, body: { documentId: CATEGORIES } })).body.data).toBeDefined();
      expect(edge.requestsTo('products')).toHaveLength(1);
      // The metrics' operation labels follow the live manifest.
      expect(await metricValue(edge.gateway.metricsUrl!, 'graphql_operations_total', 'operation="Categories"')).toBe(1);

      replace(JSON.stringify({ [CATEGORIES]: 'query Tampered { categories { id name } }' }));
      await eventually(() => reloads.length === 3, 'the broken manifest to be read');
      expect(reloads[2]!.outcome).toBe('refused');
      expect((await send(edge.url, { headers: PARTNER, body: { documentId: CATEGORIES } })).body.data).toBeDefined();
    } finally {
      await edge.stop();
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
