import { randomUUID } from 'node:crypto';
import { createEvent, type EnvelopeOf, type EventBus } from '@techally/events';
import { NOTIFYING_EVENT_TYPES } from '../notification/notification-text';
import { applyNotifyingEvent, NOTIFY_CUSTOMERS, notifyCustomersConsumer } from '../order-events/notify-customers.consumer';
import { delivery, silentFeed, startNotificationsHarness, type Caller, type NotificationsHarness } from './notifications-harness';

// One subgraph on a database of this file's own, on an in-memory bus (README.md, *Consumes*): the consumer's
// once-only rule on the real PostgreSQL, and who may read and mark which notifications.
type Notifying = (typeof NOTIFYING_EVENT_TYPES)[number];

let h: NotificationsHarness;
let bus: EventBus;
// What the consumer publishes live is notification-received.int.test.ts's business: here, a feed nobody hears.
const feed = silentFeed();

beforeAll(async () => {
  h = await startNotificationsHarness();
  bus = h.bus;
}, 60_000);

afterAll(() => h?.stop());

const caller = (roles?: string[]) => h.caller(roles);
const sql = <Row = Record<string, unknown>>(statement: string, params: unknown[] = []) => h.sql<Row>(statement, params);

const at = (minute: number) => ({ occurredAt: new Date(Date.UTC(2026, 11, 7, 10, minute)) });
const total = { amount: 15_900, currency: 'USD' };
const items = [{ productId: randomUUID(), quantity: 2 }];

function placed(orderId: string, customerId: string, minute = 0) {
  return createEvent('orders.order-placed.v1', orderId, { orderId, customerId, items, total }, {}, at(minute));
}
function paid(orderId: string, customerId: string, minute = 2) {
  return createEvent('orders.order-paid.v1', orderId, { orderId, customerId, items, total }, {}, at(minute));
}
function cancelled(orderId: string, reason: string, minute = 3) {
  return createEvent('orders.order-cancelled.v1', orderId, { orderId, reason }, {}, at(minute));
}
function paymentFailed(orderId: string, minute = 2) {
  return createEvent('payments.payment-failed.v1', orderId, { orderId, paymentId: randomUUID(), failureCode: 'card_declined' }, {}, at(minute));
}
function fulfilled(orderId: string, customerId: string, minute = 4) {
  return createEvent('orders.order-status-changed.v1', orderId, { orderId, customerId, status: 'FULFILLED', previousStatus: 'PAID' }, {}, at(minute));
}

const consumer = () => notifyCustomersConsumer(h.subgraph.orm, feed);
const deliver = (event: EnvelopeOf<Notifying>) => consumer().handle(event, delivery(NOTIFY_CUSTOMERS));

const NOTIFICATIONS = `query Notifications($id: ID!, $first: Int, $after: String, $unreadOnly: Boolean) {
  _entities(representations: [{ __typename: "User", id: $id }]) {
    ... on User {
      notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
        unreadCount
        edges { cursor node { id kind title body order { id } product { id } createdAt readAt } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
}`;
const MARK_READ = 'mutation MarkRead($ids: [ID!]!) { markNotificationsRead(ids: $ids) { id readAt } }';

