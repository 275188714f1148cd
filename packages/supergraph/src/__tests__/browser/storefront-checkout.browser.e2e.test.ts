import type { Page } from 'playwright-core';
import { createGraphQLClient, FulfillOrderDocument, ProductListingDocument } from '@techally/web-client';
import { describeInBrowser, launchOfflineBrowser, type OfflineBrowser } from '@techally/testing';
import { accessibilityViolations } from '../support/accessibility';
import { subgraphSubscriptions } from '../support/live-subscriptions';
import { signedInClient, startTestSupergraph, TEST_ADMIN, type TestSupergraph } from '../support/test-supergraph';
import { ensureWebAppsBuilt, screenshot, PRODUCTION_DOCUMENT_RULES } from '../support/web-apps';

const CART_KEY = 'techally.storefront.cart';
const DECLINED = '4000 0000 0000 0002';
const GOOD = '4242 4242 4242 4242';

/**
 * The storefront's account half in Debian's Chromium against the whole supergraph (issue #12): sign up on the way
 * to checkout, pay, and watch the order page move on its own — PAID after the payment, FULFILLED when an admin
 * ships it — with no reload; a declined card says what happened and keeps the cart. The header's notification
 * centre (issue #14) counts the checkout's notifications live, and opening it marks them read.
 */
