import { randomUUID } from 'node:crypto';
import { DEMO_CUSTOMERS } from '@techally/demo-data';
import {
  AdjustStockDocument,
  CategoriesDocument,
  ConfirmPaymentDocument,
  CreateProductDocument,
  GraphQLRequestError,
  MeDocument,
  OrderProgressDocument,
  PlaceOrderDocument,
  StockOverviewDocument,
  WarehousesDocument,
  type GraphQLClient,
  type OrderProgressQuery,
} from '@techally/web-client';
import { OrderStatusEvents } from './order-status-events';
import { signedInClient, TEST_ADMIN, type TestSupergraph } from './test-supergraph';

export const GOOD_CARD = { number: '4242424242424242', expMonth: 12, expYear: new Date().getFullYear() + 2, cvc: '123' } as const;
export const DECLINED_CARD = { ...GOOD_CARD, number: '4000000000000002' } as const;

export type OrderProgress = NonNullable<OrderProgressQuery['order']>;

/** The statuses a checkout ends in (FULFILLED and REFUNDED come later, by hand). */
export const SETTLED = ['PAID', 'CANCELLED'] as const;

/**
 * Drives checkouts through the gateway as the storefront would: place, wait for the saga to hold the stock,
 * pay, wait for the outcome. The saga is asynchronous by design: the driver waits for the order's status events
 * (`OrderStatusEvents`), then reads the order through the gateway as its customer.
 */
export class CheckoutDriver {
  private addressId: string | null = null;

  constructor(
    private readonly customer: GraphQLClient,
    private readonly admin: GraphQLClient,
    private readonly statusEvents: OrderStatusEvents,
  ) {}

  /** A fresh ACTIVE product with exactly `stock` units in one warehouse (nothing else sells it). */
  async stockedProduct(stock: number, price = 1999): Promise<{ id: string; slug: string; name: string }> {
    const [{ categories }, { warehouses }] = await Promise.all([
      this.admin.request(CategoriesDocument),
      this.admin.request(WarehousesDocument),
    ]);
    const suffix = randomUUID().slice(0, 8);
    const { createProduct } = await this.admin.request(CreateProductDocument, {
      input: {
        sku: `SAGA-${suffix}`.toUpperCase(),
        name: `Saga test product ${suffix}`,
        description: 'Created by the checkout saga end-to-end tests.',
        price: { amount: price, currency: 'USD' },
        categoryId: categories[categories.length - 1]!.id,
        weight: 500,
      },
    });
    if (stock > 0) {
      await this.admin.request(AdjustStockDocument, {
        input: { productId: createProduct.id, warehouseId: warehouses[0]!.id, delta: stock, reason: 'RECEIVED' },
      });
    }
    return { id: createProduct.id, slug: createProduct.slug, name: createProduct.name };
  }

  /** On hand, reserved and available of a product, over every warehouse (as an admin sees them). */
  async stockOf(slug: string): Promise<{ onHand: number; reserved: number; available: number }> {
    const { product } = await this.admin.request(StockOverviewDocument, { slug });
    const inventory = product!.inventory;
    const onHand = (inventory.warehouses ?? []).reduce((sum, row) => sum + row.onHand, 0);
    return { onHand, reserved: inventory.reserved, available: inventory.available };
  }

  /**
   * placeOrder as a careful client sends it: SERVICE_UNAVAILABLE (a subgraph too slow to answer, as on a loaded
   * machine) is retried with the SAME idempotency key, which is what the key is for — never a second order.
   */
  async place(items: ReadonlyArray<{ productId: string; quantity: number }>, idempotencyKey: string = randomUUID()) {
    const shippingAddressId = await this.shippingAddress();
    for (let attempt = 1; ; attempt++) {
      try {
        const { placeOrder } = await this.customer.request(PlaceOrderDocument, {
          input: { items: [...items], shippingAddressId, idempotencyKey },
        });
        return placeOrder;
      } catch (error) {
        if (attempt >= 5 || !(error instanceof GraphQLRequestError) || !error.codes.includes('SERVICE_UNAVAILABLE')) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
      }
    }
  }