interface NotificationNode {
  id: string;
  kind: string;
  title: string;
  body: string;
  order: { id: string } | null;
  product: { id: string } | null;
  createdAt: string;
  readAt: string | null;
}
interface NotificationsData {
  _entities: Array<{ notifications: { unreadCount: number; edges: Array<{ cursor: string; node: NotificationNode }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>;
}

function query(as: Caller | null, variables: Record<string, unknown>, operation = NOTIFICATIONS) {
  return h.query<NotificationsData & { markNotificationsRead: Array<{ id: string; readAt: string | null }> }>(as, operation, variables);
}

async function notificationsOf(user: Caller, variables: Record<string, unknown> = {}) {
  const response = await query(user, { id: user.userId, ...variables });
  if (!response.data?._entities[0]) throw new Error(JSON.stringify(response.errors));
  return response.data._entities[0].notifications;
}

describe('the notifications.notify-customers consumer', () => {
  it('tells the customer of each step of their order, rendered from the event: totals, and why it was cancelled', async () => {
    const ada = await caller();
    const [one, two] = [randomUUID(), randomUUID()];
    for (const event of [placed(one, ada.userId, 0), paid(one, ada.userId, 2), fulfilled(one, ada.userId, 4)]) await deliver(event);
    for (const event of [placed(two, ada.userId, 5), paymentFailed(two, 6), cancelled(two, 'PAYMENT_FAILED', 7)]) await deliver(event);

    const { edges, unreadCount } = await notificationsOf(ada);
    const ref = (id: string) => id.slice(0, 8).toUpperCase();
    expect(edges.map(({ node }) => [node.kind, node.order?.id, node.title])).toEqual([
      ['ORDER_CANCELLED', two, `Order ${ref(two)} cancelled`],
      ['PAYMENT_FAILED', two, `Payment for order ${ref(two)} failed`],
      ['ORDER_PLACED', two, `Order ${ref(two)} received`],
      ['ORDER_FULFILLED', one, `Order ${ref(one)} shipped`],
      ['ORDER_PAID', one, `Order ${ref(one)} paid`],
      ['ORDER_PLACED', one, `Order ${ref(one)} received`],
    ]);
    expect(edges[0]!.node.body).toBe(`Your order ${ref(two)} was cancelled: the payment failed.`);
    expect(edges[1]!.node.body).toBe(`The payment for your order ${ref(two)} failed: the card was declined.`);
    expect(edges[4]!.node.body).toBe(`Thank you: we received $159.00 for your order ${ref(one)} (2 items). We are preparing it for shipping.`);
    expect(edges[0]!.node.createdAt).toBe(at(7).occurredAt.toISOString());
    expect(unreadCount).toBe(6);
  });

  it('tells of refunds (to the order’s customer) and of a review’s moderation (to its author, about the product, with no order)', async () => {
    const fay = await caller();
    const [order, productId] = [randomUUID(), randomUUID()];
    await deliver(placed(order, fay.userId, 0));
    await deliver(createEvent('payments.payment-refunded.v1', order, { orderId: order, paymentId: randomUUID(), amount: { amount: 4_200, currency: 'USD' } }, {}, at(5)));
    await deliver(createEvent('reviews.review-moderated.v1', randomUUID(), { reviewId: randomUUID(), productId, authorId: fay.userId, hidden: true, reason: 'Off topic' }, {}, at(6)));

    const { edges } = await notificationsOf(fay);
    expect(edges.map(({ node }) => [node.kind, node.order?.id ?? null, node.product?.id ?? null, node.body])).toEqual([
      ['REVIEW_HIDDEN', null, productId, "A moderator hid your review; other customers no longer see it. The moderator's reason: Off topic"],
      ['REFUND_ISSUED', order, null, `We refunded $42.00 for your order ${order.slice(0, 8).toUpperCase()}. It may take a few days to show on your statement.`],
      ['ORDER_PLACED', order, null, expect.any(String)],
    ]);
  });

  it('writes one notification for an event delivered twice, concurrently, or replayed past the inbox', async () => {
    const bob = await caller();
    const order = randomUUID();
    const event = paid(order, bob.userId);
    await Promise.all([deliver(event), deliver(event)]);
    await deliver(event);
    // A replay that skips the inbox (its rows pruned, a rebuilt consumer) still meets the unique (event, channel, recipient).
    await h.subgraph.orm.em.fork().transactional((tx) => applyNotifyingEvent(tx as never, event));

    const rows = await sql<{ count: string }>(`select count(*) as "count" from notifications.notification where event_id = ?`, [event.id]);
    expect(Number(rows[0]!.count)).toBe(1);
    expect((await notificationsOf(bob)).edges).toHaveLength(1);
  });

  it('keeps the notification of an event that overtook its order’s placement until it learns whose order it is', async () => {
    const cy = await caller();
    const order = randomUUID();
    await deliver(paymentFailed(order, 2));
    await deliver(cancelled(order, 'RESERVATION_EXPIRED', 3));
    expect(await sql(`select 1 from notifications.notification where order_id = ? and recipient_id is null`, [order])).toHaveLength(2);
    expect((await notificationsOf(cy)).edges).toEqual([]);

    await deliver(placed(order, cy.userId, 0));
    const { edges } = await notificationsOf(cy);
    expect(edges.map(({ node }) => node.kind)).toEqual(['ORDER_CANCELLED', 'PAYMENT_FAILED', 'ORDER_PLACED']);
    expect(edges[0]!.node.body).toMatch(/was cancelled: it was not paid in time\.$/);
    expect(await sql(`select 1 from notifications.notification where recipient_id is null`)).toEqual([]);
  });

  it('learns from the bus: an event published reaches the customer through the subgraph’s own consumer group', async () => {
    const dee = await caller();
    const event = placed(randomUUID(), dee.userId);
    await bus.publish(event);
    for (let waited = 0; (await sql(`select 1 from notifications.inbox where event_id = ?`, [event.id])).length === 0; waited += 20) {
      if (waited > 15_000) throw new Error('the consumer never handled the event');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect((await notificationsOf(dee)).edges.map(({ node }) => node.kind)).toEqual(['ORDER_PLACED']);
  });
});

describe('me { notifications } and markNotificationsRead', () => {
  let eve: Caller;
  let ids: string[];
  beforeAll(async () => {
    eve = await caller();
    const order = randomUUID();
    for (const event of [placed(order, eve.userId, 0), paid(order, eve.userId, 2), fulfilled(order, eve.userId, 4)]) await deliver(event);
    ids = (await notificationsOf(eve)).edges.map(({ node }) => node.id);
  });

  it('pages newest first with an opaque cursor', async () => {
    const first = await notificationsOf(eve, { first: 2 });
    expect(first.edges.map(({ node }) => node.id)).toEqual(ids.slice(0, 2));
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await notificationsOf(eve, { first: 2, after: first.pageInfo.endCursor });
    expect(rest.edges.map(({ node }) => node.id)).toEqual(ids.slice(2));
    expect(rest.pageInfo.hasNextPage).toBe(false);
  });

  it('are the signed-in user’s alone: anonymous is UNAUTHENTICATED, another customer and an administrator FORBIDDEN', async () => {
    const codes = async (as: Caller | null) => (await query(as, { id: eve.userId })).errors?.map((error) => error.extensions?.['code']);
    expect(await codes(null)).toEqual(['UNAUTHENTICATED']);
    expect(await codes(await caller())).toEqual(['FORBIDDEN']);
    expect(await codes(await caller(['CUSTOMER', 'ADMIN']))).toEqual(['FORBIDDEN']);
    const mallory = await caller();
    const marked = await query(mallory, { ids }, MARK_READ);
    expect(marked.data?.markNotificationsRead).toEqual([]);
    expect((await notificationsOf(eve)).unreadCount).toBe(3);
  });

  it('refuse bad input with BAD_USER_INPUT and write nothing', async () => {
    const attempts: Array<[string, Record<string, unknown>]> = [
      [NOTIFICATIONS, { id: eve.userId, first: 0 }],
      [NOTIFICATIONS, { id: eve.userId, first: 101 }],
      [NOTIFICATIONS, { id: eve.userId, after: 'not-a-cursor' }],
      [NOTIFICATIONS, { id: eve.userId, after: Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url') }],
      [MARK_READ, { ids: [] }],
      [MARK_READ, { ids: [ids[0], 'nope'] }],
      [MARK_READ, { ids: Array.from({ length: 101 }, () => randomUUID()) }],
    ];
    for (const [operation, variables] of attempts) {
      const response = await query(eve, variables, operation);
      expect(response.errors).toEqual([expect.objectContaining({ message: expect.any(String), extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
      expect(JSON.stringify(response.errors)).not.toMatch(/stacktrace|\.ts:\d+/i);
    }
    expect((await notificationsOf(eve)).unreadCount).toBe(3);
  });

  it('marks the recipient’s own read once, and unreadOnly then leaves them out', async () => {
    const marked = await query(eve, { ids: [ids[0], ids[0]!.toUpperCase()] }, MARK_READ);
    expect(marked.data?.markNotificationsRead).toEqual([{ id: ids[0], readAt: expect.any(String) }]);
    const again = await query(eve, { ids: [ids[0]] }, MARK_READ);
    expect(again.data?.markNotificationsRead[0]!.readAt).toBe(marked.data?.markNotificationsRead[0]!.readAt);

    const unread = await notificationsOf(eve, { unreadOnly: true });
    expect(unread.edges.map(({ node }) => node.id)).toEqual(ids.slice(1));
    expect(unread.unreadCount).toBe(2);
  });
});
