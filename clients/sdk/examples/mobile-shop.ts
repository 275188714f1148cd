// A mobile shop's journey through @techally/sdk alone, as a React Native app would make it: sign up (or in),
// browse the catalogue, put a product in the cart, add an address, check out with the test card, and follow the
// order live until it is PAID. `run-mobile-shop.ts` runs it against `pnpm start`; CI runs it against the whole
// supergraph (src/__tests__/mobile-example.e2e.test.ts).
import {
  addAddress,
  categoryList,
  confirmPayment,
  createClient,
  me,
  myOrders,
  order,
  orderStatusChanged,
  placeOrder,
  productBySlug,
  productList,
  type OrderStatus,
  type Result,
  type TechAllyClient,
  type TokenStorage,
} from '@techally/sdk';

export interface MobileShopOptions {
  /** The gateway's /graphql. */
  readonly url: string;
  /** A WebSocket constructor: React Native has one; in Node 20 pass the `ws` package's. */
  readonly WebSocket?: unknown;
  /** Where the app keeps its tokens (SecureStore in an app; memory by default). */
  readonly storage?: TokenStorage;
  /** A new customer each run. */
  readonly email: string;
  readonly log?: (line: string) => void;
}

export interface MobileShopRun {
  readonly orderId: string;
  readonly orderNumber: string;
  /** Every status the order page showed, in order, from the subscription. */
  readonly liveStatuses: readonly OrderStatus[];
  readonly productName: string;
}

/** The whole journey; resolves once the order page shows PAID. Fails (throws) with the step and the error code. */
export async function runMobileShop(options: MobileShopOptions): Promise<MobileShopRun> {
  const log = options.log ?? (() => undefined);
  const client = createClient({ url: options.url, WebSocket: options.WebSocket, ...(options.storage ? { storage: options.storage } : {}) });
  try {
    // 1. The account.
    const password = 'a long mobile passphrase 42';
    const signedUp = await client.auth.signUp({ email: options.email, password, name: 'Mobile Shopper' });
    if (!signedUp.ok && signedUp.error.code !== 'EMAIL_TAKEN') fail('sign up', signedUp);
    if (!signedUp.ok) need('sign in', await client.auth.signIn(options.email, password));
    log(`signed in as ${client.auth.current?.user.email}`);

    // 2. Browse: the category menu, a page of what is in stock, cheapest first, then the product page.
    const categories = need('categories', await categoryList(client));
    log(`${categories.categories.length} categories`);
    const page = need('product list', await productList(client, { first: 10, sort: 'PRICE_ASC' }));
    const card = page.products.edges.map((edge) => edge.node).find((product) => product.inStock);
    if (!card) throw new Error('product list: nothing in stock');
    const product = need('product page', await productBySlug(client, { slug: card.slug }));
    if (!product.product) throw new Error(`product page: no product ${card.slug}`);
    log(`chose ${product.product.name} at ${product.product.price.formatted} (${product.product.inventory.available} available)`);

    // 3. The cart is the app's own state; checkout needs an address.
    const cart = [{ productId: product.product.id, quantity: 1 }];
    const account = need('me', await me(client));
    const address = account.me?.addresses.find((a) => a.isDefault) ?? need('add address', await addAddress(client, {
      input: { fullName: 'Mobile Shopper', line1: '1 Pocket Street', city: 'London', postalCode: 'N1 9GU', country: 'GB' },
    })).addAddress;

    // 4. Checkout: place the order, follow it live, pay once it awaits payment.
    const placed = need('place order', await placeOrder(client, { input: { items: cart, shippingAddressId: address.id, idempotencyKey: newIdempotencyKey() } })).placeOrder;
    log(`placed ${placed.number}: ${placed.status}, ${placed.total.formatted}`);
    const liveStatuses: OrderStatus[] = [];
    const paid = followUntilPaid(client, placed.id, liveStatuses, log);
    // The subscription only tells what happens after it started: read the order too, in case it moved already.
    const current = need('order', await order(client, { id: placed.id })).order;
    if (current?.status === 'AWAITING_PAYMENT') paid.awaitingPayment();
    await paid.payable;
    const payment = need('confirm payment', await confirmPayment(client, {
      input: { orderId: placed.id, card: { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2030, cvc: '123' } },
    })).confirmPayment;
    log(`payment ${payment.status} (${payment.amount.formatted})`);
    await paid.done;

    const history = need('my orders', await myOrders(client, { first: 5 }));
    log(`my orders: ${history.me?.orders.totalCount ?? 0}`);
    return { orderId: placed.id, orderNumber: placed.number, liveStatuses, productName: product.product.name };
  } finally {
    await client.dispose();
  }
}

/** The order page's live status: resolves `payable` at AWAITING_PAYMENT and `done` at PAID. */
function followUntilPaid(client: TechAllyClient, orderId: string, statuses: OrderStatus[], log: (line: string) => void) {
  let awaitingPayment!: () => void;
  let paid!: () => void;
  let failed!: (error: Error) => void;
  const payable = new Promise<void>((resolve) => (awaitingPayment = resolve));
  const done = new Promise<void>((resolve, reject) => {
    paid = resolve;
    failed = reject;
  });
  const subscription = orderStatusChanged(client, { orderId }, {
    next(result) {
      if (!result.ok) return log(`order page: ${result.error.code}`);
      const { status } = result.data.orderStatusChanged;
      statuses.push(status);
      log(`order page: ${status}`);
      if (status === 'AWAITING_PAYMENT') awaitingPayment();
      if (status === 'PAID') {
        subscription.unsubscribe();
        paid();
      }
      if (status === 'CANCELLED') failed(new Error(`order cancelled: ${result.data.orderStatusChanged.order.cancellationReason}`));
    },
    error: (result) => failed(new Error(`order page: ${result.error.code} ${result.error.message}`)),
  });
  return { payable, done, awaitingPayment: () => awaitingPayment() };
}

function need<Data>(step: string, result: Result<Data>): Data {
  if (!result.ok) fail(step, result);
  return result.data;
}

function fail(step: string, result: Result<unknown> & { ok: false }): never {
  throw new Error(`${step}: ${result.error.code} — ${result.error.message}`);
}

/** 8 to 100 of [A-Za-z0-9_-], new per checkout (an app would use a UUID, e.g. expo-crypto's randomUUID). */
function newIdempotencyKey(): string {
  return `m-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
