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
} from '@techally/testing';
import type { EventBus } from '@techally/events';
import { createLocalJWKSet } from 'jose';
import { createProductsSubgraph, loadProductsConfig, type ProductsConfig, type ProductsSubgraph } from '..';

/** A products subgraph on its own fresh database, migrated, seeded and listening, plus tokens to call it with. */
export interface ProductsHarness {
  readonly subgraph: ProductsSubgraph;
  readonly database: TestDatabase;
  readonly url: string;
  readonly adminToken: string;
  readonly customerToken: string;
  /** Signed by a key the subgraph does not trust. */
  readonly foreignToken: string;
  /** POST an operation, optionally with a bearer token. */
  query<Data = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GraphQLResponse<Data>>;
  /** Runs SQL on the subgraph's database (assertions on what was, or was not, written). */
  sql<Row = Record<string, unknown>>(statement: string, params?: unknown[]): Promise<Row[]>;
  stop(): Promise<void>;
}

export interface ProductsHarnessOptions {
  readonly seed?: boolean;
  /**
   * The bus the subgraph's outbox relay publishes to (the caller closes it), with the relay polling every 20 ms
   * (and LISTENing on a real server). Without it the subgraph opens its own in-memory bus and its relay polls
   * at start, then every minute.
   */
  readonly bus?: EventBus;
}

const ISSUER = 'https://techally.test/users';
const AUDIENCE = 'techally-graph-test';

export async function startProductsHarness(options: ProductsHarnessOptions = {}): Promise<ProductsHarness> {
  const database = await createTestDatabase();
  const config: ProductsConfig = loadProductsConfig({
    DATABASE_URL: database.url,
    DATABASE_POOL_MAX: String(database.poolMax),
    JWT_ISSUER: ISSUER,
    JWT_AUDIENCE: AUDIENCE,
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    OUTBOX_POLL_INTERVAL_MS: options.bus ? '20' : '60000',
    OUTBOX_LISTEN: options.bus && database.kind === 'postgres' ? 'true' : 'false',
  });
  const key = await createTestSigningKey('products-test');
  const subgraph = await createProductsSubgraph(config, {
    accessTokenKeys: createLocalJWKSet({ keys: [key.publicJwk] }),
    ...(options.bus ? { bus: options.bus } : {}),
  });
  await subgraph.migrate();
  if (options.seed ?? true) await subgraph.seed();
  const url = await listenAfterFirstRelayPoll(subgraph);
  const sign = (signingKey: TestSigningKey, roles: string[]) =>
    signTestToken(signingKey, { sub: `user-${roles.join('-') || 'none'}`, roles, issuer: ISSUER, audience: AUDIENCE });
  const [adminToken, customerToken, foreignToken] = await Promise.all([
    sign(key, ['CUSTOMER', 'ADMIN']),
    sign(key, ['CUSTOMER']),
    createTestSigningKey('someone-else').then((other) => sign(other, ['ADMIN'])),
  ]);
  return {
    subgraph,
    database,
    url,
    adminToken,
    customerToken,
    foreignToken,
    query: (query, variables = {}, token) => postGraphQL(url, query, variables, token ? bearer(token) : {}),
    sql: (statement, params = []) => subgraph.orm.em.fork().getConnection().execute(statement, params),
    async stop() {
      await subgraph.stop();
      await database.drop();
    },
  };
}
