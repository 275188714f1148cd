import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { signTestToken } from '@techally/testing';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startEdgeGateway, type EdgeGateway } from '../../../__tests__/support/edge-gateway';
import { ensureExplorerBundle } from './support/explorer-bundle';

/**
 * The explorer as a developer uses it, in a real browser with the network cut off: Debian's Chromium driven by
 * playwright-core, every request to a host other than this machine aborted (and recorded). CI installs
 * Chromium (.ci/run); elsewhere the suite says it was skipped when there is none. Screenshots of each step go to
 * EXPLORER_SCREENSHOT_DIR (default: the system's temp folder), to be looked at.
 */
const chromiumPath = process.env['CHROMIUM_PATH'] ?? whichChromium();
const SCREENSHOTS = process.env['EXPLORER_SCREENSHOT_DIR'] ?? tmpdir();
if (!chromiumPath && process.env['CI']) throw new Error('CI must have Chromium for the explorer check: .ci/run installs it (apt-get install chromium)');
if (!chromiumPath) console.warn('explorer.browser: SKIPPED — no chromium on this machine (apt-get install chromium)');

function whichChromium(): string | undefined {
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim() || undefined;
    } catch {
      // not this name
    }
  }
  return undefined;
}

const PRODUCTS = '{ products(first: 2) { edges { node { name } } } }';

(chromiumPath ? describe : describe.skip)('the offline explorer in a browser without the internet', () => {
  let edge: EdgeGateway;
  let browser: Browser;
  let page: Page;
  const outsideRequests: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await ensureExplorerBundle();
    edge = await startEdgeGateway({
      answer: (subgraph) => (subgraph === 'products' ? { data: { products: { edges: [{ node: { name: 'Trail Runner 2' } }] } } } : { data: null }),
    });
    browser = await chromium.launch({
      executablePath: chromiumPath!,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.route('**/*', (route) => {
      const { hostname } = new URL(route.request().url());
      if (hostname === '127.0.0.1' || hostname === 'localhost') return route.continue();
      outsideRequests.push(route.request().url());
      return route.abort();
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(edge.url);
  });
  afterAll(async () => {
    await browser?.close();
    await edge?.stop();
  });

  async function screenshot(step: string): Promise<void> {
    await page.screenshot({ path: join(SCREENSHOTS, `techally-explorer-${step}.png`) });
  }

  it('shows GraphiQL with the headers editor open and the link to Apollo Sandbox', async () => {
    await page.locator('.graphiql-container').waitFor();
    await page.locator('.graphiql-query-editor .CodeMirror').waitFor();
    await page.getByRole('button', { name: 'Headers' }).waitFor();
    await screenshot('1-loaded');
    const sandbox = page.locator('a.techally-explorer-sandbox');
    await sandbox.waitFor();
    expect(await sandbox.getAttribute('href')).toBe(`https://studio.apollographql.com/sandbox/explorer?endpoint=${encodeURIComponent(edge.url)}`);
  });

  it('runs a query with a bearer token pasted in the headers editor, through the gateway to the subgraph', async () => {
    const token = await signTestToken(edge.signingKey, { sub: randomUUID(), issuer: edge.issuer, audience: edge.audience });
    edge.resetCounts();
    await setEditor(page, '.graphiql-query-editor', PRODUCTS);
    // Pasted, as a developer would: click into the headers editor and insert the text.
    await page.locator('.graphiql-editor-tool .CodeMirror').filter({ visible: true }).click();
    await page.keyboard.insertText(JSON.stringify({ authorization: `Bearer ${token}` }));
    await page.locator('button.graphiql-execute-button').click();
    await page.locator('.graphiql-response').getByText('Trail Runner 2').waitFor();
    await screenshot('2-query-run');
    expect(edge.requestsTo('products')).toHaveLength(1);
    expect(edge.requestsTo('products')[0]?.headers.authorization).toBe(`Bearer ${token}`);
  });

  it("shows the schema's docs from introspection", async () => {
    await page.locator('button[aria-label="Show Documentation Explorer"]').click();
    await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).first().click();
    await page.locator('.graphiql-doc-explorer').getByText('products', { exact: true }).first().waitFor();
    await screenshot('3-docs');
  });

  it('has the explorer plugin, listing the root fields to click a query together', async () => {
    await page.locator('button[aria-label="Show GraphiQL Explorer"]').click();
    await page.locator('.graphiql-explorer-root, .docExplorerWrap').first().waitFor();
    await page.getByText('categories', { exact: true }).first().waitFor();
    await screenshot('4-explorer-plugin');
  });

  it('sent nothing to any other host, and raised no error in the page', () => {
    expect(outsideRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

/** Replaces an editor's text through CodeMirror's own API (the default query would otherwise stay around it). */
async function setEditor(page: Page, container: string, text: string): Promise<void> {
  await page.locator(`${container} .CodeMirror`).first().waitFor();
  await page.evaluate(
    ({ selector, value }) => {
      // Runs in the page (the tests are type-checked without the DOM library).
      const { document } = globalThis as unknown as { document: { querySelector(selector: string): unknown } };
      const editor = document.querySelector(`${selector} .CodeMirror`) as { CodeMirror: { setValue(text: string): void } };
      editor.CodeMirror.setValue(value);
    },
    { selector: container, value: text },
  );
}
