import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { AddAddressDocument, AddReviewDocument, createGraphQLClient, SignUpDocument, type GraphQLClient } from '@techally/web-client';
import { describeInBrowser, launchOfflineBrowser, type OfflineBrowser } from '@techally/testing';
import { accessibilityViolations } from '../support/accessibility';
import { CheckoutDriver } from '../support/checkout-driver';
import { subgraphSubscriptions } from '../support/live-subscriptions';
import { OrderStatusEvents } from '../support/order-status-events';
import { signedInClient, startTestSupergraph, TEST_ADMIN, type TestSupergraph } from '../support/test-supergraph';
import { ensureWebAppsBuilt, screenshot, PRODUCTION_DOCUMENT_RULES } from '../support/web-apps';


/**
 * The back office at /admin/ as staff use it, in Debian's Chromium with the internet cut off, on one supergraph:
 * sign in, the dashboard, reprice and restock a product (a storefront tab open on it follows), a customer's order
 * arriving in the live feed and being fulfilled, partner API keys; a low-stock threshold crossed by an adjustment
 * reaching the header's bell live (issue #14), and the staff member's own stock-alert settings.
 */
describeInBrowser('admin (browser)')('the admin portal served by the gateway', () => {
  let supergraph: TestSupergraph;
  let browser: OfflineBrowser;
  let origin: string;
  let page: Page;
  let admin: GraphQLClient;
  let customer: { email: string; password: string; client: GraphQLClient };
  let product: { id: string; slug: string; name: string };
  let driver: CheckoutDriver;
  /** The order the live-feed step places and pays today: the dashboard's figures count it. */
  let paidOrder: { id: string; number: string; total: { formatted: string } };

  beforeAll(async () => {
    await ensureWebAppsBuilt();
    [supergraph, browser] = await Promise.all([startTestSupergraph({ env: PRODUCTION_DOCUMENT_RULES }), launchOfflineBrowser()]);
    origin = new URL(supergraph.gatewayUrl).origin;
    admin = await signedInClient(supergraph, TEST_ADMIN.email, TEST_ADMIN.password);
    customer = await newCustomer(supergraph);
    driver = new CheckoutDriver(customer.client, admin, await OrderStatusEvents.follow(supergraph.bus));
    const created = await driver.stockedProduct(3, 1999);
    product = { ...created, name: `Saga test product ${created.slug.split('-').pop()}` };
    page = await browser.newPage();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await supergraph?.stop();
  });

  it('signs staff in to the dashboard: orders and revenue today, low stock, recent orders', async () => {
    await page.goto(`${origin}/admin/`);
    await page.getByLabel('Email').fill(TEST_ADMIN.email);
    await page.getByLabel('Password').fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await page.getByRole('table', { name: 'Low stock' }).getByRole('link', { name: product.name }).waitFor();
    await expectText(page.locator('.tile', { hasText: 'Orders today' }), /Orders today\s*\d+/);
  });

  it('creates a product, showing a refused field under that field', async () => {
    const sku = `ADM-${randomUUID().slice(0, 6)}`.toUpperCase();
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Products' }).click();
    await page.getByRole('link', { name: 'New product' }).click();
    await page.getByLabel('SKU').fill('not a sku');
    await page.getByLabel('Name').fill(`Admin test lamp ${sku}`);
    await page.getByLabel('Description').fill('A lamp made by the admin browser test.');
    await page.getByLabel('Price', { exact: true }).fill('39.90');
    await page.getByLabel('Category').selectOption({ index: 1 });
    await page.getByLabel('Weight (grams)').fill('800');
    await page.getByRole('button', { name: 'Create product' }).click();
    await expectText(page.locator('.field-invalid', { has: page.getByLabel('SKU') }), /sku must be 3 to 32 uppercase letters/);
    expect(await page.getByLabel('SKU').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('SKU').fill(sku);
    await page.getByRole('button', { name: 'Create product' }).click();
    await page.getByRole('heading', { name: `Admin test lamp ${sku}` }).waitFor();
    await expectText(page.getByTestId('current-price'), '$39.90');
  });

  it('reprices a product and adjusts its stock: the admin shows both, and so does a shop tab already open on it', async () => {
    // A shopper's tab (another browser context: no shared session or storage) on the product before the change.
    const shopper = await browser.newPage();
    const following = subscriptionsSent(shopper, ['productChanged', 'stockChanged']);
    await shopper.goto(`${origin}/product/${product.slug}`);
    await shopper.getByRole('heading', { name: product.name }).waitFor();
    await following;
    await expectText(shopper.locator('.product-info .price'), '$19.99');
    await expectText(shopper.locator('.product-stock'), '3 in stock');

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Products' }).click();
    await page.getByLabel('Search products').fill(product.name);
    await page.getByRole('link', { name: product.name }).click();
    await page.getByRole('heading', { name: product.name }).waitFor();

    // A price the server refuses comes back under its field, not as a broken page.
    await page.getByLabel('New price').fill('2000000');
    await page.getByRole('button', { name: 'Save price' }).click();
    await expectText(page.getByRole('form', { name: 'Reprice' }).locator('.field-error'), /price.amount must be at most/);

    await page.getByLabel('New price').fill('24.50');
    await page.getByRole('button', { name: 'Save price' }).click();
    await expectText(page.getByTestId('current-price'), '$24.50');

    const adjust = page.getByRole('form', { name: `Adjust stock of ${product.name}` });
    await adjust.getByLabel('Change (units)').fill('7');
    await adjust.getByLabel('Reason').selectOption('RECEIVED');
    await adjust.getByLabel('Note (optional)').fill('Browser test delivery');
    await adjust.getByRole('button', { name: 'Adjust stock' }).click();
    await expectText(adjust.getByRole('status'), /Added 7 at .*: 10 on hand, 10 available/);
    await expectText(page.getByRole('table', { name: `Stock of ${product.name} per warehouse` }).getByRole('row').nth(1), /10\s*0\s*10$/);

    // The shop tab follows both without a reload (productChanged and stockChanged).
    await expectText(shopper.locator('.product-info .price'), '$24.50');
    await expectText(shopper.locator('.product-stock'), '10 in stock');
    await shopper.close();

    // Taking out more than there is: NEGATIVE_STOCK, said plainly, nothing changed.
    await adjust.getByLabel('Change (units)').fill('-50');
    await adjust.getByLabel('Reason').selectOption('DAMAGED');
    await adjust.getByRole('button', { name: 'Adjust stock' }).click();
    await expectText(adjust.getByRole('alert'), /Not enough stock: .* has 10 on hand, 0 of them reserved for orders, so at most 10 can be removed\. Nothing was changed\./);

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Products' }).click();
    await page.getByLabel('Search products').fill(product.name);
    const row = page.getByRole('row', { name: new RegExp(product.name) });
    await expectText(row, /\$24\.50\s*10/);
    await screenshot(page, 'admin', 'products');

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Stock' }).click();
    await page.getByLabel('Find a product').fill(product.name);
    const stockRow = page.getByRole('row', { name: new RegExp(product.name) });
    await expectText(stockRow, /10\s*10 \/ 0/);
    await stockRow.getByRole('button', { name: `Adjust stock of ${product.name}` }).click();
    await page.getByRole('form', { name: `Adjust stock of ${product.name}` }).waitFor();
    await screenshot(page, 'admin', 'stock');
  });

  it('shows a customer’s order in the live feed as it is placed and paid, and fulfils it', async () => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Orders' }).click();
    await page.getByRole('heading', { name: 'Orders' }).waitFor();
    await page.getByRole('table', { name: 'Orders' }).waitFor();

    const order = await driver.place([{ productId: product.id, quantity: 2 }]);
    paidOrder = order;
    await driver.waitForPayable(order.id);
    await driver.pay(order.id);
    await driver.waitFor(order.id, ['PAID']);

    // No reload: the row comes from the orderStatusChanges subscription.
    const row = page.getByRole('table', { name: 'Orders' }).getByRole('row', { name: new RegExp(order.number) });
    await expectText(row, /Paid/);
    await expectText(page.getByRole('list', { name: 'Live order events' }), new RegExp(`${order.number}.*Paid`));
    await screenshot(page, 'admin', 'orders-feed');

    await row.getByRole('link', { name: order.number }).click();
    await page.getByRole('heading', { name: `Order ${order.number}` }).waitFor();
    await page.getByRole('button', { name: 'Fulfil order' }).click();
    const dialog = page.getByRole('dialog', { name: 'Fulfil this order?' });
    await dialog.getByRole('button', { name: 'Fulfil order' }).click();
    await expectText(page.getByTestId('order-status'), 'Fulfilled');
    await expectText(page.getByRole('status').filter({ hasText: 'fulfilled' }), 'The order is fulfilled.');
    expect((await driver.progress(order.id)).status).toBe('FULFILLED');

    // The only order paid today is this one: the dashboard's revenue is its total.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Dashboard' }).click();
    await expectText(page.locator('.tile', { hasText: 'Revenue today' }), `Revenue today${order.total.formatted}`);
    await page.getByRole('table', { name: 'Recent orders' }).getByRole('link', { name: order.number }).waitFor();
    // 7 received, 2 sold: 8 available, low only below a higher threshold (analytics' stock, from inventory's events).
    await page.getByLabel('At most (units available)').fill('10');
    await expectText(page.getByRole('table', { name: 'Low stock' }).getByRole('row', { name: new RegExp(product.name) }), /8\s*8$/);
    await screenshot(page, 'admin', 'dashboard');
  });

  it('charts the last days from analytics, with today’s figures, and exports them as CSV', async () => {
    // This order was placed and paid today (UTC): one order, its total, every order placed today paid.
    await expectText(page.locator('.tile', { hasText: 'Conversion today' }), /Conversion today\s*\d+ %/);
    const chart = page.getByRole('img', { name: /Revenue per day/ });
    await chart.waitFor();
    expect(await chart.getAttribute('aria-labelledby')).toBeTruthy();
    await expectText(page.locator('figure.chart figcaption'), new RegExp(`Revenue per day, .* \\(UTC\\): ${escapeRegExp(paidOrder.total.formatted)} in all`));

    await page.getByRole('radio', { name: 'Orders' }).check();
    await page.getByRole('radio', { name: '30' }).check();
    await page.getByRole('heading', { name: 'Sales, last 30 days' }).waitFor();
    await page.getByRole('img', { name: /Orders placed per day/ }).waitFor();
    await page.getByText('Figures by day').click();
    // Newest first: today's orders placed, paid and revenue.
    const today = await page.getByRole('table', { name: 'Sales by day' }).getByRole('row').nth(1).getByRole('cell').allTextContents();
    expect(Number(today[0])).toBeGreaterThanOrEqual(1);
    expect(today[2]).toBe(paidOrder.total.formatted);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^sales-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.startsWith('period_start,product_id,product_name,currency,')).toBe(true);
    expect(csv).toContain(`,${product.id},`);
    await screenshot(page, 'admin', 'dashboard-chart');
  });

  it('adds a category to the tree, and hides a customer’s review with a reason', async () => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Categories' }).click();
    await page.getByLabel('Name').fill('Browser test gadgets');
    await page.getByRole('button', { name: 'Create category' }).click();
    await expectText(page.getByRole('status'), 'Created Browser test gadgets (/browser-test-gadgets).');
    await expectText(page.getByRole('list', { name: 'Category tree' }), /Browser test gadgets/);

    const { addReview } = await customer.client.request(AddReviewDocument, {
      input: { productId: product.id, rating: 1, title: 'Call me at 555-0100', body: 'Contact details do not belong in a review.' },
    });
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Reviews' }).click();
    await page.getByLabel('Search products').fill(product.name);
    await page.getByRole('combobox', { name: 'Product' }).selectOption({ label: product.name });
    await page.getByRole('table', { name: `Reviews of ${product.name}` }).getByRole('button', { name: `Hide review “${addReview.title}”` }).click();
    const dialog = page.getByRole('dialog', { name: 'Hide this review?' });
    await dialog.getByLabel('Reason (the author sees it)').fill('Personal contact details');
    await dialog.getByRole('button', { name: 'Hide review' }).click();
    await expectText(page.getByRole('table', { name: 'Moderated reviews' }), /Hidden: Personal contact details/);
    await page.getByText(`${product.name}: 0 visible reviews`).waitFor();
  });

  it('creates a partner API key, shows its secret once, and revokes it', async () => {
    const name = `Browser test partner ${randomUUID().slice(0, 6)}`;
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'API keys' }).click();
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Rate tier').selectOption('BASIC');
    await page.getByRole('button', { name: 'Create key' }).click();
    const secret = page.getByRole('textbox', { name: 'Secret' });
    await secret.waitFor();
    expect((await secret.inputValue()).length).toBeGreaterThan(20);
    const row = page.getByRole('table', { name: 'API keys' }).getByRole('row', { name: new RegExp(name) });
    await expectText(row, /Active/);
    await screenshot(page, 'admin', 'api-keys');

    await page.getByRole('button', { name: 'I have stored it' }).click();
    await row.getByRole('button', { name: `Revoke ${name}` }).click();
    await page.getByRole('dialog', { name: `Revoke ${name}?` }).getByRole('button', { name: 'Revoke key' }).click();
    await expectText(row, /Revoked/);
  });

  it('alerts staff in the bell, live, when an adjustment takes a product below the threshold set on its page (issue #14)', async () => {
    const bell = page.getByRole('button', { name: /^Notifications,/ });
    // Whatever earlier steps told (the product was created with 3 units: below the default threshold) is read first.
    await bell.click();
    await page.getByRole('button', { name: 'Notifications, none unread' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /^Notifications,/, expanded: false }).waitFor();

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Products' }).click();
    await page.getByLabel('Search products').fill(product.name);
    await page.getByRole('link', { name: product.name }).click();
    await page.getByRole('heading', { name: product.name }).waitFor();
    const thresholds = page.getByRole('table', { name: `Low-stock thresholds of ${product.name}` });
    // Nothing set yet: the shop's default applies over all warehouses and in each.
    await expectText(thresholds.getByRole('row').nth(1), /All warehouses\s*8\s*default\s*The shop’s default/);

    // A threshold the server refuses (BAD_USER_INPUT) is said under its field, nothing set.
    const form = page.getByRole('form', { name: 'Set a low-stock threshold' });
    await form.getByLabel('Applies to').selectOption({ index: 1 });
    await form.getByLabel('Alert below (units)').fill('-1');
    await form.getByRole('button', { name: 'Save threshold' }).click();
    await expectText(form.locator('.field-invalid', { has: page.getByLabel('Alert below (units)') }), /"threshold" must be a whole number from 0 to 1000000, got -1/);
    expect(await form.getByLabel('Alert below (units)').getAttribute('aria-invalid')).toBe('true');
    expect(await accessibilityViolations(page)).toEqual([]);

    // Above the 8 available in the product's warehouse: shown low at once, alerted from the next stock change.
    await form.getByLabel('Alert below (units)').fill('12');
    await form.getByRole('button', { name: 'Save threshold' }).click();
    await expectText(form.getByRole('status'), /Alerts below 12 available at .*, from the next stock change\./);
    await expectText(thresholds.getByRole('row').nth(2), /8\s*Low\s*12\s*Set for this warehouse/);
    expect(await accessibilityViolations(page)).toEqual([]);

    // The admin takes one unit out: 7 < 12, one LOW_STOCK alert, into the open page's bell without a reload.
    await subgraphSubscriptions(supergraph.apps['notifications']!.metricsUrl!, 1);
    const adjust = page.getByRole('form', { name: `Adjust stock of ${product.name}` });
    await adjust.getByLabel('Change (units)').fill('-1');
    await adjust.getByLabel('Reason').selectOption('DAMAGED');
    await adjust.getByRole('button', { name: 'Adjust stock' }).click();
    await expectText(adjust.getByRole('status'), /Removed 1 at .*: 7 on hand, 7 available/);
    await page.getByRole('button', { name: 'Notifications, 1 unread' }).waitFor();
    await expectText(page.locator('.notification-centre [role="status"]'), /New notification: Low stock: SAGA-/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'admin', 'low-stock-alert');

    // Opening the bell lists it first, linked to the product's page, and marks it read.
    await bell.click();
    const newest = page.getByRole('list', { name: 'Your notifications' }).getByRole('listitem').first();
    await expectText(newest, /New\s*Low stock: SAGA-.* is down to 7 available at .*, below its low-stock threshold of 12\./);
    expect(await newest.getByRole('link', { name: `Stock of ${product.name}` }).getAttribute('href')).toBe(`/admin/products/${product.id}`);
    // The product's first dip (3 units at creation) was told once, for its warehouse, not also product-wide.
    expect(await page.getByRole('list', { name: 'Your notifications' }).getByRole('listitem').filter({ hasText: 'across all warehouses' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Notifications, none unread' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'admin', 'notifications');

    // On a phone's width the panel fits the screen, and the page has no sideways scroll.
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'admin', 'notifications-phone');
    await page.keyboard.press('Escape');
    expect(await page.getByRole('list', { name: 'Your notifications' }).count()).toBe(0);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('keeps the staff member’s own stock-alert settings: email, SMS (with its number) and push', async () => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
    const channels = page.getByRole('group', { name: 'Send stock alerts by' });
    // Email by default, nothing else.
    await channels.getByRole('checkbox', { name: 'Email' }).waitFor();
    expect(await channels.getByRole('checkbox', { name: 'Email' }).isChecked()).toBe(true);
    expect(await channels.getByRole('checkbox', { name: 'SMS' }).isChecked()).toBe(false);
    expect(await accessibilityViolations(page)).toEqual([]);

    // SMS without a number: refused, said under the number's field, the switch back off.
    await channels.getByRole('checkbox', { name: 'SMS' }).check();
    const number = page.getByRole('form', { name: 'SMS number' });
    await expectText(number.locator('.field-error'), /SMS needs a number/);
    await channels.getByRole('checkbox', { name: 'SMS', checked: false }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await number.getByLabel('Mobile number for SMS').fill('+44 7700 900123');
    await number.getByRole('button', { name: 'Save number' }).click();
    await expectText(page.getByRole('status').filter({ hasText: 'saved' }), 'Your SMS number: saved.');
    await channels.getByRole('checkbox', { name: 'SMS' }).check();
    await expectText(page.getByRole('status').filter({ hasText: 'saved' }), 'Stock alerts by SMS: saved.');
    await channels.getByRole('checkbox', { name: 'Email' }).uncheck();
    await expectText(page.getByRole('status').filter({ hasText: 'saved' }), 'Stock alerts by email: saved.');
    await channels.getByRole('checkbox', { name: 'Push' }).check();
    await expectText(page.getByRole('status').filter({ hasText: 'saved' }), 'Stock alerts by push: saved.');

    // Stored: a reload shows them as left.
    await page.reload();
    await channels.getByRole('checkbox', { name: 'Email' }).waitFor();
    expect(await channels.getByRole('checkbox', { name: 'Email' }).isChecked()).toBe(false);
    expect(await channels.getByRole('checkbox', { name: 'SMS' }).isChecked()).toBe(true);
    expect(await channels.getByRole('checkbox', { name: 'Push' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Mobile number for SMS').inputValue()).toBe('+447700900123');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'admin', 'settings-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('tells a customer who signs in that the account is not staff', async () => {
    const other = await browser.newPage();
    await other.goto(`${origin}/admin/`);
    await other.getByLabel('Email').fill(customer.email);
    await other.getByLabel('Password').fill(customer.password);
    await other.getByRole('button', { name: 'Sign in' }).click();
    await expectText(other.getByRole('alert'), /this account is not staff/);
    expect(browser.outsideRequests).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  });
});

/** Waits until the locator's text matches (Playwright retries the read; no fixed pause). */
async function expectText(locator: ReturnType<Page['locator']>, expected: string | RegExp): Promise<void> {
  await locator.first().waitFor();
  await locator
    .filter({ hasText: expected })
    .first()
    .waitFor()
    .catch(async (error: unknown) => {
      throw new Error(`expected ${String(expected)}, found "${(await locator.first().textContent()) ?? ''}": ${String(error)}`);
    });
}

/** Resolves once the page has sent a graphql-ws `subscribe` for each of `fields` (its live updates are asked for). */
function subscriptionsSent(page: Page, fields: ReadonlyArray<string>): Promise<void> {
  return new Promise((resolve) => {
    const pending = new Set(fields);
    page.on('websocket', (socket) =>
      socket.on('framesent', ({ payload }) => {
        // Subscriptions go by persisted id: a frame names the operation (StorefrontProductChanged), not the field.
        const frame = String(payload).toLowerCase();
        if (!frame.includes('"subscribe"')) return;
        for (const field of pending) if (frame.includes(field.toLowerCase())) pending.delete(field);
        if (pending.size === 0) resolve();
      }),
    );
  });
}

async function newCustomer(supergraph: TestSupergraph): Promise<{ email: string; password: string; client: GraphQLClient }> {
  const email = `admin-e2e-${randomUUID().slice(0, 8)}@example.com`;
  const password = 'correct horse battery staple';
  const { signUp } = await createGraphQLClient({ url: supergraph.gatewayUrl }).request(SignUpDocument, { input: { email, password, name: 'Grace Hopper' } });
  const client = createGraphQLClient({ url: supergraph.gatewayUrl, accessToken: () => signUp.accessToken });
  await client.request(AddAddressDocument, {
    input: { fullName: 'Grace Hopper', line1: '1 Compiler Way', city: 'Arlington', postalCode: '22201', country: 'US', isDefault: true },
  });
  return { email, password, client };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