describeInBrowser('storefront checkout (browser)')('checkout in the storefront', () => {
  let supergraph: TestSupergraph;
  let browser: OfflineBrowser;
  let origin: string;

  beforeAll(async () => {
    await ensureWebAppsBuilt();
    [supergraph, browser] = await Promise.all([startTestSupergraph({ env: PRODUCTION_DOCUMENT_RULES }), launchOfflineBrowser()]);
    origin = new URL(supergraph.gatewayUrl).origin;
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await supergraph?.stop();
  });

  it('signs up on the way to checkout, survives a declined card, pays, and follows the order live to FULFILLED', async () => {
    const page = await browser.newPage();
    let documentLoads = 0;
    page.on('load', () => documentLoads++);

    // The "time to the first product list": a cold page, navigation to the first product shown.
    const started = Date.now();
    await page.goto(`${origin}/`);
    await page.getByRole('list', { name: 'Products' }).getByRole('listitem').first().waitFor();
    console.log(`storefront: first product list ${Date.now() - started} ms after navigation (cold page, in-process supergraph)`);

    const product = await productInStock();
    await page.evaluate(`localStorage.setItem(${JSON.stringify(CART_KEY)}, ${JSON.stringify(JSON.stringify([{ productId: product.id, quantity: 1 }]))})`);

    // Checkout asks for a sign-in, and comes back after a sign-up.
    await page.goto(`${origin}/checkout`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(new URL(page.url()).search).toBe('?next=%2Fcheckout');
    await screenshot(page, 'storefront', 'sign-in');
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Browser Shopper');
    await page.getByLabel('Email', { exact: true }).fill(`shopper-${Date.now()}@example.com`);
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    // The password rule broken is said beside the field, and the field holds the focus.
    const password = page.getByLabel('Password', { exact: true });
    await page.locator('.account-field-error').filter({ hasText: /10/ }).waitFor();
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    await page.waitForFunction(`document.activeElement?.getAttribute('autocomplete') === 'new-password'`);
    await password.fill('a long enough passphrase');
    await page.getByRole('button', { name: 'Create account' }).click();

    // A new customer has no address: checkout asks for one, then uses it.
    await page.getByRole('heading', { name: 'Checkout' }).waitFor();
    await page.getByRole('row').filter({ hasText: product.name }).waitFor();
    const addressForm = page.getByRole('form', { name: 'New shipping address' });
    await addressForm.getByLabel('Full name').fill('Browser Shopper');
    await addressForm.getByLabel('Address line 1').fill('1 Analytical Row');
    await addressForm.getByLabel('City').fill('London');
    await addressForm.getByLabel('Postal code').fill('N1 9GU');
    await addressForm.getByLabel('Country code').fill('GB');
    await addressForm.getByRole('button', { name: 'Add address' }).click();
    await page.getByRole('radio', { checked: true }).waitFor();
    await screenshot(page, 'storefront', 'checkout');

    // A declined card: the problem named, the order cancelled, the cart kept, a new order possible.
    await placeAndPay(page, DECLINED);
    await page.getByRole('alert').filter({ hasText: 'declined' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/Your card was declined.*was cancelled and nothing was charged.*cart is kept/);
    expect(JSON.parse(await storedCart(page))).toEqual([{ productId: product.id, quantity: 1 }]);
    await page.getByRole('row').filter({ hasText: product.name }).waitFor();

    // Another try, a new order: paid, the cart emptied, the order page reaches PAID by itself.
    await placeAndPay(page, GOOD);
    await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
    const orderId = new URL(page.url()).pathname.split('/').pop()!;
    await orderStatus(page, 'Paid').waitFor();
    expect(await storedCart(page)).toBe('[]');
    await screenshot(page, 'storefront', 'order-paid');

    // The bell counts what the two checkouts told: placed, payment failed, cancelled; placed, paid.
    const bell = page.getByRole('button', { name: /^Notifications,/ });
    await page.getByRole('button', { name: 'Notifications, 5 unread' }).waitFor();

    // The admin ships it; the page, still open, shows it (its subscription is live on the orders subgraph), and
    // the bell counts the shipping notification (its subscription is live on the notifications subgraph).
    await subgraphSubscriptions(supergraph.apps['orders']!.metricsUrl!, 1);
    await subgraphSubscriptions(supergraph.apps['notifications']!.metricsUrl!, 1);
    const admin = await signedInClient(supergraph, TEST_ADMIN.email, TEST_ADMIN.password);
    await admin.request(FulfillOrderDocument, { id: orderId });
    await orderStatus(page, 'Shipped').waitFor();
    await page.getByRole('form', { name: `Review ${product.name}` }).waitFor();
    await page.getByRole('button', { name: 'Notifications, 6 unread' }).waitFor();

    // Opening the centre lists them, newest first, with a link to the order, and marks them read.
    await bell.click();
    const listed = page.getByRole('list', { name: 'Your notifications' }).getByRole('listitem');
    await listed.first().filter({ hasText: 'shipped' }).waitFor();
    expect(await listed.count()).toBe(6);
    expect(await listed.first().getByRole('link').getAttribute('href')).toBe(`/orders/${orderId}`);
    await page.getByRole('button', { name: 'Notifications, none unread' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'storefront', 'notifications');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /^Notifications,/, expanded: false }).waitFor();
    expect(await page.getByRole('list', { name: 'Your notifications' }).count()).toBe(0);

    await page.setViewportSize({ width: 360, height: 800 });
    await screenshot(page, 'storefront', 'order-phone');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await bell.click();
    await listed.first().waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'storefront', 'notifications-phone');

    expect(documentLoads).toBe(2); // `/` and `/checkout`: everything after was client-side, with no reload
    expect(browser.outsideRequests).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  }, 240_000);

  async function productInStock(): Promise<{ id: string; name: string }> {
    const { products } = await createGraphQLClient({ url: supergraph.gatewayUrl }).request(ProductListingDocument, { first: 20 });
    const node = products.edges.map((edge) => edge.node).find((candidate) => candidate.inStock);
    if (!node) throw new Error('the demo catalogue has no product in stock');
    return node;
  }
});

async function placeAndPay(page: Page, card: string): Promise<void> {
  await page.getByRole('button', { name: 'Place order' }).click();
  const form = page.getByRole('form', { name: 'Card payment' });
  await form.getByLabel('Card number').fill(card);
  await form.getByLabel('Expiry (MM/YY)').fill(`12/${(new Date().getFullYear() + 2) % 100}`);
  await form.getByLabel('Security code (CVC)').fill('123');
  await form.getByRole('button', { name: /^Pay / }).click();
}

/** The cart as the storefront keeps it (src/cart/cart.ts). */
async function storedCart(page: Page): Promise<string> {
  return (await page.evaluate(`localStorage.getItem(${JSON.stringify(CART_KEY)})`)) as string;
}

function orderStatus(page: Page, text: string) {
  return page.getByRole('status').filter({ hasText: `Order status: ${text}` });
}
