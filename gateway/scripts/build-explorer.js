#!/usr/bin/env node
// Bundles the offline explorer (explorer/explorer.tsx: GraphiQL, its explorer plugin, React) with esbuild into
// dist/explorer/{explorer.js,explorer.css}, which the gateway serves at /graphql/explorer/ in development.
// Run by `pnpm build` (and `pnpm start`'s quick build); a few seconds. Nothing is fetched: every byte comes
// from node_modules, fonts and icons are already data: URLs inside GraphiQL's style sheet.
const { build } = require('esbuild');
const { existsSync, statSync, readdirSync, mkdirSync, renameSync, rmSync } = require('node:fs');
const { basename, join, resolve } = require('node:path');

const SOURCE_DIR = resolve(__dirname, '../explorer');
/** Where the gateway looks for the bundle (src/edge/explorer/explorer-assets.ts: the same path from src/ and dist/). */
const DEFAULT_OUT_DIR = resolve(__dirname, '../dist/explorer');

/**
 * Builds the bundle into `outdir`; resolves with the files written. Built beside it first, then each file renamed
 * into place: a gateway serving the old bundle, or another build running at the same time (two test suites),
 * never sees a half-written file.
 */
async function buildExplorer(outdir = DEFAULT_OUT_DIR) {
  const staging = `${outdir}.building-${process.pid}-${Date.now()}`;
  try {
    const files = await bundleInto(staging);
    mkdirSync(outdir, { recursive: true });
    for (const file of files) renameSync(file, join(outdir, basename(file)));
    return files.map((file) => join(outdir, basename(file)));
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

async function bundleInto(outdir) {
  const result = await build({
    entryPoints: { explorer: join(SOURCE_DIR, 'explorer.tsx') },
    outdir,
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2022'],
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    // The licences of what is bundled, beside it rather than inside (and no URL in the served code for them).
    legalComments: 'external',
    logLevel: 'warning',
    metafile: true,
  });
  return Object.keys(result.metafile.outputs).map((file) => resolve(file));
}

/** Whether the bundle is older than any of its sources (or missing). */
function explorerBundleIsStale(outdir = DEFAULT_OUT_DIR) {
  const bundle = join(outdir, 'explorer.js');
  if (!existsSync(bundle)) return true;
  const builtAt = statSync(bundle).mtimeMs;
  return readdirSync(SOURCE_DIR).some((name) => statSync(join(SOURCE_DIR, name)).mtimeMs > builtAt);
}

module.exports = { buildExplorer, explorerBundleIsStale, DEFAULT_OUT_DIR };

if (require.main === module) {
  const onlyIfStale = process.argv.includes('--if-stale');
  if (onlyIfStale && !explorerBundleIsStale()) process.exit(0);
  const started = Date.now();
  buildExplorer().then(
    (files) => console.log(`explorer bundle: ${files.length} file(s) in ${Date.now() - started} ms`),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
