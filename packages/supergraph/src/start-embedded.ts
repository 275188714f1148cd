import { resolve } from 'node:path';
import { ConfigError, createLogger, loadTracingConfig, startTracing, stopOnTerminationSignals } from '@techally/platform';
import { startEmbeddedSupergraph } from './embedded-supergraph';
import { webAppLines } from './web-app-urls';

/** `pnpm start`: the whole supergraph in one process, no servers needed (README.md, Design decisions). */
const REPO_ROOT = resolve(__dirname, '../../..');

async function main(): Promise<void> {
  const logger = createLogger({ name: 'supergraph', level: (process.env['LOG_LEVEL'] as never) ?? 'info' });
  const startedAt = Date.now();
  // One process, every service: each span still carries the service it belongs to (gateway, orders, …).
  const tracing = startTracing(loadTracingConfig('supergraph'));
  const supergraph = await startEmbeddedSupergraph({
    env: process.env,
    dataDir: resolve(process.env['DATA_DIR'] ?? resolve(REPO_ROOT, '.data')),
    logger,
  });
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  const gatewayUrl = supergraph.gatewayUrl.replace('127.0.0.1', 'localhost');
  process.stdout.write(
    `\n  TechAlly supergraph ready in ${seconds}s\n\n` +
      webAppLines(new URL(gatewayUrl).origin, process.env) +
      `  GraphQL + explorer  ${gatewayUrl}\n` +
      supergraph.subgraphs.map(({ name, url }) => `  ${name.padEnd(18)}  ${url}\n`).join('') +
      `\n  Ctrl+C to stop.\n\n`,
  );
  if (tracing.enabled) process.stdout.write(`  Traces              ${process.env['OTEL_EXPORTER_OTLP_ENDPOINT']} (OTLP/HTTP)\n\n`);
  stopOnTerminationSignals(() => supergraph.stop().finally(() => tracing.shutdown()), logger);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
