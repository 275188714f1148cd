import { decodeCursor, DomainError, encodeCursor, isUuid } from '@techally/platform';

/**
 * Where a page of an admin list (users, API keys: oldest first) ends: after this creation time and id. The id
 * breaks ties between rows created in the same millisecond, so no row is skipped or shown twice.
 */
export interface KeysetPosition {
  readonly createdAt: Date;
  readonly id: string;
}

export function cursorOf(row: KeysetPosition): string {
  return encodeCursor([row.createdAt.toISOString(), row.id]);
}

/** The position a cursor of {@link cursorOf} names; BAD_USER_INPUT (field `after`) for anything else. */
export function positionOf(cursor: string): KeysetPosition {
  const [createdAt, id] = decodeCursor(cursor, 2);
  const at = new Date(String(createdAt));
  if (Number.isNaN(at.getTime()) || !isUuid(id)) throw DomainError.badUserInput('"after" is not a cursor this connection issued.', 'after');
  return { createdAt: at, id };
}

/** The MikroORM filter of the rows after the position (ordered by `createdAt`, then `id`). */
export function rowsAfter(position: KeysetPosition | null): object {
  return position
    ? { $or: [{ createdAt: { $gt: position.createdAt } }, { createdAt: position.createdAt, id: { $gt: position.id } }] }
    : {};
}
