/** `pnpm --filter @techally/partner-example start`: the example against GATEWAY_URL with PARTNER_API_KEY. */
import { exitWithFailure } from './cli-failure';
import { DEFAULT_GATEWAY_URL, loadPartnerExampleConfig } from './partner-example-config';
import { runPartnerExample } from './run-partner-example';

async function main(env: Record<string, string | undefined>): Promise<void> {
  await runPartnerExample(loadPartnerExampleConfig(env));
}

main(process.env).catch((error: unknown) => exitWithFailure(error, process.env['GATEWAY_URL'] || DEFAULT_GATEWAY_URL));
