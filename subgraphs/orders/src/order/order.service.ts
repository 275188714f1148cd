import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventMetadata } from '@techally/events';
import { DomainError, isAdmin, pageSize, requireAdmin, requireViewer, type Viewer, isUuid } from '@techally/platform';
import { CancellationReason } from './cancellation-reason';
import { decodeOrderCursor, orderCursor } from './order.cursor';
import type { OrderItem } from './order-item.entity';
import { OrderStatus } from './order-status';
import type { OrderStatusChange } from './order-status-change.entity';
import type { Order } from './order.entity';
import { OrderError } from './order.errors';
import type { OrderLoaders } from './order.loaders';
import { OrderRepository, type OrderListFilter } from './order.repository';
import { CANCELLABLE_STATUSES } from './order.state-machine';
import { OrderTransitions, type DecideTransition } from './order.transitions';

export interface PageRequest {
  readonly first?: number | null;
  readonly after?: string | null;
}

export interface OrderListRequest extends PageRequest {
  readonly filter?: { readonly status?: OrderStatus | null; readonly customerId?: string | null } | null;
}

export interface OrderPage {
  readonly edges: ReadonlyArray<{ readonly cursor: string; readonly node: Order }>;
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
  /** Counted only when asked for. */
  totalCount(): Promise<number>;
}

/**
 * The order use cases of one request, except placing one (CheckoutService). Authorization is decided here, in
 * the subgraph that owns the data, for every way in: root fields, `User.orders` and `_entities`.
 *
 * - an order is visible to its customer and to administrators; to anyone else it does not exist (NOT_FOUND,
 *   the same answer as an unknown id, never the data);
 * - every status change goes through `OrderTransitions` (state machine, conditional UPDATE, history, events).
 */
export class OrderService {
  private readonly repository: OrderRepository;
  private readonly transitions: OrderTransitions;

  constructor(
    em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly loaders: OrderLoaders,
    clock: () => Date,
    /** Carried by the events this request causes (its request id). */
    private readonly eventMetadata: EventMetadata = {},
  ) {
    this.repository = new OrderRepository(em);
    this.transitions = new OrderTransitions(em, clock);
  }

  /** The order when the viewer may see it; null for anonymous callers, strangers and unknown ids alike. */
  async visible(id: string): Promise<Order | null> {
    if (!this.viewer || !isUuid(id)) return null;
    const order = await this.loaders.orderById.load(id.toLowerCase());
    return order && this.maySee(order) ? order : null;
  }

  /**
   * `order(id)`, and who may follow an order live (`orderStatusChanged`): UNAUTHENTICATED when anonymous;
   * NOT_FOUND, with the same message, for an unknown or malformed id and for someone else's order — one answer
   * everywhere, so no way in tells whether an id exists (issue #9).
   */
  async require(id: string): Promise<Order> {
    requireViewer(this.viewer);
    const order = await this.visible(id);
    if (!order) throw OrderError.notFound(id);
    return order;
  }

  /** Every order, newest first, optionally narrowed by status and customer: administrators only. */
  async list(request: OrderListRequest): Promise<OrderPage> {
    requireAdmin(this.viewer);
    const first = pageSize(request.first);
    const filter = listFilter(request.filter);
    const after = request.after ? decodeOrderCursor(request.after) : null;
    const { orders, hasNextPage } = await this.repository.listPage({ filter, after, first });
    this.prime(orders);
    return this.page(orders, hasNextPage, after !== null, () => this.repository.count(filter));
  }

  /**
   * `User.orders`: a customer's orders, newest first, for that customer themself or an administrator
   * (UNAUTHENTICATED when anonymous, FORBIDDEN for anyone else). Through the request's loader, so the orders of
   * every user in a response cost one statement.
   */
  async ofCustomer(customerId: string, request: PageRequest): Promise<OrderPage> {
    const viewer = requireViewer(this.viewer);
    if (viewer.userId !== customerId && !isAdmin(viewer)) {
      throw DomainError.forbidden('Only the customer themself or an administrator can see their orders.');
    }
    const first = pageSize(request.first);
    const after = request.after ? decodeOrderCursor(request.after) : null;
    if (!isUuid(customerId)) return this.page([], false, after !== null, () => Promise.resolve(0));
    const id = customerId.toLowerCase();
    const { orders, hasNextPage } = await this.loaders.customerPage.load({ customerId: id, first, after });
    this.prime(orders);
    return this.page(orders, hasNextPage, after !== null, () => this.loaders.orderCountByCustomer.load(id));
  }

