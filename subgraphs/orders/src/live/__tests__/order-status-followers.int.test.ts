import { subscribe, wsClient } from '@techally/testing';
import { A_IN_US, CABLE } from '../../__tests__/fixtures';
import { PLACE_ORDER } from '../../__tests__/operations';
import { newIdempotencyKey, startOrdersHarness, type OrdersHarness } from '../../__tests__/orders-harness';

const FOLLOW = `subscription Follow($orderId: ID!) { orderStatusChanged(orderId: $orderId) { status order { id } } }`;
const UNKNOWN_ORDER = 'dead0000-0000-4000-8000-00000000dead';

let h: OrdersHarness;
let orderOfA: string;
const clients: Array<ReturnType<typeof wsClient>> = [];

beforeAll(async () => {
  h = await startOrdersHarness();
  const input = { items: [{ productId: CABLE.id, quantity: 1 }], shippingAddressId: A_IN_US.id, idempotencyKey: newIdempotencyKey() };
  orderOfA = (await h.query(PLACE_ORDER, { input }, h.tokens.a)).data!['placeOrder'].id as string;
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await h?.stop();
});

/** What a subscriber is told when it is refused, with the order id blanked so two refusals can be compared. */
async function refusal(token: string, orderId: string): Promise<unknown> {
  const client = wsClient(h.url, { authorization: `Bearer ${token}` });
  clients.push(client);
  const feed = subscribe(client, FOLLOW, { orderId });
  expect(await feed.ended).toEqual({ completed: true });
  return JSON.parse(JSON.stringify(feed.results).split(orderId).join('<id>'));
}

describe('orderStatusChanged: who is told what (issue #9, item 15)', () => {
  it('answers someone else’s order exactly as an unknown one — NOT_FOUND, the same message — so ids cannot be probed', async () => {
    const foreign = await refusal(h.tokens.b, orderOfA);
    const unknown = await refusal(h.tokens.b, UNKNOWN_ORDER);
    expect(foreign).toMatchObject([{ errors: [{ message: 'Order <id> was not found.', extensions: { code: 'NOT_FOUND' } }] }]);
    expect(foreign).toEqual(unknown);
    // and the same as `order(id)` says to that customer
    expect(await refusal(h.tokens.b, 'not-an-order-id')).toEqual(unknown);
  });
});
