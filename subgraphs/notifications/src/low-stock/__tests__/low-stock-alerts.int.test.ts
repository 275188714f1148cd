import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createEvent } from '@techally/events';
import { eventually } from '@techally/testing';
import { delivery, silentFeed, startNotificationsHarness, type Caller, type NotificationsHarness } from '../../__tests__/notifications-harness';
import { DeliveryRepository } from '../../delivery/delivery.repository';
import { SmtpCatcher } from '@techally/testing';
import { preferenceDeliveryTargets } from '../../preferences/preference-target-resolver';
import { applyWatchStockEvent, WATCH_STOCK, watchStockConsumer, type WatchStockEvent } from '../watch-stock.consumer';

// Low-stock alerts on the real PostgreSQL (README.md, *Low stock*): the notifications.watch-stock consumer fed
// as the bus would, the thresholds set through GraphQL, the emails sent to a real SMTP server started here.
// Default threshold 5 (LOW_STOCK_DEFAULT_THRESHOLD).
let h: NotificationsHarness;
let catcher: SmtpCatcher;
let staff: Caller[];
let customer: Caller;
const feed = silentFeed();

beforeAll(async () => {
  catcher = new SmtpCatcher();
  await catcher.start();
  h = await startNotificationsHarness({ env: {
    LOW_STOCK_DEFAULT_THRESHOLD: '5',
    SMTP_URL: catcher.url,
    // An email that arrives was sent because something woke the worker (or a spec ran it), never by its poll.
    DELIVERY_POLL_INTERVAL_MS: '3600000',
  } });
  staff = [await h.staff(), await h.staff()];
  customer = await h.caller();
}, 60_000);
afterAll(async () => {
  await h?.stop();
  await catcher?.stop();
});

const at = (minute: number) => ({ occurredAt: new Date(Date.UTC(2026, 11, 7, 18, minute)) });
const [BER, LON] = [{ id: randomUUID(), code: 'BER-1' }, { id: randomUUID(), code: 'LON-1' }];

function inWarehouse(productId: string, warehouse: { id: string; code: string }, available: number, minute: number) {
  const payload = { productId, warehouseId: warehouse.id, warehouseCode: warehouse.code, onHand: available + 1, reserved: 1, available };
  return createEvent('inventory.warehouse-stock-changed.v1', productId, payload, {}, at(minute));
}
/** The product-wide figure; `perWarehouse`: as inventory publishes it since per-warehouse figures (with them). */
function overall(productId: string, available: number, minute: number, perWarehouse?: true) {
  const payload = { productId, available, inStock: available > 0, ...(perWarehouse ? { perWarehouse } : {}) };
  return createEvent('inventory.stock-changed.v1', productId, payload, {}, at(minute));
}
function created(productId: string, sku: string) {
  return createEvent('products.product-created.v1', productId, { productId, sku, categoryId: randomUUID() }, {}, at(0));
}

const options = { defaultThreshold: 5, deliveryTargets: preferenceDeliveryTargets };
const consumer = () => watchStockConsumer(h.subgraph.orm, feed, options);
const deliver = (event: WatchStockEvent) => consumer().handle(event, delivery(WATCH_STOCK));
async function deliverAll(...events: WatchStockEvent[]): Promise<void> {
  for (const event of events) await deliver(event);
}

const NOTIFICATIONS = `query ($id: ID!) { _entities(representations: [{ __typename: "User", id: $id }]) { ... on User {
  notifications(first: 100) { edges { node { kind title body order { id } product { id } } } } } } }`;
interface Alert {
  kind: string;
  title: string;
  body: string;
  order: { id: string } | null;
  product: { id: string } | null;
}

/** The LOW_STOCK notifications of `user` about `productId`, newest first. */
async function alertsOf(user: Caller, productId: string): Promise<Alert[]> {
  const response = await h.query<{ _entities: Array<{ notifications: { edges: Array<{ node: Alert }> } }> }>(user, NOTIFICATIONS, { id: user.userId });
  if (!response.data) throw new Error(JSON.stringify(response.errors));
  return response.data._entities[0]!.notifications.edges.map(({ node }) => node).filter((node) => node.product?.id === productId);
}

const SET = `mutation ($productId: ID!, $warehouseId: ID, $threshold: Int!) {
  setLowStockThreshold(productId: $productId, warehouseId: $warehouseId, threshold: $threshold) { product { id } warehouse { id } threshold updatedAt } }`;
const LIST = `{ lowStockThresholds { product { id } warehouse { id } threshold } }`;

async function setThreshold(productId: string, threshold: number, warehouseId?: string): Promise<void> {
  const response = await h.query(staff[0]!, SET, { productId, warehouseId, threshold });
  expect(response.errors).toBeUndefined();
}

