import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createEvent, createInMemoryEventBus, type EventBus } from '@techally/events';
import { createLogger } from '@techally/platform';
import { createTestDatabase, SmtpCatcher, type TestDatabase } from '@techally/testing';
import { createNotificationsSubgraph, type NotificationsSubgraph } from '../..';
import { silentFeed } from '../../__tests__/notifications-harness';
import { testConfig } from '../../__tests__/test-config';
import type { NotifyingEvent } from '../../notification/notification-text';
import { applyNotifyingEvent, NOTIFY_CUSTOMERS, notifyCustomersConsumer } from '../../order-events/notify-customers.consumer';
import type { NotificationCategory } from '../../preferences/notification-category';
import { LEARN_RECIPIENTS, learnRecipientsConsumer } from '../../recipients/learn-recipients.consumer';
import { defaultDeliveryTargets, type DeliveryTargetsFactory } from '../default-delivery-targets';
import { DeliverySignal } from '../delivery-signal';
import { createDeliveryWorker } from '../delivery-worker';
import { DeliveryRepository } from '../delivery.repository';
import { createEmailSender } from '../email/email-sender';

// The delivery pipeline on the real PostgreSQL, sending to a real SMTP server started here (README.md, *Delivery*).
// Time is the worker's clock, moved by the tests (`advance`), never slept through; the jitter is fixed at 0.5.
const BASE_DELAY_MS = 60_000;
const LEASE_MS = 300_000;

let database: TestDatabase;
let catcher: SmtpCatcher;
let bus: EventBus;
let subgraph: NotificationsSubgraph;
let offset = 0;
const clock = () => new Date(Date.now() + offset);
const advance = (ms: number) => {
  offset += ms;
};
const logger = createLogger({ name: 'notifications', level: 'silent' });

/** The preferences as a stub: the categories each recipient switched off (email only; no SMS, no push). */
const optedOut = new Map<string, ReadonlySet<NotificationCategory>>();
const preferences: DeliveryTargetsFactory = () => ({
  async targetsFor(recipientId, category) {
    return { email: !(optedOut.get(recipientId)?.has(category) ?? false), smsTo: null, push: [] };
  },
});

beforeAll(async () => {
  database = await createTestDatabase();
  catcher = new SmtpCatcher();
  await catcher.start();
  bus = createInMemoryEventBus();
  const config = testConfig(database, {
    SMTP_URL: catcher.url,
    MAIL_FROM: 'TechAlly <shop@techally.test>',
    DELIVERY_MAX_ATTEMPTS: '3',
    DELIVERY_RETRY_BASE_MS: String(BASE_DELAY_MS),
    // Nothing here waits for a poll: the tests run the worker (runOnce) or wake it.
    DELIVERY_POLL_INTERVAL_MS: String(3_600_000),
  });
  subgraph = await createNotificationsSubgraph(config, {
    logger,
    processMetrics: false,
    bus,
    deliveryTargets: preferences,
    deliveryTiming: { clock, random: () => 0.5, settings: { leaseMs: LEASE_MS } },
  });
  await subgraph.migrate();
}, 60_000);

afterAll(async () => {
  await subgraph?.stop();
  await bus?.close();
  await catcher?.stop();
  await database?.drop();
});

interface Customer {
  readonly id: string;
  readonly email: string;
  readonly name: string;
}

const usd = (amount: number) => ({ amount, currency: 'USD' });
const items = [{ productId: randomUUID(), quantity: 1, name: 'USB-C Cable', unitPrice: usd(15_900) }];

/** A user the recipient directory learned from the users stream. */
async function customer(name = 'Ada Lovelace'): Promise<Customer> {
  const person = { id: randomUUID(), name, email: `${randomUUID().slice(0, 8)}@customers.test` };
  await learn(person);
  return person;
}
async function learn(person: Customer): Promise<void> {
  const event = createEvent('users.user-registered.v1', person.id, { userId: person.id, email: person.email, name: person.name, roles: ['CUSTOMER'] });
  await learnRecipientsConsumer(subgraph.orm).handle(event, { deliveries: 1, group: LEARN_RECIPIENTS, consumer: 'test' });
}

