// The bundle is built by `pnpm build`; jest runs the sources without a build, so the explorer's suites build it
// when it is missing or older than its sources (a few seconds), exactly as the build would.
const { buildExplorer, explorerBundleIsStale } = require('../../../../../scripts/build-explorer.js') as {
  buildExplorer(): Promise<string[]>;
  explorerBundleIsStale(): boolean;
};

export async function ensureExplorerBundle(): Promise<void> {
  if (explorerBundleIsStale()) await buildExplorer();
}
