import { arrayOf, code, object, text, uuid, type Validator } from './payload-validators';

/**
 * The users domain's events (issue #14): who a user is, as other services need to reach them. A snapshot of
 * the contact facts, not a delta, so a consumer keeps the one with the newest `occurredAt` and duplicates or
 * replays are harmless. The password, sessions and API keys never travel.
 */
export interface UserSnapshotV1 {
  readonly userId: string;
  /** Canonical (lower-case) email: where mail goes. */
  readonly email: string;
  readonly name: string;
  /** `CUSTOMER`, `ADMIN`, … (the platform's Role): who should hear staff alerts such as low stock. */
  readonly roles: readonly string[];
}

/** `users.user-registered.v1` — an account was created (sign-up, or the bootstrap administrator). */
export type UserRegisteredV1 = UserSnapshotV1;

/** `users.user-changed.v1` — an account's email, name or roles changed; carries all of them as they are now. */
export type UserChangedV1 = UserSnapshotV1;

const userSnapshot = object({ userId: uuid, email: text(320), name: text(200), roles: arrayOf(code) });

export const userRegisteredV1: Validator<UserRegisteredV1> = userSnapshot;
export const userChangedV1: Validator<UserChangedV1> = userSnapshot;
