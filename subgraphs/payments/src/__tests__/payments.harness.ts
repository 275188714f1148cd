import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  createEvent,
  createInMemoryEventBus,
  OUTBOX_ENTITY,
  type AnyEventEnvelope,
  type EventBus,
  type EventConsumer,
  type OutboxMessage,
} from '@techally/events';
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
import { createLocalJWKSet } from 'jose';
import { createPaymentsSubgraph, loadPaymentsConfig, SimulatedPaymentProvider, type PaymentsSubgraph } from '..';
import { CancelledOrder } from '../order-events/cancelled-order.entity';
import { followOrdersConsumer } from '../order-events/follow-orders.consumer';
import { PaymentAttempt } from '../payment/payment-attempt.entity';
import { Payment } from '../payment/payment.entity';
import type { PaymentProvider } from '../provider/payment-provider';
import { StripeWebhookEvent } from '../stripe-webhook/stripe-webhook-event.entity';

/** Two customers and an admin, with fixed ids (the customers' are the demo shop's Ada and Grace). */
export const CUSTOMER_A = '6f1c1f0e-8a4b-4c53-9a38-2f5d6a1b0001';
export const CUSTOMER_B = '6f1c1f0e-8a4b-4c53-9a38-2f5d6a1b0002';
export const ADMIN = '6f1c1f0e-8a4b-4c53-9a38-2f5d6a1b00ad';

/** A card that expires well after any test run. */
export const card = (number: string) => ({ number, expMonth: 12, expYear: new Date().getUTCFullYear() + 5, cvc: '123' });

export const CONFIRM = `mutation Confirm($input: ConfirmPaymentInput!) {
  confirmPayment(input: $input) { id status attempts failureCode provider amount { amount currency formatted } order { id } }
}`;

/** An order as the orders subgraph describes it in its events. */
export interface FixtureOrder {
  readonly id: string;
  readonly customerId: string;
  readonly total: { readonly amount: number; readonly currency: string };
}

/** A payments subgraph on its own fresh database and in-memory bus, with tokens to call it with. */
export interface PaymentsHarness<P extends PaymentProvider = SimulatedPaymentProvider> {
  readonly subgraph: PaymentsSubgraph;
  readonly provider: P;
  readonly bus: EventBus;
  readonly database: TestDatabase;
  readonly url: string;
  /** The server's base URL (`http://127.0.0.1:port`), for plain routes. */
  readonly baseUrl: string;
  readonly tokens: { readonly a: string; readonly b: string; readonly admin: string; readonly foreign: string };
  /** An order of customer A for $123.45 unless told otherwise (nothing is sent anywhere). */
  order(overrides?: Partial<FixtureOrder>): FixtureOrder;
  /** `orders.payment-requested.v1` for the order, as the orders subgraph writes it. */
  paymentRequested(order: FixtureOrder): AnyEventEnvelope;
  /** `orders.order-cancelled.v1` for the order. */
  orderCancelled(orderId: string, reason?: string): AnyEventEnvelope;
  /**
   * Hands an event to the `payments.follow-orders` consumer directly, as one delivery of the bus would (the
   * handler the subgraph's worker runs, on the subgraph's own ORM and provider); resolves when it is handled.
   */
  deliver(event: AnyEventEnvelope): Promise<void>;
  /** A new order that awaits payment: its payment request delivered, so its payment and intent exist. */
  awaitingPayment(overrides?: Partial<FixtureOrder>): Promise<FixtureOrder>;
  query<Data = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<Data>>;
  /** Confirms the order's payment as customer A (unless another token is given). */
  confirm<Data = { confirmPayment: { id: string; status: string; attempts: number; failureCode: string | null } }>(
    orderId: string,
    number: string,
    token?: string,
  ): Promise<GraphQLResponse<Data>>;
  /** Rows in the payments schema, to prove what a request wrote (or did not). */
  rows(): Promise<{ payments: Payment[]; attempts: PaymentAttempt[]; cancelled: CancelledOrder[]; webhookEvents: StripeWebhookEvent[] }>;
  /** The order's payment as stored now (or undefined). */
  paymentOf(orderId: string): Promise<Payment | undefined>;
  /** The events payments wrote to its outbox about one order, oldest first. */
  eventsOf(orderId: string): Promise<Array<{ type: string; payload: Record<string, unknown> }>>;
  stop(): Promise<void>;
}

const ISSUER = 'https://techally.test/users';
const AUDIENCE = 'techally-graph-test';

export interface PaymentsHarnessOptions<P extends PaymentProvider> {
  /** Default: a fresh SimulatedPaymentProvider (unless `env` configures Stripe). */
  readonly provider?: P;
  /** More environment for the configuration (Stripe's variables, the refund sweep's interval). */
  readonly env?: Record<string, string>;
}

