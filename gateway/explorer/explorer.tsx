// The gateway's offline explorer (browser code): GraphiQL with its explorer plugin, bundled by
// scripts/build-explorer.js from the packages installed here, so the page needs no CDN and no internet.
// The server's page (src/edge/explorer/explorer-page.ts) provides #explorer with its data attributes.
import { explorerPlugin } from '@graphiql/plugin-explorer';
import '@graphiql/plugin-explorer/style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { createRoot } from 'react-dom/client';
import './explorer.css';

const DEFAULT_QUERY = `# TechAlly graph: the offline explorer.
# Left: the docs, the history, the query builder.
#
# Signed in? In Headers:
#   {"authorization": "Bearer <access token>"}
# A partner? {"x-api-key": "<the key>"}

query CatalogPage {
  products(first: 5) {
    edges {
      node {
        id
        name
        price {
          formatted
        }
        inStock
      }
    }
  }
}
`;

const container = document.getElementById('explorer');
if (!container) throw new Error('the explorer page has no #explorer element');

// Same origin as the page: the endpoint is where the page was served (/graphql), over HTTP and WebSocket.
const endpoint = new URL(container.dataset['endpoint'] ?? '/graphql', window.location.href);
const subscriptionEndpoint = new URL(endpoint);
subscriptionEndpoint.protocol = endpoint.protocol === 'https:' ? 'wss:' : 'ws:';

const fetcher = createGraphiQLFetcher({ url: endpoint.href, subscriptionUrl: subscriptionEndpoint.href });

function sandboxLink(): string | null {
  const base = container?.dataset['sandbox'];
  if (!base) return null;
  const link = new URL(base);
  link.searchParams.set('endpoint', endpoint.href);
  return link.href;
}

const sandbox = sandboxLink();

createRoot(container).render(
  <GraphiQL fetcher={fetcher} plugins={[explorerPlugin()]} defaultQuery={DEFAULT_QUERY} defaultEditorToolsVisibility="headers">
    {/* GraphiQL recognises its slots by element type: GraphiQL.Logo must be its direct child. */}
    <GraphiQL.Logo>
      <span className="techally-explorer-title">TechAlly graph</span>
      {sandbox ? (
        <a className="techally-explorer-sandbox" href={sandbox} target="_blank" rel="noreferrer noopener" title="Apollo's hosted explorer (needs the internet)">
          Apollo Sandbox ↗
        </a>
      ) : null}
    </GraphiQL.Logo>
  </GraphiQL>,
);
