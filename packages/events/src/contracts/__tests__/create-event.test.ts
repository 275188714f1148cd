import { randomUUID } from 'node:crypto';
import { createEvent, EventContractError, parseEnvelope, parseEnvelopeJson, type EventPayload } from '../../index';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function placedPayload(): EventPayload<'orders.order-placed.v1'> {
  return { orderId: randomUUID(), customerId: randomUUID(), items: [{ productId: randomUUID(), quantity: 3 }], total: { amount: 2_500, currency: 'USD' } };
}

function contractProblems(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof EventContractError) return [...error.problems];
    throw error;
  }
  throw new Error('expected an EventContractError');
}

describe('createEvent', () => {
  it('makes an envelope with a fresh UUID v4, the time as ISO 8601 and the payload as given', () => {
    const payload = placedPayload();
    const event = createEvent('orders.order-placed.v1', payload.orderId, payload, { requestId: 'req-7' });
    expect(event).toEqual({
      id: expect.stringMatching(UUID_V4),
      type: 'orders.order-placed.v1',
      occurredAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      aggregateId: payload.orderId,
      payload,
      metadata: { requestId: 'req-7' },
    });
    expect(createEvent('orders.order-placed.v1', payload.orderId, payload).id).not.toBe(event.id);
  });

  it('survives a JSON round trip unchanged (it is JSON-safe)', () => {
    const payload = placedPayload();
    const event = createEvent('orders.order-placed.v1', payload.orderId, payload, { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', requestId: undefined });
    expect(JSON.parse(JSON.stringify(event))).toEqual(event);
    expect(parseEnvelopeJson(JSON.stringify(event))).toEqual(event);
  });

  it('refuses, at the producer, a payload that breaks the contract, listing every problem', () => {
    const payload = { ...placedPayload(), items: [{ productId: 'p1', quantity: 0 }] };
    const problems = contractProblems(() => createEvent('orders.order-placed.v1', payload.orderId, payload));
    expect(problems).toEqual([
      'payload.items[0].productId: expected a UUID, got "p1"',
      'payload.items[0].quantity: expected an integer ≥ 1, got 0',
    ]);
  });

  it('refuses an empty aggregate id', () => {
    expect(contractProblems(() => createEvent('orders.order-cancelled.v1', '', { orderId: randomUUID(), reason: 'CUSTOMER_REQUESTED' }))).toEqual([
      'aggregateId: expected a trimmed non-empty string of at most 200 characters, got ""',
    ]);
  });
});

describe('parseEnvelope (what a consumer does before its handler sees anything)', () => {
  const valid = () => createEvent('inventory.stock-changed.v1', 'p', { productId: randomUUID(), available: 1, inStock: true });

  it('refuses an unknown type', () => {
    expect(() => parseEnvelope({ ...valid(), type: 'inventory.stock-changed.v2' })).toThrow('is not in the event catalogue');
  });

  it('refuses an envelope with a bad id, date or metadata', () => {
    const problems = contractProblems(() => parseEnvelope({ ...valid(), id: 42, occurredAt: '26/11/2026', metadata: { requestId: 7 } }));
    expect(problems).toEqual([
      'id: expected a UUID, got 42',
      'occurredAt: expected an ISO 8601 date-time with an offset, got "26/11/2026"',
      'metadata.requestId: expected a trimmed non-empty string of at most 1000 characters, got 7',
    ]);
  });

  it('refuses values JSON cannot carry faithfully (a Date object, NaN)', () => {
    expect(contractProblems(() => parseEnvelope({ ...valid(), payload: { productId: randomUUID(), available: Number.NaN, inStock: true } }))).toEqual([
      'payload.available: expected an integer ≥ 0, got NaN',
    ]);
    expect(() => parseEnvelope({ ...valid(), occurredAt: new Date() })).toThrow(EventContractError);
  });

  it('refuses text that is not JSON', () => {
    expect(() => parseEnvelopeJson('{"id":')).toThrow('the envelope is not valid JSON');
  });
});
