import type { EventBus } from '@techally/events';
import {
  bearer,
  createTestDatabase,
  createTestSigningKey,
  listenAfterFirstRelayPoll,
  postGraphQL,
  signTestToken,
  type GraphQLResponse,
  type TestDatabase,
  type TestSigningKey,
  startProductsStandIn,
  type ProductsStandIn,
} from '@techally/testing';
import { createLocalJWKSet } from 'jose';
import { createInventorySubgraph, loadInventoryConfig, type InventorySubgraph } from '..';

/** An inventory subgraph on its own fresh database, migrated, (seeded,) listening, with tokens to call it with. */
export interface InventoryHarness {
  readonly subgraph: InventorySubgraph;
  readonly database: TestDatabase;
  readonly url: string;
  /** The products subgraph inventory asks (built from its committed SDL); absent when `productsUrl` was given. */
  readonly products: ProductsStandIn | undefined;
  readonly adminId: string;
  readonly adminToken: string;
  readonly customerToken: string;
  /** Signed by a key the subgraph does not trust. */
  readonly foreignToken: string;
  query<Data = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GraphQLResponse<Data>>;
  /** Runs SQL on the subgraph's database (assertions on what was, or was not, written). */
  sql<Row = Record<string, unknown>>(statement: string, params?: unknown[]): Promise<Row[]>;
  stop(): Promise<void>;
}

const ISSUER = 'https://techally.test/users';
const AUDIENCE = 'techally-graph-test';
export const ADMIN_ID = 'a7d1c0de-0000-4000-8000-00000000ad01';
const CUSTOMER_ID = 'a7d1c0de-0000-4000-8000-00000000c001';

export interface HarnessOptions {
  readonly seed?: boolean;
  /** Where inventory finds products; defaults to a stand-in started for the harness. */
  readonly productsUrl?: string;
  /**
   * The bus the subgraph's relay publishes to and its consumers read (the caller closes it), with the relay
   * polling every 20 ms (and LISTENing on a real server). Without it the subgraph opens its own in-memory bus
   * and its relay polls once, at start, then every minute: statement-counting specs see only their own SQL.
   */
  readonly bus?: EventBus;
  /** RESERVATION_TTL_SECONDS; default 600. */
  readonly reservationTtlSeconds?: number;
}

export async function startInventoryHarness(options: HarnessOptions = {}): Promise<InventoryHarness> {
  const database = await createTestDatabase();
  const products = options.productsUrl ? undefined : await startProductsStandIn();
  const config = loadInventoryConfig({
    DATABASE_URL: database.url,
    DATABASE_POOL_MAX: String(database.poolMax),
    JWT_ISSUER: ISSUER,
    JWT_AUDIENCE: AUDIENCE,
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    SUBGRAPH_PRODUCTS_URL: options.productsUrl ?? products!.url,
    OUTBOX_POLL_INTERVAL_MS: options.bus ? '20' : '60000',
    OUTBOX_LISTEN: options.bus && database.kind === 'postgres' ? 'true' : 'false',
    ...(options.reservationTtlSeconds !== undefined ? { RESERVATION_TTL_SECONDS: String(options.reservationTtlSeconds) } : {}),
  });
  const key = await createTestSigningKey('inventory-test');
  const subgraph = await createInventorySubgraph(config, {
    accessTokenKeys: createLocalJWKSet({ keys: [key.publicJwk] }),
    processMetrics: false,
    ...(options.bus ? { bus: options.bus } : {}),
  });
  await subgraph.migrate();
  if (options.seed ?? true) await subgraph.seed();
  const url = await listenAfterFirstRelayPoll(subgraph);
  const sign = (signingKey: TestSigningKey, sub: string, roles: string[]) =>
    signTestToken(signingKey, { sub, roles, issuer: ISSUER, audience: AUDIENCE });
  const [adminToken, customerToken, foreignToken] = await Promise.all([
    sign(key, ADMIN_ID, ['CUSTOMER', 'ADMIN']),
    sign(key, CUSTOMER_ID, ['CUSTOMER']),
    createTestSigningKey('someone-else').then((other) => sign(other, ADMIN_ID, ['ADMIN'])),
  ]);
  return {
    subgraph,
    database,
    url,
    products,
    adminId: ADMIN_ID,
    adminToken,
    customerToken,
    foreignToken,
    query: (query, variables = {}, token) => postGraphQL(url, query, variables, token ? bearer(token) : {}),
    sql: (statement, params = []) => subgraph.orm.em.fork().getConnection().execute(statement, params),
    async stop() {
      await subgraph.stop();
      await products?.stop();
      await database.drop();
    },
  };
}
