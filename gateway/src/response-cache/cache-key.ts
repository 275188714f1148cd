import { createHash } from 'node:crypto';
import { isAdmin, type Viewer } from '@techally/platform';

/**
 * Whom a cached answer may be given to. Public answers are shared by every anonymous caller and every customer
 * (the schema declares PUBLIC only what reads the same for all of them); a private answer only by the user it
 * was computed for. Administrators never use the cache: what they see differs (archived products,
 * warehouse-level stock) and a back office wants the database's state, not a second-old copy.
 */
export type Audience =
  | { readonly kind: 'bypass' }
  | { readonly kind: 'visitor'; readonly userId: string | null };

export function audienceOf(viewer: Viewer | null): Audience {
  if (isAdmin(viewer)) return { kind: 'bypass' };
  return { kind: 'visitor', userId: viewer?.userId.toLowerCase() ?? null };
}

/** What identifies one answer: the operation exactly as sent, its variables, and whose answer it is. */
export interface OperationIdentity {
  readonly query: string;
  readonly operationName: string | null | undefined;
  readonly variables: Readonly<Record<string, unknown>> | undefined;
}

/**
 * The keys an operation may be found under: the public one, then the caller's private one when signed in.
 * A private key names its user, so A's answer can never be found with B's key, even for byte-identical requests.
 */
export function cacheKeysFor(operation: OperationIdentity, audience: Extract<Audience, { kind: 'visitor' }>): CacheKeys {
  const base = `${operation.operationName ?? ''}\u0000${operation.query}\u0000${stableJson(operation.variables ?? {})}`;
  return {
    publicKey: digest(`public\u0000${base}`),
    privateKey: audience.userId === null ? null : digest(`user:${audience.userId}\u0000${base}`),
  };
}

export interface CacheKeys {
  readonly publicKey: string;
  readonly privateKey: string | null;
}

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` are one set of variables. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}
