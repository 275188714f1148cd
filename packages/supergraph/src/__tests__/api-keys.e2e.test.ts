import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCatalog } from '@techally/demo-data';
import { createPartnerKey, runPartnerExample, type PartnerExampleReport } from '@techally/partner-example';
import { postGraphQL, bearer, errorCodes } from '@techally/testing';
import { startTestSupergraph, TEST_ADMIN, type TestSupergraph } from './support/test-supergraph';

// Issue #11 end to end: an administrator manages partner keys through the gateway, and the gateway checks
// them against the real users subgraph — a revoked or rotated secret is refused on the very next request.
const LOG_IN = 'mutation($email: String!, $password: String!) { logIn(email: $email, password: $password) { accessToken user { id } } }';
const CREATE = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id prefix status } } }`;
const ROTATE = 'mutation($id: ID!) { rotateApiKey(id: $id) { secret } }';
const REVOKE = 'mutation($id: ID!) { revokeApiKey(id: $id) { status } }';
const CATALOGUE = '{ products(first: 2) { edges { node { id name } } } }';

let graph: TestSupergraph;
let adminToken: string;
let adminId: string;

// The partner example (clients/partner-example) spends a standard key's budget on purpose: a small one, in a short
// window, so its wait for Retry-After is at most 2 s. The other cases use basic keys, whose budget stays large.
const EXAMPLE_BUDGET = { GATEWAY_RATE_LIMIT_PARTNER_STANDARD: '12', GATEWAY_RATE_LIMIT_WINDOW_SECONDS: '2' };

beforeAll(async () => {
  graph = await startTestSupergraph({ env: EXAMPLE_BUDGET });
  const session = await postGraphQL<{ logIn: { accessToken: string; user: { id: string } } }>(graph.gatewayUrl, LOG_IN, TEST_ADMIN);
  adminToken = session.data!.logIn.accessToken;
  adminId = session.data!.logIn.user.id;
}, 120_000);
afterAll(() => graph?.stop());

async function createKey(): Promise<{ id: string; secret: string }> {
  const expiresAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const response = await postGraphQL<{ createApiKey: { secret: string; apiKey: { id: string } } }>(
    graph.gatewayUrl,
    CREATE,
    { input: { name: 'E2E partner', ownerId: adminId, tier: 'BASIC', expiresAt } },
    bearer(adminToken),
  );
  expect(response.errors).toBeUndefined();
  return { id: response.data!.createApiKey.apiKey.id, secret: response.data!.createApiKey.secret };
}

async function asPartner(secret: string) {
  const response = await fetch(graph.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': secret },
    body: JSON.stringify({ query: CATALOGUE }),
  });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> } };
}

describe('partner API keys through the gateway', () => {
  it('a new key reads the catalogue; revoked, it is refused on the next request', async () => {
    const key = await createKey();
    const before = await asPartner(key.secret);
    expect(before.status).toBe(200);
    expect(before.body.errors).toBeUndefined();
    await asPartner(key.secret); // cached now

    const revoked = await postGraphQL(graph.gatewayUrl, REVOKE, { id: key.id }, bearer(adminToken));
    expect(revoked.data).toEqual({ revokeApiKey: { status: 'REVOKED' } });
    const after = await asPartner(key.secret);
    expect(after.status).toBe(401);
    expect(after.body.errors?.map((error) => [error.extensions?.code, error.message])).toEqual([['UNAUTHENTICATED', 'Invalid or revoked API key.']]);
  });

  it('a rotated key: the old secret is refused at once, the new one works', async () => {
    const key = await createKey();
    expect((await asPartner(key.secret)).status).toBe(200);
    const rotated = await postGraphQL<{ rotateApiKey: { secret: string } }>(graph.gatewayUrl, ROTATE, { id: key.id }, bearer(adminToken));
    const fresh = rotated.data!.rotateApiKey.secret;
    expect((await asPartner(key.secret)).status).toBe(401);
    expect((await asPartner(fresh)).status).toBe(200);
  });

  it('only administrators manage keys, through the gateway too', async () => {
    const anonymous = await postGraphQL(graph.gatewayUrl, '{ apiKeys { totalCount } }');
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('the partner example (clients/partner-example)', () => {
  interface SentRequest {
    readonly body: Record<string, unknown>;
    readonly apiKey: string | null;
  }
  let report: PartnerExampleReport;
  const sent: SentRequest[] = [];
  const printed: string[] = [];

  beforeAll(async () => {
    // The way its README tells a developer to get a key: an administrator's createApiKey through the gateway.
    const key = await createPartnerKey({ gatewayUrl: graph.gatewayUrl, adminEmail: TEST_ADMIN.email, adminPassword: TEST_ADMIN.password, name: 'Partner example', tier: 'STANDARD', days: 7 });
    const recordingFetch: typeof fetch = (input, init) => {
      sent.push({ body: JSON.parse(String(init?.body)) as Record<string, unknown>, apiKey: new Headers(init?.headers).get('x-api-key') });
      return fetch(input, init);
    };
    report = await runPartnerExample(
      { gatewayUrl: graph.gatewayUrl, apiKey: key.secret, pageSize: 5, maxPages: 3, maxRequests: 200, maxWaitSeconds: 5 },
      { fetch: recordingFetch, log: (line) => printed.push(line) },
    );
  }, 60_000);

  it('reads the seeded catalogue page by page, a product by id and the categories', () => {
    const seed = generateCatalog();
    const seeded = new Map(seed.products.map((product) => [product.id, product]));
    const listed = report.catalogue.pages.flat();
    expect(report.catalogue.pages.map((page) => page.length)).toEqual([5, 5, 5]);
    expect(new Set(listed.map((product) => product.id)).size).toBe(15); // the cursors moved on
    for (const product of listed) expect([product.sku, product.name]).toEqual([seeded.get(product.id)?.sku, seeded.get(product.id)?.name]);
    expect(report.catalogue.totalCount).toBeGreaterThan(15);
    expect(report.catalogue.morePages).toBe(true);
    expect(report.catalogue.product).toEqual(listed[0]);
    expect(report.catalogue.categories.map((category) => [category.id, category.name]).sort()).toEqual(
      seed.categories.map((category) => [category.id, category.name]).sort(),
    );
    expect(printed.join('\n')).toContain(listed[0]!.name.slice(0, 44));
  });

  it('is refused with 429 RATE_LIMITED and Retry-After once its budget is spent, and admitted again after the wait', () => {
    const observation = report.rateLimit;
    if (!observation?.refused) throw new Error(`the example was never refused: ${JSON.stringify(observation)}`);
    expect(observation.refusal.budget).toBe('partner-standard');
    expect(observation.refusal.retryAfterHeader).toBe(String(observation.refusal.retryAfterSeconds));
    expect(observation.refusal.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(observation.refusal.retryAfterSeconds).toBeLessThanOrEqual(2);
    // How many were admitted depends on where the 2 s windows fell on a busy machine; the budget named does not.
    expect(observation.refusal.message).toContain('may spend 12 points per 2 s');
    expect(observation.statusAfterWait).toBe(200);
    expect(printed.join('\n')).toMatch(/429 RATE_LIMITED[\s\S]*Retry-After: [12][\s\S]*admitted again: 200/);
  });

  it('sends only document ids from the manifest, always with its key, never a document text', () => {
    const partnerRequests = sent.filter((request) => request.apiKey !== null);
    expect(partnerRequests.length).toBeGreaterThan(5);
    expect(partnerRequests.length).toBe(sent.length);
    const manifest = JSON.parse(readFileSync(join(__dirname, '../../../../clients/persisted-documents.json'), 'utf8')) as Record<string, string>;
    for (const { body } of partnerRequests) {
      expect(Object.keys(body).sort()).toEqual(['documentId', 'variables']);
      expect(manifest[body['documentId'] as string]).toMatch(/^(fragment PartnerProductFields|query PartnerCategories)/);
    }
  });
});
