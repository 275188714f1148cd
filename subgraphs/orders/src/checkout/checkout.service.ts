import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventMetadata } from '@techally/events';
import { DomainError, requireViewer, type ForwardedRequest, type Viewer } from '@techally/platform';
import { OrderItem } from '../order/order-item.entity';
import { OrderStatus } from '../order/order-status';
import { OrderStatusChange } from '../order/order-status-change.entity';
import { Order } from '../order/order.entity';
import { OrderError } from '../order/order.errors';
import { orderPlacedEvents } from '../order/order.events';
import type { OrderLoaders } from '../order/order.loaders';
import { OrderRepository } from '../order/order.repository';
import { ShippingAddressSnapshot } from '../order/shipping-address.embeddable';
import type { AddressBook, AddressBookEntry } from './address-book.client';
import type { CatalogProduct, ProductCatalog } from './catalog.client';
import { CheckoutError } from './checkout.errors';
import { priceOrder } from './order.pricing';
import { unknownShippingAddress, validatePlaceOrder, type PlaceOrderRequest } from './place-order.validation';
import { requestHash } from './request-hash';
import { SHOP_CURRENCY } from './shipping.policy';
import { enforceUnpaidOrderLimits, type UnpaidOrderLimits } from './unpaid-order-limits';

export interface CheckoutDependencies {
  readonly em: EntityManager;
  readonly viewer: Viewer | null;
  readonly loaders: OrderLoaders;
  readonly catalog: ProductCatalog;
  readonly addressBook: AddressBook;
  /** The incoming request's credentials and id, for the calls checkout makes on the caller's behalf. */
  readonly forwarded: ForwardedRequest;
  /** Carried by the events the order causes (the request id). */
  readonly eventMetadata: EventMetadata;
  readonly clock: () => Date;
  /** What one customer may hold unpaid (MAX_UNPAID_ORDERS_PER_CUSTOMER, MAX_UNPAID_UNITS_PER_PRODUCT). */
  readonly unpaidOrderLimits: UnpaidOrderLimits;
}

/** A line resolved against the catalog: what the order will copy. */
interface ResolvedLine {
  readonly product: CatalogProduct;
  readonly quantity: number;
}

/**
 * placeOrder. In this order, so that nothing is written unless everything holds and no lock is held while
 * another service is asked anything (README.md, Design decisions):
 *
 * 1. the caller must be signed in; the input's shape is checked (BAD_USER_INPUT naming the field);
 * 2. idempotency: an order already placed under this key is returned when the cart is the same
 *    (IDEMPOTENCY_KEY_REUSED when it is not), before any service is asked;
 * 3. the products subgraph prices every line (one `_entities` call) and the users subgraph, with the caller's
 *    token, lists their addresses, in parallel and outside any transaction;
 * 4. the order, its lines, its first history step and its events (`orders.order-placed.v1`, then
 *    `orders.order-status-changed.v1` to PENDING: the saga starts there) are inserted in one short transaction,
 *    unless the customer would then hold more unpaid orders or units than allowed (UNPAID_ORDER_LIMIT, checked
 *    in that transaction under a lock on the customer, unpaid-order-limits.ts).
 *    When a concurrent twin with the same key won the race, the unique index says so, the transaction rolls back
 *    (its events with it) and the twin's order is returned. A replay writes nothing.
 */
export class CheckoutService {
  private readonly repository: OrderRepository;

  constructor(private readonly deps: CheckoutDependencies) {
    this.repository = new OrderRepository(deps.em);
  }

