import { createLogger } from '@techally/platform';
import type { AnyEventEnvelope, EventConsumer } from '@techally/events';
import type { OrdersHarness } from '../../__tests__/orders-harness';
import type { SagaDependencies } from '../order-reaction';

/** The saga's dependencies over the harness's database, with the spec's clock. */
export function sagaDependencies(h: OrdersHarness, clock: () => Date = () => new Date()): SagaDependencies {
  return { orm: h.subgraph.orm, clock, logger: createLogger({ name: 'orders-saga-spec', level: 'silent' }) };
}

/** Hands an event to a consumer as the bus would (first delivery). */
export function deliver(consumer: EventConsumer, event: AnyEventEnvelope): Promise<void> {
  return consumer.handle(event, { deliveries: 1, group: consumer.group, consumer: 'spec' });
}

export interface HistoryRow {
  readonly from_status: string | null;
  readonly to_status: string;
  readonly reason: string;
  readonly actor: string;
}

/** An order's history, oldest step first. */
export function historyOf(h: OrdersHarness, orderId: string): Promise<HistoryRow[]> {
  return h.sql<HistoryRow>(
    `select from_status, to_status, reason, actor from orders.order_status_change where order_id = ? order by at, id`,
    [orderId],
  );
}

export interface OrderRow {
  readonly status: string;
  readonly cancellation_reason: string | null;
  /** ISO 8601, like the events carry it. */
  readonly payment_due_at: string | null;
}

export async function orderRow(h: OrdersHarness, orderId: string): Promise<OrderRow> {
  const [row] = await h.sql<OrderRow>(`select status, cancellation_reason,
            to_char(payment_due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as payment_due_at
     from orders."order" where id = ?`, [orderId]);
  if (!row) throw new Error(`no order ${orderId}`);
  return row;
}

/** Whether the consumer's inbox recorded the event (it did exactly when the handler's transaction committed). */
export async function inboxHas(h: OrdersHarness, eventId: string, group: string): Promise<boolean> {
  const rows = await h.sql(`select 1 from orders.inbox where event_id = ? and consumer = ?`, [eventId, group]);
  return rows.length === 1;
}

/**
 * Polls `probe` until it returns something other than `undefined`/`false`; fails after `timeoutMs` naming
 * `what`. A safety net for asynchronous delivery, never an assertion on time.
 */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
