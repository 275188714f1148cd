/**
 * Where to go after signing in: the `next` parameter when it is a path of this shop (`/checkout`), never another
 * site (`//evil.example`, `https://…`): an open redirect would let a link to our sign-in page send a shopper anywhere.
 */
export function safeNextPath(next: string | null, fallback = '/account'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}

/** The sign-in page that comes back to `path` afterwards. */
export function signInPath(path: string): string {
  return `/sign-in?next=${encodeURIComponent(path)}`;
}
