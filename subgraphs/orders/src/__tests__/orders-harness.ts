import type { EventBus } from '@techally/events';
import { createLogger } from '@techally/platform';
import {
  bearer,
  createTestDatabase,
  createTestSigningKey,
  postGraphQL,
  signTestToken,
  type GraphQLResponse,
  type TestDatabase,
} from '@techally/testing';
import { createLocalJWKSet, type JWTVerifyGetKey } from 'jose';
import { createOrdersSubgraph, loadOrdersConfig, type OrdersSubgraph } from '..';
import { ADDRESS_BOOKS, ADMIN, CUSTOMER_A, CUSTOMER_B, FIXTURE_PRODUCTS } from './fixtures';
import { startProductsStandIn, startUsersStandIn, type StandIn } from './stand-in-subgraphs';

const ISSUER = 'https://techally.test/users';
const AUDIENCE = 'techally-graph-test';

/**
 * An orders subgraph on a database of the test file's own, migrated and listening, with stand-ins for the users
 * and products subgraphs (from their committed SDL) and tokens for two customers and an administrator.
 */
export interface OrdersHarness {
  readonly subgraph: OrdersSubgraph;
  readonly database: TestDatabase;
  readonly url: string;
  readonly users: StandIn;
  readonly products: StandIn;
  readonly tokens: {
    /** CUSTOMER_A and CUSTOMER_B, customers. */
    readonly a: string;
    readonly b: string;
    /** ADMIN, with the CUSTOMER and ADMIN roles. */
    readonly admin: string;
    /** Claims to be CUSTOMER_A, signed by a key the subgraph does not trust. */
    readonly forged: string;
  };
  /** POST an operation, with `Authorization: Bearer <token>` when a token is given. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- specs assert on response shapes instead of typing each one
  query<Data = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<Data>>;
  /** Runs SQL against the orders database (assertions and the set-up of states only a later saga reaches). */
  sql<Row = Record<string, unknown>>(statement: string, params?: unknown[]): Promise<Row[]>;
  /** Rows per table (outbox events included), to prove a failed mutation wrote nothing. */
  tableCounts(): Promise<{ orders: number; items: number; changes: number; events: number }>;
  /** The outbox, in the order the relay publishes it; only one order's events when `orderId` is given. */
  outbox(orderId?: string): Promise<OutboxRow[]>;
  /** A second orders subgraph on the same database, configured with `env` on top (a service that is down). */
  startVariant(env: Record<string, string>): Promise<{ url: string; stop(): Promise<void> }>;
  stop(): Promise<void>;
}

/** An outbox row as the specs read it. */
export interface OutboxRow {
  readonly id: string;
  readonly type: string;
  readonly aggregateId: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- specs assert on payload shapes
  readonly payload: Record<string, any>;
  readonly metadata: Record<string, unknown>;
}

export interface OrdersHarnessOptions {
  /** The bus the subgraph uses (a spec that plays inventory and payments on it); its own in-memory one otherwise. */
  readonly bus?: EventBus;
  readonly clock?: () => Date;
  /** Environment on top of the harness's (e.g. a short ORDER_EXPIRY_SWEEP_INTERVAL_MS). */
  readonly env?: Record<string, string>;
}

/**
 * Starts the harness. Its subgraph runs the saga's workers (relay, consumers, sweeper) on its bus; the sweeper
 * waits an hour between sweeps unless `env` says otherwise, so it never races a spec's own given orders.
 */
