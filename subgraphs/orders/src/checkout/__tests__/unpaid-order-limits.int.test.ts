import { errorCodes } from '@techally/testing';
import { A_IN_US, B_IN_DE, CABLE, HEADPHONES, KETTLEBELL } from '../../__tests__/fixtures';
import { CANCEL_ORDER, PLACE_ORDER } from '../../__tests__/operations';
import { newIdempotencyKey, startOrdersHarness, type OrdersHarness } from '../../__tests__/orders-harness';

let h: OrdersHarness;

beforeAll(async () => {
  // The defaults, spelled out because the specs count on them (the harness lifts them for every other spec).
  h = await startOrdersHarness({ env: { MAX_UNPAID_ORDERS_PER_CUSTOMER: '3', MAX_UNPAID_UNITS_PER_PRODUCT: '10' } });
});
afterAll(() => h?.stop());

/** Nothing from one spec waits unpaid into the next: every order of theirs still unpaid is cancelled. */
afterEach(async () => {
  const unpaid = await h.sql<{ id: string; customer_id: string }>(
    `select id, customer_id from orders."order" where status in ('PENDING', 'AWAITING_PAYMENT')`,
  );
  for (const { id } of unpaid) expect(errorCodes(await h.query(CANCEL_ORDER, { id }, h.tokens.admin))).toEqual([]);
});

interface Line {
  productId: string;
  quantity: number;
}

function place(items: Line[], token = h.tokens.a, idempotencyKey = newIdempotencyKey()) {
  const shippingAddressId = token === h.tokens.b ? B_IN_DE.id : A_IN_US.id;
  return h.query(PLACE_ORDER, { input: { items, shippingAddressId, idempotencyKey } }, token);
}

async function placed(items: Line[], token = h.tokens.a): Promise<string> {
  const response = await place(items, token);
  expect(response.errors).toBeUndefined();
  return response.data!['placeOrder'].id as string;
}

describe('what one customer may hold unpaid (issue #9, item 11)', () => {
  it('refuses a 4th unpaid order with UNPAID_ORDER_LIMIT, writing nothing; paying or cancelling one makes room', async () => {
    const [first, second] = [await placed([{ productId: CABLE.id, quantity: 1 }]), await placed([{ productId: CABLE.id, quantity: 1 }])];
    await placed([{ productId: HEADPHONES.id, quantity: 1 }]);
    const before = await h.tableCounts();
    const refused = await place([{ productId: KETTLEBELL.id, quantity: 1 }]);
    expect(errorCodes(refused)).toEqual(['UNPAID_ORDER_LIMIT']);
    expect(refused.errors![0]!.message).toBe('You already have 3 unpaid orders, the most one customer may hold; pay or cancel one before placing another.');
    expect(refused.errors![0]!.extensions).toEqual({ code: 'UNPAID_ORDER_LIMIT', maxUnpaidOrders: 3, unpaidOrders: 3 });
    expect(refused.data).toBeNull();
    expect(await h.tableCounts()).toEqual(before);

    expect(errorCodes(await h.query(CANCEL_ORDER, { id: first }, h.tokens.a))).toEqual([]);
    await h.sql(`update orders."order" set status = 'PAID' where id = ?`, [second]);
    await placed([{ productId: KETTLEBELL.id, quantity: 1 }]);
    await placed([{ productId: KETTLEBELL.id, quantity: 1 }]);
    expect(errorCodes(await place([{ productId: KETTLEBELL.id, quantity: 1 }]))).toEqual(['UNPAID_ORDER_LIMIT']);
  });

  it('refuses more than 10 units of one product across unpaid orders, naming the line', async () => {
    await placed([{ productId: CABLE.id, quantity: 6 }]);
    const refused = await place([
      { productId: HEADPHONES.id, quantity: 1 },
      { productId: CABLE.id, quantity: 5 },
    ]);
    expect(errorCodes(refused)).toEqual(['UNPAID_ORDER_LIMIT']);
    expect(refused.errors![0]!.message).toBe(
      `At most 10 units of "${CABLE.name}" may wait in unpaid orders; you already hold 6, so this order may add at most 4.`,
    );
    expect(refused.errors![0]!.extensions).toEqual({
      code: 'UNPAID_ORDER_LIMIT',
      field: 'items[1].quantity',
      productId: CABLE.id,
      maxUnpaidUnits: 10,
      unpaidUnits: 6,
    });
    await placed([{ productId: CABLE.id, quantity: 4 }]);
    expect(errorCodes(await place([{ productId: HEADPHONES.id, quantity: 11 }]))).toEqual(['UNPAID_ORDER_LIMIT']);
  });

  it('counts each customer on their own', async () => {
    for (let order = 0; order < 3; order += 1) await placed([{ productId: CABLE.id, quantity: 3 }]);
    await placed([{ productId: CABLE.id, quantity: 10 }], h.tokens.b);
  });

  it('still answers a replayed key with its order when the customer is at the limit', async () => {
    const key = newIdempotencyKey();
    const first = await place([{ productId: CABLE.id, quantity: 1 }], h.tokens.a, key);
    await placed([{ productId: CABLE.id, quantity: 1 }]);
    await placed([{ productId: CABLE.id, quantity: 1 }]);
    const replay = await place([{ productId: CABLE.id, quantity: 1 }], h.tokens.a, key);
    expect(replay.errors).toBeUndefined();
    expect(replay.data!['placeOrder'].id).toBe(first.data!['placeOrder'].id);
  });

  it('holds under concurrency: of 12 orders placed at once by one customer, exactly 3 are taken', async () => {
    const attempts = await Promise.all(Array.from({ length: 12 }, () => place([{ productId: CABLE.id, quantity: 1 }])));
    const codes = attempts.map((response) => errorCodes(response)[0] ?? 'PLACED').sort();
    expect(codes).toEqual([...Array(3).fill('PLACED'), ...Array(9).fill('UNPAID_ORDER_LIMIT')]);
    const [row] = await h.sql<{ unpaid: number }>(
      `select count(*)::int as unpaid from orders."order" where status in ('PENDING', 'AWAITING_PAYMENT')`,
    );
    expect(row!.unpaid).toBe(3);
  });
});
