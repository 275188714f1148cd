'use strict';
// The production bundles of the web apps as a first visit loads them: what dist/index.html references (module
// scripts, module preloads, stylesheets) plus, transitively, the static imports of each script. Dynamic
// `import()`s (lazy routes) are not initial. Sizes raw and gzipped the way the gateway serves them
// (gateway/src/edge/apps/web-apps.ts: zlib's default level).
const { readFileSync, existsSync } = require('node:fs');
const { join, posix } = require('node:path');
const { gzipSync } = require('node:zlib');

/** `src`/`href` of the tags index.html loads at once: module scripts, modulepreloads, stylesheets. */
function htmlReferences(html) {
  const references = [];
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const attribute = (name) => tag.match(new RegExp(`\\s${name}\\s*=\\s*["']([^"']+)["']`, 'i'))?.[1];
    if (/^<script/i.test(tag)) {
      const src = attribute('src');
      if (src) references.push(src);
    } else if (/^(modulepreload|stylesheet)$/i.test(attribute('rel') ?? '')) {
      references.push(attribute('href'));
    }
  }
  return references.filter(Boolean);
}

/**
 * The specifiers a built ES module imports statically: `import x from"./a.js"`, `import{a}from"./a.js"`,
 * `import"./a.css"`, `export{a}from"./a.js"`. `import(` (dynamic) never matches: no quote follows `import`
 * directly, and the clause before `from` may not hold a parenthesis, a quote or a statement's end.
 */
function staticImports(code) {
  const specifiers = [];
  const pattern = /(?<![\w$.])(?:import|export)\s*(?:[^;()"'`]*?\bfrom\s*)?["']([^"']+)["']/g;
  for (const [, specifier] of code.matchAll(pattern)) if (specifier.startsWith('.') || specifier.startsWith('/')) specifiers.push(specifier);
  return specifiers;
}

/**
 * The initial files of one built app: `{ files: [{ path, kind, raw, gzip }], js: {raw, gzip}, css: {raw, gzip} }`,
 * paths relative to `distDir`. `basePath` is the app's Vite `base` (`/`, `/admin/`): URLs in index.html start
 * with it.
 */
function initialBundle(distDir, basePath) {
  const indexPath = join(distDir, 'index.html');
  if (!existsSync(indexPath)) throw new Error(`${indexPath} is missing: run \`pnpm build\` first`);
  const toFile = (url) => (url.startsWith(basePath) ? url.slice(basePath.length) : url.replace(/^\//, ''));
  const queue = htmlReferences(readFileSync(indexPath, 'utf8')).map(toFile);
  const seen = new Set();
  const files = [];
  while (queue.length > 0) {
    const relative = posix.normalize(queue.shift());
    if (seen.has(relative)) continue;
    seen.add(relative);
    const path = join(distDir, relative);
    // A module's real imports are files of the build; text that only looks like one (in a string) is not.
    if (!existsSync(path)) continue;
    const body = readFileSync(path);
    const kind = relative.endsWith('.css') ? 'css' : relative.endsWith('.js') ? 'js' : 'other';
    files.push({ path: relative, kind, raw: body.length, gzip: gzipSync(body).length });
    if (kind === 'js') {
      for (const specifier of staticImports(body.toString('utf8'))) {
        queue.push(specifier.startsWith('/') ? toFile(specifier) : posix.join(posix.dirname(relative), specifier));
      }
    }
  }
  const total = (kind) => files.filter((file) => file.kind === kind).reduce((sum, file) => ({ raw: sum.raw + file.raw, gzip: sum.gzip + file.gzip }), { raw: 0, gzip: 0 });
  return { files, js: total('js'), css: total('css') };
}

module.exports = { initialBundle, htmlReferences, staticImports };