describe('low-stock alerts (notifications.watch-stock)', () => {
  it('tells every member of staff ONCE when a warehouse’s stock falls below the threshold, not once per sale; customers never', async () => {
    const product = randomUUID();
    await deliverAll(created(product, 'TA-CBL-001'), inWarehouse(product, BER, 8, 1), inWarehouse(product, BER, 6, 2), inWarehouse(product, BER, 4, 3));
    await deliverAll(inWarehouse(product, BER, 3, 4), inWarehouse(product, BER, 0, 5));

    for (const member of staff) {
      expect(await alertsOf(member, product)).toEqual([
        {
          kind: 'LOW_STOCK',
          title: 'Low stock: TA-CBL-001 at BER-1',
          body: 'TA-CBL-001 is down to 4 available at BER-1, below its low-stock threshold of 5.',
          order: null,
          product: { id: product },
        },
      ]);
    }
    expect(await alertsOf(customer, product)).toEqual([]);
  });

  it('re-arms once the stock is back to or above the threshold: the next dip is a new alert', async () => {
    const product = randomUUID();
    await deliverAll(inWarehouse(product, BER, 2, 1), inWarehouse(product, BER, 1, 2), inWarehouse(product, BER, 5, 3), inWarehouse(product, BER, 0, 4));
    const alerts = await alertsOf(staff[0]!, product);
    expect(alerts.map((alert) => alert.body)).toEqual([
      `${product} is out of stock at BER-1, below its low-stock threshold of 5.`,
      `${product} is down to 2 available at BER-1, below its low-stock threshold of 5.`,
    ]);
  });

  it('changes nothing for a duplicate (repeated, concurrent, or replayed past the inbox) or an older event arriving late', async () => {
    const product = randomUUID();
    const dip = inWarehouse(product, BER, 3, 2);
    await deliver(inWarehouse(product, BER, 9, 1));
    await Promise.all([deliver(dip), deliver(dip)]);
    await deliver(dip);
    await h.subgraph.orm.em.fork().transactional((tx) => applyWatchStockEvent(tx as EntityManager, dip, options));
    expect(await alertsOf(staff[0]!, product)).toHaveLength(1);

    // Restocked at minute 4; the sale of minute 3 (stock 1) arrives after it: old news, it neither alerts nor disarms.
    await deliver(inWarehouse(product, BER, 20, 4));
    await deliver(inWarehouse(product, BER, 1, 3));
    expect(await alertsOf(staff[0]!, product)).toHaveLength(1);
    expect(await h.sql(`select "available" from notifications.stock_watch where product_id = ?`, [product])).toEqual([{ available: 20 }]);
    await deliver(inWarehouse(product, BER, 2, 5));
    expect(await alertsOf(staff[0]!, product)).toHaveLength(2);
  });

  it('watches each warehouse on its own, with a product’s threshold and a product × warehouse one overriding the default', async () => {
    const product = randomUUID();
    await setThreshold(product, 10);
    await setThreshold(product, 2, LON.id);
    await deliverAll(inWarehouse(product, BER, 12, 1), inWarehouse(product, LON, 12, 1));
    await deliverAll(inWarehouse(product, BER, 9, 2), inWarehouse(product, LON, 3, 2));
    expect((await alertsOf(staff[0]!, product)).map((alert) => alert.title)).toEqual([`Low stock: ${product} at BER-1`]);
    await deliver(inWarehouse(product, LON, 1, 3));
    expect((await alertsOf(staff[0]!, product)).map((alert) => alert.body)).toEqual([
      `${product} is down to 1 available at LON-1, below its low-stock threshold of 2.`,
      `${product} is down to 9 available at BER-1, below its low-stock threshold of 10.`,
    ]);
  });

  it('alerts on the product-wide figure only for a product whose warehouses no event named (their alerts speak otherwise)', async () => {
    const [bare, known] = [randomUUID(), randomUUID()];
    await deliverAll(created(bare, 'TA-BARE-1'), overall(bare, 7, 1), overall(bare, 4, 2), overall(bare, 2, 3));
    expect((await alertsOf(staff[0]!, bare)).map((alert) => alert.body)).toEqual([
      'TA-BARE-1 is down to 4 available across all warehouses, below its low-stock threshold of 5.',
    ]);
    await deliverAll(inWarehouse(known, BER, 8, 1), overall(known, 8, 1), inWarehouse(known, BER, 3, 2), overall(known, 3, 2));
    expect((await alertsOf(staff[0]!, known)).map((alert) => alert.title)).toEqual([`Low stock: ${known} at BER-1`]);
  });

  it('tells staff ONCE of a new product’s first dip, though inventory writes its product-wide figure before the warehouse’s', async () => {
    // One adjustment of a product never seen: `stock-changed` (perWarehouse) then `warehouse-stock-changed`, in
    // that order in inventory's outbox; the product-wide figure must not speak for warehouses about to be named.
    const product = randomUUID();
    await deliverAll(created(product, 'TA-NEW-1'), overall(product, 3, 1, true), inWarehouse(product, BER, 3, 1));
    expect((await alertsOf(staff[0]!, product)).map((alert) => alert.title)).toEqual(['Low stock: TA-NEW-1 at BER-1']);
    // The product-wide figure is still recorded (a later one of a legacy producer compares against it).
    expect(await h.sql(`select "available" from notifications.stock_watch where product_id = ? and warehouse_id is null`, [product])).toEqual([{ available: 3 }]);
  });
});

