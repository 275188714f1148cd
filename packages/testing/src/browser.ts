import { execFileSync } from 'node:child_process';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * Debian's Chromium (`apt-get install chromium`; .ci/run installs it), or CHROMIUM_PATH. No browser is ever
 * downloaded: playwright-core drives the one on the machine.
 */
export function findChromium(): string | undefined {
  if (process.env['CHROMIUM_PATH']) return process.env['CHROMIUM_PATH'];
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim() || undefined;
    } catch {
      // not this name
    }
  }
  return undefined;
}

/**
 * `describe` when Chromium is here, `describe.skip` (with a warning) when not — except on CI, which must have it:
 * a browser suite that silently skipped there would prove nothing.
 */
export function describeInBrowser(suite: string): jest.Describe {
  if (findChromium()) return describe;
  if (process.env['CI']) throw new Error(`${suite}: CI must have Chromium (.ci/run installs it: apt-get install chromium)`);
  console.warn(`${suite}: SKIPPED — no chromium on this machine (apt-get install chromium)`);
  return describe.skip;
}

export interface OfflineBrowser {
  readonly browser: Browser;
  /** A fresh context (its own storage: another user, another device) with the offline guard on its pages. */
  newContext(options?: { viewport?: { width: number; height: number } }): Promise<BrowserContext>;
  /** A page in a fresh context. */
  newPage(options?: { viewport?: { width: number; height: number } }): Promise<Page>;
  /** Requests to any host other than this machine: each was aborted. A test asserts this stays empty. */
  readonly outsideRequests: string[];
  /** Uncaught errors in any page (`pageerror`): a test asserts this stays empty. */
  readonly pageErrors: string[];
  close(): Promise<void>;
}

/** The flags every browser test runs Chromium with (headless, no sandbox in CI containers, nothing phoning home). */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/**
 * Chromium with the network cut off: every request to a host other than 127.0.0.1/localhost is aborted and
 * recorded, so a page that would fetch a font or a script from the internet fails its test here, not in a shop
 * without internet.
 */
export async function launchOfflineBrowser(): Promise<OfflineBrowser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no chromium on this machine (apt-get install chromium)');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const outsideRequests: string[] = [];
  const pageErrors: string[] = [];
  async function newContext(options: { viewport?: { width: number; height: number } } = {}): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 900 } });
    await context.route('**/*', (route) => {
      const { hostname } = new URL(route.request().url());
      if (hostname === '127.0.0.1' || hostname === 'localhost') return route.continue();
      outsideRequests.push(route.request().url());
      return route.abort();
    });
    context.on('page', (page) => page.on('pageerror', (error) => pageErrors.push(error.message)));
    return context;
  }
  return {
    browser,
    newContext,
    async newPage(options) {
      const context = await newContext(options);
      const page = await context.newPage();
      return page;
    },
    outsideRequests,
    pageErrors,
    close: () => browser.close(),
  };
}
