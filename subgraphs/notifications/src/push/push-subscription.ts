import { DomainError } from '@techally/platform';
import type { PushTarget } from '../delivery/delivery-channel';

/** Push services' endpoints are short URLs; anything longer is not one. */
const MAX_ENDPOINT_LENGTH = 2_048;
const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

/** What the browser's `PushSubscription.toJSON()` gives, as the mutation takes it. */
export interface PushSubscriptionFields {
  readonly endpoint: string;
  readonly keys: { readonly p256dh: string; readonly auth: string };
}

/**
 * Checks a browser's push subscription before it is stored (RFC 8291): an absolute https URL (http is taken
 * outside production, for local push services), `p256dh` an uncompressed P-256 public key (65 bytes, 0x04 first)
 * and `auth` a 16-byte secret, both base64url. Anything else is BAD_USER_INPUT naming the field; nothing is written.
 */
export function parsePushSubscription(input: PushSubscriptionFields, options: { readonly requireHttps: boolean }): PushTarget {
  const endpoint = input.endpoint.trim();
  let url: URL | null = null;
  try {
    url = endpoint.length <= MAX_ENDPOINT_LENGTH ? new URL(endpoint) : null;
  } catch {
    url = null;
  }
  const schemes = options.requireHttps ? ['https:'] : ['https:', 'http:'];
  if (!url || !schemes.includes(url.protocol) || url.username || url.password) {
    throw DomainError.badUserInput(
      `"subscription.endpoint" must be the ${options.requireHttps ? 'https' : 'http(s)'} URL of a push service (at most ${MAX_ENDPOINT_LENGTH} characters), as PushSubscription.toJSON() gives it.`,
      'subscription.endpoint',
    );
  }
  const p256dh = decodeKey(input.keys.p256dh);
  if (!isP256PublicKey(p256dh)) {
    throw DomainError.badUserInput('"subscription.keys.p256dh" must be the browser\'s P-256 public key: 65 bytes in base64url.', 'subscription.keys.p256dh');
  }
  const auth = decodeKey(input.keys.auth);
  if (!isAuthSecret(auth)) {
    throw DomainError.badUserInput('"subscription.keys.auth" must be the 16-byte authentication secret in base64url.', 'subscription.keys.auth');
  }
  // Stored as the browser gave it (unregistering names it the same way), the keys unpadded as web-push expects.
  return { endpoint, keys: { p256dh: p256dh.toString('base64url'), auth: auth.toString('base64url') } };
}

/** Whether a stored target's keys are keys a message can be encrypted for (the sender checks before sending). */
export function hasUsableKeys(target: PushTarget): boolean {
  return isP256PublicKey(decodeKey(target.keys.p256dh)) && isAuthSecret(decodeKey(target.keys.auth));
}

function isP256PublicKey(key: Buffer | null): key is Buffer {
  return key !== null && key.length === 65 && key[0] === 0x04;
}

function isAuthSecret(key: Buffer | null): key is Buffer {
  return key !== null && key.length === 16;
}

function decodeKey(value: string): Buffer | null {
  return BASE64URL.test(value) ? Buffer.from(value, 'base64url') : null;
}