function placed(orderId: string, customerId: string, extra: Record<string, unknown> = {}): NotifyingEvent {
  return createEvent('orders.order-placed.v1', orderId, { orderId, customerId, items, total: usd(15_900), ...extra } as never);
}
const paid = (orderId: string, customerId: string): NotifyingEvent => createEvent('orders.order-paid.v1', orderId, { orderId, customerId, items, total: usd(15_900) });
const cancelled = (orderId: string): NotifyingEvent => createEvent('orders.order-cancelled.v1', orderId, { orderId, reason: 'PAYMENT_FAILED' });
const paymentFailed = (orderId: string): NotifyingEvent =>
  createEvent('payments.payment-failed.v1', orderId, { orderId, paymentId: randomUUID(), failureCode: 'card_declined' });
const moderated = (authorId: string, hidden: boolean, reason?: string): NotifyingEvent =>
  createEvent('reviews.review-moderated.v1', randomUUID(), { reviewId: randomUUID(), productId: randomUUID(), authorId, hidden, ...(reason ? { reason } : {}) });

const deliver = (event: NotifyingEvent) =>
  notifyCustomersConsumer(subgraph.orm, silentFeed(), { deliveryTargets: preferences }).handle(event as never, { deliveries: 1, group: NOTIFY_CUSTOMERS, consumer: 'test' });
const runOnce = () => subgraph.deliveries.runOnce();
const repository = () => new DeliveryRepository(subgraph.orm.em.fork() as EntityManager);
const deliveriesOf = (event: NotifyingEvent) => repository().ofEvent(event.id);

describe('email over SMTP', () => {
  it('sends the receipt to the directory’s address: subject, text and HTML parts, every line and the total, values escaped', async () => {
    const ada = await customer();
    const event = placed(randomUUID(), ada.id, {
      orderNumber: 'TA-100042',
      items: [
        { productId: randomUUID(), quantity: 2, name: '<script>alert(1)</script>', unitPrice: usd(2_500) },
        { productId: randomUUID(), quantity: 1, name: 'Keyboard', unitPrice: usd(10_900) },
      ],
    });
    await deliver(event);

    expect(await runOnce()).toEqual([expect.objectContaining({ eventId: event.id, channel: 'EMAIL', status: 'SENT', attempts: 1 })]);
    const [mail] = catcher.to(ada.email);
    expect(mail!.parsed.subject).toBe('Order TA-100042 received');
    expect(mail!.parsed.from?.value).toEqual([{ name: 'TechAlly', address: 'shop@techally.test' }]);
    expect(mail!.parsed.text).toContain('Hello Ada Lovelace,');
    expect(mail!.parsed.text).toContain('2 × <script>alert(1)</script> @ $25.00 = $50.00\n  1 × Keyboard @ $109.00 = $109.00\n  Total: $159.00');
    expect(mail!.parsed.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail!.parsed.html).not.toContain('<script');
    const [row] = await deliveriesOf(event);
    expect(row).toEqual(expect.objectContaining({ status: 'SENT', attempts: 1, target: '', providerMessageId: `<${row!.id}@techally.notifications>` }));
    expect(mail!.parsed.messageId).toBe(row!.providerMessageId);
  });

  it('retries a server that defers twice with growing, jittered waits, and delivers ONE mail, not three', async () => {
    const bob = await customer('Bob');
    catcher.defer(bob.email, 2);
    const attemptsBefore = catcher.dataAttempts;
    const event = paid(randomUUID(), bob.id);
    await deliver(event);

    for (const [attempt, wait] of [[1, BASE_DELAY_MS * 0.75], [2, BASE_DELAY_MS * 2 * 0.75]] as const) {
      const before = clock().getTime();
      expect(await runOnce()).toEqual([expect.objectContaining({ status: 'RETRY', attempts: attempt, error: expect.stringMatching(/^SMTP: 451 /) })]);
      const [row] = await deliveriesOf(event);
      // Half the step plus the jitter's half of the other half (random 0.5): 45 s, then 90 s.
      expect(row!.nextAttemptAt.getTime() - before).toBeGreaterThanOrEqual(wait);
      expect(row!.nextAttemptAt.getTime() - before).toBeLessThan(wait + 5_000);
      expect(await runOnce()).toEqual([]); // not due yet
      advance(wait);
    }
    expect(await runOnce()).toEqual([expect.objectContaining({ status: 'SENT', attempts: 3 })]);
    expect(catcher.dataAttempts - attemptsBefore).toBe(3);
    expect(catcher.to(bob.email).map((mail) => mail.parsed.subject)).toEqual([expect.stringMatching(/^Order \w+ paid$/)]);
  });

  it('dead-letters a mailbox the server refuses for good at once, with the server’s reason', async () => {
    const cy = await customer('Cy');
    catcher.refuse(cy.email, 'No such mailbox here');
    const event = placed(randomUUID(), cy.id);
    await deliver(event);

    expect(await runOnce()).toEqual([expect.objectContaining({ status: 'DEAD', attempts: 1 })]);
    const [row] = await deliveriesOf(event);
    expect(row).toEqual(expect.objectContaining({ status: 'DEAD', sentAt: null, lastError: expect.stringMatching(/^SMTP: 550 No such mailbox here/) }));
    advance(24 * 3_600_000);
    expect(await runOnce()).toEqual([]);
    expect(catcher.to(cy.email)).toEqual([]);
  });

  it('dead-letters a delivery that failed its last try (DELIVERY_MAX_ATTEMPTS) with the last reason', async () => {
    const dee = await customer('Dee');
    catcher.defer(dee.email, 99);
    const event = placed(randomUUID(), dee.id);
    await deliver(event);
    const statuses: string[] = [];
    for (let turn = 0; turn < 3; turn += 1) {
      statuses.push(...(await runOnce()).map((outcome) => outcome.status));
      advance(BASE_DELAY_MS * 4);
    }
    expect(statuses).toEqual(['RETRY', 'RETRY', 'DEAD']);
    expect(await deliveriesOf(event)).toEqual([expect.objectContaining({ status: 'DEAD', attempts: 3, lastError: expect.stringMatching(/^SMTP: 451 /) })]);
    catcher.defer(dee.email, 0);
  });
});

