import { randomUUID } from 'node:crypto';
import { EVENT_TYPES, PAYLOAD_VALIDATORS, domainOf, isEventType, type EventCatalogue, type EventType } from '../../index';

const id = () => randomUUID();

/** One valid payload of every type: the catalogue's executable documentation. */
const VALID: { [T in EventType]: EventCatalogue[T] } = {
  'orders.order-placed.v1': { orderId: id(), customerId: id(), items: [{ productId: id(), quantity: 1 }], total: { amount: 1999, currency: 'EUR' } },
  'orders.order-cancelled.v1': { orderId: id(), reason: 'RESERVATION_EXPIRED' },
  'orders.order-status-changed.v1': { orderId: id(), customerId: id(), status: 'AWAITING_PAYMENT', previousStatus: 'PENDING' },
  'orders.payment-requested.v1': { orderId: id(), customerId: id(), amount: { amount: 1999, currency: 'EUR' }, payBy: '2026-11-26T10:15:00.000Z' },
  'orders.order-paid.v1': { orderId: id(), customerId: id(), items: [{ productId: id(), quantity: 2 }], total: { amount: 1999, currency: 'EUR' } },
  'inventory.stock-reserved.v1': { orderId: id(), reservationExpiresAt: '2026-11-26T10:15:00.000Z' },
  'inventory.stock-reservation-failed.v1': { orderId: id(), reason: 'OUT_OF_STOCK', productIds: [id()] },
  'inventory.stock-changed.v1': { productId: id(), available: 0, inStock: false },
  'inventory.warehouse-stock-changed.v1': { productId: id(), warehouseId: id(), warehouseCode: 'BER-1', onHand: 5, reserved: 2, available: 3 },
  'payments.payment-succeeded.v1': { orderId: id(), paymentId: id(), amount: { amount: 1999, currency: 'EUR' } },
  'payments.payment-failed.v1': { orderId: id(), paymentId: id(), failureCode: 'card_declined' },
  'payments.payment-refunded.v1': { orderId: id(), paymentId: id() },
  'products.product-created.v1': { productId: id(), sku: 'LAP-001', categoryId: id() },
  'products.product-updated.v1': { productId: id(), sku: 'LAP-001', categoryId: id(), previousCategoryId: id(), changedFields: ['name', 'category'] },
  'products.price-changed.v1': { productId: id(), sku: 'LAP-001', categoryId: id(), price: { amount: 1799, currency: 'EUR' }, previousPrice: { amount: 1999, currency: 'EUR' } },
  'products.product-archived.v1': { productId: id(), sku: 'LAP-001', categoryId: id() },
  'products.category-changed.v1': { categoryId: id(), parentId: null },
  'reviews.rating-changed.v1': { productId: id(), average: 4.4, count: 7 },
  'reviews.review-moderated.v1': { reviewId: id(), productId: id(), authorId: id(), hidden: true, reason: 'Off topic' },
  'users.user-registered.v1': { userId: id(), email: 'ada@example.com', name: 'Ada Lovelace', roles: ['CUSTOMER'] },
  'users.user-changed.v1': { userId: id(), email: 'ada@example.com', name: 'Ada King', roles: ['CUSTOMER', 'ADMIN'] },
};

/** The optional fields issue #14 added to v1 payloads: valid when present, and valid when absent (above). */
const WITH_OPTIONAL_FIELDS: Array<[EventType, unknown]> = [
  ['orders.order-placed.v1', { ...VALID['orders.order-placed.v1'], orderNumber: 'TA-100042', items: [{ productId: id(), quantity: 2, name: 'Trail Runner', sku: 'SHO-001', unitPrice: { amount: 8999, currency: 'EUR' } }] }],
  ['orders.order-paid.v1', { ...VALID['orders.order-paid.v1'], orderNumber: 'TA-100042', items: [{ productId: id(), quantity: 1, name: 'Trail Runner', unitPrice: { amount: 8999, currency: 'EUR' } }] }],
  ['payments.payment-refunded.v1', { ...VALID['payments.payment-refunded.v1'], amount: { amount: 1999, currency: 'EUR' }, reason: 'REQUESTED_BY_ADMIN' }],
  ['inventory.stock-reserved.v1', { ...VALID['inventory.stock-reserved.v1'], allocations: [{ productId: id(), warehouseId: id(), quantity: 2 }] }],
  ['reviews.review-moderated.v1', { reviewId: id(), productId: id(), authorId: id(), hidden: false }],
];

