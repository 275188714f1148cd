#!/usr/bin/env node
// `pnpm start`'s build: transpiles every workspace package's src/ to dist/ with swc (a second or two) instead of
// type-checking with tsc (half a minute on a 2-core machine), so a newcomer's first start is quick. Files whose
// output is newer than their source are skipped. `pnpm build` (tsc -b) stays the real, type-checked build.
const { readdirSync, readFileSync, statSync, mkdirSync, writeFileSync, existsSync } = require('node:fs');
const { join, relative, resolve, dirname } = require('node:path');
const { transformSync } = require('@swc/core');

const root = resolve(__dirname, '../../..');
const options = require(join(root, 'swc.config.js'));
const packageDirs = ['packages', 'subgraphs']
  .flatMap((group) => readdirSync(join(root, group)).map((name) => join(root, group, name)))
  .concat([join(root, 'gateway'), join(root, 'clients/web')])
  .filter((dir) => existsSync(join(dir, 'src')));

function* sources(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '__tests__') yield* sources(path);
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts')) {
      yield path;
    }
  }
}

let compiled = 0;
for (const packageDir of packageDirs) {
  const srcDir = join(packageDir, 'src');
  for (const source of sources(srcDir)) {
    const target = join(packageDir, 'dist', relative(srcDir, source)).replace(/\.ts$/, '.js');
    if (existsSync(target) && statSync(target).mtimeMs >= statSync(source).mtimeMs) continue;
    const { code } = transformSync(readFileSync(source, 'utf8'), { ...options, filename: source, sourceMaps: false });
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, code);
    compiled++;
  }
}
if (compiled > 0) console.log(`quick build: ${compiled} file(s) transpiled with swc`);

// The gateway's offline explorer is a browser bundle (esbuild, a few seconds): rebuilt only when its sources changed.
const explorer = require(join(root, 'gateway/scripts/build-explorer.js'));
if (explorer.explorerBundleIsStale()) {
  explorer.buildExplorer().then(
    () => console.log('quick build: explorer bundled with esbuild'),
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}

// The storefront and the admin portal (Vite, about a second each): rebuilt only when their sources changed.
const webApps = require(join(root, 'clients/scripts/build-web-apps.js'));
const staleApps = webApps.staleWebApps();
if (staleApps.length > 0) {
  webApps.buildWebApps(staleApps);
  console.log(`quick build: ${staleApps.join(', ')} built with Vite`);
}
