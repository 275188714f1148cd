import { randomUUID } from 'node:crypto';
import { createEvent, type AnyEventEnvelope, type EventBus, type EventPayload, type EventType } from '@techally/events';
import { createLogger } from '@techally/platform';
import { bearer, createTestDatabase, createTestSigningKey, postGraphQL, signTestToken, type GraphQLResponse, type TestDatabase } from '@techally/testing';
import { createLocalJWKSet } from 'jose';
import { createAnalyticsSubgraph, loadAnalyticsConfig, type AnalyticsSubgraph } from '../..';
import { recordSalesConsumer } from '../../sales/order-events.consumer';

const ISSUER = 'https://techally.test/users';
const AUDIENCE = 'techally-graph-test';

export const REPORT_ROW_FIELDS = `periodStart product { id } category { id } warehouse { id } currency ordersPlaced ordersPaid ordersFulfilled ordersCancelled
  cancellationsByReason { reason orders } units revenue { amount currency } averageOrderValue { amount } placedToPaidConversion refunds refunded { amount }`;

export const REPORT = `query Report($from: String!, $to: String!, $granularity: ReportGranularity, $groupBy: SalesReportGroupBy) {
  salesReport(from: $from, to: $to, granularity: $granularity, groupBy: $groupBy) { rows { ${REPORT_ROW_FIELDS} } }
}`;

/** One analytics subgraph on its own database, listening, with an admin's and a customer's tokens. */
export interface AnalyticsUnderTest {
  readonly subgraph: AnalyticsSubgraph;
  readonly database: TestDatabase;
  readonly url: string;
  readonly adminToken: string;
  readonly customerToken: string;
  /** Hands an event to the consumer directly, as the bus would (redelivery: the same envelope again). */
  deliver(envelope: AnyEventEnvelope): Promise<void>;
  /** POSTs a GraphQL operation (as the admin unless a token, or '' for none, is given). */
  graphql<T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  /** `salesReport`'s rows, failing on any error. */
  rows(variables: Record<string, unknown>): Promise<Array<Record<string, unknown>>>;
  stop(): Promise<void>;
}

export async function startAnalytics(bus: EventBus, env: Record<string, string> = {}): Promise<AnalyticsUnderTest> {
  const database = await createTestDatabase();
  const key = await createTestSigningKey('analytics-test');
  const subgraph = await createAnalyticsSubgraph(
    loadAnalyticsConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: database.url,
      DATABASE_POOL_MAX: String(database.poolMax),
      JWT_ISSUER: ISSUER,
      JWT_AUDIENCE: AUDIENCE,
      OUTBOX_POLL_INTERVAL_MS: '60000',
      OUTBOX_LISTEN: 'false',
      ...env,
    }),
    { logger: createLogger({ name: 'analytics', level: 'silent' }), accessTokenKeys: createLocalJWKSet({ keys: [key.publicJwk] }), processMetrics: false, bus },
  );
  await subgraph.migrate();
  const url = await subgraph.listen(0, '127.0.0.1');
  const token = (roles: string[]) => signTestToken(key, { sub: randomUUID(), roles, issuer: ISSUER, audience: AUDIENCE });
  const adminToken = await token(['CUSTOMER', 'ADMIN']);
  const customerToken = await token(['CUSTOMER']);
  const consumer = recordSalesConsumer(subgraph.orm);
  const graphql: AnalyticsUnderTest['graphql'] = (query, variables = {}, as = adminToken) => postGraphQL(url, query, variables, as ? bearer(as) : {});
  return {
    subgraph,
    database,
    url,
    adminToken,
    customerToken,
    deliver: (envelope) => consumer.handle(envelope, { deliveries: 1, group: 'analytics.record-sales', consumer: 'test' }),
    graphql,
    async rows(variables) {
      const response = await graphql<{ salesReport: { rows: Array<Record<string, unknown>> } }>(REPORT, variables);
      expect(response.errors).toBeUndefined();
      return response.data!.salesReport.rows;
    },
    async stop() {
      await subgraph.stop();
      await database.drop();
    },
  };
}

export function event<T extends EventType>(type: T, aggregateId: string, payload: EventPayload<T>, occurredAt: string): AnyEventEnvelope {
  return createEvent(type, aggregateId, payload, {}, { occurredAt: new Date(occurredAt) }) as AnyEventEnvelope;
}

export interface Line {
  readonly productId: string;
  readonly quantity: number;
  readonly unitPrice?: number;
  readonly name?: string;
}

/** The life of one order as events: placed (and reserved), then paid and fulfilled, or cancelled for a reason. */
export function orderEvents(
  day: string,
  lines: readonly Line[],
  amount: number,
  outcome: 'paid' | { cancelled: string },
  options: { allocations?: Array<{ productId: string; warehouseId: string; quantity: number }>; refund?: number | 'whole' } = {},
): AnyEventEnvelope[] {
  const orderId = randomUUID();
  const customerId = randomUUID();
  const total = { amount, currency: 'USD' };
  const items = lines.map((line) => ({
    productId: line.productId,
    quantity: line.quantity,
    ...(line.unitPrice !== undefined ? { unitPrice: { amount: line.unitPrice, currency: 'USD' } } : {}),
    ...(line.name !== undefined ? { name: line.name } : {}),
  }));
  const history = [event('orders.order-placed.v1', orderId, { orderId, customerId, items, total }, `${day}T10:00:00.000Z`)];
  if (options.allocations) {
    history.push(event('inventory.stock-reserved.v1', orderId, { orderId, reservationExpiresAt: `${day}T10:15:00.000Z`, allocations: options.allocations }, `${day}T10:00:01.000Z`));
  }
  if (outcome !== 'paid') return [...history, event('orders.order-cancelled.v1', orderId, { orderId, reason: outcome.cancelled }, `${day}T10:05:00.000Z`)];
  history.push(
    event('orders.order-paid.v1', orderId, { orderId, customerId, items, total }, `${day}T10:01:00.000Z`),
    event('orders.order-status-changed.v1', orderId, { orderId, customerId, status: 'FULFILLED', previousStatus: 'PAID' }, `${day}T18:00:00.000Z`),
  );
  if (options.refund !== undefined) {
    const refundAmount = options.refund === 'whole' ? {} : { amount: { amount: options.refund, currency: 'USD' } };
    history.push(event('payments.payment-refunded.v1', orderId, { orderId, paymentId: randomUUID(), ...refundAmount, reason: 'DAMAGED' }, `${day}T20:00:00.000Z`));
  }
  return history;
}

export function productEvent(productId: string, categoryId: string, occurredAt: string, created = false): AnyEventEnvelope {
  return created
    ? event('products.product-created.v1', productId, { productId, sku: `SKU-${productId.slice(0, 8)}`, categoryId }, occurredAt)
    : event('products.product-updated.v1', productId, { productId, sku: `SKU-${productId.slice(0, 8)}`, categoryId, previousCategoryId: null, changedFields: ['category'] }, occurredAt);
}

export function stockEvent(productId: string, warehouseId: string, warehouseCode: string, available: number, occurredAt: string): AnyEventEnvelope {
  return event('inventory.warehouse-stock-changed.v1', productId, { productId, warehouseId, warehouseCode, onHand: available + 1, reserved: 1, available }, occurredAt);
}