describe('once per (event, channel, recipient)', () => {
  it('plans and sends each event’s email once, whether the events come twice, concurrently, past the inbox or out of order', async () => {
    const eve = await customer('Eve');
    const order = randomUUID();
    const [failed, cancel, place] = [paymentFailed(order), cancelled(order), placed(order, eve.id)];
    // Neither names the customer: their notifications wait, and nothing can be planned yet.
    await deliver(failed);
    await deliver(cancel);
    expect([...(await deliveriesOf(failed)), ...(await deliveriesOf(cancel))]).toEqual([]);

    await Promise.all([deliver(place), deliver(place)]);
    await deliver(place);
    await deliver(failed);
    await subgraph.orm.em.fork().transactional((tx) => applyNotifyingEvent(tx as EntityManager, place, { deliveryTargets: preferences }));

    const outcomes = await runOnce();
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['SENT', 'SENT', 'SENT']);
    expect(new Set(outcomes.map((outcome) => outcome.eventId))).toEqual(new Set([failed.id, cancel.id, place.id]));
    await deliver(place);
    expect(await runOnce()).toEqual([]);
    const ref = order.slice(0, 8).toUpperCase();
    expect(catcher.to(eve.email).map((mail) => mail.parsed.subject).sort()).toEqual([`Order ${ref} cancelled`, `Order ${ref} received`, `Payment for order ${ref} failed`]);
  });

  it('lets an email wait for a recipient the directory does not know yet, sends it once they are learned, and gives up after a week', async () => {
    const fay: Customer = { id: randomUUID(), name: 'Fay', email: 'fay@customers.test' };
    const event = placed(randomUUID(), fay.id);
    await deliver(event);
    expect(await runOnce()).toEqual([]);
    expect(await deliveriesOf(event)).toEqual([expect.objectContaining({ status: 'PENDING', attempts: 0 })]);

    await learn(fay);
    expect(await runOnce()).toEqual([expect.objectContaining({ eventId: event.id, status: 'SENT', attempts: 1 })]);
    expect(catcher.to(fay.email)).toHaveLength(1);

    const neverKnown = placed(randomUUID(), randomUUID());
    await deliver(neverKnown);
    advance(8 * 24 * 3_600_000);
    expect(await runOnce()).toEqual([]);
    expect(await deliveriesOf(neverKnown)).toEqual([
      expect.objectContaining({ status: 'DEAD', attempts: 0, lastError: 'the recipient never became known to the recipient directory' }),
    ]);
  });

  it('tries again, after its lease, a delivery whose worker died between claiming and recording it (at-least-once), up to the last try', async () => {
    const gus = await customer('Gus');
    const event = placed(randomUUID(), gus.id);
    await deliver(event);
    // A worker claims it and dies before the outcome is written (the provider may or may not have it).
    expect(await repository().claimDue(clock(), 100, new Date(clock().getTime() + LEASE_MS))).toHaveLength(1);
    expect(await runOnce()).toEqual([]);
    advance(LEASE_MS);
    expect(await runOnce()).toEqual([expect.objectContaining({ eventId: event.id, status: 'SENT', attempts: 2 })]);
    expect(catcher.to(gus.email)).toHaveLength(1);

    // Workers that die on every try, the last included: no further try, a dead letter that says so.
    const lost = placed(randomUUID(), gus.id);
    await deliver(lost);
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      expect(await repository().claimDue(clock(), 100, new Date(clock().getTime() + LEASE_MS))).toHaveLength(1);
      advance(LEASE_MS);
    }
    expect(await runOnce()).toEqual([expect.objectContaining({ eventId: lost.id, status: 'DEAD', attempts: 4 })]);
    expect(await deliveriesOf(lost)).toEqual([expect.objectContaining({ status: 'DEAD', lastError: 'no outcome of the last of 3 tries (the worker stopped during it)' })]);
    expect(catcher.to(gus.email)).toHaveLength(1);
  });

  it('shares the due deliveries between workers without sending any twice (for update skip locked)', async () => {
    const people = await Promise.all(Array.from({ length: 6 }, (_, index) => customer(`Shopper ${index}`)));
    for (const person of people) await deliver(placed(randomUUID(), person.id));
    const other = createDeliveryWorker({
      orm: subgraph.orm,
      senders: { EMAIL: createEmailSender({ smtpUrl: catcher.url, from: 'TechAlly <shop@techally.test>', mailDir: '/nonexistent', logger }) },
      signal: new DeliverySignal(),
      logger,
      clock,
      settings: { batchSize: 2 },
    });
    const sent: string[] = [];
    for (;;) {
      const turns = await Promise.all([subgraph.deliveries.runOnce(), other.runOnce(), other.runOnce()]);
      if (turns.every((outcomes) => outcomes.length === 0)) break;
      for (const outcome of turns.flat()) sent.push(`${outcome.status}:${outcome.id}`);
    }
    expect(sent).toHaveLength(6);
    expect(new Set(sent).size).toBe(6);
    expect(sent.every((entry) => entry.startsWith('SENT:'))).toBe(true);
    for (const person of people) expect(catcher.to(person.email)).toHaveLength(1);
  });
});

