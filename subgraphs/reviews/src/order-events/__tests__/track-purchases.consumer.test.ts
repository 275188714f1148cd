import { createEvent } from '@techally/events';
import { paidOrderOf, TRACK_PURCHASES, trackPurchasesConsumer } from '../track-purchases.consumer';

const ORDER = '3f0c9a52-1d7e-4c1a-9a39-5b2a8e0c0001';
const CUSTOMER = '3f0c9a52-1d7e-4c1a-9a39-5b2a8e0c0002';
const [KEYBOARD, MOUSE] = ['3f0c9a52-1d7e-4c1a-9a39-5b2a8e0c0003', '3f0c9a52-1d7e-4c1a-9a39-5b2a8e0c0004'];

describe('the reviews.track-purchases consumer', () => {
  it('reads who bought which products in which order, paid when the event occurred', () => {
    const paidAt = new Date('2026-05-04T12:30:00.000Z');
    const event = createEvent(
      'orders.order-paid.v1',
      ORDER,
      {
        orderId: ORDER,
        customerId: CUSTOMER,
        items: [
          { productId: KEYBOARD, quantity: 1 },
          { productId: MOUSE, quantity: 2 },
          { productId: KEYBOARD, quantity: 3 },
        ],
        total: { amount: 15900, currency: 'EUR' },
      },
      {},
      { occurredAt: paidAt },
    );
    expect(paidOrderOf(event)).toEqual({ orderId: ORDER, customerId: CUSTOMER, productIds: [KEYBOARD, MOUSE, KEYBOARD], paidAt });
  });

  it('is the group reviews.track-purchases, on orders.order-paid.v1 only', () => {
    const consumer = trackPurchasesConsumer({} as never);
    expect({ group: consumer.group, types: consumer.types }).toEqual({ group: TRACK_PURCHASES, types: ['orders.order-paid.v1'] });
    expect(TRACK_PURCHASES).toBe('reviews.track-purchases');
  });
});
