import { createHash, randomBytes } from 'node:crypto';

/** A new opaque refresh token: 256 random bits, base64url (43 characters). Given to the client, never stored. */
export function newRefreshTokenSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * What is stored and looked up instead of the token. A plain SHA-256 suffices (no salt, no slow hash): the
 * input is 256 random bits, not a guessable password, and the lookup must be by equality.
 */
export function hashRefreshToken(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
