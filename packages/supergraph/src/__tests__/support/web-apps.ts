import { mkdirSync, rmdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

// The apps are built by `pnpm build` (and by .ci/run before the tests); jest runs without a build, so a browser
// suite builds an app whose build is missing or older than its sources, exactly as the build would. Two suites
// starting together build once: the first takes a lock (a directory: mkdir is atomic), the other waits for it.
const { buildWebApps, staleWebApps } = require('../../../../../clients/scripts/build-web-apps.js') as {
  buildWebApps(apps?: string[]): string[];
  staleWebApps(): string[];
};

const REPO_ROOT = resolve(__dirname, '../../../../..');
const LOCK = join(tmpdir(), 'techally-web-apps-build.lock');

export async function ensureWebAppsBuilt(): Promise<void> {
  for (;;) {
    if (staleWebApps().length === 0) return;
    try {
      mkdirSync(LOCK);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250)); // another suite is building: wait for its result
      continue;
    }
    try {
      const stale = staleWebApps();
      if (stale.length > 0) buildWebApps(stale);
      return;
    } finally {
      rmdirSync(LOCK);
    }
  }
}

/**
 * Where a browser suite keeps its screenshots: the app's committed `screenshots/` when UPDATE_SCREENSHOTS=1 (run it
 * so after a visible change, look at them, commit them), the system's temp folder otherwise.
 */
export function screenshotPath(app: 'storefront' | 'admin', name: string): string {
  const dir = process.env['UPDATE_SCREENSHOTS'] === '1' ? join(REPO_ROOT, 'clients', app, 'screenshots') : join(tmpdir(), `techally-${app}-screenshots`);
  mkdirSync(dir, { recursive: true });
  return join(dir, `${name}.png`);
}

export async function screenshot(page: Page, app: 'storefront' | 'admin', name: string): Promise<void> {
  await page.screenshot({ path: screenshotPath(app, name), fullPage: true });
}

/**
 * The gateway's persisted-document rules as in production (gateway/README.md, *Persisted documents*): only the
 * manifest's documents run, by id or by their exact text, and no APQ registration. The apps' browser suites boot
 * with them, so an app that sent a document the manifest does not know (a subscription as urql's own text, say)
 * fails here rather than in production.
 */
export const PRODUCTION_DOCUMENT_RULES = { PERSISTED_DOCUMENTS: 'enforce', PERSISTED_DOCUMENTS_FIRST_PARTY: 'manifest' } as const;
