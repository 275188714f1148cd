/** `pnpm --filter @techally/partner-example start`: the example against GATEWAY_URL with PARTNER_API_KEY. */
import { loadPartnerExampleConfig } from './partner-example-config';
import { runPartnerExample } from './run-partner-example';

runPartnerExample(loadPartnerExampleConfig(process.env)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
