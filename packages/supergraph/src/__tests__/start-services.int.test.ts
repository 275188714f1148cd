import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEMO_CUSTOMERS } from '@techally/demo-data';
import {
  createTestDatabase,
  deleteKeys,
  descendantPids,
  freePort,
  hasRealPostgres,
  isRunning,
  testRedisUrl,
  uniqueKeyPrefix,
  watchOutput,
  type ChildOutput,
  type TestDatabase,
} from '@techally/testing';
import { createGraphQLClient, LogInDocument, MyOrdersDocument, ProductListingDocument } from '@techally/web-client';

// `pnpm start:services` as a user runs it (the BUILT launcher and services: `pnpm build` first, as CI does): the
// production shape on the real PostgreSQL and Redis, the subgraphs with 2 workers each, seeded; a listing and a
// signed-in read through the gateway; a worker that dies is replaced; SIGTERM stops every process it started.
const ROOT = resolve(__dirname, '../../../..');
const LAUNCHER = join(ROOT, 'packages/supergraph/dist/start-services.js');
const redisUrl = testRedisUrl();
const runsOnServers = hasRealPostgres() && redisUrl !== undefined;
if (!runsOnServers) {
  process.stderr.write('SKIPPED: start-services (the production shape) — it runs on real servers; DATABASE_URL and REDIS_URL are not both set\n');
}

const PORT_VARIABLES = ['PORT', 'USERS_PORT', 'PRODUCTS_PORT', 'INVENTORY_PORT', 'ORDERS_PORT', 'PAYMENTS_PORT', 'REVIEWS_PORT'];

interface Launched {
  readonly pid: number;
  readonly output: ChildOutput;
  signal(signal: NodeJS.Signals): void;
}

const launched: Launched[] = [];
const dataDirs: string[] = [];

