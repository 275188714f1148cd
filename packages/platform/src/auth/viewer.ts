import { DomainError } from '../errors/domain-error';

export const Role = { CUSTOMER: 'CUSTOMER', ADMIN: 'ADMIN' } as const;
export type Role = (typeof Role)[keyof typeof Role];

/** Who is asking: the verified subject of an access token. `null` in a context means anonymous. */
export interface Viewer {
  readonly userId: string;
  readonly roles: ReadonlyArray<Role>;
}

export function isAdmin(viewer: Viewer | null): boolean {
  return viewer?.roles.includes(Role.ADMIN) ?? false;
}

/** The viewer, or UNAUTHENTICATED. */
export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw DomainError.unauthenticated();
  return viewer;
}

/** An admin viewer, or UNAUTHENTICATED (anonymous) / FORBIDDEN (signed in without the role). */
export function requireAdmin(viewer: Viewer | null): Viewer {
  const signedIn = requireViewer(viewer);
  if (!isAdmin(signedIn)) throw DomainError.forbidden('This operation is for administrators only.');
  return signedIn;
}
