import { createHash, randomBytes } from 'node:crypto';

/**
 * Partner API keys: their format, their stored form and the internal lookup the gateway makes. Shared here
 * because the users subgraph issues keys and the gateway checks them, and neither may import the other.
 *
 * A key is `tak_live_` + 40 characters of 240 random bits (base64url) + a 6-character checksum (base64url of
 * the first bytes of the SHA-256 of what precedes it). The prefix makes a leaked key recognisable to secret
 * scanners and to people; the checksum (GitHub's token format does the same with CRC32) lets the gateway refuse
 * a mistyped or made-up key without asking anyone — a flood of random keys costs no lookup.
 */
export const API_KEY_PREFIX = 'tak_live_';
const BODY_LENGTH = 40; // 30 bytes, base64url without padding
const CHECKSUM_LENGTH = 6;
const API_KEY_PATTERN = new RegExp(`^${API_KEY_PREFIX}([A-Za-z0-9_-]{${BODY_LENGTH}})([A-Za-z0-9_-]{${CHECKSUM_LENGTH}})$`);

/** A new key (the secret shown once to the administrator): prefix, 240 random bits, checksum. */
export function newApiKeySecret(): string {
  const body = randomBytes(30).toString('base64url');
  return `${API_KEY_PREFIX}${body}${checksumOf(body)}`;
}

/** Whether the text has the shape and checksum of a key we issued (says nothing of whether it is valid). */
export function isWellFormedApiKey(text: string): boolean {
  const match = API_KEY_PATTERN.exec(text);
  return Boolean(match && checksumOf(match[1] as string) === match[2]);
}

/**
 * What is stored and looked up instead of the key: hex SHA-256. No salt and no slow hash (bcrypt, argon2):
 * the input is 240 random bits, not a guessable password, so a fast hash cannot be brute-forced, and the
 * lookup must be by equality on an index (GitHub and Stripe store their tokens the same way).
 */
export function hashApiKey(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** What administrators see of a key to recognise it: the prefix and the first 6 random characters. */
export function visiblePrefixOf(secret: string): string {
  return secret.slice(0, API_KEY_PREFIX.length + 6);
}

function checksumOf(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('base64url').slice(0, CHECKSUM_LENGTH);
}

/**
 * The users subgraph's internal route the gateway looks keys up on (POST `{ "keyHash": "<hex sha256>" }`, the
 * shared secret as `Authorization: Bearer …`). Only the hash travels: the key itself never leaves the gateway.
 */
export const API_KEY_LOOKUP_PATH = '/internal/api-keys/lookup';

/** The lookup's answer. A revoked key is `unknown`: the caller is told no more than "invalid or revoked". */
export type ApiKeyLookupAnswer =
  | { readonly status: 'active'; readonly key: ActiveApiKey }
  | { readonly status: 'expired' }
  | { readonly status: 'unknown' };

export interface ActiveApiKey {
  readonly id: string;
  readonly name: string;
  readonly ownerId: string;
  /** `basic` | `standard` | `premium` (the gateway's RATE_TIERS). */
  readonly tier: string;
  /** ISO 8601: the gateway caches the key no longer than this. */
  readonly expiresAt: string;
}
