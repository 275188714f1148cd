import type { PartnerCaller } from '../partner-caller';
import type { Audience } from './persisted-document-errors';

/**
 * Who is asking, for the persisted-document rules: a partner is any request that carries an API key — verified
 * or not (edge/api-keys verifies it and fills `partner`; a bad key is refused there). Judging by the header
 * alone means an unverified key can never buy the first-party rules.
 */
export function audienceOf(apiKeyHeader: string | string[] | undefined, partner: PartnerCaller | null | undefined): Audience {
  const presented = Array.isArray(apiKeyHeader) ? apiKeyHeader.length > 0 : apiKeyHeader !== undefined && apiKeyHeader !== '';
  return partner || presented ? 'partner' : 'first-party';
}