  async placeOrder(input: PlaceOrderRequest): Promise<Order> {
    const viewer = requireViewer(this.deps.viewer);
    const request = validatePlaceOrder(input);
    const hash = requestHash(request);
    const earlier = await this.repository.findByIdempotencyKey(viewer.userId, request.idempotencyKey);
    if (earlier) return this.replay(earlier, hash, request.idempotencyKey);

    const [products, addresses] = await Promise.all([
      this.deps.catalog.products(
        request.items.map((item) => item.productId),
        this.deps.forwarded,
      ),
      this.deps.addressBook.myAddresses(this.deps.forwarded),
    ]);
    const lines = resolveLines(request, products);
    if (addresses === null) throw DomainError.unauthenticated();
    const address = addresses.find((entry) => entry.id.toLowerCase() === request.shippingAddressId);
    if (!address) throw unknownShippingAddress(request.shippingAddressId);

    const { order, items, placed } = this.newOrder(viewer, request, hash, lines, address);
    const events = () => orderPlacedEvents(order, items, this.deps.eventMetadata);
    const limitedLines = lines.map(({ product, quantity }) => ({ productId: product.id.toLowerCase(), name: product.name, quantity }));
    const withinLimits = (tx: EntityManager) => enforceUnpaidOrderLimits(tx, viewer.userId, limitedLines, this.deps.unpaidOrderLimits);
    if (!(await this.repository.insertPlaced(order, items, placed, events, withinLimits))) {
      const winner = await this.repository.findByIdempotencyKey(viewer.userId, request.idempotencyKey);
      // The unique violation means the row exists; a miss here is a bug, surfaced (and masked) as internal.
      if (!winner) throw new Error(`order under idempotency key ${request.idempotencyKey} vanished`);
      return this.replay(winner, hash, request.idempotencyKey);
    }
    this.deps.loaders.orderById.prime(order.id, order);
    this.deps.loaders.itemsByOrderId.prime(order.id, [...items]);
    this.deps.loaders.historyByOrderId.prime(order.id, [placed]);
    return order;
  }

  /** The same key again: the same cart gets its order back, a different cart is refused. */
  private replay(order: Order, hash: string, idempotencyKey: string): Order {
    if (order.requestHash !== hash) throw OrderError.idempotencyKeyReused(idempotencyKey);
    return order;
  }

  private newOrder(
    viewer: Viewer,
    request: PlaceOrderRequest,
    hash: string,
    lines: ReadonlyArray<ResolvedLine>,
    address: AddressBookEntry,
  ): { order: Order; items: OrderItem[]; placed: OrderStatusChange } {
    const pricing = priceOrder(
      lines.map(({ product, quantity }) => ({ unitPrice: product.price.amount, quantity, weightGrams: product.weight })),
      SHOP_CURRENCY,
      address.country,
    );
    const now = this.deps.clock();
    const order = new Order();
    order.customerId = viewer.userId;
    order.status = OrderStatus.PENDING;
    order.currency = SHOP_CURRENCY;
    order.subtotal = pricing.subtotal;
    order.shipping = pricing.shipping;
    order.tax = pricing.tax;
    order.total = pricing.total;
    order.shippingAddress = snapshotOf(address);
    order.idempotencyKey = request.idempotencyKey;
    order.requestHash = hash;
    order.placedAt = now;
    order.updatedAt = now;

    const items = lines.map(({ product, quantity }, position) => {
      const item = new OrderItem();
      item.order = ref(order);
      item.position = position;
      item.productId = product.id;
      item.sku = product.sku;
      item.name = product.name;
      item.unitPrice = product.price.amount;
      item.quantity = quantity;
      item.lineTotal = pricing.lineTotals[position] as number;
      return item;
    });

    const placed = new OrderStatusChange();
    placed.order = ref(order);
    placed.fromStatus = null;
    placed.toStatus = OrderStatus.PENDING;
    placed.reason = 'placed';
    placed.actor = `customer:${viewer.userId}`;
    placed.at = now;
    return { order, items, placed };
  }
}

/**
 * Matches the catalog's answer to the request's lines: an unknown product is BAD_USER_INPUT and an archived one
 * (or one priced outside the shop currency) PRODUCT_UNAVAILABLE, each naming `items[i].productId`.
 */
function resolveLines(request: PlaceOrderRequest, products: ReadonlyArray<CatalogProduct | null>): ResolvedLine[] {
  return request.items.map(({ productId, quantity }, index) => {
    const field = `items[${index}].productId`;
    const product = products[index];
    if (!product || product.id.toLowerCase() !== productId) throw CheckoutError.unknownProduct(productId, field);
    if (product.status !== 'ACTIVE') throw CheckoutError.archived(productId, product.name, field);
    if (product.price.currency !== SHOP_CURRENCY) {
      throw CheckoutError.wrongCurrency(productId, product.price.currency, SHOP_CURRENCY, field);
    }
    return { product, quantity };
  });
}

function snapshotOf(address: AddressBookEntry): ShippingAddressSnapshot {
  const snapshot = new ShippingAddressSnapshot();
  snapshot.fullName = address.fullName;
  snapshot.line1 = address.line1;
  snapshot.line2 = address.line2;
  snapshot.city = address.city;
  snapshot.region = address.region;
  snapshot.postalCode = address.postalCode;
  snapshot.country = address.country.toUpperCase();
  snapshot.phone = address.phone;
  return snapshot;
}