export async function startOrdersHarness(options: OrdersHarnessOptions = {}): Promise<OrdersHarness> {
  const database = await createTestDatabase();
  const [users, products, key] = await Promise.all([
    startUsersStandIn(ADDRESS_BOOKS),
    startProductsStandIn(FIXTURE_PRODUCTS),
    createTestSigningKey('orders-test'),
  ]);
  const accessTokenKeys: JWTVerifyGetKey = createLocalJWKSet({ keys: [key.publicJwk] });
  const baseEnv = {
    DATABASE_URL: database.url,
    DATABASE_POOL_MAX: String(database.poolMax),
    JWT_ISSUER: ISSUER,
    JWT_AUDIENCE: AUDIENCE,
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    SUBGRAPH_USERS_URL: users.url,
    SUBGRAPH_PRODUCTS_URL: products.url,
    // LISTEN/NOTIFY needs a real server; on the embedded PGlite the relay polls.
    OUTBOX_LISTEN: database.kind === 'postgres' ? 'true' : 'false',
    OUTBOX_POLL_INTERVAL_MS: '250',
    ORDER_EXPIRY_SWEEP_INTERVAL_MS: '3600000',
    // Specs place many orders for one customer and leave them unpaid; the limits have a spec of their own.
    MAX_UNPAID_ORDERS_PER_CUSTOMER: '10000',
    MAX_UNPAID_UNITS_PER_PRODUCT: '10000',
    ...options.env,
  };
  // ORDERS_TEST_LOG_LEVEL=error shows what was masked as INTERNAL_SERVER_ERROR when a spec fails.
  const logger = () => createLogger({ name: 'orders', level: (process.env['ORDERS_TEST_LOG_LEVEL'] as 'error' | undefined) ?? 'silent' });
  const start = async (env: Record<string, string>) => {
    const subgraph = await createOrdersSubgraph(loadOrdersConfig({ ...baseEnv, ...env }), {
      accessTokenKeys,
      logger: logger(),
      processMetrics: false,
      ...(options.bus ? { bus: options.bus } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
    });
    return { subgraph, url: await subgraph.listen(0) };
  };
  const { subgraph, url } = await start({});
  await subgraph.migrate();

  const sign = (sub: string, roles: string[], signingKey = key) => signTestToken(signingKey, { sub, roles, issuer: ISSUER, audience: AUDIENCE });
  const tokens = {
    a: await sign(CUSTOMER_A, ['CUSTOMER']),
    b: await sign(CUSTOMER_B, ['CUSTOMER']),
    admin: await sign(ADMIN, ['CUSTOMER', 'ADMIN']),
    forged: await sign(CUSTOMER_A, ['CUSTOMER', 'ADMIN'], await createTestSigningKey('orders-test')),
  };
  const sql = <Row>(statement: string, params: unknown[] = []) =>
    subgraph.orm.em.fork().getConnection().execute<Row[]>(statement, params);

  return {
    subgraph,
    database,
    url,
    users,
    products,
    tokens,
    query: (query, variables = {}, token) => postGraphQL(url, query, variables, token ? bearer(token) : {}),
    sql,
    async tableCounts() {
      const [row] = await sql<{ orders: number; items: number; changes: number; events: number }>(
        `select (select count(*)::int from orders."order") as orders,
                (select count(*)::int from orders.order_item) as items,
                (select count(*)::int from orders.order_status_change) as changes,
                (select count(*)::int from orders.outbox) as events`,
      );
      return row as { orders: number; items: number; changes: number; events: number };
    },
    async outbox(orderId) {
      const rows = await sql<{ id: string; type: string; aggregate_id: string; payload: OutboxRow['payload']; metadata: Record<string, unknown> }>(
        `select id, type, aggregate_id, payload, metadata from orders.outbox
         where ?::text is null or aggregate_id = ? order by position`,
        [orderId ?? null, orderId ?? null],
      );
      return rows.map((row) => ({ id: row.id, type: row.type, aggregateId: row.aggregate_id, payload: row.payload, metadata: row.metadata }));
    },
    async startVariant(env) {
      const variant = await start(env);
      return { url: variant.url, stop: () => variant.subgraph.stop() };
    },
    async stop() {
      await subgraph.stop();
      await Promise.all([users.stop(), products.stop()]);
      await database.drop();
    },
  };
}

/** A fresh idempotency key per call, so specs never collide by accident. */
let keys = 0;
export function newIdempotencyKey(): string {
  keys += 1;
  return `spec-${process.pid}-${Date.now().toString(36)}-${keys}`;
}