export async function startPaymentsHarness<P extends PaymentProvider = SimulatedPaymentProvider>(
  options: PaymentsHarnessOptions<P> = {},
): Promise<PaymentsHarness<P>> {
  const database = await createTestDatabase();
  const config = loadPaymentsConfig({
    DATABASE_URL: database.url,
    DATABASE_POOL_MAX: String(database.poolMax),
    JWT_ISSUER: ISSUER,
    JWT_AUDIENCE: AUDIENCE,
    LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
    NODE_ENV: 'test',
    OUTBOX_LISTEN: String(database.kind === 'postgres'),
    ...options.env,
  });
  const logger = createLogger({ name: 'payments-test', level: config.logLevel });
  const key = await createTestSigningKey('payments-test');
  // Short claim times: an event whose handler failed comes back within a test, not after 30 s.
  const bus = createInMemoryEventBus({ consumer: { claimMinIdleMs: 300, claimIntervalMs: 100, blockMs: 200 } });
  const provider = options.provider ?? (config.stripe ? undefined : new SimulatedPaymentProvider());
  const subgraph = await createPaymentsSubgraph(config, {
    accessTokenKeys: createLocalJWKSet({ keys: [key.publicJwk] }),
    logger,
    bus,
    ...(provider ? { provider } : {}),
  });
  await subgraph.migrate();
  const url = await subgraph.listen(0);
  const consumer: EventConsumer = followOrdersConsumer({ orm: subgraph.orm, provider: subgraph.provider, logger, clock: () => new Date() });
  const sign = (sub: string, roles: string[]) => signTestToken(key, { sub, roles, issuer: ISSUER, audience: AUDIENCE });
  const [a, b, admin, foreign] = await Promise.all([
    sign(CUSTOMER_A, ['CUSTOMER']),
    sign(CUSTOMER_B, ['CUSTOMER']),
    sign(ADMIN, ['CUSTOMER', 'ADMIN']),
    createTestSigningKey('someone-else').then((other) =>
      signTestToken(other, { sub: CUSTOMER_A, roles: ['ADMIN'], issuer: ISSUER, audience: AUDIENCE }),
    ),
  ]);
  const fork = () => subgraph.orm.em.fork() as EntityManager;

  const harness: PaymentsHarness<P> = {
    subgraph,
    provider: subgraph.provider as P,
    bus,
    database,
    url,
    baseUrl: new URL(url).origin,
    tokens: { a, b, admin, foreign },
    order: (overrides = {}) => ({ id: randomUUID(), customerId: CUSTOMER_A, total: { amount: 12_345, currency: 'USD' }, ...overrides }),
    paymentRequested: (order) =>
      createEvent('orders.payment-requested.v1', order.id, {
        orderId: order.id,
        customerId: order.customerId,
        amount: order.total,
        payBy: new Date(Date.now() + 15 * 60_000).toISOString(),
      }),
    orderCancelled: (orderId, reason = 'CUSTOMER_REQUESTED') => createEvent('orders.order-cancelled.v1', orderId, { orderId, reason }),
    deliver: (event) => consumer.handle(event, { deliveries: 1, group: consumer.group, consumer: 'payments-test' }),
    async awaitingPayment(overrides = {}) {
      const order = harness.order(overrides);
      await harness.deliver(harness.paymentRequested(order));
      return order;
    },
    query: (query, variables = {}, token) => postGraphQL(url, query, variables, token ? bearer(token) : {}),
    confirm: (orderId, number, token = a) => postGraphQL(url, CONFIRM, { input: { orderId, card: card(number) } }, bearer(token)),
    async rows() {
      const em = fork();
      return {
        payments: await em.find(Payment, {}, { orderBy: { createdAt: 'asc' } }),
        attempts: await em.find(PaymentAttempt, {}, { orderBy: { at: 'asc', number: 'asc' } }),
        cancelled: await em.find(CancelledOrder, {}),
        webhookEvents: await em.find(StripeWebhookEvent, {}, { orderBy: { receivedAt: 'asc' } }),
      };
    },
    async paymentOf(orderId) {
      return (await fork().findOne(Payment, { orderId })) ?? undefined;
    },
    async eventsOf(orderId) {
      const rows = await fork().find<OutboxMessage>(OUTBOX_ENTITY, { aggregateId: orderId }, { orderBy: { position: 'asc' } });
      return rows.map((row) => ({ type: row.type, payload: row.payload as Record<string, unknown> }));
    },
    async stop() {
      await subgraph.stop();
      await bus.close();
      await database.drop();
    },
  };
  return harness;
}

/**
 * Polls until `probe` answers something other than undefined/false (a safety bound, never a timed assertion:
 * it fails only when the thing never happens).
 */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
