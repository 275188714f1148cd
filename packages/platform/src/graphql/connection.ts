import 'reflect-metadata';
import { Directive, Field, ObjectType } from 'type-graphql';
import { CACHE_INHERIT } from '../cache/cache-control';
import { DomainError } from '../errors/domain-error';
import { PARTNER_TAG } from './partner-tag';

/** The largest page a connection serves (README.md, Design decisions). */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/**
 * Relay PageInfo; @shareable because every subgraph with a connection defines the same type. Tagged for
 * partners as a whole: pagination, never data.
 */
@ObjectType('PageInfo')
@Directive('@shareable')
@Directive(PARTNER_TAG)
@Directive(CACHE_INHERIT)
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field() hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

/** Validates `first`: 1..100, BAD_USER_INPUT otherwise (a client asking for 1000 learns the limit). */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw DomainError.badUserInput(`"first" must be between 1 and ${MAX_PAGE_SIZE}, got ${first}.`, 'first');
  }
  return first;
}

/**
 * Opaque cursors: base64url JSON of the values a keyset query resumes after. Opaque so clients cannot build
 * them and we can change what is inside; validated on the way in so a tampered cursor is BAD_USER_INPUT.
 */
export function encodeCursor(values: ReadonlyArray<string | number>): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, expectedLength: number): Array<string | number> {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === expectedLength &&
      values.every((value) => typeof value === 'string' || typeof value === 'number')
    ) {
      return values as Array<string | number>;
    }
  } catch {
    // fall through to the error below
  }
  throw DomainError.badUserInput('"after" is not a cursor this connection issued.', 'after');
}

export function pageInfo<T>(
  nodes: ReadonlyArray<T>,
  hasNextPage: boolean,
  hasPreviousPage: boolean,
  cursorOf: (node: T) => string,
): PageInfo {
  const info = new PageInfo();
  info.hasNextPage = hasNextPage;
  info.hasPreviousPage = hasPreviousPage;
  info.startCursor = nodes.length > 0 ? cursorOf(nodes[0] as T) : null;
  info.endCursor = nodes.length > 0 ? cursorOf(nodes[nodes.length - 1] as T) : null;
  return info;
}
