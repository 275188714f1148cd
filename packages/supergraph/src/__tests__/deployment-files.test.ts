import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { SERVICE_V8_OPTIONS, serviceNodeOptions } from '../service-node-options';
import { SUBGRAPHS } from '../subgraph-registry';

// No Docker engine runs where CI does (README.md, Design decisions), so the deployment files are checked statically against
// the registry: a subgraph added to the graph but forgotten in them fails here, not in someone's cluster.
const ROOT = resolve(__dirname, '../../../..');
const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, { command?: string[]; environment?: Record<string, string>; depends_on?: Record<string, unknown> }>;
};
const dockerfile = readFileSync(join(ROOT, 'deploy/Dockerfile'), 'utf8');

describe('deployment files', () => {
  it.each(SUBGRAPHS.map((subgraph) => [subgraph.name, subgraph] as const))(
    'docker-compose runs the %s subgraph on its port, and the gateway knows its URL',
    (name, subgraph) => {
      const service = compose.services[name];
      expect(service?.command).toEqual(['node', `subgraphs/${name}/dist/main.js`]);
      expect(service?.environment?.[subgraph.portVariable]).toBe(String(subgraph.defaultPort));
      expect(compose.services['gateway']?.environment?.[`SUBGRAPH_${name.toUpperCase()}_URL`]).toBe(
        `http://${name}:${subgraph.defaultPort}/graphql`,
      );
      expect(compose.services['gateway']?.depends_on).toHaveProperty(name);
    },
  );

  it('provides PostgreSQL, Redis and Elasticsearch', () => {
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(['postgres', 'redis', 'elasticsearch', 'gateway']));
  });

  it('copies every workspace package manifest before installing, so the image build can use the lockfile', () => {
    // Every package of pnpm-workspace.yaml: `pnpm build` (tsc -b, the web apps' Vite builds) needs each one's
    // dependencies installed, and pnpm installs only the packages whose manifests are there at install time.
    const workspace = parse(readFileSync(join(ROOT, 'pnpm-workspace.yaml'), 'utf8')) as { packages: string[] };
    const packages = workspace.packages.flatMap((pattern) =>
      pattern.endsWith('/*')
        ? readdirSync(join(ROOT, pattern.slice(0, -2)), { withFileTypes: true })
            .filter((entry) => entry.isDirectory())
            .map((entry) => `${pattern.slice(0, -2)}/${entry.name}`)
        : [pattern],
    );
    const manifests = packages.filter((folder) => existsSync(join(ROOT, folder, 'package.json')));
    expect(manifests).toEqual(expect.arrayContaining(['gateway', 'clients/storefront', ...SUBGRAPHS.map((s) => `subgraphs/${s.name}`)]));
    const missing = manifests.filter((manifest) => !dockerfile.includes(`COPY ${manifest}/package.json ${manifest}/`));
    expect(missing).toEqual([]);
  });

  it('starts every container with the young generation `pnpm start:services` gives its processes', () => {
    expect(dockerfile).toMatch(new RegExp(`^ENV .*NODE_OPTIONS="${SERVICE_V8_OPTIONS}"`, 'm'));
  });
});

describe('NODE_OPTIONS of a service process (serviceNodeOptions)', () => {
  it('adds the young generation to what the operator set, or sets it alone', () => {
    expect(serviceNodeOptions(undefined)).toBe(SERVICE_V8_OPTIONS);
    expect(serviceNodeOptions(' --enable-source-maps ')).toBe(`--enable-source-maps ${SERVICE_V8_OPTIONS}`);
  });

  it('leaves an operator’s own semi-space size alone', () => {
    expect(serviceNodeOptions('--max-semi-space-size=64 --enable-source-maps')).toBe('--max-semi-space-size=64 --enable-source-maps');
  });
});
