/**
 * `pnpm --filter @techally/partner-example create-key`: issues a partner key on a local start and prints its
 * secret once. ADMIN_EMAIL / ADMIN_PASSWORD default to the local starts' documented administrator.
 */
import type { RateTier } from '@techally/web-client';
import { exitWithFailure } from './cli-failure';
import { createPartnerKey } from './create-partner-key';
import { DEFAULT_GATEWAY_URL, wholeNumber } from './partner-example-config';

const TIERS: ReadonlyArray<RateTier> = ['BASIC', 'STANDARD', 'PREMIUM'];

async function main(env: Record<string, string | undefined>): Promise<void> {
  const tier = (env['PARTNER_KEY_TIER']?.trim().toUpperCase() || 'BASIC') as RateTier;
  if (!TIERS.includes(tier)) throw new Error(`PARTNER_KEY_TIER must be one of ${TIERS.join(', ')}, got "${tier}"`);
  const key = await createPartnerKey({
    gatewayUrl: env['GATEWAY_URL']?.trim() || DEFAULT_GATEWAY_URL,
    adminEmail: env['ADMIN_EMAIL']?.trim() || 'admin@techally.local',
    adminPassword: env['ADMIN_PASSWORD'] || 'techally-owner-password',
    name: env['PARTNER_KEY_NAME']?.trim() || 'Partner example',
    tier,
    days: wholeNumber(env, 'PARTNER_KEY_DAYS', 30, 366),
  });
  console.log(`Created ${tier} key ${key.prefix}… (id ${key.id}), valid until ${key.expiresAt}.`);
  console.log('The secret is shown this once; the graph keeps only its hash:');
  console.log(`export PARTNER_API_KEY=${key.secret}`);
}

main(process.env).catch((error: unknown) => exitWithFailure(error, process.env['GATEWAY_URL'] || DEFAULT_GATEWAY_URL));