/** For each type, payloads its validator must refuse, and a path the refusal must name. */
const INVALID: Array<[EventType, unknown, string]> = [
  ['orders.order-placed.v1', { ...VALID['orders.order-placed.v1'], items: [] }, 'items'],
  ['orders.order-placed.v1', { ...VALID['orders.order-placed.v1'], items: [{ productId: id(), quantity: 0 }] }, 'items[0].quantity'],
  ['orders.order-placed.v1', { ...VALID['orders.order-placed.v1'], items: [{ productId: id(), quantity: 1.5 }] }, 'items[0].quantity'],
  ['orders.order-placed.v1', { ...VALID['orders.order-placed.v1'], total: { amount: 1999, currency: 'euro' } }, 'total.currency'],
  ['orders.order-placed.v1', { ...VALID['orders.order-placed.v1'], total: { amount: -1, currency: 'EUR' } }, 'total.amount'],
  ['orders.order-placed.v1', { ...VALID['orders.order-placed.v1'], customerId: undefined }, 'customerId'],
  ['orders.order-cancelled.v1', { orderId: id(), reason: '' }, 'reason'],
  ['orders.order-status-changed.v1', { ...VALID['orders.order-status-changed.v1'], status: 'SHIPPED' }, 'status'],
  ['orders.order-status-changed.v1', { ...VALID['orders.order-status-changed.v1'], previousStatus: undefined }, 'previousStatus'],
  ['orders.payment-requested.v1', { ...VALID['orders.payment-requested.v1'], amount: { amount: 0.5, currency: 'EUR' } }, 'amount.amount'],
  ['orders.payment-requested.v1', { ...VALID['orders.payment-requested.v1'], payBy: 'soon' }, 'payBy'],
  ['orders.order-paid.v1', { ...VALID['orders.order-paid.v1'], items: [] }, 'items'],
  ['inventory.stock-reserved.v1', { orderId: id(), reservationExpiresAt: 'tomorrow' }, 'reservationExpiresAt'],
  ['inventory.stock-reserved.v1', { orderId: id(), reservationExpiresAt: new Date() }, 'reservationExpiresAt'],
  ['inventory.stock-reservation-failed.v1', { orderId: id(), reason: 'OUT_OF_STOCK', productIds: ['x'] }, 'productIds[0]'],
  ['inventory.stock-changed.v1', { productId: id(), available: Number.NaN, inStock: false }, 'available'],
  ['inventory.stock-changed.v1', { productId: id(), available: 3, inStock: 'yes' }, 'inStock'],
  ['payments.payment-succeeded.v1', { orderId: id(), paymentId: id(), amount: 1999 }, 'amount'],
  ['payments.payment-failed.v1', { orderId: id(), paymentId: 'pi_123', failureCode: 'card_declined' }, 'paymentId'],
  ['payments.payment-refunded.v1', null, '(root)'],
  ['products.product-created.v1', { productId: id(), sku: '', categoryId: id() }, 'sku'],
  ['products.product-created.v1', { productId: id(), sku: 'LAP-001' }, 'categoryId'],
  ['products.product-updated.v1', { ...VALID['products.product-updated.v1'], changedFields: [] }, 'changedFields'],
  ['products.product-updated.v1', { ...VALID['products.product-updated.v1'], changedFields: ['name', ''] }, 'changedFields[1]'],
  ['products.product-updated.v1', { ...VALID['products.product-updated.v1'], previousCategoryId: undefined }, 'previousCategoryId'],
  ['products.product-updated.v1', { ...VALID['products.product-updated.v1'], previousCategoryId: 'books' }, 'previousCategoryId'],
  ['products.price-changed.v1', { ...VALID['products.price-changed.v1'], price: { amount: 17.99, currency: 'EUR' } }, 'price.amount'],
  ['products.price-changed.v1', { ...VALID['products.price-changed.v1'], previousPrice: null }, 'previousPrice'],
  ['products.product-archived.v1', { productId: 'LAP-001', sku: 'LAP-001', categoryId: id() }, 'productId'],
  ['products.category-changed.v1', { categoryId: id() }, 'parentId'],
  ['reviews.rating-changed.v1', { productId: id(), average: 4.4, count: -1 }, 'count'],
  ['orders.order-placed.v1', { ...VALID['orders.order-placed.v1'], orderNumber: '' }, 'orderNumber'],
  ['orders.order-paid.v1', { ...VALID['orders.order-paid.v1'], items: [{ productId: id(), quantity: 1, unitPrice: { amount: 1.5, currency: 'EUR' } }] }, 'items[0].unitPrice.amount'],
  ['payments.payment-refunded.v1', { orderId: id(), paymentId: id(), amount: null }, 'amount'],
  ['inventory.stock-reserved.v1', { ...VALID['inventory.stock-reserved.v1'], allocations: [{ productId: id(), warehouseId: 'BER', quantity: 1 }] }, 'allocations[0].warehouseId'],
  ['inventory.warehouse-stock-changed.v1', { ...VALID['inventory.warehouse-stock-changed.v1'], reserved: -1 }, 'reserved'],
  ['reviews.review-moderated.v1', { reviewId: id(), productId: id(), authorId: id(), hidden: 'yes' }, 'hidden'],
  ['users.user-registered.v1', { userId: id(), email: '', name: 'Ada', roles: ['CUSTOMER'] }, 'email'],
  ['users.user-changed.v1', { userId: id(), email: 'ada@example.com', name: 'Ada', roles: 'ADMIN' }, 'roles'],
  ['reviews.rating-changed.v1', { productId: id(), average: 5.5, count: 2 }, 'average'],
  ['reviews.rating-changed.v1', { productId: id(), average: null, count: 2 }, 'average'],
  ['reviews.rating-changed.v1', { productId: id(), average: 3, count: 0 }, 'average'],
];