describe('low-stock deliveries (email, SMS, push as each member of staff chose STOCK_ALERTS)', () => {
  const addressOf = (member: Caller) => `${member.userId}@techally.test`;
  const mailsAbout = (member: Caller, sku: string) => catcher.to(addressOf(member)).filter((mail) => mail.parsed.subject?.includes(sku));
  const deliveriesOf = (eventId: string) => new DeliveryRepository(h.subgraph.orm.em.fork() as EntityManager).ofEvent(eventId);
  /**
   * Every delivery due is sent now (the consumer here wakes no worker), batch after batch: the specs above leave
   * theirs pending, more than one batch of them.
   */
  const sendDue = async () => {
    while ((await h.subgraph.deliveries.runOnce()).length > 0);
  };

  it('emails each member of staff once per crossing (SKU, warehouse, available, threshold), by default and without SMS or push', async () => {
    const product = randomUUID();
    const sku = `TA-LOW-${product.slice(0, 4)}`;
    const dip = inWarehouse(product, BER, 3, 2);
    await deliverAll(created(product, sku), inWarehouse(product, BER, 9, 1), dip, inWarehouse(product, BER, 2, 3));
    await sendDue();
    await eventually(() => staff.every((member) => mailsAbout(member, sku).length === 1), 'one low-stock email per member of staff');

    const mail = mailsAbout(staff[0]!, sku)[0]!.parsed;
    expect(mail.subject).toBe(`Low stock: ${sku} at BER-1`);
    expect(mail.text).toContain(`${sku} is down to 3 available at BER-1, below its low-stock threshold of 5.`);
    expect(mail.text).toContain(`  Product SKU: ${sku}\n  Warehouse: BER-1\n  Available: 3\n  Low-stock threshold: 5`);
    expect(mail.html).toMatch(new RegExp(`Product SKU</th><td[^>]*>${sku}</td>`));
    expect(mail.html).toMatch(/Low-stock threshold<\/th><td[^>]*>5<\/td>/);
    expect(mail.text).toContain('member of staff with stock alerts on');
    const rows = await deliveriesOf(dip.id);
    expect(rows.map((row) => [row.channel, row.recipientId, row.kind, row.category, row.status])).toEqual(
      expect.arrayContaining(staff.map((member) => ['EMAIL', member.userId, 'LOW_STOCK', 'STOCK_ALERTS', 'SENT'])),
    );
    expect(rows).toHaveLength(staff.length);
    expect(catcher.to(addressOf(customer))).toEqual([]);
  });

  it('through the subgraph’s own consumer on the bus: the alert’s emails go out at once (the worker is woken)', async () => {
    const product = randomUUID();
    const sku = `TA-BUS-${product.slice(0, 4)}`;
    for (const event of [created(product, sku), inWarehouse(product, BER, 9, 1), inWarehouse(product, BER, 4, 2)]) await h.bus.publish(event);
    await eventually(() => staff.every((member) => mailsAbout(member, sku).length === 1), 'the emails, sent by the woken worker');
  });

  it('sends nothing again for a duplicate: repeated, concurrent, or replayed past the inbox', async () => {
    const product = randomUUID();
    const sku = `TA-DUP-${product.slice(0, 4)}`;
    const dip = inWarehouse(product, BER, 1, 2);
    await deliverAll(created(product, sku), inWarehouse(product, BER, 9, 1), dip);
    await sendDue();
    await eventually(() => staff.every((member) => mailsAbout(member, sku).length === 1), 'the first emails');

    await Promise.all([deliver(dip), deliver(dip)]);
    const replay = await h.subgraph.orm.em.fork().transactional((tx) => applyWatchStockEvent(tx as EntityManager, dip, options));
    expect(replay).toEqual({ delivered: [], planned: 0 });
    await sendDue();
    const rows = await deliveriesOf(dip.id);
    expect(rows.map((row) => row.status)).toEqual(staff.map(() => 'SENT'));
    for (const member of staff) expect(mailsAbout(member, sku)).toHaveLength(1);
  });

  it('emails nobody who switched STOCK_ALERTS email off; they still see the alert in the app', async () => {
    const quiet = await h.staff();
    const off = await h.query(quiet, `mutation { updateNotificationPreferences(input: { categories: [{ category: STOCK_ALERTS, email: false }] }) { smsNumber } }`);
    expect(off.errors).toBeUndefined();
    const product = randomUUID();
    const sku = `TA-OFF-${product.slice(0, 4)}`;
    const dip = inWarehouse(product, LON, 0, 2);
    await deliverAll(created(product, sku), inWarehouse(product, LON, 9, 1), dip);
    await sendDue();
    await eventually(() => staff.every((member) => mailsAbout(member, sku).length === 1), 'the others’ emails');

    expect((await deliveriesOf(dip.id)).map((row) => row.recipientId).sort()).toEqual(staff.map((member) => member.userId).sort());
    expect(mailsAbout(quiet, sku)).toEqual([]);
    expect((await alertsOf(quiet, product)).map((alert) => alert.title)).toEqual([`Low stock: ${sku} at LON-1`]);
  });
});

