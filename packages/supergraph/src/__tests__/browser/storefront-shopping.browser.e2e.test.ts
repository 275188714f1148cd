import {
  AdjustStockDocument,
  MyRecommendedProductsDocument,
  ProductAlsoBoughtDocument,
  ProductListingDocument,
  ProductPageDocument,
  RepriceProductDocument,
  WarehousesDocument,
  type GraphQLClient,
} from '@techally/web-client';
import { DEMO_CUSTOMERS } from '@techally/demo-data';
import { describeInBrowser, launchOfflineBrowser, type OfflineBrowser } from '@techally/testing';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { accessibilityViolations } from '../support/accessibility';
import { checkoutDriverFor } from '../support/checkout-driver';
import { subgraphSubscriptions } from '../support/live-subscriptions';
import { signedInClient, startTestSupergraph, TEST_ADMIN, type TestSupergraph } from '../support/test-supergraph';
import { ensureWebAppsBuilt, screenshot, PRODUCTION_DOCUMENT_RULES } from '../support/web-apps';

/** The few browser globals the in-page checks read (the tests compile without the DOM library). */
declare const document: {
  querySelector(selector: string): { getAttribute(name: string): string | null; querySelectorAll(selector: string): Iterable<{ textContent: string | null }> } | null;
  documentElement: { scrollWidth: number };
};

