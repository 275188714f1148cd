import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { ExplorerAssets } from './explorer-assets';
import { explorerPageHtml } from './explorer-page';

/**
 * Apollo Server's landing page (what a browser gets at GET `/graphql` with `Accept: text/html`) replaced by the
 * offline explorer. Apollo's own landing pages load Sandbox or Explorer from Apollo's CDN: blank without the
 * internet (issue #11).
 */
export function offlineExplorerLandingPage<Context extends BaseContext>(assets: ExplorerAssets): ApolloServerPlugin<Context> {
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html: async () => explorerPageHtml(await assets.isBuilt()) };
        },
      };
    },
  };
}
