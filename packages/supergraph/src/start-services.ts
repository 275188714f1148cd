import { resolve } from 'node:path';
import { ConfigError } from '@techally/platform';
import { loadServicesLauncherConfig } from './services-config';

/**
 * `pnpm start:services`: the production shape on one machine (services-launcher.ts). The settings are checked
 * before the launcher and its subgraphs are even loaded, so a missing DATABASE_URL is said at once.
 */
async function main(): Promise<void> {
  const config = loadServicesLauncherConfig(process.env, resolve(__dirname, '../../..'));
  // Loaded only now: it imports every subgraph, seconds of work before the settings could be refused.
  const { launchServices } = require('./services-launcher') as typeof import('./services-launcher.js');
  await launchServices(config);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
