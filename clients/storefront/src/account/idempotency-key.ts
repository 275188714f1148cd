const STORAGE_KEY = 'techally.storefront.checkout-attempt';

interface Attempt {
  readonly key: string;
  /** The cart and address the key was made for: placeOrder refuses one key for two different orders. */
  readonly fingerprint: string;
}

function randomKey(): string {
  // randomUUID needs a secure context (https or localhost); getRandomValues does not.
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The idempotency key of this checkout attempt: the same for every retry of the same cart to the same address
 * (a lost answer, a timeout, a reload — the shop then answers the order already placed rather than a second
 * one), a new one when the cart or address changed or the last attempt ended ({@link endCheckoutAttempt}).
 * Kept in sessionStorage: one tab's attempt, surviving a reload.
 */
export function checkoutAttemptKey(fingerprint: string): string {
  try {
    const stored = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Attempt | null;
    if (stored && stored.fingerprint === fingerprint && typeof stored.key === 'string') return stored.key;
  } catch {
    // unreadable: start a new attempt
  }
  const attempt: Attempt = { key: randomKey(), fingerprint };
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(attempt));
  return attempt.key;
}

/** The attempt is over (paid, or its order cancelled): the next placeOrder is a new order. */
export function endCheckoutAttempt(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}
