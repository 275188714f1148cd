/** The example's settings; `loadPartnerExampleConfig(process.env)` reads them, nothing else reads the environment. */
export interface PartnerExampleConfig {
  /** GATEWAY_URL (default http://localhost:4000/graphql: `pnpm start` and `pnpm start:services`). */
  readonly gatewayUrl: string;
  /** PARTNER_API_KEY: the secret `createApiKey` showed once (`pnpm --filter @techally/partner-example create-key`). */
  readonly apiKey: string;
  /** PARTNER_PAGE_SIZE (default 5): products per listing page. */
  readonly pageSize: number;
  /** PARTNER_MAX_PAGES (default 3): listing pages read. */
  readonly maxPages: number;
  /** RATE_LIMIT_MAX_REQUESTS (default 5,000): enough to spend a basic (600) or standard (3,000) key's budget. */
  readonly maxRequests: number;
  /** RATE_LIMIT_MAX_WAIT_SECONDS (default 65): a budget's window is 60 s by default, so one wait always fits. */
  readonly maxWaitSeconds: number;
}

export const DEFAULT_GATEWAY_URL = 'http://localhost:4000/graphql';

/** Reads the variables above; a missing key or a malformed number stops the start with a message naming it. */
export function loadPartnerExampleConfig(env: Record<string, string | undefined>): PartnerExampleConfig {
  const apiKey = env['PARTNER_API_KEY']?.trim();
  if (!apiKey) {
    throw new Error('PARTNER_API_KEY is not set: create a key with `pnpm --filter @techally/partner-example create-key` (README.md)');
  }
  return {
    gatewayUrl: env['GATEWAY_URL']?.trim() || DEFAULT_GATEWAY_URL,
    apiKey,
    pageSize: wholeNumber(env, 'PARTNER_PAGE_SIZE', 5, 100),
    maxPages: wholeNumber(env, 'PARTNER_MAX_PAGES', 3, 1_000),
    maxRequests: wholeNumber(env, 'RATE_LIMIT_MAX_REQUESTS', 5_000, 100_000),
    maxWaitSeconds: wholeNumber(env, 'RATE_LIMIT_MAX_WAIT_SECONDS', 65, 3_600),
  };
}

export function wholeNumber(env: Record<string, string | undefined>, name: string, fallback: number, max: number): number {
  const text = env[name]?.trim() || String(fallback);
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1 || value > max) throw new Error(`${name} must be a whole number from 1 to ${max}, got "${text}"`);
  return value;
}