describe('preferences', () => {
  it('still sends the receipt to a customer who opted out of marketing (and even of order updates: transactional)', async () => {
    const hal = await customer('Hal');
    optedOut.set(hal.id, new Set<NotificationCategory>(['MARKETING', 'ORDER_UPDATES', 'REVIEWS']));
    const receipt = placed(randomUUID(), hal.id);
    const review = moderated(hal.id, true);
    await deliver(receipt);
    await deliver(review);
    expect(await deliveriesOf(review)).toEqual([]);
    expect(await runOnce()).toEqual([expect.objectContaining({ eventId: receipt.id, status: 'SENT' })]);
    expect(catcher.to(hal.email).map((mail) => mail.parsed.subject)).toEqual([expect.stringMatching(/^Order \w+ received$/)]);
    expect(await defaultDeliveryTargets.targetsFor(hal.id, 'MARKETING')).toEqual({ email: false, smsTo: null, push: [] });
  });

  it('tells a review’s author by email that a moderator hid it, with the reason, unless they opted out of REVIEWS', async () => {
    const ivy = await customer('Ivy');
    const review = moderated(ivy.id, true, 'Contains a phone number');
    await deliver(review);
    expect(await runOnce()).toEqual([expect.objectContaining({ eventId: review.id, status: 'SENT' })]);
    const [mail] = catcher.to(ivy.email);
    expect(mail!.parsed.subject).toBe('Your review was hidden');
    expect(mail!.parsed.text).toContain("The moderator's reason: Contains a phone number");
    const [row] = await subgraph.orm.em
      .fork()
      .getConnection()
      .execute<Array<{ order_id: string | null; product_id: string; recipient_id: string }>>(`select order_id, product_id, recipient_id from notifications.notification where event_id = ?`, [review.id]);
    expect(row).toEqual({ order_id: null, product_id: (review.payload as { productId: string }).productId, recipient_id: ivy.id });
  });
});

describe('the running worker', () => {
  it('is woken by the consumer that planned new work: the mail goes out at once, not at the next poll (an hour away)', async () => {
    const jo = await customer('Jo');
    await subgraph.listen(0);
    const before = catcher.received.length;
    await bus.publish(placed(randomUUID(), jo.id) as never);
    await catcher.untilReceived(before + 1);
    expect(catcher.to(jo.email).map((mail) => mail.parsed.subject)).toEqual([expect.stringMatching(/^Order \w+ received$/)]);
  });
});
