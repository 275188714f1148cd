/**
 * The rate tiers a partner API key is issued with. Each tier has its own request budget at the edge
 * (rate limits) — the tier names are part of the admin API, so they change only with a migration of the keys.
 */
export const RATE_TIERS = ['basic', 'standard', 'premium'] as const;
export type RateTier = (typeof RATE_TIERS)[number];

/**
 * A request that presented a valid `x-api-key`: a third party, which sees only the partner contract of the
 * graph and may send persisted document ids only. Verified at the edge (see edge/api-keys); never forwarded
 * as such to the subgraphs, which see an anonymous public read.
 */
export interface PartnerCaller {
  readonly keyId: string;
  readonly name: string;
  /** The user the key was issued to (an admin picks the owner when creating it). */
  readonly ownerId: string;
  readonly tier: RateTier;
}

/** The header a partner presents its API key in. */
export const API_KEY_HEADER = 'x-api-key';
