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
import { signedInClient, TEST_ADMIN, type TestSupergraph } from './test-supergraph';

export const GOOD_CARD = { number: '4242424242424242', expMonth: 12, expYear: new Date().getFullYear() + 2, cvc: '123' } as const;
export const DECLINED_CARD = { ...GOOD_CARD, number: '4000000000000002' } as const;

export type OrderProgress = NonNullable<OrderProgressQuery['order']>;

/** The statuses a checkout ends in (FULFILLED and REFUNDED come later, by hand). */
export const SETTLED = ['PAID', 'CANCELLED'] as const;

/**
 * Drives checkouts through the gateway as the storefront would: place, wait for the saga to hold the stock,
 * pay, wait for the outcome. Waiting is polling `order(id)`; the saga is asynchronous by design.
 */
export class CheckoutDriver {
  private addressId: string | null = null;

  constructor(
    private readonly customer: GraphQLClient,
    private readonly admin: GraphQLClient,
  ) {}

  /** A fresh ACTIVE product with exactly `stock` units in one warehouse (nothing else sells it). */
  async stockedProduct(stock: number, price = 1999): Promise<{ id: string; slug: string }> {
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
    return { id: createProduct.id, slug: createProduct.slug };
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

  /** Polls until the order is in one of `statuses`; fails with its last state after `timeoutMs`. */
  async waitFor(orderId: string, statuses: ReadonlyArray<string>, timeoutMs = 30_000): Promise<OrderProgress> {
    const deadline = Date.now() + timeoutMs;
    let last: OrderProgress | null = null;
    let pauseMs = 25;
    while (Date.now() < deadline) {
      last = await this.progress(orderId);
      if (statuses.includes(last.status)) return last;
      // Backing off: a hundred customers polling every 50 ms would starve the saga they are waiting for.
      await new Promise((resolve) => setTimeout(resolve, (pauseMs = Math.min(pauseMs * 1.5, 1_000))));
    }
    throw new Error(`order ${orderId} did not reach ${statuses.join('/')} in ${timeoutMs} ms: ${JSON.stringify(last)}`);
  }

  /**
   * Waits until the order can be paid: AWAITING_PAYMENT with its payment opened (payments opens it on the
   * order's payment-requested event, a moment after the status changes), or until it was cancelled instead.
   */
  async waitForPayable(orderId: string, timeoutMs = 30_000): Promise<OrderProgress> {
    const deadline = Date.now() + timeoutMs;
    let last: OrderProgress | null = null;
    let pauseMs = 25;
    while (Date.now() < deadline) {
      last = await this.progress(orderId);
      if (last.status === 'CANCELLED' || (last.status === 'AWAITING_PAYMENT' && last.payment?.status === 'PENDING')) return last;
      // Backing off: a hundred customers polling every 50 ms would starve the saga they are waiting for.
      await new Promise((resolve) => setTimeout(resolve, (pauseMs = Math.min(pauseMs * 1.5, 1_000))));
    }
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

/** A driver for the demo customer Ada (or `customer`), with the test admin for the catalogue and stock. */
export async function checkoutDriverFor(
  supergraph: Pick<TestSupergraph, 'gatewayUrl'>,
  customer: { readonly email: string; readonly password: string } = DEMO_CUSTOMERS[0]!,
): Promise<CheckoutDriver> {
  const [customerClient, adminClient] = await Promise.all([
    signedInClient(supergraph, customer.email, customer.password),
    signedInClient(supergraph, TEST_ADMIN.email, TEST_ADMIN.password),
  ]);
  return new CheckoutDriver(customerClient, adminClient);
}
