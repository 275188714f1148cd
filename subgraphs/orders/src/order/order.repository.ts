import { randomUUID } from 'node:crypto';
import { raw, TransactionPropagation } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { appendToOutbox, type AnyEventEnvelope } from '@techally/events';
import { violatedUniqueConstraint } from '@techally/platform';
import { TABLES } from '../database';
import type { CancellationReason } from './cancellation-reason';
import type { OrdersPosition } from './order.cursor';
import { OrderItem } from './order-item.entity';
import { OrderStatus } from './order-status';
import { OrderStatusChange } from './order-status-change.entity';
import { Order, ORDER_IDEMPOTENCY_UNIQUE } from './order.entity';

export interface OrderListFilter {
  readonly status?: OrderStatus;
  readonly customerId?: string;
}

export interface OrdersPageQuery {
  readonly filter: OrderListFilter;
  readonly after: OrdersPosition | null;
  readonly first: number;
}

/** One customer's page of orders, as the `User.orders` loader asks for it. */
export interface CustomerPageQuery {
  readonly customerId: string;
  readonly after: OrdersPosition | null;
  readonly first: number;
}

export interface OrdersPage {
  readonly orders: Order[];
  readonly hasNextPage: boolean;
}

/** Where the expiry sweeper's walk is: the last order it looked at. */
export interface OverdueCursor {
  readonly id: string;
  readonly paymentDueAt: Date;
}

/** Where the pending-order deadline's walk is: the last order it looked at (index (status, placed_at, id)). */
export interface PendingCursor {
  readonly id: string;
  readonly placedAt: Date;
}

export interface StatusTransition {
  readonly orderId: string;
  readonly from: OrderStatus;
  readonly to: OrderStatus;
  readonly at: Date;
  readonly reason: string;
  readonly actor: string;
  /** Set with the status when the step is to AWAITING_PAYMENT. */
  readonly paymentDueAt?: Date | undefined;
  /** Set with the status when the step is to CANCELLED. */
  readonly cancellationReason?: CancellationReason | undefined;
  /** Written to the outbox in the same transaction, only when the step applied. */
  readonly events?: ReadonlyArray<AnyEventEnvelope>;
}

/**
 * Orders in Postgres. Writes happen in short transactions that never wait on another service; the unique
 * index on (customer, idempotency key) and the conditional status UPDATE are what settle races, not checks
 * made before writing.
 */
export class OrderRepository {
  constructor(private readonly em: EntityManager) {}

  findByIdempotencyKey(customerId: string, idempotencyKey: string): Promise<Order | null> {
    return this.em.findOne(Order, { customerId, idempotencyKey });
  }

  /** Reads the row again, whatever this request's identity map holds. */
  reload(order: Order): Promise<Order> {
    return this.em.refreshOrFail(order);
  }

  /**
   * Inserts a new order with its lines, first history entry and `events` (outbox), in one transaction, after
   * `check` (which may refuse by throwing) ran in it. False, with nothing written, when the customer already
   * has an order under the same idempotency key (a concurrent twin won). The events are built after the
   * order's insert, which draws its number (they carry it, issue #14): the same statements, in two flushes.
   */
  async insertPlaced(
    order: Order,
    items: ReadonlyArray<OrderItem>,
    placed: OrderStatusChange,
    events: () => ReadonlyArray<AnyEventEnvelope>,
    check?: (tx: EntityManager) => Promise<void>,
  ): Promise<boolean> {
    try {
      await this.em.transactional(async (tx) => {
        await check?.(tx);
        tx.persist([order, ...items, placed]);
        await tx.flush();
        appendToOutbox(tx, events());
      });
      return true;
    } catch (error) {
      if (violatedUniqueConstraint(error) === ORDER_IDEMPOTENCY_UNIQUE) return false;
      // Refused by `check` while a twin under this key won: the twin's order is the answer (a replay).
      if (check && (await this.findByIdempotencyKey(order.customerId, order.idempotencyKey))) return false;
      throw error;
    }
  }

  /**
   * Moves an order from `from` to `to`, records the step and writes its events, in one transaction (the
   * caller's, when it has one: a consumer's inbox transaction). The UPDATE only matches while the order is still
   * in `from`, so of two concurrent transitions exactly one applies; false when this one lost (nothing written).
   */
  transition(change: StatusTransition): Promise<boolean> {
    return this.em.transactional(async (tx) => {
      const updated = await tx.nativeUpdate(
        Order,
        { id: change.orderId, status: change.from },
        {
          status: change.to,
          updatedAt: change.at,
          ...(change.paymentDueAt !== undefined ? { paymentDueAt: change.paymentDueAt } : {}),
          ...(change.cancellationReason !== undefined ? { cancellationReason: change.cancellationReason } : {}),
        },
      );
      if (updated === 0) return false;
      await tx.insert(OrderStatusChange, {
        id: randomUUID(),
        order: change.orderId,
        fromStatus: change.from,
        toStatus: change.to,
        reason: change.reason,
        actor: change.actor,
        at: change.at,
      });
      appendToOutbox(tx, change.events ?? []);
      return true;
    }, { propagation: TransactionPropagation.REQUIRED });
  }

  /** An order's lines, in the order they were placed in (the facts of `order-paid`). */
  linesOf(orderId: string): Promise<OrderItem[]> {
    return this.em.find(OrderItem, { order: orderId }, { orderBy: { position: 'asc' } });
  }

