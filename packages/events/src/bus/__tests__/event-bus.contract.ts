import { randomUUID } from 'node:crypto';
import type { AnyEventEnvelope, ConsumerTuning, Delivery, EventBus, EventType } from '../../index';
import { gate, waitFor } from '../../__tests__/support/wait-for';
import { malformedOrderPlaced, orderCancelled, orderPlaced, stockChanged } from '../../__tests__/support/sample-events';

/**
 * Short idle and claim times so redelivery happens within a test; the semantics are the production ones. The
 * idle time stays well above how long a trivial handler holds an entry, even on a loaded CI machine, or the
 * "once" cases would see legitimate at-least-once duplicates.
 */
export const CONTRACT_TUNING: Partial<ConsumerTuning> = {
  claimMinIdleMs: 1_000,
  claimIntervalMs: 100,
  blockMs: 100,
  retryInitialMs: 50,
  retryMaxMs: 500,
};

export interface BusUnderTest {
  /** A new, empty bus (its own streams) with {@link CONTRACT_TUNING}; closed after the test. */
  create(): EventBus;
}

interface Received {
  readonly consumer: string;
  readonly id: string;
  readonly type: string;
  readonly deliveries: number;
}

/**
 * The behaviour every {@link EventBus} must have (README.md, Design decisions): the Redis Streams bus and the in-memory bus
 * run this same suite, so the embedded start behaves like production.
 */