describe('the event catalogue', () => {
  it('lists the checkout saga’s, the live feeds’ and the catalogue’s events, each named <domain>.<event>.v<major>', () => {
    expect(EVENT_TYPES).toEqual([
      'orders.order-placed.v1',
      'orders.order-cancelled.v1',
      'orders.order-status-changed.v1',
      'orders.payment-requested.v1',
      'orders.order-paid.v1',
      'inventory.stock-reserved.v1',
      'inventory.stock-reservation-failed.v1',
      'inventory.stock-changed.v1',
      'inventory.warehouse-stock-changed.v1',
      'payments.payment-succeeded.v1',
      'payments.payment-failed.v1',
      'payments.payment-refunded.v1',
      'products.product-created.v1',
      'products.product-updated.v1',
      'products.price-changed.v1',
      'products.product-archived.v1',
      'products.category-changed.v1',
      'reviews.rating-changed.v1',
      'reviews.review-moderated.v1',
      'users.user-registered.v1',
      'users.user-changed.v1',
    ]);
    for (const type of EVENT_TYPES) expect(type).toMatch(/^[a-z]+\.[a-z]+(-[a-z]+)*\.v\d+$/);
    expect(domainOf('orders.order-placed.v1')).toBe('orders');
    expect(isEventType('orders.order-placed.v1')).toBe(true);
    expect(isEventType('orders.order-placed.v2')).toBe(false);
    expect(isEventType('toString')).toBe(false);
  });

  it.each(EVENT_TYPES)('admits a well-formed %s payload', (type) => {
    const problems: string[] = [];
    expect(PAYLOAD_VALIDATORS[type](VALID[type], 'payload', problems)).toBe(true);
    expect(problems).toEqual([]);
  });

  it.each(WITH_OPTIONAL_FIELDS)('admits %s with its optional fields present', (type, payload) => {
    const problems: string[] = [];
    expect(PAYLOAD_VALIDATORS[type](payload, 'payload', problems)).toBe(true);
    expect(problems).toEqual([]);
  });

  it.each(INVALID)('refuses a malformed %s payload, naming %#: %s', (type, payload, path) => {
    const problems: string[] = [];
    expect(PAYLOAD_VALIDATORS[type](payload, 'payload', problems)).toBe(false);
    expect(problems.join('\n')).toContain(path === '(root)' ? 'payload: expected an object' : `payload.${path}:`);
  });

  it('tolerates fields it does not know, so a v1 payload can gain an optional field', () => {
    const problems: string[] = [];
    const payload = { ...VALID['inventory.stock-changed.v1'], warehouseCount: 3 };
    expect(PAYLOAD_VALIDATORS['inventory.stock-changed.v1'](payload, 'payload', problems)).toBe(true);
  });

  it('admits a product field it does not know in changedFields, so the products subgraph can make more editable', () => {
    const problems: string[] = [];
    const payload = { ...VALID['products.product-updated.v1'], changedFields: ['images'] };
    expect(PAYLOAD_VALIDATORS['products.product-updated.v1'](payload, 'payload', problems)).toBe(true);
  });

  it('admits the rating of a product whose last visible review went: no average, count 0', () => {
    const problems: string[] = [];
    const payload = { productId: id(), average: null, count: 0 };
    expect(PAYLOAD_VALIDATORS['reviews.rating-changed.v1'](payload, 'payload', problems)).toBe(true);
    expect(problems).toEqual([]);
  });
});
