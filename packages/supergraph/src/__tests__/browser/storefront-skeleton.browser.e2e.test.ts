import { describeInBrowser, launchOfflineBrowser, type OfflineBrowser } from '@techally/testing';
import { startTestSupergraph, type TestSupergraph } from '../support/test-supergraph';
import { ensureWebAppsBuilt, screenshot } from '../support/web-apps';

/** The apps as the gateway serves them, in Debian's Chromium with the internet cut off. */
describeInBrowser('storefront (browser)')('the apps served by the gateway', () => {
  let supergraph: TestSupergraph;
  let browser: OfflineBrowser;
  let origin: string;

  beforeAll(async () => {
    await ensureWebAppsBuilt();
    [supergraph, browser] = await Promise.all([startTestSupergraph(), launchOfflineBrowser()]);
    origin = new URL(supergraph.gatewayUrl).origin;
  });
  afterAll(async () => {
    await browser?.close();
    await supergraph?.stop();
  });

  it('shows the catalogue at / from the graph', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    await page.getByRole('list', { name: 'Products' }).getByRole('listitem').first().waitFor();
    await screenshot(page, 'storefront', 'catalogue');
    expect(await page.getByRole('list', { name: 'Products' }).getByRole('listitem').count()).toBeGreaterThan(0);
    expect(browser.outsideRequests).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  });
});
