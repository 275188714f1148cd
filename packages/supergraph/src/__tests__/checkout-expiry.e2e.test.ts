import { checkoutDriverFor, type CheckoutDriver } from './support/checkout-driver';
import { startTestSupergraph, type TestSupergraph } from './support/test-supergraph';

// An order nobody pays: its reservation runs out (RESERVATION_TTL_SECONDS, here 1 s), the orders subgraph's
// sweeper cancels it (RESERVATION_EXPIRED), inventory puts the stock back on sale and payments cancels the
// intent, after which paying is refused.
let supergraph: TestSupergraph;
let driver: CheckoutDriver;

beforeAll(async () => {
  supergraph = await startTestSupergraph({ env: { RESERVATION_TTL_SECONDS: '1', ORDER_EXPIRY_SWEEP_INTERVAL_MS: '200' } });
  driver = await checkoutDriverFor(supergraph);
}, 180_000);

afterAll(() => supergraph?.stop());

it('cancels an unpaid order when its reservation expires, releases the stock, and refuses a late payment', async () => {
  const product = await driver.stockedProduct(3);
  const placing = Date.now();
  const placed = await driver.place([{ productId: product.id, quantity: 2 }]);
  const payable = await driver.waitForPayable(placed.id);
  // Due when the reservation runs out: its TTL after a reservation made after the order was placed (not a
  // bound on how long the saga took, which grows with the machine's load).
  const paymentDue = new Date(payable.paymentDueAt as string).getTime();
  expect(paymentDue).toBeGreaterThanOrEqual(placing + 1_000);
  expect(paymentDue).toBeLessThanOrEqual(Date.now() + 1_000); // the 1 s window, not the default

  const expired = await driver.waitFor(placed.id, ['CANCELLED']);
  expect(expired.cancellationReason).toBe('RESERVATION_EXPIRED');
  expect(expired.statusHistory.map((step) => step.status)).toEqual(['PENDING', 'AWAITING_PAYMENT', 'CANCELLED']);

  const deadline = Date.now() + 30_000;
  let stock = await driver.stockOf(product.slug);
  while (stock.reserved !== 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    stock = await driver.stockOf(product.slug);
  }
  expect(stock).toEqual({ onHand: 3, reserved: 0, available: 3 });

  while ((await driver.progress(placed.id)).payment?.status !== 'CANCELLED' && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect((await driver.progress(placed.id)).payment?.status).toBe('CANCELLED');
  await expect(driver.pay(placed.id)).rejects.toMatchObject({ codes: ['PAYMENT_NOT_ALLOWED'] });
});