// The shopping half of the storefront (issue #12) as a shopper uses it, in Debian's Chromium with the internet cut
// off, against the whole supergraph: catalogue → category → price filter and sort → a misspelt search ("Did you
// mean …?") narrowed by a facet → search as you type → product page → add to cart → reload; a stock adjustment
// shows on the open product page; what customers also bought and what is popular, once an order is paid; a phone's width. The steps run in order on one page, as one visit. The catalogue
// pages run on the search subgraph (issue #13).
describeInBrowser('storefront shopping (browser)')('shopping in the storefront', () => {
  let supergraph: TestSupergraph;
  let browser: OfflineBrowser;
  let admin: GraphQLClient;
  let origin: string;
  let page: Page;
  let productName: string;
  let productPrice: number;
  let productSlug: string;

  beforeAll(async () => {
    await ensureWebAppsBuilt();
    [supergraph, browser] = await Promise.all([startTestSupergraph({ env: PRODUCTION_DOCUMENT_RULES }), launchOfflineBrowser()]);
    origin = new URL(supergraph.gatewayUrl).origin;
    admin = await signedInClient(supergraph, TEST_ADMIN.email, TEST_ADMIN.password);
    page = await browser.newPage();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await supergraph?.stop();
  });

  const products = () => page.getByRole('list', { name: 'Products' });
  /** The names of the products listed, once the listing shows the current URL's (not the last one's, kept while loading). */
  async function listed(): Promise<string[]> {
    await page.locator('ul[aria-label="Products"][aria-busy="false"]').waitFor();
    return products().getByRole('heading').allTextContents();
  }
  /** The prices of the grid's cards in dollars, once they are all ≥ `min` and, if asked, in ascending order. */
  async function pricesWhen(expected: { min: number; ascending: boolean }): Promise<number[]> {
    const handle = await page.waitForFunction(({ min, ascending }) => {
      const list = document.querySelector('ul[aria-label="Products"]');
      if (!list || list.getAttribute('aria-busy') === 'true') return null;
      const prices = [...list.querySelectorAll('.price')].map((p) => Number(p.textContent!.replace(/[$,]/g, '')));
      const ok = prices.length > 0 && prices.every((price, i) => price >= min && (!ascending || i === 0 || prices[i - 1]! <= price));
      return ok ? prices : null;
    }, expected);
    return (await handle.jsonValue()) as number[];
  }

  it('lists the catalogue at / a page at a time', async () => {
    const started = Date.now();
    await page.goto(`${origin}/`);
    await products().getByRole('listitem').first().waitFor();
    console.log(`storefront: first product list ${Date.now() - started} ms after navigation (embedded supergraph, this machine)`);
    await page.getByRole('heading', { level: 1, name: 'All products' }).waitFor();
    expect(await products().getByRole('listitem').count()).toBe(12);
    await screenshot(page, 'storefront', 'catalogue');
    expect(await accessibilityViolations(page)).toEqual([]);

    const firstPage = await listed();
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Next →' }).click();
    await page.getByText(/^Page 2 of \d+$/).waitFor();
    expect(new URL(page.url()).searchParams.get('after')).toBeTruthy();
    const secondPage = await listed();
    expect(secondPage.filter((name) => firstPage.includes(name))).toEqual([]);
    await page.getByRole('link', { name: '← Previous' }).click();
    await page.getByText(/^Page 1 of \d+$/).waitFor();
    expect(await listed()).toEqual(firstPage);
  });

  it('ships a production build whose initial JavaScript is under 200 kB gzip', async () => {
    const html = await (await fetch(`${origin}/`)).text();
    // The entry script and the chunks it preloads: what the browser loads before the first page shows.
    const initial = [...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((match) => match[1]!);
    expect(initial.length).toBeGreaterThan(0);
    const scripts = await Promise.all(initial.map(async (path) => Buffer.from(await (await fetch(`${origin}${path}`)).arrayBuffer())));
    const gzipped = scripts.reduce((sum, script) => sum + gzipSync(script).length, 0);
    console.log(`storefront: initial JS ${(gzipped / 1000).toFixed(1)} kB gzip (${initial.length} file(s))`);
    expect(gzipped).toBeLessThan(200_000);
    // React's development build links to its dev tools ("react.dev/link/react-devtools"); the production one does not.
    expect(scripts.filter((script) => script.includes('react.dev/link/react-devtools')).length).toBe(0);
  });

  it('narrows to a category, then filters by price and sorts, the state in the URL', async () => {
    await page.getByRole('navigation', { name: 'Categories' }).getByRole('link', { name: 'Audio' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audio' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/category/audio');
    // The tree beside the listing opens the department: its subcategories are one click away.
    await page.getByRole('navigation', { name: 'Category tree' }).getByRole('link', { name: /^Headphones/ }).waitFor();

    await page.getByLabel('Sort by').selectOption({ label: 'Price: low to high' });
    const ascending = await pricesWhen({ min: 0, ascending: true });
    expect(new URL(page.url()).searchParams.get('sort')).toBe('PRICE_ASC');

    await page.getByLabel('Min price ($)').fill('200');
    await page.getByRole('button', { name: 'Apply' }).click();
    const filtered = await pricesWhen({ min: 200, ascending: true });
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered[0]).toBeGreaterThanOrEqual(200);
    expect(ascending[0]).toBeLessThan(200); // the filter took cheaper products away
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ sort: 'PRICE_ASC', min: '200' });

    // A link or a reload shows the same listing.
    await page.reload();
    await pricesWhen({ min: 200, ascending: true });
    expect(await page.getByLabel('Min price ($)').inputValue()).toBe('200');
    expect(await page.getByLabel('Sort by').inputValue()).toBe('PRICE_ASC');

    await page.getByLabel('Min price ($)').fill('cheap');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('alert').filter({ hasText: 'Enter prices in dollars' }).waitFor();
  });

  it('corrects a typo: "hedphones" lists headphones under "Did you mean headphones?", and a price facet narrows them to its count', async () => {
    const box = page.getByRole('combobox', { name: 'Search products' });
    await box.fill('hedphones');
    await box.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Results for “headphones”' }).waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('hedphones');
    const notice = page.locator('.did-you-mean');
    expect(await notice.textContent()).toBe('Nothing matches “hedphones”. Did you mean headphones? The results below are for it.');
    expect(await notice.getByRole('link', { name: 'headphones' }).getAttribute('href')).toBe('/search?q=headphones');
    const total = await shownCount();
    expect(total).toBeGreaterThan(1);
    expect((await listed()).length).toBe(Math.min(total, 12));

    // Every price range with a match is offered with its count; they add up to the results.
    const ranges = page.getByRole('group', { name: 'Price range' }).getByRole('checkbox');
    await ranges.first().waitFor();
    const labels = await page.getByRole('group', { name: 'Price range' }).locator('label').allTextContents();
    const counts = labels.map((label) => Number(/\((\d+)\)$/.exec(label)![1]));
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(total);
    const narrower = counts.findIndex((count) => count > 0 && count < total);
    expect(narrower).toBeGreaterThanOrEqual(0);
    const [, low, high] = /^\$(\d+) (?:to \$(\d+)|and above)/.exec(labels[narrower]!)!;

    await ranges.nth(narrower).check();
    await page.getByRole('status').filter({ hasText: new RegExp(`^${counts[narrower]} products?$`) }).waitFor();
    const prices = await pricesWhen({ min: Number(low), ascending: false });
    expect(prices.length).toBe(Math.min(counts[narrower]!, 12));
    if (high) for (const price of prices) expect(price).toBeLessThan(Number(high));
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ q: 'hedphones', min: low, ...(high ? { max: String(Number(high) - 0.01) } : {}) });
    expect(await ranges.nth(narrower).isChecked()).toBe(true);
    await page.getByText('Did you mean headphones?').waitFor();
    await screenshot(page, 'storefront', 'search-typo-facet');
    expect(await accessibilityViolations(page)).toEqual([]);

    // Unticking gives the whole results back.
    await page.getByRole('group', { name: 'Price range' }).getByRole('checkbox', { checked: true }).uncheck();
    await page.getByRole('status').filter({ hasText: new RegExp(`^${total} products$`) }).waitFor();
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ q: 'hedphones' });
  });

  it('searches as you type: suggestions under the box, Enter lists every match, ↓ + Enter opens one', async () => {
    // A product with reviews (the page then shows them), searched for by its name without the variant: "Niche Zero".
    const { products: listing } = await admin.request(ProductListingDocument, { first: 100, sort: 'NAME_ASC' });
    const reviewed = listing.edges.map((edge) => edge.node).find((node) => node.rating.count >= 2 && node.inStock)!;
    productName = reviewed.name;
    const term = reviewed.name.replace(/\s*\(.*$/, '');

    const box = page.getByRole('combobox', { name: 'Search products' });
    await box.fill(''); // it shows the search before's words
    await box.pressSequentially(term.toLowerCase());
    const suggestions = page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option');
    // Once the pause in typing has passed (until then the list is the last words' suggestions).
    await suggestions.filter({ hasText: productName }).waitFor();
    const names = await suggestions.locator('.suggestion-name').allTextContents();
    expect(names).toContain(productName);
    // Type-ahead: each suggestion's name has a word starting with each word typed.
    for (const name of names) for (const word of term.toLowerCase().split(/\s+/)) expect(name.toLowerCase()).toMatch(new RegExp(`\\b${word.replace(/[^a-z0-9]/g, '.')}`));
    expect(await accessibilityViolations(page)).toEqual([]);

    await box.press('Enter');
    await page.getByRole('heading', { level: 1, name: `Results for “${term.toLowerCase()}”` }).waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe(term.toLowerCase());
    const results = await listed();
    expect(results).toContain(productName);
    // Ranked: a product named so comes before one that only mentions the words.
    expect(results[0]!.toLowerCase()).toContain(term.toLowerCase());

    // The keyboard alone: ↓ to the product's suggestion (aria-activedescendant follows), Enter opens its page.
    await box.click();
    await suggestions.first().waitFor();
    for (let i = 0; i <= names.indexOf(productName); i++) await box.press('ArrowDown');
    const chosen = suggestions.nth(names.indexOf(productName));
    expect(await chosen.getAttribute('aria-selected')).toBe('true');
    expect(await box.getAttribute('aria-activedescendant')).toBe(await chosen.getAttribute('id'));
    await box.press('Enter');
    await page.getByRole('heading', { level: 1, name: productName }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/product/${reviewed.slug}`);
  });

  it('shows the product with its reviews, its stock and price live: an adjustment and a reprice appear without a reload', async () => {
    await page.getByRole('heading', { name: 'Reviews', level: 2 }).waitFor();
    await page.getByRole('list', { name: /^Reviews, \d+ in all$/ }).getByRole('listitem').first().waitFor();
    const stockText = (await page.locator('.product-stock').textContent())!;
    const before = stockText === 'Out of stock' ? 0 : Number(/^(\d+) in stock$/.exec(stockText)![1]);

    // The page's subscriptions are live upstream (each subgraph counts its own): no change can be missed.
    await subgraphSubscriptions(supergraph.apps['inventory']!.metricsUrl!, 1);
    await subgraphSubscriptions(supergraph.apps['products']!.metricsUrl!, 1);
    const warehouseId = (await admin.request(WarehousesDocument)).warehouses[0]!.id;
    const product = await shownProduct(productName);
    productSlug = product.slug;
    await admin.request(AdjustStockDocument, { input: { productId: product.id, warehouseId, delta: 7, reason: 'RECEIVED' } });
    await page.locator('.product-stock').getByText(`${before + 7} in stock`).waitFor();

    const repriced = product.price.amount + 1_000;
    await admin.request(RepriceProductDocument, { id: product.id, price: { amount: repriced, currency: product.price.currency } });
    productPrice = repriced / 100;
    await page.locator('.price-large').getByText(dollars(productPrice)).waitFor();

    await page.getByLabel('Quantity').fill('2');
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.getByRole('status').filter({ hasText: `Added 2 × ${productName}` }).waitFor();
    await page.getByRole('link', { name: 'Cart, 2 items' }).waitFor();
    await screenshot(page, 'storefront', 'product');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('keeps the cart across a reload, priced from the graph', async () => {
    await page.reload();
    await page.getByRole('link', { name: 'Cart, 2 items' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your cart' }).waitFor();
    const line = page.getByRole('list', { name: 'Cart lines' }).getByRole('listitem');
    await line.getByRole('link', { name: productName }).waitFor();
    expect(await line.getByLabel(`Quantity of ${productName}`).inputValue()).toBe('2');
    const subtotal = page.locator('.subtotal output');
    await subtotal.getByText(dollars(productPrice * 2)).waitFor();

    await line.getByLabel(`Quantity of ${productName}`).fill('3');
    await subtotal.getByText(dollars(productPrice * 3)).waitFor();
    await page.getByRole('link', { name: 'Cart, 3 items' }).waitFor();
    expect(await page.getByRole('link', { name: 'Checkout' }).getAttribute('href')).toBe('/checkout');
    await screenshot(page, 'storefront', 'cart');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('recommends from paid orders: "Customers also bought" on the product page, "Popular right now" on the home page', async () => {
    // A customer buys the product of this visit with another one (issue #14): recommendations learn it from order-paid.
    const bought = (await admin.request(ProductPageDocument, { slug: productSlug })).product!;
    const { products: listing } = await admin.request(ProductListingDocument, { first: 100, sort: 'NAME_ASC' });
    const partner = listing.edges.map((edge) => edge.node).find((node) => node.inStock && node.id !== bought.id)!;
    const driver = await checkoutDriverFor(supergraph);
    const order = await driver.checkout([{ productId: bought.id, quantity: 1 }, { productId: partner.id, quantity: 1 }]);
    expect(order.status).toBe('PAID');
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const { product } = await admin.request(ProductAlsoBoughtDocument, { id: bought.id, first: 4 });
      if (product?.alsoBought.some((other) => other.id === partner.id)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    await page.goto(`${origin}/product/${bought.slug}`);
    const alsoBought = page.getByRole('list', { name: 'Customers also bought' });
    await alsoBought.getByRole('link', { name: partner.name }).waitFor();
    expect(await alsoBought.getByRole('link', { name: productName }).count()).toBe(0);
    await alsoBought.scrollIntoViewIfNeeded();
    await screenshot(page, 'storefront', 'product-also-bought');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.goto(`${origin}/`);
    const popular = page.getByRole('list', { name: 'Popular right now' });
    await popular.getByRole('link', { name: partner.name }).waitFor();
    await popular.getByRole('link', { name: productName }).waitFor();
    await products().getByRole('listitem').first().waitFor();
    await screenshot(page, 'storefront', 'home-popular');
    expect(await accessibilityViolations(page)).toEqual([]);

    // Another customer buys the partner with a third product: signed in, the first buyer is offered the third,
    // never what they bought.
    const third = listing.edges.map((edge) => edge.node).find((node) => node.inStock && node.id !== bought.id && node.id !== partner.id)!;
    const other = await checkoutDriverFor(supergraph, DEMO_CUSTOMERS[1]!);
    expect((await other.checkout([{ productId: partner.id, quantity: 1 }, { productId: third.id, quantity: 1 }])).status).toBe('PAID');
    const buyer = DEMO_CUSTOMERS[0]!;
    const buyerClient = await signedInClient(supergraph, buyer.email, buyer.password);
    const learnedBy = Date.now() + 30_000;
    while (Date.now() < learnedBy) {
      const { me } = await buyerClient.request(MyRecommendedProductsDocument, { first: 4 });
      if (me?.recommendedProducts.some((product) => product.id === third.id)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const signedIn = await browser.newPage();
    await signedIn.goto(`${origin}/sign-in?next=%2F`);
    await signedIn.getByLabel('Email', { exact: true }).fill(buyer.email);
    await signedIn.getByLabel('Password', { exact: true }).fill(buyer.password);
    await signedIn.getByRole('button', { name: 'Sign in' }).click();
    const mine = signedIn.getByRole('list', { name: 'Recommended for you' });
    await mine.getByRole('link', { name: third.name }).waitFor();
    expect(await mine.getByRole('link', { name: productName }).count()).toBe(0);
    expect(await mine.getByRole('link', { name: partner.name }).count()).toBe(0);
    await signedIn.getByRole('list', { name: 'Products' }).getByRole('listitem').first().waitFor();
    await screenshot(signedIn, 'storefront', 'home-recommended');
    expect(await accessibilityViolations(signedIn)).toEqual([]);
    await signedIn.context().close();
  });

  it('says what happened: an unknown address, product or category, and a shop it cannot reach (then tries again)', async () => {
    const other = await browser.newPage();
    await other.goto(`${origin}/no-such-page`);
    await other.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await other.goto(`${origin}/product/no-such-product`);
    await other.getByRole('heading', { level: 1, name: 'Product not found' }).waitFor();
    await other.goto(`${origin}/category/no-such-category`);
    await other.getByRole('heading', { level: 1, name: 'Category not found' }).waitFor();

    // The network gives out: the page says so in words, and "Try again" recovers once it is back.
    await other.route('**/graphql', (route) => route.abort('internetdisconnected'));
    await other.goto(`${origin}/?sort=RATING`);
    const alert = other.getByRole('alert').filter({ hasText: 'Could not load the products' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Could not reach the shop. Check your connection and try again. (NETWORK_ERROR)');
    expect(await accessibilityViolations(other)).toEqual([]);
    await other.unroute('**/graphql');
    await alert.getByRole('button', { name: 'Try again' }).click();
    await other.getByRole('list', { name: 'Products' }).getByRole('listitem').first().waitFor();
    await other.context().close();
  });

  it('fits a phone (360 px): no sideways scrolling, every control reachable', async () => {
    const phone = await browser.newPage({ viewport: { width: 360, height: 780 } });
    await phone.goto(`${origin}/`);
    await phone.getByRole('list', { name: 'Products' }).getByRole('listitem').first().waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await phone.getByRole('combobox', { name: 'Search products' }).waitFor({ state: 'visible' });
    await phone.getByRole('link', { name: /^Cart, \d+ items?$/ }).waitFor({ state: 'visible' });
    await screenshot(phone, 'storefront', 'phone');
    expect(await accessibilityViolations(phone)).toEqual([]);

    // The product page and the cart (one line, from this context's own storage) fit too.
    await phone.getByRole('list', { name: 'Products' }).getByRole('link').first().click();
    await phone.getByRole('button', { name: 'Add to cart' }).click();
    await phone.getByRole('link', { name: 'Cart, 1 item' }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(phone, 'storefront', 'phone-product');
    await phone.getByRole('link', { name: 'Cart, 1 item' }).click();
    await phone.locator('.subtotal output').getByText(/^\$[\d,]+\.\d\d$/).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(phone, 'storefront', 'phone-cart');
    expect(await accessibilityViolations(phone)).toEqual([]);

    expect(browser.outsideRequests).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  });

  /** The listing's count, "12 products", once it is not updating. */
  async function shownCount(): Promise<number> {
    const status = page.locator('.result-count').filter({ hasText: /^\d+ products?$/ });
    return Number(/^(\d+)/.exec((await status.textContent())!)![1]);
  }

  /** The shown product as the graph has it (the shopper never sees its id), by the page's slug. */
  async function shownProduct(name: string) {
    const slug = new URL(page.url()).pathname.split('/').pop()!;
    const { product } = await admin.request(ProductPageDocument, { slug });
    expect(product?.name).toBe(name);
    return product!;
  }
});

function dollars(amount: number): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(amount);
}
