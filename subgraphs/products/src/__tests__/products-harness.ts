import {
  bearer,
  createTestDatabase,
  createTestSigningKey,
  postGraphQL,
  signTestToken,
  type GraphQLResponse,
  type TestDatabase,
  type TestSigningKey,
} from '@techally/testing';
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
  stop(): Promise<void>;
}

const ISSUER = 'https://techally.test/users';
const AUDIENCE = 'techally-graph-test';

export async function startProductsHarness(options: { seed?: boolean } = {}): Promise<ProductsHarness> {
  const database = await createTestDatabase();
  const config: ProductsConfig = loadProductsConfig({
    DATABASE_URL: database.url,
    DATABASE_POOL_MAX: String(database.poolMax),
    JWT_ISSUER: ISSUER,
    JWT_AUDIENCE: AUDIENCE,
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
  });
  const key = await createTestSigningKey('products-test');
  const subgraph = await createProductsSubgraph(config, {
    accessTokenKeys: createLocalJWKSet({ keys: [key.publicJwk] }),
  });
  await subgraph.migrate();
  if (options.seed ?? true) await subgraph.seed();
  const url = await subgraph.listen(0);
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
    async stop() {
      await subgraph.stop();
      await database.drop();
    },
  };
}
