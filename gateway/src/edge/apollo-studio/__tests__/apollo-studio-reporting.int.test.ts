import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { ConfigError, createLogger } from '@techally/platform';
import { startEdgeGateway } from '../../../__tests__/support/edge-gateway';
import { loadApolloStudioConfig } from '../apollo-studio-config';
import { apolloStudioReporting } from '../apollo-studio-reporting';

interface Report {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** A stand-in for GraphOS's usage-reporting ingress: records each report (gzipped protobuf) it receives. */
async function startIngress(): Promise<{ url: string; reports: Report[]; close(): Promise<void> }> {
  const reports: Report[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      reports.push({ path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks) });
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    reports,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const QUERY = 'query StorefrontTypename { __typename }';

async function runOneOperation(env: Record<string, string>, endpoint: string): Promise<void> {
  const edge = await startEdgeGateway({ env, usageReportingEndpoint: endpoint });
  try {
    const response = await fetch(edge.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': 'secret-header-never-reported', 'apollographql-client-name': 'storefront' },
      body: JSON.stringify({ query: QUERY }),
    });
    expect(response.status).toBe(200);
  } finally {
    await edge.stop(); // Apollo sends what it holds when the server stops
  }
}

describe('Apollo Studio usage reporting', () => {
  it('sends usage reports to GraphOS when APOLLO_KEY and APOLLO_GRAPH_REF are set, with the key, and never a header value', async () => {
    const ingress = await startIngress();
    try {
      await runOneOperation({ APOLLO_KEY: 'service:techally:test-key', APOLLO_GRAPH_REF: 'techally@test' }, ingress.url);
      expect(ingress.reports.length).toBeGreaterThanOrEqual(1);
      const report = ingress.reports[0]!;
      expect(report.path).toBe('/api/ingress/traces');
      expect(report.headers['x-api-key']).toBe('service:techally:test-key');
      const decoded = gunzipSync(report.body).toString('latin1');
      expect(decoded).toContain('techally@test');
      expect(decoded).toContain('StorefrontTypename');
      expect(decoded).toContain('storefront');
      expect(decoded).not.toContain('secret-header-never-reported');
    } finally {
      await ingress.close();
    }
  });

  it('sends nothing without them (CI, a laptop)', async () => {
    const ingress = await startIngress();
    try {
      await runOneOperation({}, ingress.url);
      expect(ingress.reports).toEqual([]);
    } finally {
      await ingress.close();
    }
  });

  it("is switched off explicitly, so Apollo Server does not switch it on from an APOLLO_KEY in the process's environment", () => {
    const off = apolloStudioReporting(loadApolloStudioConfig({}), createLogger({ name: 'test', level: 'silent' }));
    expect(off.apollo).toBeUndefined();
    const ids = off.plugins.map((plugin) => plugin as { __internal_plugin_id__?: string; __is_disabled_plugin__?: boolean });
    expect(ids).toEqual([
      expect.objectContaining({ __internal_plugin_id__: 'UsageReporting', __is_disabled_plugin__: true }),
      expect.objectContaining({ __internal_plugin_id__: 'SchemaReporting', __is_disabled_plugin__: true }),
    ]);
  });

  it('never reports the schema: a federated graph publishes its subgraphs with rover instead', () => {
    const on = apolloStudioReporting(loadApolloStudioConfig({ APOLLO_KEY: 'k', APOLLO_GRAPH_REF: 'techally@test' }), createLogger({ name: 'test', level: 'silent' }));
    expect(on.apollo).toEqual({ key: 'k', graphRef: 'techally@test' });
    const plugins = on.plugins.map((plugin) => plugin as { __internal_plugin_id__?: string; __is_disabled_plugin__?: boolean });
    expect(plugins).toContainEqual(expect.objectContaining({ __internal_plugin_id__: 'SchemaReporting', __is_disabled_plugin__: true }));
    expect(plugins).toContainEqual(expect.objectContaining({ __internal_plugin_id__: 'UsageReporting' }));
  });
});

describe('APOLLO_KEY and APOLLO_GRAPH_REF', () => {
  it('turn reporting on together, and off (with a notice) alone', () => {
    expect(loadApolloStudioConfig({})).toEqual({ graph: null, notice: null });
    expect(loadApolloStudioConfig({ APOLLO_KEY: 'k', APOLLO_GRAPH_REF: 'techally@current' }).graph).toEqual({ key: 'k', graphRef: 'techally@current' });
    expect(loadApolloStudioConfig({ APOLLO_KEY: 'k' })).toEqual({ graph: null, notice: expect.stringMatching(/without APOLLO_GRAPH_REF/) });
    expect(loadApolloStudioConfig({ APOLLO_GRAPH_REF: 'techally@current' }).graph).toBeNull();
  });

  it('refuses a graph ref that is not graph-id@variant, naming the variable', () => {
    expect(() => loadApolloStudioConfig({ APOLLO_KEY: 'k', APOLLO_GRAPH_REF: 'techally @ current' })).toThrow(ConfigError);
    expect(() => loadApolloStudioConfig({ APOLLO_KEY: 'k', APOLLO_GRAPH_REF: 'https://studio/graph' })).toThrow(/APOLLO_GRAPH_REF/);
  });
});
