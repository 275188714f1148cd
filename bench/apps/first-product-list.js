'use strict';
// The time from navigating to the storefront's `/` to its first product list item on screen, in Chromium
// (Debian's, driven by playwright-core through @techally/testing's offline browser: every request to another
// host is aborted and counted), each load in a fresh browser context: no HTTP cache, no storage, no service
// worker — a first visit's cold load against a warm server.
const { performance } = require('node:perf_hooks');
const { launchOfflineBrowser } = require('@techally/testing');

/**
 * The first item of the catalogue's product list, found by role as a shopper's screen reader would: a list
 * named "Products" (clients/storefront/src/pages/CataloguePage.tsx). A storefront that renames it updates this.
 */
const firstProduct = (page) => page.getByRole('list', { name: 'Products' }).getByRole('listitem').first();

/**
 * Where one load's time went, from the page's own clock (ms since its navigation started): the document's
 * first byte, its DOMContentLoaded (the module scripts ran: they are deferred), and the end of the last
 * `/graphql` response before the list showed.
 */
function loadPhases() {
  const [navigation] = performance.getEntriesByType('navigation');
  const graphql = performance.getEntriesByType('resource').filter((entry) => new URL(entry.name).pathname.endsWith('/graphql'));
  return {
    firstByte: navigation.responseStart,
    domContentLoaded: navigation.domContentLoadedEventEnd,
    lastGraphqlResponse: graphql.length > 0 ? Math.max(...graphql.map((entry) => entry.responseEnd)) : null,
    listVisible: performance.now(),
  };
}

/**
 * `loads` cold loads of `url`; resolves with each load's milliseconds (navigation start → the first product
 * list item visible, measured by this process around the browser's work) and its phases by the page's clock,
 * plus what the offline guard caught.
 */
async function timeFirstProductList(url, { loads = 5, timeoutMs = 30_000 } = {}) {
  const browser = await launchOfflineBrowser();
  const timings = [];
  const phases = [];
  try {
    for (let load = 0; load < loads; load++) {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        const started = performance.now();
        await page.goto(url, { waitUntil: 'commit' });
        await firstProduct(page).waitFor({ state: 'visible', timeout: timeoutMs });
        timings.push(performance.now() - started);
        phases.push(await page.evaluate(loadPhases));
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  return { timings, phases, outsideRequests: [...browser.outsideRequests], pageErrors: [...browser.pageErrors] };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

module.exports = { timeFirstProductList, median };