export function describeEventBusContract(name: string, subject: BusUnderTest): void {
  describe(`${name}: the event bus contract`, () => {
    let bus: EventBus;
    let received: Received[];

    beforeEach(() => {
      bus = subject.create();
      received = [];
    });
    afterEach(async () => {
      await bus.close();
    });

    function recorder(consumer: string, react?: (envelope: AnyEventEnvelope, delivery: Delivery) => Promise<void>) {
      return async (envelope: AnyEventEnvelope, delivery: Delivery) => {
        received.push({ consumer, id: envelope.id, type: envelope.type, deliveries: delivery.deliveries });
        await react?.(envelope, delivery);
      };
    }

    const idsOf = (consumer?: string) => received.filter((r) => !consumer || r.consumer === consumer).map((r) => r.id);
    const hasReceived = (id: string, consumer?: string) => idsOf(consumer).includes(id);

    async function subscribe(group: string, consumer: string, types: EventType[], handler = recorder(consumer), maxDeliveries?: number) {
      return bus.subscribe<EventType>({ group, consumer, types, handler, ...(maxDeliveries ? { maxDeliveries } : {}) });
    }

    it('delivers a published event to a consumer of the group once, with the envelope intact', async () => {
      const seen: AnyEventEnvelope[] = [];
      await bus.subscribe({
        group: 'inventory.reserve-stock',
        consumer: 'c1',
        types: ['orders.order-placed.v1'],
        handler: async (envelope, delivery) => {
          seen.push(envelope);
          received.push({ consumer: 'c1', id: envelope.id, type: envelope.type, deliveries: delivery.deliveries });
        },
      });
      const event = orderPlaced();
      const marker = orderPlaced();
      await bus.publish(event);
      await bus.publish(marker);
      await waitFor('the marker event', () => hasReceived(marker.id));
      expect(idsOf()).toEqual([event.id, marker.id]);
      expect(seen[0]).toEqual(event);
      expect(received[0]!.deliveries).toBe(1);
      expect(await bus.readDeadLetters()).toEqual([]);
    });

    it('gives every group each event once', async () => {
      await subscribe('inventory.reserve-stock', 'inventory-1', ['orders.order-placed.v1']);
      await subscribe('payments.create-payment', 'payments-1', ['orders.order-placed.v1']);
      const event = orderPlaced();
      const marker = orderPlaced();
      await bus.publish(event);
      await bus.publish(marker);
      await waitFor('both groups to see the marker', () => hasReceived(marker.id, 'inventory-1') && hasReceived(marker.id, 'payments-1'));
      expect(idsOf('inventory-1')).toEqual([event.id, marker.id]);
      expect(idsOf('payments-1')).toEqual([event.id, marker.id]);
    });

    it('shares a group’s events among its consumers, each event to one of them', async () => {
      await subscribe('search.index', 'search-1', ['inventory.stock-changed.v1']);
      await subscribe('search.index', 'search-2', ['inventory.stock-changed.v1']);
      const events = Array.from({ length: 30 }, () => stockChanged());
      for (const event of events) await bus.publish(event);
      await waitFor('all 30 events', () => events.every((event) => hasReceived(event.id)));
      expect([...idsOf()].sort()).toEqual(events.map((event) => event.id).sort());
    });

    it('keeps the publication order of one stream for a consumer', async () => {
      await subscribe('orders.audit', 'audit-1', ['orders.order-placed.v1', 'orders.order-cancelled.v1']);
      const orderId = randomUUID();
      const events = [orderPlaced(orderId), orderCancelled(orderId), orderPlaced(), orderCancelled()];
      for (const event of events) await bus.publish(event);
      await waitFor('the four events', () => received.length === 4);
      expect(idsOf()).toEqual(events.map((event) => event.id));
    });

    it('hands a consumer only the types it subscribed to, skipping the others of the same stream', async () => {
      await subscribe('inventory.release-stock', 'inventory-1', ['orders.order-cancelled.v1']);
      const placed = orderPlaced();
      const cancelled = orderCancelled();
      await bus.publish(placed);
      await bus.publish(cancelled);
      await waitFor('the cancellation', () => hasReceived(cancelled.id));
      expect(received.map((r) => r.type)).toEqual(['orders.order-cancelled.v1']);
    });

    it('reads every stream of a subscription side by side: a backlog in one holds back no other’s events', async () => {
      // The streams are read in name order (inventory before orders); at most a batch of each per read, as Redis'
      // XREADGROUP counts per stream. The embedded bus used to fill the batch from the first stream, so a consumer
      // of two domains saw nothing of the second until the first was drained.
      const backlog = Array.from({ length: 25 }, () => stockChanged());
      for (const event of backlog) await bus.publish(event);
      const placed = orderPlaced();
      await bus.publish(placed);
      await subscribe('analytics.record', 'analytics-1', ['inventory.stock-changed.v1', 'orders.order-placed.v1']);
      await waitFor('all 26 events', () => received.length === 26);
      expect(idsOf().indexOf(placed.id)).toBeLessThan(backlog.length);
    });

    it('starts a new group at the beginning of the stream, so events published before it subscribed still reach it', async () => {
      const early = orderPlaced();
      await bus.publish(early);
      await subscribe('reviews.verified-buyers', 'reviews-1', ['orders.order-placed.v1']);
      await waitFor('the earlier event', () => hasReceived(early.id));
    });

    it('reads a domain stream from its beginning, page by page, without touching any group', async () => {
      const events = [orderPlaced(), orderCancelled(), orderPlaced()];
      for (const event of events) await bus.publish(event);
      await bus.publish(stockChanged());
      const first = await bus.readStream('orders', null, 2);
      const rest = await bus.readStream('orders', first[1]!.id, 10);
      expect([...first, ...rest].map((entry) => (JSON.parse(entry.envelope) as AnyEventEnvelope).id)).toEqual(events.map((event) => event.id));
      expect(rest.map((entry) => entry.type)).toEqual(['orders.order-placed.v1']);
      expect(await bus.readStream('orders', rest[0]!.id, 10)).toEqual([]);
      expect(await bus.readStream('nothing-here', null, 10)).toEqual([]);
      // A group created afterwards still gets every event: reading took nothing from the stream.
      await subscribe('analytics.replay-check', 'a-1', ['orders.order-placed.v1']);
      await waitFor('both placements', () => idsOf('a-1').length === 2);
    });

    it('delivers an event again when the handler throws, then acknowledges it', async () => {
      let failures = 0;
      await subscribe('payments.create-payment', 'payments-1', ['orders.order-placed.v1'], recorder('payments-1', async () => {
        if (failures++ === 0) throw new Error('the payment provider timed out');
      }));
      const event = orderPlaced();
      await bus.publish(event);
      await waitFor('the second delivery', () => received.length >= 2);
      const marker = orderPlaced();
      await bus.publish(marker);
      await waitFor('the marker', () => hasReceived(marker.id));
      expect(received.filter((r) => r.id === event.id).map((r) => r.deliveries)).toEqual([1, 2]);
      expect(await bus.readDeadLetters()).toEqual([]);
    });

    it('dead-letters an event after maxDeliveries failed deliveries, and delivers it no more', async () => {
      const poison = orderPlaced();
      await subscribe('inventory.reserve-stock', 'inventory-1', ['orders.order-placed.v1'], recorder('inventory-1', async (envelope) => {
        if (envelope.id === poison.id) throw new Error('cannot reserve: bug #42');
      }), 3);
      await bus.publish(poison);
      const [letter] = await waitFor('the dead letter', async () => {
        const letters = await bus.readDeadLetters();
        return letters.length > 0 && letters;
      });
      expect(letter).toMatchObject({
        group: 'inventory.reserve-stock',
        stream: 'orders',
        type: 'orders.order-placed.v1',
        eventId: poison.id,
        deliveries: 3,
        error: 'cannot reserve: bug #42',
      });
      expect(JSON.parse(letter!.envelope)).toEqual(poison);
      const marker = orderPlaced();
      await bus.publish(marker);
      await waitFor('the marker', () => hasReceived(marker.id));
      expect(received.filter((r) => r.id === poison.id).map((r) => r.deliveries)).toEqual([1, 2, 3]);
    });

    it('dead-letters a malformed payload at once, without calling the handler', async () => {
      await subscribe('inventory.reserve-stock', 'inventory-1', ['orders.order-placed.v1']);
      const bad = malformedOrderPlaced();
      await bus.publish(bad);
      const [letter] = await waitFor('the dead letter', async () => {
        const letters = await bus.readDeadLetters();
        return letters.length > 0 && letters;
      });
      expect(letter).toMatchObject({ eventId: bad.id, deliveries: 1, group: 'inventory.reserve-stock' });
      expect(letter!.error).toContain('payload.orderId');
      expect(letter!.error).toContain('payload.items');
      const marker = orderPlaced();
      await bus.publish(marker);
      await waitFor('the marker', () => hasReceived(marker.id));
      expect(idsOf()).toEqual([marker.id]);
    });

    it('lets another consumer of the group take over an event its consumer stopped holding without acknowledging', async () => {
      const inHand = gate();
      await subscribe('payments.create-payment', 'crashing', ['orders.order-placed.v1'], recorder('crashing', () => inHand.promise));
      const event = orderPlaced();
      await bus.publish(event);
      await waitFor('the first consumer to hold the event', () => hasReceived(event.id, 'crashing'));
      // The first consumer is stuck mid-event (as a process that died would be): a second one takes over.
      await subscribe('payments.create-payment', 'survivor', ['orders.order-placed.v1']);
      await waitFor('the survivor to get the event', () => hasReceived(event.id, 'survivor'));
      expect(received).toEqual([
        { consumer: 'crashing', id: event.id, type: 'orders.order-placed.v1', deliveries: 1 },
        { consumer: 'survivor', id: event.id, type: 'orders.order-placed.v1', deliveries: 2 },
      ]);
      inHand.fail(new Error('the process died'));
      expect(await bus.readDeadLetters()).toEqual([]);
    });

    it('finishes and acknowledges the event in hand when a subscription stops', async () => {
      const inHand = gate();
      const first = await subscribe('notifications.receipts', 'n1', ['payments.payment-succeeded.v1', 'orders.order-placed.v1'], recorder('n1', () => inHand.promise));
      const event = orderPlaced();
      await bus.publish(event);
      await waitFor('the event in hand', () => hasReceived(event.id, 'n1'));
      const stopping = first.stop();
      inHand.open();
      await stopping;
      await subscribe('notifications.receipts', 'n2', ['orders.order-placed.v1', 'payments.payment-succeeded.v1']);
      const marker = orderPlaced();
      await bus.publish(marker);
      await waitFor('the marker', () => hasReceived(marker.id, 'n2'));
      expect(idsOf('n2')).toEqual([marker.id]);
    });

    it('refuses a subscription to an unknown type, and a consumer of a group that handles other types', async () => {
      await expect(bus.subscribe({ group: 'g', consumer: 'c', types: ['orders.order-shipped.v9' as EventType], handler: async () => undefined })).rejects.toThrow(
        'not in the event catalogue',
      );
      await subscribe('search.index', 'search-1', ['inventory.stock-changed.v1']);
      await expect(subscribe('search.index', 'search-2', ['orders.order-placed.v1'])).rejects.toThrow('must handle the same types');
    });
  });
}
