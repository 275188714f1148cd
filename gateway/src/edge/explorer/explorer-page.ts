import { EXPLORER_ASSETS_PATH } from './explorer-assets';

/** Apollo's hosted Sandbox: the one external address on the page, a link for those online (never loaded by it). */
export const APOLLO_SANDBOX_URL = 'https://studio.apollographql.com/sandbox/explorer';

/**
 * The browser may load nothing but this gateway's own files: the page itself guarantees it works offline and
 * sends nothing elsewhere. GraphiQL sets inline styles, and its fonts and icons are data: URLs.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The page at `/graphql` in a browser: GraphiQL from the bundle (scripts/build-explorer.js), or, before the bundle
 * is built, how to build it. Static: no value of the request is written into it.
 */
export function explorerPageHtml(bundleBuilt: boolean): string {
  const body = bundleBuilt
    ? `<div id="explorer" data-endpoint="/graphql" data-sandbox="${APOLLO_SANDBOX_URL}">
      <noscript>The explorer needs JavaScript.</noscript>
    </div>
    <script src="${EXPLORER_ASSETS_PATH}/explorer.js"></script>`
    : `<main style="font-family: sans-serif; max-width: 40em; margin: 4em auto">
      <h1>TechAlly graph</h1>
      <p>The offline explorer is not built yet: run <code>pnpm build</code> (or
        <code>node gateway/scripts/build-explorer.js</code>) and reload this page.</p>
      <p>Online? Open this endpoint in <a href="${APOLLO_SANDBOX_URL}">Apollo Sandbox</a>.</p>
    </main>`;
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />
    <meta name="referrer" content="no-referrer" />
    <title>TechAlly graph · explorer</title>
    <link rel="icon" href="data:," />
    ${bundleBuilt ? `<link rel="stylesheet" href="${EXPLORER_ASSETS_PATH}/explorer.css" />` : ''}
  </head>
  <body>
    ${body}
  </body>
</html>
`;
}
