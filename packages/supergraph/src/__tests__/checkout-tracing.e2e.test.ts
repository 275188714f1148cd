import { randomBytes } from 'node:crypto';
import { DEMO_CUSTOMERS } from '@techally/demo-data';
import { createGraphQLClient, LogInDocument } from '@techally/web-client';
import { describeSpan, parentSpanIdOf, serviceNameOf, startInMemoryTracing, type InMemoryTracing, type ReadableSpan } from '@techally/testing';
import { CheckoutDriver } from './support/checkout-driver';
import { OrderStatusEvents } from './support/order-status-events';
import { signedInClient, startTestSupergraph, TEST_ADMIN, type TestSupergraph } from './support/test-supergraph';

// Tracing of the whole graph (issue #11): one checkout — placeOrder, the saga over the event bus, confirmPayment —
// is one trace joining the gateway's, orders', inventory's and payments' spans. The storefront's browser starts
// the trace (its own span's traceparent on every request of the checkout); everything else follows from it.
let tracing: InMemoryTracing;
let supergraph: TestSupergraph;
const ada = DEMO_CUSTOMERS[0]!;

let statusEvents: OrderStatusEvents | undefined;

beforeAll(async () => {
  tracing = startInMemoryTracing('supergraph');
  supergraph = await startTestSupergraph();
}, 180_000);

afterAll(async () => {
  await statusEvents?.stop();
  await supergraph?.stop();
  await tracing?.stop();
});

/** A customer whose every request carries `traceparent` — a browser with its own trace of the checkout. */
async function tracedCustomer(traceparent: string) {
  const withTrace: typeof fetch = (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), traceparent } });
  const session = await createGraphQLClient({ url: supergraph.gatewayUrl }).request(LogInDocument, { email: ada.email, password: ada.password });
  return createGraphQLClient({ url: supergraph.gatewayUrl, accessToken: () => session.logIn.accessToken, fetch: withTrace });
}

function consumerSpan(spans: ReadonlyArray<ReadableSpan>, service: string, type: string): ReadableSpan | undefined {
  return spans.find((span) => serviceNameOf(span) === service && span.name === `${type} process`);
}

describe('a traced checkout', () => {
  it('is one trace from the gateway through orders, inventory and payments, the event consumers children of their producers', async () => {
    const traceId = randomBytes(16).toString('hex');
    const browserSpanId = randomBytes(8).toString('hex');
    statusEvents = await OrderStatusEvents.follow(supergraph.bus);
    const driver = new CheckoutDriver(
      await tracedCustomer(`00-${traceId}-${browserSpanId}-01`),
      await signedInClient(supergraph, TEST_ADMIN.email, TEST_ADMIN.password),
      statusEvents,
    );
    const product = await driver.stockedProduct(3);

    const settled = await driver.checkout([{ productId: product.id, quantity: 1 }]);
    expect(settled.status).toBe('PAID');

    const inTrace = (spans: ReadonlyArray<ReadableSpan>) => spans.filter((span) => span.spanContext().traceId === traceId);
    // A span is exported when it ends, a child before its parent: a consumer still handling an event (notifications,
    // analytics, search…) has exported its SQL spans and not yet its own. The trace is read once every exported
    // span's parent is there too; a span whose parent never comes keeps this waiting and fails the test.
    const closed = (mine: ReadonlyArray<ReadableSpan>) => {
      const ids = new Set(mine.map((span) => span.spanContext().spanId));
      return mine.every((span) => {
        const parent = parentSpanIdOf(span);
        return parent === browserSpanId || (parent !== undefined && ids.has(parent));
      });
    };
    const spans = inTrace(
      await tracing.waitForSpans((all) => {
        const mine = inTrace(all);
        return (
          consumerSpan(mine, 'orders', 'payments.payment-succeeded.v1') !== undefined &&
          consumerSpan(mine, 'inventory', 'orders.order-paid.v1') !== undefined &&
          closed(mine)
        );
      }),
    );

    // Every service of the checkout, under the browser's one trace id.
    for (const service of ['gateway', 'orders', 'inventory', 'payments']) expect(spans.some((span) => serviceNameOf(span) === service)).toBe(true);
    // Apollo's own spans, under the gateway's server span.
    for (const name of ['POST /graphql', 'gateway.request', 'gateway.plan', 'gateway.fetch']) {
      expect(spans.some((span) => serviceNameOf(span) === 'gateway' && span.name === name)).toBe(true);
    }
    // The resolvers' work: SQL statements and loader batches of the subgraphs, inside the trace.
    expect(spans.some((span) => serviceNameOf(span) === 'orders' && span.attributes['db.system.name'] === 'postgresql')).toBe(true);
    expect(spans.some((span) => serviceNameOf(span) === 'inventory' && span.attributes['db.system.name'] === 'postgresql')).toBe(true);

    // One tree: each span's parent is a span of the trace, except the gateway's server spans, whose parent is
    // the browser's span (not exported here).
    const byId = new Map(spans.map((span) => [span.spanContext().spanId, span]));
    const orphans = spans.filter((span) => {
      const parent = parentSpanIdOf(span);
      return parent !== browserSpanId && (parent === undefined || !byId.has(parent));
    });
    expect(orphans.map(describeSpan)).toEqual([]);
    for (const root of spans.filter((span) => parentSpanIdOf(span) === browserSpanId)) {
      expect(describeSpan(root)).toBe('gateway: POST /graphql (SERVER)');
    }
    // Subgraph server spans are children of the gateway's fetches.
    for (const server of spans.filter((span) => span.name === 'POST /graphql' && serviceNameOf(span) !== 'gateway')) {
      expect(describeSpan(byId.get(parentSpanIdOf(server)!)!)).toBe('gateway: gateway.fetch (INTERNAL)');
    }

    // The saga hop by hop: each consumer's span is a child of a span of the service that wrote the event.
    const hops: ReadonlyArray<[consumer: string, type: string, producer: string]> = [
      ['inventory', 'orders.order-placed.v1', 'orders'],
      ['orders', 'inventory.stock-reserved.v1', 'inventory'],
      ['payments', 'orders.payment-requested.v1', 'orders'],
      ['orders', 'payments.payment-succeeded.v1', 'payments'],
      ['inventory', 'orders.order-paid.v1', 'orders'],
    ];
    for (const [consumer, type, producer] of hops) {
      const consumed = consumerSpan(spans, consumer, type);
      expect({ hop: `${type} → ${consumer}`, found: consumed !== undefined }).toEqual({ hop: `${type} → ${consumer}`, found: true });
      const parent = byId.get(parentSpanIdOf(consumed!)!);
      expect({ hop: `${type} → ${consumer}`, parentService: parent && serviceNameOf(parent) }).toEqual({ hop: `${type} → ${consumer}`, parentService: producer });
      expect(consumed!.attributes['messaging.consumer.group.name']).toEqual(expect.any(String));
    }
  }, 120_000);
});
