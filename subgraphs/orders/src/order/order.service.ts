import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode, isAdmin, pageSize, requireAdmin, requireViewer, type Viewer } from '@techally/platform';
import { isUuid } from '../shared/uuid';
import { decodeOrderCursor, orderCursor } from './order.cursor';
import type { OrderItem } from './order-item.entity';
import { OrderStatus } from './order-status';
import type { OrderStatusChange } from './order-status-change.entity';
import type { Order } from './order.entity';
import { OrderError } from './order.errors';
import type { OrderLoaders } from './order.loaders';
import { OrderRepository, type OrderListFilter } from './order.repository';
import { assertTransition, CANCELLABLE_STATUSES } from './order.state-machine';

/** How often a status change is re-judged after losing a race before the caller is told to retry. */
const MAX_TRANSITION_ATTEMPTS = 3;

interface TransitionStep {
  readonly reason: string;
  readonly actor: string;
  /** A use case's own rule on top of the state machine (cancel: only before payment); throws to refuse. */
  readonly guard?: (current: Order) => void;
}

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
 * - every status change goes through the state machine and the conditional UPDATE in the repository.
 */
export class OrderService {
  private readonly repository: OrderRepository;

  constructor(
    em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly loaders: OrderLoaders,
    private readonly clock: () => Date,
  ) {
    this.repository = new OrderRepository(em);
  }

  /** The order when the viewer may see it; null for anonymous callers, strangers and unknown ids alike. */
  async visible(id: string): Promise<Order | null> {
    if (!this.viewer || !isUuid(id)) return null;
    const order = await this.loaders.orderById.load(id.toLowerCase());
    return order && this.maySee(order) ? order : null;
  }

  /** `order(id)`: UNAUTHENTICATED when anonymous; NOT_FOUND for an unknown id and for someone else's order. */
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

  historyOf(order: Order): Promise<OrderStatusChange[]> {
    return this.loaders.historyByOrderId.load(order.id);
  }

  /** The currency of the order a line belongs to (already in the request's identity map, as a rule). */
  async currencyOf(item: OrderItem): Promise<string> {
    const order = item.order.isInitialized() ? item.order.getEntity() : await this.loaders.orderById.load(item.order.id);
    // The foreign key guarantees the row; a miss here is a bug, surfaced (and masked) as an internal error.
    if (!order) throw new Error(`order ${item.order.id} of item ${item.id} is missing`);
    return order.currency;
  }

  /** The customer (their own order) or an administrator; only PENDING or AWAITING_PAYMENT orders. */
  async cancel(id: string): Promise<Order> {
    const viewer = requireViewer(this.viewer);
    const order = await this.require(id);
    const byCustomer = order.customerId === viewer.userId;
    return this.transition(order, OrderStatus.CANCELLED, {
      reason: byCustomer ? 'cancelled by the customer' : 'cancelled by an administrator',
      actor: `${byCustomer ? 'customer' : 'admin'}:${viewer.userId}`,
      guard: (current) => {
        if (!CANCELLABLE_STATUSES.includes(current.status)) throw OrderError.notCancellable(current.id, current.status);
      },
    });
  }

  /** Administrators: a PAID order has been handed to the carrier. Any other status is an illegal transition. */
  async fulfill(id: string): Promise<Order> {
    const viewer = requireAdmin(this.viewer);
    const order = await this.require(id);
    return this.transition(order, OrderStatus.FULFILLED, { reason: 'handed to the carrier', actor: `admin:${viewer.userId}` });
  }

  /**
   * Applies one step of the state machine and records it. The repository's UPDATE is conditional on the
   * status read here, so when a concurrent request moved the order first, nothing is written: the order is
   * read again and the step re-judged from where it really is now (a racing second cancellation then hears
   * ORDER_NOT_CANCELLABLE; a cancellation that raced PENDING → AWAITING_PAYMENT still applies).
   */
  private async transition(order: Order, to: OrderStatus, step: TransitionStep): Promise<Order> {
    let current = order;
    for (let attempt = 1; ; attempt += 1) {
      step.guard?.(current);
      assertTransition(current.status, to);
      // Strictly after the previous step (which set updatedAt), so the history sorts by time even within a millisecond.
      const at = new Date(Math.max(this.clock().getTime(), current.updatedAt.getTime() + 1));
      const from = current.status;
      const applied = await this.repository.transition({ orderId: current.id, from, to, at, reason: step.reason, actor: step.actor });
      current = await this.repository.reload(current);
      if (applied) {
        this.loaders.historyByOrderId.clear(current.id);
        return current;
      }
      if (attempt === MAX_TRANSITION_ATTEMPTS) {
        throw new DomainError(ErrorCode.CONFLICT, `Order ${current.id} is changing right now; try again.`, { id: current.id });
      }
    }
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