  itemsOf(order: Order): Promise<OrderItem[]> {
    return this.loaders.itemsByOrderId.load(order.id);
  }

  /**
   * The order's history as of the row `order` was read from, so `status` and `statusHistory` of one answer
   * always agree (issue #9). The history is a second statement, and under READ COMMITTED a step committed
   * between the two would show in the history but not in the status. Every step sets the order's `updatedAt`
   * to its own time, strictly after the previous step's (OrderTransitions), so the steps the row knows are
   * exactly those at or before its `updatedAt`. Cheaper than a REPEATABLE READ transaction around the request's
   * reads (one more round trip each way, and on the embedded PGlite a transaction holds the one session across
   * the whole resolution) or than loading the history with every order read.
   */
  async historyOf(order: Order): Promise<OrderStatusChange[]> {
    const history = await this.loaders.historyByOrderId.load(order.id);
    return history.filter((step) => step.at.getTime() <= order.updatedAt.getTime());
  }

  /** The currency of the order a line belongs to (already in the request's identity map, as a rule). */
  async currencyOf(item: OrderItem): Promise<string> {
    const order = item.order.isInitialized() ? item.order.getEntity() : await this.loaders.orderById.load(item.order.id);
    // The foreign key guarantees the row; a miss here is a bug, surfaced (and masked) as an internal error.
    if (!order) throw new Error(`order ${item.order.id} of item ${item.id} is missing`);
    return order.currency;
  }

  /**
   * The customer (their own order) or an administrator; only PENDING or AWAITING_PAYMENT orders. Emits
   * `order-cancelled` (CUSTOMER_REQUESTED / ADMIN_REQUESTED), so inventory and payments compensate.
   */
  async cancel(id: string): Promise<Order> {
    const viewer = requireViewer(this.viewer);
    const order = await this.require(id);
    const byCustomer = order.customerId === viewer.userId;
    return this.transition(order, (current) => {
      if (!CANCELLABLE_STATUSES.includes(current.status)) throw OrderError.notCancellable(current.id, current.status);
      return {
        to: OrderStatus.CANCELLED,
        reason: byCustomer ? 'cancelled by the customer' : 'cancelled by an administrator',
        actor: `${byCustomer ? 'customer' : 'admin'}:${viewer.userId}`,
        cancellationReason: byCustomer ? CancellationReason.CUSTOMER_REQUESTED : CancellationReason.ADMIN_REQUESTED,
      };
    });
  }

  /** Administrators: a PAID order has been handed to the carrier. Any other status is an illegal transition. */
  async fulfill(id: string): Promise<Order> {
    const viewer = requireAdmin(this.viewer);
    const order = await this.require(id);
    return this.transition(order, () => ({ to: OrderStatus.FULFILLED, reason: 'handed to the carrier', actor: `admin:${viewer.userId}` }));
  }

  /** A use case's step (decisions here always take one or throw), then the request's history cache is stale. */
  private async transition(order: Order, decide: DecideTransition): Promise<Order> {
    const outcome = await this.transitions.apply(order, decide, this.eventMetadata);
    this.loaders.historyByOrderId.clear(outcome.order.id);
    return outcome.order;
  }

  private maySee(order: Order): boolean {
    return order.customerId === this.viewer?.userId || isAdmin(this.viewer);
  }

  private prime(orders: ReadonlyArray<Order>): void {
    for (const order of orders) this.loaders.orderById.prime(order.id, order);
  }

  private page(orders: Order[], hasNextPage: boolean, hasPreviousPage: boolean, totalCount: () => Promise<number>): OrderPage {
    return { edges: orders.map((node) => ({ cursor: orderCursor(node), node })), hasNextPage, hasPreviousPage, totalCount };
  }
}

function listFilter(filter: OrderListRequest['filter']): OrderListFilter {
  const customerId = filter?.customerId ?? undefined;
  if (customerId !== undefined && !isUuid(customerId)) {
    throw DomainError.badUserInput(`filter.customerId "${customerId}" is not a user id.`, 'filter.customerId');
  }
  return {
    ...(filter?.status ? { status: filter.status } : {}),
    ...(customerId !== undefined ? { customerId: customerId.toLowerCase() } : {}),
  };
}
