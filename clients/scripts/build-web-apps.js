#!/usr/bin/env node
// Builds the web apps the gateway serves (clients/storefront → `/`, clients/admin → `/admin/`) with Vite, into
// each app's dist/. `pnpm build` runs it; `pnpm start`'s quick build runs it only for an app whose sources (or
// the app-kit's, or the generated client's) are newer than its build.
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join, resolve } = require('node:path');

const CLIENTS = resolve(__dirname, '..');
const APPS = ['storefront', 'admin'];

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** The apps whose dist/ is missing or older than their sources or the shared app-kit's. */
function staleWebApps() {
  const kit = newestSource(join(CLIENTS, 'app-kit/src'));
  return APPS.filter((app) => {
    const built = join(CLIENTS, app, 'dist/index.html');
    if (!existsSync(built)) return true;
    const builtAt = statSync(built).mtimeMs;
    return Math.max(kit, newestSource(join(CLIENTS, app, 'src')), statSync(join(CLIENTS, app, 'index.html')).mtimeMs) > builtAt;
  });
}

/** Runs `vite build` in each app; throws when one fails. */
function buildWebApps(apps = APPS) {
  for (const app of apps) {
    // Always React's production build: jest runs with NODE_ENV=test, which Vite would pass on to the bundle
    // (React's development build: twice the size, slower pages in the browser tests).
    const env = { ...process.env, NODE_ENV: 'production' };
    const result = spawnSync('pnpm', ['exec', 'vite', 'build', '--logLevel', 'warn'], { cwd: join(CLIENTS, app), stdio: 'inherit', env });
    if (result.status !== 0) throw new Error(`vite build of clients/${app} failed (exit ${result.status})`);
  }
  return apps;
}

module.exports = { staleWebApps, buildWebApps, APPS };

if (require.main === module) {
  const started = Date.now();
  const only = process.argv.includes('--if-stale') ? staleWebApps() : APPS;
  buildWebApps(only);
  if (only.length > 0) console.log(`web apps built (${only.join(', ')}) in ${Date.now() - started} ms`);
}