  /**
   * Unpaid orders whose payment deadline passed before `now`, by deadline, `limit` at a time, after `after` (the
   * last one of the previous batch): the expiry sweeper's walk, over the partial index of AWAITING_PAYMENT orders.
   */
  async overdue(now: Date, after: OverdueCursor | null, limit: number): Promise<OverdueCursor[]> {
    const qb = this.em
      .createQueryBuilder(Order, 'o')
      .select(['id', 'paymentDueAt'])
      .where({ status: OrderStatus.AWAITING_PAYMENT, paymentDueAt: { $lt: now } });
    if (after) qb.andWhere('(o.payment_due_at, o.id) > (?::timestamptz, ?::uuid)', [after.paymentDueAt, after.id]);
    const orders = await qb.orderBy([{ paymentDueAt: 'asc' }, { id: 'asc' }]).limit(limit).getResultList();
    return orders.map((order) => ({ id: order.id, paymentDueAt: order.paymentDueAt as Date }));
  }

  /** PENDING orders placed before `placedBefore`, oldest first, after `after` (keyset on placed_at, id). */
  async pendingSince(placedBefore: Date, after: PendingCursor | null, limit: number): Promise<PendingCursor[]> {
    const qb = this.em
      .createQueryBuilder(Order, 'o')
      .select(['id', 'placedAt'])
      .where({ status: OrderStatus.PENDING, placedAt: { $lt: placedBefore } });
    if (after) qb.andWhere('(o.placed_at, o.id) > (?::timestamptz, ?::uuid)', [after.placedAt, after.id]);
    const orders = await qb.orderBy([{ placedAt: 'asc' }, { id: 'asc' }]).limit(limit).getResultList();
    return orders.map((order) => ({ id: order.id, placedAt: order.placedAt }));
  }

  /** Newest first, one page plus one row (which only tells whether there is a next page): one statement. */
  async listPage(query: OrdersPageQuery): Promise<OrdersPage> {
    const qb = this.em.createQueryBuilder(Order, 'o').where(this.where(query.filter));
    if (query.after) {
      qb.andWhere('(o.placed_at, o.id) < (?::timestamptz, ?::uuid)', [query.after.placedAt, query.after.id]);
    }
    qb.orderBy([{ placedAt: 'desc' }, { id: 'desc' }]).limit(query.first + 1);
    const rows = await qb.getResultList();
    return { orders: rows.slice(0, query.first), hasNextPage: rows.length > query.first };
  }

  count(filter: OrderListFilter): Promise<number> {
    return this.em.count(Order, this.where(filter));
  }

  /**
   * A page of orders for each of many customers, in one statement whatever their number: a lateral join runs
   * the keyset query per customer (each with its own `after` and page size), served by the (customer_id,
   * placed_at, id) index.
   */
  async customerPages(queries: ReadonlyArray<CustomerPageQuery>): Promise<OrdersPage[]> {
    if (queries.length === 0) return [];
    const keys = queries.map((query, index) => ({
      idx: index,
      customer_id: query.customerId,
      after_at: query.after?.placedAt.toISOString() ?? null,
      after_id: query.after?.id ?? null,
      lim: query.first + 1,
    }));
    const rows = await this.em.getConnection().execute<Array<Record<string, unknown> & { request_index: number }>>(
      `select k.idx as request_index, o.*
       from jsonb_to_recordset(?::jsonb) as k(idx int, customer_id uuid, after_at timestamptz, after_id uuid, lim int)
       cross join lateral (
         select * from ${TABLES.order} o
         where o.customer_id = k.customer_id
           and (k.after_id is null or (o.placed_at, o.id) < (k.after_at, k.after_id))
         order by o.placed_at desc, o.id desc
         limit k.lim
       ) o
       order by k.idx, o.placed_at desc, o.id desc`,
      [JSON.stringify(keys)],
    );
    const pages = queries.map(() => [] as Order[]);
    for (const { request_index: index, ...row } of rows) pages[index]?.push(this.em.map(Order, row));
    return pages.map((orders, index) => {
      const first = queries[index]?.first ?? 0;
      return { orders: orders.slice(0, first), hasNextPage: orders.length > first };
    });
  }

  /** How many orders each customer has, in one statement; customers without any are absent from the map. */
  async countByCustomer(customerIds: ReadonlyArray<string>): Promise<Map<string, number>> {
    const rows = await this.em
      .createQueryBuilder(Order, 'o')
      .select(['o.customer_id', raw('count(*)::int as count')])
      .where({ customerId: { $in: [...customerIds] } })
      .groupBy('o.customer_id')
      .execute<Array<{ customer_id: string; count: number }>>('all', false);
    return new Map(rows.map((row) => [row.customer_id, row.count]));
  }

  /** The lines of many orders, in one statement, each order's in the order they were placed in. */
  itemsOf(orderIds: ReadonlyArray<string>): Promise<OrderItem[]> {
    return this.em.find(OrderItem, { order: { $in: [...orderIds] } }, { orderBy: { order: 'asc', position: 'asc' } });
  }

  /** The history of many orders, in one statement, oldest step first. */
  historyOf(orderIds: ReadonlyArray<string>): Promise<OrderStatusChange[]> {
    return this.em.find(OrderStatusChange, { order: { $in: [...orderIds] } }, { orderBy: { at: 'asc', id: 'asc' } });
  }

  private where(filter: OrderListFilter): Record<string, unknown> {
    return {
      ...(filter.status !== undefined ? { status: filter.status } : {}),
      ...(filter.customerId !== undefined ? { customerId: filter.customerId } : {}),
    };
  }
}
