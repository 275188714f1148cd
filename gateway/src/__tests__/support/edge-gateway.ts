import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger, type ApiKeyRevocations } from '@techally/platform';
import { createTestSigningKey, type TestSigningKey } from '@techally/testing';
import { createLocalJWKSet } from 'jose';
import { createGateway, type Gateway, type GatewayOptions } from '../../app';
import { loadGatewayConfig, type GatewayConfig } from '../../config';
import { startStandInKeyLookup, type StandInKeyLookup } from './stand-in-key-lookup';

/** The subgraphs of the committed supergraph: each is replaced by a counting stand-in (SUBGRAPH_<NAME>_URL). */
const SUBGRAPHS = ['users', 'products', 'inventory', 'orders', 'payments', 'reviews', 'search', 'notifications', 'analytics'] as const;

export interface EdgeGateway {
  /** The gateway's `/graphql` URL. */
  readonly url: string;
  /** The key the gateway trusts for access tokens: sign with `signTestToken(edge.signingKey, …)`. */
  readonly signingKey: TestSigningKey;
  readonly issuer: string;
  readonly audience: string;
  /** A valid partner `x-api-key` (issued by the stand-in key lookup, tier `standard`): partner tests send it. */
  readonly partnerApiKey: string;
  /** HTTP requests and WebSocket upgrades that reached any subgraph since the start (or the last reset). */
  subgraphRequests(): number;
  /** The bodies of the HTTP requests that reached a subgraph, by subgraph name, in arrival order. */
  requestsTo(subgraph: string): ReadonlyArray<{ readonly headers: IncomingMessage['headers']; readonly body: string }>;
  resetCounts(): void;
  /** Fetches of the JWKS stand-in since the start (only with `jwks: 'served'`; otherwise always 0). */
  jwksFetches(): number;
  /**
   * The stand-in of the users subgraph's API-key lookup (API_KEY_LOOKUP_URL): `issue()` a key it knows,
   * `revoke()` it there, count its `lookups()`. Pass `keys` to share one between gateways.
   */
  readonly keys: StandInKeyLookup;
  readonly gateway: Gateway;
  stop(): Promise<void>;
}

export interface EdgeGatewayOptions {
  /** Gateway environment on top of the test defaults (e.g. `{ NODE_ENV: 'production', PERSISTED_DOCUMENTS: 'enforce' }`). */
  readonly env?: Record<string, string>;
  /** What a stand-in subgraph answers to every request (default: `{ "data": null }`, which is enough to count). */
  readonly answer?: (subgraph: string, body: string) => unknown;
  /**
   * How the gateway gets the key it trusts: `injected` (default) hands it over in memory; `served` publishes it
   * at a counting JWKS stand-in (JWKS_URL), for the cases about fetching keys (a flood of unknown `kid`s).
   */
  readonly jwks?: 'injected' | 'served';
  /** Where Apollo usage reports go (with APOLLO_KEY and APOLLO_GRAPH_REF in `env`): a local stand-in, never GraphOS. */
  readonly usageReportingEndpoint?: string;
  /** A key lookup to share with another edge gateway (default: a new one, stopped with this gateway). */
  readonly keys?: StandInKeyLookup;
  /** Where revocations are heard (default: REDIS_URL's from `env`, else this gateway's memory). */
  readonly apiKeyRevocations?: ApiKeyRevocations;
  /** Options of createGateway beyond the harness's own (e.g. `onManifestReload` to wait on). */
  readonly gatewayOptions?: Pick<GatewayOptions, 'onManifestReload'>;
}

/**
 * The gateway on the REAL committed supergraph (so every edge rule sees the graph's true types, tags and
 * lists), with each subgraph replaced by a stand-in that only counts and records what reaches it. The
 * bad-input suites use it to prove a refused request never reaches a subgraph: `subgraphRequests()` stays 0.
 */
export async function startEdgeGateway(options: EdgeGatewayOptions = {}): Promise<EdgeGateway> {
  const received = new Map<string, Array<{ headers: IncomingMessage['headers']; body: string }>>();
  let upgrades = 0;
  const standIns: Server[] = [];
  const env: Record<string, string> = {
    LOG_LEVEL: 'silent',
    RESPONSE_CACHE: 'off',
    // Every test client is 127.0.0.1: budgets no suite reaches, unless a suite sets its own (bad-input.rate-limits).
    GATEWAY_RATE_LIMIT_ANONYMOUS: '1000000',
    GATEWAY_RATE_LIMIT_USER: '1000000',
    GATEWAY_RATE_LIMIT_CREDENTIALS: '1000000',
    ...options.env,
  };
  for (const name of SUBGRAPHS) {
    const server = createServer((request, response) => {
      let body = '';
      request.setEncoding('utf8');
      request.on('data', (chunk: string) => (body += chunk));
      request.on('end', () => {
        const list = received.get(name) ?? [];
        list.push({ headers: request.headers, body });
        received.set(name, list);
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(options.answer?.(name, body) ?? { data: null }));
      });
    });
    server.on('upgrade', (_request, socket) => {
      upgrades += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    standIns.push(server);
    env[`SUBGRAPH_${name.toUpperCase()}_URL`] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  }

  const keys = options.keys ?? (await startStandInKeyLookup());
  env['API_KEY_LOOKUP_URL'] ??= keys.url;
  const signingKey = await createTestSigningKey('edge-test-key');
  let jwksFetches = 0;
  if (options.jwks === 'served') {
    const jwksServer = createServer((_request, response) => {
      jwksFetches += 1;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ keys: [signingKey.publicJwk] }));
    });
    await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
    standIns.push(jwksServer);
    env['JWKS_URL'] = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/.well-known/jwks.json`;
  }
  const closeStandIns = async () => {
    await Promise.all(standIns.map((server) => new Promise((resolve) => server.close(resolve))));
    if (!options.keys) await keys.stop();
  };
  let config: GatewayConfig;
  let gateway: Gateway;
  let url: string;
  try {
    config = loadGatewayConfig(env);
    gateway = await createGateway(config, {
      ...options.gatewayOptions,
      logger: createLogger({ name: 'gateway', level: 'silent' }),
      ...(options.jwks === 'served' ? {} : { accessTokenKeys: createLocalJWKSet({ keys: [signingKey.publicJwk] }) }),
      ...(options.usageReportingEndpoint ? { usageReportingEndpoint: options.usageReportingEndpoint } : {}),
      ...(options.apiKeyRevocations ? { apiKeyRevocations: options.apiKeyRevocations } : {}),
    });
    url = await gateway.listen(0); // port 0: the metrics server picks a free port too
  } catch (error) {
    await closeStandIns();
    throw error;
  }

  return {
    url,
    signingKey,
    partnerApiKey: keys.issue({ name: 'edge test partner', tier: 'standard' }).secret,
    issuer: config.accessTokens.issuer,
    audience: config.accessTokens.audience,
    gateway,
    keys,
    subgraphRequests: () => upgrades + [...received.values()].reduce((sum, list) => sum + list.length, 0),
    requestsTo: (subgraph) => received.get(subgraph) ?? [],
    jwksFetches: () => jwksFetches,
    resetCounts() {
      received.clear();
      upgrades = 0;
    },
    async stop() {
      await gateway.stop();
      await closeStandIns();
    },
  };
}
