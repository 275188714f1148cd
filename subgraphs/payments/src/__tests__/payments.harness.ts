import { randomUUID } from 'node:crypto';
import {
  bearer,
  createTestDatabase,
  createTestSigningKey,
  postGraphQL,
  signTestToken,
  type GraphQLResponse,
  type TestDatabase,
} from '@techally/testing';
import { createLocalJWKSet } from 'jose';
import { createPaymentsSubgraph, loadPaymentsConfig, SimulatedPaymentProvider, type PaymentsSubgraph } from '..';
import { Payment } from '../payment/payment.entity';
import { PaymentAttempt } from '../payment/payment-attempt.entity';
import { startOrdersStandIn, type FixtureOrder, type OrdersStandIn } from './orders.stand-in';

/** Two customers and an admin, with fixed ids (the customers' are the demo shop's Ada and Grace). */
export const CUSTOMER_A = '6f1c1f0e-8a4b-4c53-9a38-2f5d6a1b0001';
export const CUSTOMER_B = '6f1c1f0e-8a4b-4c53-9a38-2f5d6a1b0002';
export const ADMIN = '6f1c1f0e-8a4b-4c53-9a38-2f5d6a1b00ad';

/** A card that expires well after any test run. */
export const card = (number: string) => ({ number, expMonth: 12, expYear: new Date().getUTCFullYear() + 5, cvc: '123' });

export const CONFIRM = `mutation Confirm($input: ConfirmPaymentInput!) {
  confirmPayment(input: $input) { id status attempts failureCode provider amount { amount currency formatted } order { id } }
}`;

/** A payments subgraph on its own fresh database, an orders stand-in it asks, and tokens to call it with. */
export interface PaymentsHarness {
  readonly subgraph: PaymentsSubgraph;
  readonly provider: SimulatedPaymentProvider;
  readonly orders: OrdersStandIn;
  readonly database: TestDatabase;
  readonly url: string;
  readonly tokens: { readonly a: string; readonly b: string; readonly admin: string; readonly foreign: string };
  /** A new order in the stand-in (customer A's, PENDING, $123.45 unless told otherwise). */
  order(overrides?: Partial<FixtureOrder>): FixtureOrder;
  query<Data = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<Data>>;
  /** Rows in the payments schema, to prove what a request wrote (or did not). */
  rows(): Promise<{ payments: Payment[]; attempts: PaymentAttempt[] }>;
  stop(): Promise<void>;
}

const ISSUER = 'https://techally.test/users';
const AUDIENCE = 'techally-graph-test';

export interface PaymentsHarnessOptions {
  /** Where the payments subgraph looks for the orders subgraph (default: the stand-in). */
  readonly ordersUrl?: string;
  /** Default: a fresh SimulatedPaymentProvider. */
  readonly provider?: SimulatedPaymentProvider;
}

export async function startPaymentsHarness(options: PaymentsHarnessOptions = {}): Promise<PaymentsHarness> {
  const database = await createTestDatabase();
  const orders = await startOrdersStandIn();
  const config = loadPaymentsConfig({
    DATABASE_URL: database.url,
    DATABASE_POOL_MAX: String(database.poolMax),
    JWT_ISSUER: ISSUER,
    JWT_AUDIENCE: AUDIENCE,
    SUBGRAPH_ORDERS_URL: options.ordersUrl ?? orders.url,
    SERVICE_TIMEOUT_MS: '5000',
    LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
    NODE_ENV: 'test',
  });
  const key = await createTestSigningKey('payments-test');
  const provider = options.provider ?? new SimulatedPaymentProvider();
  const subgraph = await createPaymentsSubgraph(config, {
    accessTokenKeys: createLocalJWKSet({ keys: [key.publicJwk] }),
    provider,
  });
  await subgraph.migrate();
  const url = await subgraph.listen(0);
  const sign = (sub: string, roles: string[]) => signTestToken(key, { sub, roles, issuer: ISSUER, audience: AUDIENCE });
  const [a, b, admin, foreign] = await Promise.all([
    sign(CUSTOMER_A, ['CUSTOMER']),
    sign(CUSTOMER_B, ['CUSTOMER']),
    sign(ADMIN, ['CUSTOMER', 'ADMIN']),
    createTestSigningKey('someone-else').then((other) =>
      signTestToken(other, { sub: CUSTOMER_A, roles: ['ADMIN'], issuer: ISSUER, audience: AUDIENCE }),
    ),
  ]);
  return {
    subgraph,
    provider,
    orders,
    database,
    url,
    tokens: { a, b, admin, foreign },
    order(overrides = {}) {
      const order: FixtureOrder = {
        id: randomUUID(),
        customerId: CUSTOMER_A,
        status: 'PENDING',
        total: { amount: 12_345, currency: 'USD' },
        ...overrides,
      };
      orders.put(order);
      return order;
    },
    query: (query, variables = {}, token) => postGraphQL(url, query, variables, token ? bearer(token) : {}),
    async rows() {
      const em = subgraph.orm.em.fork();
      return {
        payments: await em.find(Payment, {}, { orderBy: { createdAt: 'asc' } }),
        attempts: await em.find(PaymentAttempt, {}, { orderBy: { at: 'asc', number: 'asc' } }),
      };
    },
    async stop() {
      await subgraph.stop();
      await orders.stop();
      await database.drop();
    },
  };
}