function launch(env: Record<string, string | undefined>): Launched {
  if (!existsSync(LAUNCHER)) throw new Error(`${LAUNCHER} is missing: run \`pnpm build\` first`);
  const dataDir = mkdtempSync(join(tmpdir(), 'start-services-'));
  dataDirs.push(dataDir);
  const child = spawn(process.execPath, [LAUNCHER], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'],
      APOLLO_TELEMETRY_DISABLED: '1',
      DATA_DIR: dataDir,
      // Cheap password hashing: the demo customers are hashed when seeded.
      ARGON2_MEMORY_KIB: '1024',
      ARGON2_TIME_COST: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const started: Launched = { pid: child.pid!, output: watchOutput(child), signal: (signal) => child.kill(signal) };
  launched.push(started);
  return started;
}

afterAll(async () => {
  // Only if a test failed half-way: nothing it started may outlive it.
  for (const { pid, output, signal } of launched) {
    const tree = descendantPids(pid);
    signal('SIGKILL');
    await output.exited;
    for (const descendant of tree) if (isRunning(descendant)) process.kill(descendant, 'SIGKILL');
  }
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

describe('pnpm start:services', () => {
  it('refuses to start without DATABASE_URL and REDIS_URL, naming both', async () => {
    const { output } = launch({ DATABASE_URL: '', REDIS_URL: undefined });
    expect(await output.exited).toBe(1);
    expect(output.text()).toContain('DATABASE_URL: is required');
    expect(output.text()).toContain('REDIS_URL: is required');
  });

  it('stops and exits 1, naming the service, when one dies on its own', async () => {
    // Nothing listens on these: users cannot reach its database and exits, which must end the whole start.
    const closed = await freePort();
    const ports = await Promise.all(PORT_VARIABLES.map(async (variable) => [variable, String(await freePort())] as const));
    const { output } = launch({
      DATABASE_URL: `postgres://postgres@127.0.0.1:${closed}/nowhere`,
      REDIS_URL: `redis://127.0.0.1:${closed}`,
      LOG_LEVEL: 'warn',
      ...Object.fromEntries(ports),
    });
    expect(await output.exited).toBe(1);
    expect(output.text()).toMatch(/users exited unexpectedly \(code 1\): stopping the others/);
  });
});

(runsOnServers ? describe : describe.skip)('pnpm start:services on the real servers', () => {
  let database: TestDatabase;
  const keyPrefix = uniqueKeyPrefix('start-services');
  let services: Launched;
  let ports: Record<string, number>;
  /** Every process the launcher started, as found once all were ready. */
  let processes: number[];
  let gatewayUrl: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    ports = Object.fromEntries(await Promise.all(PORT_VARIABLES.map(async (variable) => [variable, await freePort()] as const)));
    services = launch({
      DATABASE_URL: database.url,
      DATABASE_POOL_MAX: '2',
      REDIS_URL: redisUrl,
      EVENTS_KEY_PREFIX: keyPrefix,
      SEED_DEMO_DATA: 'true',
      SUBGRAPH_WORKERS: '2',
      LOG_LEVEL: 'info',
      METRICS_PORT: String(await freePort()),
      ...Object.fromEntries(Object.entries(ports).map(([variable, port]) => [variable, String(port)])),
    });
    await services.output.waitFor((line) => line.includes('a process per service, ready in'), 'every service was ready');
    // The banner names the apps the gateway serves beside /graphql (issue #12).
    await services.output.waitFor((line) => line.includes('Ctrl+C to stop.'), 'the whole banner');
    expect(services.output.text()).toContain(`Storefront          http://localhost:${ports['PORT']}/\n`);
    expect(services.output.text()).toContain(`Admin               http://localhost:${ports['PORT']}/admin/\n`);
    processes = descendantPids(services.pid);
    gatewayUrl = `http://127.0.0.1:${ports['PORT']}/graphql`;
  }, 180_000);

  afterAll(async () => {
    await database?.drop();
    await deleteKeys(redisUrl!, keyPrefix);
  });

  it('runs each subgraph as a primary with 2 workers, and the gateway alone', () => {
    // payments on the simulated provider (its intents live in one process's memory) keeps to one process; the seven
    // others (users, products, inventory, orders, reviews, search, notifications) are a primary and 2 workers each.
    expect(processes).toHaveLength(7 + 7 * 2 + 1 + 1);
    expect(processes.filter((pid) => commandLine(pid).includes('subgraphs/payments/dist/main.js'))).toHaveLength(1);
    expect(processes.filter((pid) => commandLine(pid).includes('subgraphs/products/dist/main.js'))).toHaveLength(3);
  });

  it('serves the seeded listing, and a signed-in read whose token every worker verifies', async () => {
    const anonymous = createGraphQLClient({ url: gatewayUrl });
    const listing = await anonymous.request(ProductListingDocument, { first: 5 });
    expect(listing.products.edges).toHaveLength(5);

    const customer = DEMO_CUSTOMERS[0]!;
    const session = await anonymous.request(LogInDocument, { email: customer.email, password: customer.password });
    const signedIn = createGraphQLClient({ url: gatewayUrl, accessToken: () => session.logIn.accessToken });
    for (let request = 0; request < 4; request++) {
      expect((await signedIn.request(MyOrdersDocument, { first: 5 })).me?.orders.totalCount).toBeGreaterThan(0);
    }
  });

  it('replaces a subgraph worker that dies, and keeps serving', async () => {
    const productsPrimary = processes.find((pid) => commandLine(pid).includes('subgraphs/products/') && descendantPids(pid).length === 2)!;
    const [worker] = descendantPids(productsPrimary);
    process.kill(worker!, 'SIGKILL');
    await services.output.waitFor(
      (line) => line.startsWith('[products]') && line.includes('a new worker replaced the one that died'),
      'the products worker was replaced',
    );
    const listing = await createGraphQLClient({ url: gatewayUrl }).request(ProductListingDocument, { first: 5 });
    expect(listing.products.edges).toHaveLength(5);
  });

  it('stops every process it started on SIGTERM, and exits 0', async () => {
    const everyProcess = [...new Set([...descendantPids(services.pid), ...processes])];
    services.signal('SIGTERM');
    expect(await services.output.exited).toBe(0);
    expect(everyProcess.filter(isRunning)).toEqual([]);
  });
});

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}
