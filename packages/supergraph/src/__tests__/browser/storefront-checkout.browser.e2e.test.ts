import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  // The shop's web-push key pair (made there on first use), so the settings offer browser notifications.
  const vapidDir = mkdtempSync(join(tmpdir(), 'storefront-vapid-'));

  beforeAll(async () => {
    await ensureWebAppsBuilt();
    const env = { ...PRODUCTION_DOCUMENT_RULES, VAPID_KEYS_FILE: join(vapidDir, 'vapid-keys.json') };
    [supergraph, browser] = await Promise.all([startTestSupergraph({ env }), launchOfflineBrowser()]);
    origin = new URL(supergraph.gatewayUrl).origin;
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await supergraph?.stop();
    rmSync(vapidDir, { recursive: true, force: true });
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

    // Notification settings on the account page (issue #14): the categories a customer has, each with email, SMS and push.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Browser Shopper' }).click();
    const settings = page.getByRole('region', { name: 'Notification settings' });
    const category = (name: string) => settings.getByRole('group', { name });
    await category('Order updates').waitFor();
    expect(await settings.getByRole('group').evaluateAll((groups) => groups.map((group) => group.querySelector('legend')?.textContent))).toEqual([
      'Order updates',
      'Reviews',
      'Marketing',
    ]);

    // The receipt's email is locked on, and says why (its description); clicking it changes nothing.
    const receipts = category('Order updates').getByRole('checkbox', { name: 'Email (always on)' });
    expect(await receipts.isChecked()).toBe(true);
    expect(await receipts.getAttribute('aria-disabled')).toBe('true');
    const describedBy = await receipts.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toMatch(/^Receipts and order updates are always emailed/);
    await receipts.click({ force: true }); // aria-disabled: playwright would wait for it to be enabled
    expect(await receipts.isChecked()).toBe(true);

    // MARKETING: opted in, then out again; each choice is the server's after a reload.
    const marketing = category('Marketing').getByRole('checkbox', { name: 'Email' });
    expect(await marketing.isChecked()).toBe(false);
    await marketing.check();
    await settings.getByRole('status').filter({ hasText: 'Marketing by email: saved.' }).waitFor();
    await page.reload();
    await marketing.waitFor();
    expect(await marketing.isChecked()).toBe(true);
    await marketing.uncheck();
    await settings.getByRole('status').filter({ hasText: 'Marketing by email: saved.' }).waitFor();
    await page.reload();
    await marketing.waitFor();
    expect(await marketing.isChecked()).toBe(false);
    expect(await category('Order updates').getByRole('checkbox', { name: 'Email (always on)' }).isChecked()).toBe(true);

    // A number that is not E.164: the server's BAD_USER_INPUT is said beside the field, which takes the focus.
    const smsNumber = settings.getByLabel('Mobile number for SMS');
    await smsNumber.fill('12345');
    await settings.getByRole('button', { name: 'Save number' }).click();
    await settings.locator('.account-field-error').filter({ hasText: /E\.164|\+/ }).waitFor();
    expect(await smsNumber.getAttribute('aria-invalid')).toBe('true');
    await page.waitForFunction(`document.activeElement?.getAttribute('name') === 'smsNumber'`);
    expect(await accessibilityViolations(page)).toEqual([]);

    // Browser notifications: the shop's service worker installs (served at /push-sw.js, allowed by the CSP); this
    // headless, offline Chromium answers the permission prompt with a refusal, which the page explains.
    await settings.getByRole('button', { name: 'Enable browser notifications' }).click();
    await settings.getByRole('alert').filter({ hasText: /Notifications (are blocked|were not allowed)/ }).waitFor();
    expect(await page.evaluate(`navigator.serviceWorker.getRegistration('/').then((r) => (r?.active ?? r?.waiting ?? r?.installing)?.scriptURL ?? null)`)).toBe(
      `${origin}/push-sw.js`,
    );
    // Allowed, it asks the Push API; this Chromium has no push service (offline, headless) and refuses: said so.
    await page.context().grantPermissions(['notifications'], { origin });
    await settings.getByRole('button', { name: 'Enable browser notifications' }).click();
    await settings.getByRole('alert').filter({ hasText: 'This browser could not subscribe to push notifications' }).waitFor();
    expect(await settings.getByText('No browsers are registered for you.').count()).toBe(1);

    // What a browser with a push service does from there (its subscription stood in for in the page): the page
    // subscribes with the shop's VAPID key, registers the subscription, and unregisters it on Disable.
    await page.evaluate(FAKE_PUSH_SERVICE);
    await settings.getByRole('button', { name: 'Enable browser notifications' }).click();
    await settings.getByRole('status').filter({ hasText: 'This browser now receives push notifications.' }).waitFor();
    await settings.getByText('One browser is registered for you.').waitFor();
    expect(await page.evaluate('window.subscribedWith')).toEqual({ userVisibleOnly: true, applicationServerKeyBytes: 65 });
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'storefront', 'notification-settings');

    await page.setViewportSize({ width: 360, height: 800 });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'storefront', 'notification-settings-phone');
    await settings.getByRole('button', { name: 'Disable browser notifications' }).click();
    await settings.getByText('No browsers are registered for you.').waitFor();
    await settings.getByRole('button', { name: 'Enable browser notifications' }).waitFor();

    expect(browser.outsideRequests).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  }, 300_000);

  async function productInStock(): Promise<{ id: string; name: string }> {
    const { products } = await createGraphQLClient({ url: supergraph.gatewayUrl }).request(ProductListingDocument, { first: 20 });
    const node = products.edges.map((edge) => edge.node).find((candidate) => candidate.inStock);
    if (!node) throw new Error('the demo catalogue has no product in stock');
    return node;
  }
});

/**
 * A stand-in for a browser's push service, for a page in a Chromium that has none: `subscribe` records what the
 * page asked for and answers a subscription with a real P-256 key (what the server checks) at a local endpoint.
 */
const FAKE_PUSH_SERVICE = `(async () => {
  const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
  const base64url = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
  const keys = { p256dh: base64url(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey))), auth: base64url(crypto.getRandomValues(new Uint8Array(16))) };
  const endpoint = location.origin + '/push-service/' + crypto.randomUUID();
  let current = null;
  PushManager.prototype.subscribe = async function (options) {
    window.subscribedWith = { userVisibleOnly: options.userVisibleOnly, applicationServerKeyBytes: new Uint8Array(options.applicationServerKey).length };
    current = { endpoint, toJSON: () => ({ endpoint, keys }), unsubscribe: async () => { current = null; return true; } };
    return current;
  };
  PushManager.prototype.getSubscription = async function () { return current; };
})()`;

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
