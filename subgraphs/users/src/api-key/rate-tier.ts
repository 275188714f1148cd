import { registerEnumType } from 'type-graphql';

/**
 * The rate tier a key is issued with: its request budget at the gateway. The values mirror the gateway's
 * RATE_TIERS (gateway/src/edge/partner-caller.ts), which reads them from the key lookup; a tier is added in
 * both places, and in the column's check constraint (a migration).
 */
export enum RateTier {
  BASIC = 'basic',
  STANDARD = 'standard',
  PREMIUM = 'premium',
}

registerEnumType(RateTier, {
  name: 'RateTier',
  description: 'A partner API key\'s request budget at the gateway.',
});
