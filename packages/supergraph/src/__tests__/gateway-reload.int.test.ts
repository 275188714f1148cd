import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { createGateway, loadGatewayConfig, type Gateway } from '@techally/gateway';
import { createLogger, createSubgraphServer, type GraphQLHttpServer, type RequestInfo } from '@techally/platform';
import { createTestSigningKey, eventually, postGraphQL, signTestToken, type TestSigningKey } from '@techally/testing';
import { parse } from 'graphql';
import { createLocalJWKSet } from 'jose';

// A one-type subgraph whose schema grows version by version, to watch the gateway pick up each new supergraph.
const V1 = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { greeting: String! }`;
const V2 = `${V1}
  extend type Query { farewell: String! }`;
const V3 = `${V2}
  extend type Query { welcome: String! }`;
const V4 = `${V3}
  extend type Query { salute: String! }`;

/** The gateway's log lines, so a test can wait for the refusal of a bad supergraph instead of sleeping. */
const gatewayLog: string[] = [];
const gatewayLogStream = new Writable({
  write(chunk: Buffer, _encoding, done) {
    gatewayLog.push(chunk.toString('utf8'));
    done();
  },
});
const refusals = () => gatewayLog.filter((line) => line.includes('supergraph change refused')).length;

const seenBySubgraph: Array<{ requestId: string; authorization: string | undefined }> = [];
let subgraph: GraphQLHttpServer;
let subgraphUrl: string;
let gateway: Gateway;
let gatewayUrl: string;
let supergraphPath: string;
let key: TestSigningKey;
const ISSUER = 'https://issuer.test';
const AUDIENCE = 'techally-graph';

function supergraphFor(sdl: string): string {
  const result = composeServices([{ name: 'greetings', url: 'http://127.0.0.1:1/unused', typeDefs: parse(sdl) }]);
  if (result.errors) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.supergraphSdl;
}

beforeAll(async () => {
  key = await createTestSigningKey();
  subgraph = await createSubgraphServer({
    name: 'greetings',
    schema: buildSubgraphSchema([
      {
        typeDefs: parse(V4),
        resolvers: { Query: { greeting: () => 'hello', farewell: () => 'goodbye', welcome: () => 'welcome', salute: () => 'salute' } },
      },
    ]),
    logger: createLogger({ name: 'greetings', level: 'silent' }),
    createContext: async (request: RequestInfo) => {
      seenBySubgraph.push({ requestId: request.requestId, authorization: request.headers.authorization });
      return { ...request };
    },
    isReady: async () => true,
    processMetrics: false,
  });
  subgraphUrl = await subgraph.listen(0);

  supergraphPath = join(mkdtempSync(join(tmpdir(), 'supergraph-')), 'supergraph.graphql');
  writeFileSync(supergraphPath, supergraphFor(V1));
  const config = loadGatewayConfig({
    SUPERGRAPH_PATH: supergraphPath,
    // The composed supergraph points nowhere; the override is what the gateway must use.
    SUBGRAPH_GREETINGS_URL: subgraphUrl,
    JWT_ISSUER: ISSUER,
    JWT_AUDIENCE: AUDIENCE,
    LOG_LEVEL: 'silent',
  });
  gateway = await createGateway(config, {
    logger: createLogger({ name: 'gateway', level: 'info', destination: gatewayLogStream }),
    accessTokenKeys: createLocalJWKSet({ keys: [key.publicJwk] }),
  });
  gatewayUrl = await gateway.listen(0);
});

afterAll(async () => {
  await gateway?.stop();
  await subgraph?.stop();
});

describe('the gateway', () => {
  it('routes to the subgraph URL given in configuration', async () => {
    expect(await postGraphQL(gatewayUrl, '{ greeting }')).toEqual({ data: { greeting: 'hello' } });
  });

  it('forwards the request id and the verified credentials to the subgraph', async () => {
    const token = await signTestToken(key, { sub: 'user-1', issuer: ISSUER, audience: AUDIENCE });
    seenBySubgraph.length = 0;
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': 'trace-me-123' },
      body: JSON.stringify({ query: '{ greeting }' }),
    });
    expect(response.headers.get('x-request-id')).toBe('trace-me-123');
    expect(seenBySubgraph).toEqual([{ requestId: 'trace-me-123', authorization: `Bearer ${token}` }]);
  });

  it('refuses a token signed with another key before calling any subgraph', async () => {
    const stranger = await createTestSigningKey('stranger');
    const token = await signTestToken(stranger, { sub: 'user-1', issuer: ISSUER, audience: AUDIENCE });
    seenBySubgraph.length = 0;
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ greeting }' }),
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code).toBe(
      'UNAUTHENTICATED',
    );
    expect(seenBySubgraph).toEqual([]);
  });

  /** Replaces the file the way `pnpm compose` and editors do: write a new one beside it, rename it over. */
  function replaceSupergraph(content: string): void {
    writeFileSync(`${supergraphPath}.tmp`, content);
    renameSync(`${supergraphPath}.tmp`, supergraphPath);
  }
  const serves = async (field: string) => (await postGraphQL(gatewayUrl, `{ ${field} }`)).errors === undefined;

  it('serves each of three successive replacements of its file, and refuses an invalid one between them while the last good one keeps serving', async () => {
    expect(await serves('farewell')).toBe(false);

    replaceSupergraph(supergraphFor(V2));
    await eventually(() => serves('farewell'), 'the second supergraph served');

    replaceSupergraph(supergraphFor(V3));
    await eventually(() => serves('welcome'), 'the third supergraph served');

    const refusedBefore = refusals();
    replaceSupergraph('this is not a supergraph');
    await eventually(() => refusals() === refusedBefore + 1, 'the invalid supergraph refused');
    expect(await postGraphQL(gatewayUrl, '{ greeting farewell welcome }')).toEqual({
      data: { greeting: 'hello', farewell: 'goodbye', welcome: 'welcome' },
    });
    expect(await serves('salute')).toBe(false);

    replaceSupergraph(supergraphFor(V4));
    await eventually(() => serves('salute'), 'the fourth supergraph served');
    expect(await postGraphQL(gatewayUrl, '{ greeting salute }')).toEqual({ data: { greeting: 'hello', salute: 'salute' } });
  });

  it('answers SERVICE_UNAVAILABLE naming a subgraph it cannot reach, and keeps serving', async () => {
    const unreachable = await createGateway(
      loadGatewayConfig({ SUBGRAPH_GREETINGS_URL: 'http://127.0.0.1:1/graphql', LOG_LEVEL: 'silent' }),
      { logger: createLogger({ name: 'gateway', level: 'silent' }), supergraphSdl: supergraphFor(V1) },
    );
    const url = await unreachable.listen(0);
    try {
      const response = await postGraphQL(url, '{ greeting }');
      expect(response.errors).toEqual([
        { message: 'The greetings service is unavailable right now; try again shortly.', extensions: { code: 'SERVICE_UNAVAILABLE' } },
      ]);
      expect((await fetch(url.replace('/graphql', '/health/live'))).status).toBe(200);
    } finally {
      await unreachable.stop();
    }
  });

  it('reports ready, live and its metrics', async () => {
    const base = gatewayUrl.replace('/graphql', '');
    expect((await fetch(`${base}/health/ready`)).status).toBe(200);
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    expect(await (await fetch(gateway.metricsUrl!)).text()).toMatch(/graphql_operations_total\{[^}]*service="gateway"/);
  });

  it('serves the offline explorer to a browser in development', async () => {
    const response = await fetch(gatewayUrl, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>TechAlly graph · explorer</title>'); // the offline explorer (gateway/README.md)
  });
});
