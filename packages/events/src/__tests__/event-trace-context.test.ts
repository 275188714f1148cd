import { randomUUID } from 'node:crypto';
import { activeTraceparent, inSpan } from '@techally/platform';
import { parentSpanIdOf, serviceNameOf, startInMemoryTracing, type InMemoryTracing } from '@techally/testing';
import { consumerWorker, createEvent, createInMemoryEventBus, defineConsumer, type AnyEventEnvelope, type EventBus } from '../index';
import { orderPlaced } from './support/sample-events';

// The W3C trace context an event carries in its metadata (stored in the outbox row's `metadata`, sent in the
// bus's envelope): how a saga's consumers join the trace of the request that started it (issue #11).
const TRACEPARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

describe('without tracing', () => {
  it('an event keeps the traceparent it was given (a client header forwarded), and has none when given none', () => {
    const orderId = randomUUID();
    const payload = { orderId, reason: 'CUSTOMER_REQUESTED' };
    expect(createEvent('orders.order-cancelled.v1', orderId, payload, { traceparent: TRACEPARENT }).metadata).toEqual({ traceparent: TRACEPARENT });
    expect(createEvent('orders.order-cancelled.v1', orderId, payload).metadata).toEqual({});
  });
});

describe('with tracing', () => {
  let tracing: InMemoryTracing;
  let bus: EventBus;
  beforeAll(() => {
    tracing = startInMemoryTracing('events-test');
  });
  beforeEach(() => {
    bus = createInMemoryEventBus();
  });
  afterEach(() => bus.close());
  afterAll(() => tracing.stop());

  /** Subscribes `service` as the consumer of order-placed; resolves with what its handler saw of each event. */
  async function consume(service: string) {
    const seen: Array<{ event: AnyEventEnvelope; traceparent: string | undefined }> = [];
    let arrived: () => void = () => undefined;
    const next = () => new Promise<void>((resolve) => (arrived = resolve));
    const worker = consumerWorker(
      bus,
      defineConsumer({
        group: `${service}.test-${randomUUID()}`,
        types: ['orders.order-placed.v1'],
        handle: async (event) => {
          seen.push({ event, traceparent: activeTraceparent() });
          arrived();
        },
      }),
      service,
    );
    await worker.start();
    return { seen, next, stop: () => worker.stop() };
  }

  it('an event made inside a span carries that span’s traceparent, over the one it was given', async () => {
    const event = await inSpan('placeOrder', { service: 'orders' }, async (span) => {
      const made = createEvent('orders.order-cancelled.v1', randomUUID(), { orderId: randomUUID(), reason: 'CUSTOMER_REQUESTED' }, { traceparent: TRACEPARENT, requestId: 'r-1' });
      return { made, spanContext: span!.spanContext() };
    });
    expect(event.made.metadata).toEqual({ requestId: 'r-1', traceparent: `00-${event.spanContext.traceId}-${event.spanContext.spanId}-01` });
  });

  it('a consumer handles the event in a CONSUMER span of its own service, child of the span that made the event', async () => {
    const consumer = await consume('inventory');
    const arrived = consumer.next();
    const producer = await inSpan('placeOrder', { service: 'orders' }, async (span) => {
      await bus.publish(orderPlaced());
      return span!.spanContext();
    });
    await arrived;
    const spans = await tracing.waitForSpans((all) => all.some((span) => span.name === 'orders.order-placed.v1 process'));
    const consumed = spans.find((span) => span.name === 'orders.order-placed.v1 process')!;
    expect(consumed.spanContext().traceId).toBe(producer.traceId);
    expect(parentSpanIdOf(consumed)).toBe(producer.spanId);
    expect(serviceNameOf(consumed)).toBe('inventory');
    expect(consumed.attributes).toMatchObject({ 'messaging.operation.type': 'process', 'messaging.message.id': consumer.seen[0]!.event.id });
    // What the handler writes in turn continues from the consumer's span.
    expect(consumer.seen[0]!.traceparent).toBe(`00-${producer.traceId}-${consumed.spanContext().spanId}-01`);
    await consumer.stop();
  });

  it('an event without a traceparent (an outbox row older than tracing) is consumed all the same, in a trace of its own', async () => {
    const consumer = await consume('inventory');
    const arrived = consumer.next();
    const old = orderPlaced(); // made outside any span: no traceparent
    expect(old.metadata).toEqual({});
    await bus.publish(old);
    await arrived;
    expect(consumer.seen.map(({ event }) => event.id)).toEqual([old.id]);
    const spans = await tracing.waitForSpans((all) => all.some((span) => span.attributes['messaging.message.id'] === old.id));
    const consumed = spans.find((span) => span.attributes['messaging.message.id'] === old.id)!;
    expect(parentSpanIdOf(consumed)).toBeUndefined();
    await consumer.stop();
  });

  it('a malformed traceparent is ignored: the event is consumed in a trace of its own', async () => {
    const consumer = await consume('inventory');
    const arrived = consumer.next();
    const event = { ...orderPlaced(), metadata: { traceparent: 'not-a-traceparent' } } as AnyEventEnvelope;
    await bus.publish(event);
    await arrived;
    expect(consumer.seen.map(({ event: seen }) => seen.id)).toEqual([event.id]);
    await consumer.stop();
  });
});