  async progress(orderId: string): Promise<OrderProgress> {
    const { order } = await this.customer.request(OrderProgressDocument, { id: orderId });
    if (!order) throw new Error(`order ${orderId} is not visible to its customer`);
    return order;
  }

  /**
   * Waits for the order's status event to say it reached one of `statuses` (never asking the gateway meanwhile),
   * then answers the order as its customer reads it; fails with that state after `timeoutMs`.
   */
  async waitFor(orderId: string, statuses: ReadonlyArray<string>, timeoutMs = 30_000): Promise<OrderProgress> {
    const arrived = await this.statusEvents.reached(orderId, statuses, timeoutMs);
    const last = await this.progress(orderId);
    if (statuses.includes(last.status)) return last;
    const why = arrived ? `reached ${statuses.join('/')} but is ${last.status} now` : `did not reach ${statuses.join('/')} in ${timeoutMs} ms`;
    throw new Error(`order ${orderId} ${why}: ${JSON.stringify(last)}`);
  }

  /**
   * Waits until the order can be paid: AWAITING_PAYMENT with its payment opened, or until it was cancelled
   * instead. The status comes by event; the payment is opened by payments on the order's payment-requested
   * event, published with that status change, and no event says it is open: only that last short step is read
   * again until it is (a few reads at most, where waiting for the status by polling cost a hundred customers'
   * reads a second).
   */
  async waitForPayable(orderId: string, timeoutMs = 30_000): Promise<OrderProgress> {
    const deadline = Date.now() + timeoutMs;
    await this.statusEvents.reached(orderId, ['AWAITING_PAYMENT', 'CANCELLED'], timeoutMs);
    let last = await this.progress(orderId);
    for (let pauseMs = 25; last.status === 'AWAITING_PAYMENT' && last.payment?.status !== 'PENDING' && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, (pauseMs = Math.min(pauseMs * 1.5, 500))));
      last = await this.progress(orderId);
    }
    if (last.status === 'CANCELLED' || (last.status === 'AWAITING_PAYMENT' && last.payment?.status === 'PENDING')) return last;
    throw new Error(`order ${orderId} did not become payable in ${timeoutMs} ms: ${JSON.stringify(last)}`);
  }

  async pay(orderId: string, card: typeof GOOD_CARD | typeof DECLINED_CARD = GOOD_CARD) {
    const { confirmPayment } = await this.customer.request(ConfirmPaymentDocument, { input: { orderId, card: { ...card } } });
    return confirmPayment;
  }

  /** A whole checkout: place, wait for the reservation's answer, pay if it held, wait for the outcome. */
  async checkout(items: ReadonlyArray<{ productId: string; quantity: number }>, card: typeof GOOD_CARD | typeof DECLINED_CARD = GOOD_CARD, timeoutMs = 60_000) {
    const order = await this.place(items);
    const reserved = await this.waitForPayable(order.id, timeoutMs);
    if (reserved.status === 'CANCELLED') return reserved;
    await this.pay(order.id, card);
    return this.waitFor(order.id, SETTLED, timeoutMs);
  }

  private async shippingAddress(): Promise<string> {
    if (!this.addressId) {
      const { me } = await this.customer.request(MeDocument);
      this.addressId = me!.addresses[0]!.id;
    }
    return this.addressId;
  }
}

/**
 * A driver for the demo customer Ada (or `customer`), with the test admin for the catalogue and stock, following
 * the supergraph's order status events.
 */
export async function checkoutDriverFor(
  supergraph: Pick<TestSupergraph, 'gatewayUrl' | 'bus'>,
  customer: { readonly email: string; readonly password: string } = DEMO_CUSTOMERS[0]!,
): Promise<CheckoutDriver> {
  const [customerClient, adminClient, statusEvents] = await Promise.all([
    signedInClient(supergraph, customer.email, customer.password),
    signedInClient(supergraph, TEST_ADMIN.email, TEST_ADMIN.password),
    OrderStatusEvents.follow(supergraph.bus),
  ]);
  return new CheckoutDriver(customerClient, adminClient, statusEvents);
}