describe('setLowStockThreshold and lowStockThresholds', () => {
  it('are for administrators: a customer FORBIDDEN, anonymous UNAUTHENTICATED, nothing written', async () => {
    const product = randomUUID();
    for (const [as, code] of [
      [customer, 'FORBIDDEN'],
      [null, 'UNAUTHENTICATED'],
    ] as const) {
      expect((await h.query(as, SET, { productId: product, threshold: 3 })).errors?.map((error) => error.extensions?.['code'])).toEqual([code]);
      expect((await h.query(as, LIST)).errors?.map((error) => error.extensions?.['code'])).toEqual([code]);
    }
    expect(await h.sql(`select 1 from notifications.low_stock_threshold where product_id = ?`, [product])).toEqual([]);
  });

  it('refuse bad input with BAD_USER_INPUT naming the argument, and write nothing', async () => {
    const product = randomUUID();
    for (const [variables, field] of [
      [{ productId: product, threshold: -1 }, 'threshold'],
      [{ productId: product, threshold: 1_000_001 }, 'threshold'],
      [{ productId: 'not-a-product', threshold: 3 }, 'productId'],
      [{ productId: product, warehouseId: 'BER-1', threshold: 3 }, 'warehouseId'],
    ] as const) {
      const response = await h.query(staff[0]!, SET, variables);
      expect(response.errors).toEqual([expect.objectContaining({ message: expect.stringContaining(`"${field}"`), extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
    }
    expect(await h.sql(`select 1 from notifications.low_stock_threshold where product_id = ?`, [product])).toEqual([]);
  });

  it('sets, replaces and lists a product’s threshold and its per-warehouse ones', async () => {
    const product = randomUUID().replace(/^./, '0'); // listed first, before the other specs' products
    await setThreshold(product, 8, BER.id);
    await setThreshold(product, 3);
    const replaced = await h.query<{ setLowStockThreshold: unknown }>(staff[1]!, SET, { productId: product.toUpperCase(), threshold: 4 });
    expect(replaced.data?.setLowStockThreshold).toEqual({ product: { id: product }, warehouse: null, threshold: 4, updatedAt: expect.any(String) });
    const listed = await h.query<{ lowStockThresholds: Array<{ product: { id: string } }> }>(staff[0]!, LIST);
    expect(listed.data!.lowStockThresholds.filter((row) => row.product.id === product)).toEqual([
      { product: { id: product }, warehouse: null, threshold: 4 },
      { product: { id: product }, warehouse: { id: BER.id }, threshold: 8 },
    ]);
  });
});

describe('Migration20261207180000_low_stock_alerts', () => {
  it('makes notifications about no order possible with DDL another migration may repeat (idempotent)', async () => {
    // What the delivery pipeline's migration does too, in either order: running it again changes nothing.
    await h.sql(`alter table "notifications"."notification" alter column "order_id" drop not null`);
    await h.sql(`alter table "notifications"."notification" add column if not exists "product_id" uuid null`);
    const columns = await h.sql<{ column_name: string; is_nullable: string; data_type: string }>(
      `select column_name, is_nullable, data_type from information_schema.columns
       where table_schema = 'notifications' and table_name = 'notification' and column_name in ('order_id', 'product_id') order by column_name`,
    );
    expect(columns).toEqual([
      { column_name: 'order_id', is_nullable: 'YES', data_type: 'uuid' },
      { column_name: 'product_id', is_nullable: 'YES', data_type: 'uuid' },
    ]);
    await expect(h.sql(`insert into notifications.low_stock_threshold (product_id, threshold, updated_by) values (?, -1, ?)`, [randomUUID(), randomUUID()])).rejects.toThrow(
      /low_stock_threshold_threshold_check/,
    );
  });
});
