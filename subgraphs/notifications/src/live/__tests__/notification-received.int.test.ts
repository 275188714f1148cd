import { randomUUID } from 'node:crypto';
import { createEvent } from '@techally/events';
import { countStatements, eventually, subscribe, testRedisUrl, wsClient, type Received } from '@techally/testing';
import { startNotificationsHarness, type Caller, type NotificationsHarness } from '../../__tests__/notifications-harness';

/**
 * `Subscription.notificationReceived` on the notifications subgraph itself, its pub/sub on the real Redis (a key
 * prefix of its own): what the consumers commit reaches its recipient over graphql-ws, and nobody else. The
 * gateway's side is packages/supergraph/src/__tests__/live-orders.e2e.test.ts.
 */
const redisUrl = testRedisUrl();
if (!redisUrl) process.stderr.write('SKIPPED: notificationReceived on Redis Pub/Sub — REDIS_URL is not set\n');
const describeOnRedis = redisUrl ? describe : describe.skip;

const RECEIVED = `subscription { notificationReceived { id kind title body order { id } product { id } createdAt readAt } }`;
interface Received_ {
  notificationReceived: { id: string; kind: string; title: string; body: string; order: { id: string } | null; product: { id: string } | null; createdAt: string; readAt: string | null };
}

let h: NotificationsHarness;
const clients: Array<ReturnType<typeof wsClient>> = [];
const feeds: Array<Received<Received_>> = [];

beforeAll(async () => {
  if (redisUrl) h = await startNotificationsHarness({ redisUrl });
}, 60_000);
afterEach(async () => {
  for (const feed of feeds.splice(0)) feed.dispose();
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
  if (h) await h.liveSubscriptions(0);
});
afterAll(() => h?.stop());

function follow(as: Caller | null): Received<Received_> {
  const client = wsClient(h.url, as ? { authorization: `Bearer ${as.token}` } : {});
  clients.push(client);
  const feed = subscribe<Received_>(client, RECEIVED);
  feeds.push(feed);
  return feed;
}

async function received(feed: Received<Received_>, count: number): Promise<Array<Received_['notificationReceived']>> {
  await eventually(() => feed.results.length >= count, `${count} notification(s); got ${JSON.stringify(feed.results)}`);
  return feed.results.map((result) => {
    expect(result.errors).toBeUndefined();
    return result.data!.notificationReceived;
  });
}

const total = { amount: 4_990, currency: 'USD' };
const items = [{ productId: randomUUID(), quantity: 1 }];
const placed = (orderId: string, customerId: string) => createEvent('orders.order-placed.v1', orderId, { orderId, customerId, items, total });
const cancelled = (orderId: string) => createEvent('orders.order-cancelled.v1', orderId, { orderId, reason: 'CUSTOMER_REQUESTED' });

/** Hands an event to the subgraph's own consumers (the bus path) and waits until it is applied. */
async function publish(event: { id: string; type: string }): Promise<void> {
  await h.bus.publish(event as never);
  await eventually(async () => (await h.sql(`select 1 from notifications.inbox where event_id = ?`, [event.id])).length > 0, `${event.type} handled`);
}

describeOnRedis('notificationReceived', () => {
  it('delivers each committed notification to its recipient, as stored, and never another user’s', async () => {
    const [ada, bob] = [await h.caller(), await h.caller()];
    const [adas, bobs] = [follow(ada), follow(bob)];
    await h.liveSubscriptions(2);

    const order = randomUUID();
    await publish(placed(order, ada.userId));
    const [told] = await received(adas, 1);
    const { edges } = (await h.query<{ _entities: Array<{ notifications: { edges: Array<{ node: { id: string; createdAt: string } }> } }> }>(
      ada,
      `query ($id: ID!) { _entities(representations: [{ __typename: "User", id: $id }]) { ... on User { notifications { edges { node { id createdAt } } } } } }`,
      { id: ada.userId },
    )).data!._entities[0]!.notifications;
    expect(told).toEqual({
      id: edges[0]!.node.id,
      kind: 'ORDER_PLACED',
      title: `Order ${order.slice(0, 8).toUpperCase()} received`,
      body: expect.stringContaining('$49.90'),
      order: { id: order },
      product: null,
      createdAt: edges[0]!.node.createdAt,
      readAt: null,
    });

    // Bob's first notification is his own: Ada's, published before it on the same Redis, never reached him.
    await publish(placed(randomUUID(), bob.userId));
    expect((await received(bobs, 1)).map((notification) => notification.kind)).toEqual(['ORDER_PLACED']);
    expect(bobs.results).toHaveLength(1);
    expect(adas.results).toHaveLength(1);
  });

  it('publishes a notification that waited for its recipient when the recipient is learned, and a redelivery not again', async () => {
    const cy = await h.caller();
    const feed = follow(cy);
    await h.liveSubscriptions(1);
    const order = randomUUID();
    const cancellation = cancelled(order);
    await publish(cancellation); // overtook the placement: nobody to tell yet
    await publish(placed(order, cy.userId));
    await h.bus.publish(cancellation as never); // a redelivery: the inbox skips it

    const told = await received(feed, 2);
    expect(told.map((notification) => notification.kind)).toEqual(['ORDER_CANCELLED', 'ORDER_PLACED']);
    // Nothing more comes: the next one through is a new event's.
    await publish(placed(randomUUID(), cy.userId));
    expect((await received(feed, 3)).map((notification) => notification.kind)).toEqual(['ORDER_CANCELLED', 'ORDER_PLACED', 'ORDER_PLACED']);
  });

  it('is for the signed-in: anonymous is refused with UNAUTHENTICATED', async () => {
    const feed = follow(null);
    expect(await feed.ended).toEqual({ completed: true });
    expect(feed.results.map((result) => result.errors?.map((error) => error.extensions?.['code']))).toEqual([['UNAUTHENTICATED']]);
  });
});

describe('unreadCount', () => {
  it('is one count over the unread index when asked alone (the bell’s refresh): no page is read', async () => {
    const own = h ?? (await startNotificationsHarness());
    try {
      const dee = await own.caller();
      const counter = countStatements(own.subgraph.orm);
      const response = await own.query<{ _entities: Array<{ notifications: { unreadCount: number } }> }>(
        dee,
        `query ($id: ID!) { _entities(representations: [{ __typename: "User", id: $id }]) { ... on User { notifications { unreadCount } } } }`,
        { id: dee.userId },
      );
      counter.stop();
      expect(response.data!._entities[0]!.notifications.unreadCount).toBe(0);
      expect(counter.statements.filter((statement) => statement.includes('"notification"'))).toEqual([expect.stringMatching(/^select count\(\*\)/)]);
    } finally {
      if (own !== h) await own.stop();
    }
  });
});
