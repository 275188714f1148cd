import { decodeCursor, DomainError, encodeCursor, isUuid } from '@techally/platform';
import type { ProductRecord } from './product.record';
import { ProductSort } from './product-sort';

/**
 * Where a page of a listing resumes: the sort column's value of the last product seen and its id. Keyset,
 * not offset, so a page costs the same at the end of the catalog as at its start and a product added while
 * a client pages cannot shift the pages it has not read yet.
 */
export interface ListingPosition {
  readonly value: Date | number | string;
  readonly id: string;
}

/** What a cursor is made of: the sort columns and the id. */
type CursorFields = Pick<ProductRecord, 'id' | 'createdAt' | 'priceAmount' | 'name'>;

/** The cursor of `product` in a listing sorted by `sort`. */
export function productCursor(sort: ProductSort, product: CursorFields): string {
  return encodeCursor([sort, cursorValue(sort, product), product.id]);
}

/**
 * The position a cursor points at. The sort is part of the cursor, so one issued for another order (or edited
 * by hand) is BAD_USER_INPUT rather than a silently wrong page.
 */
export function decodeProductCursor(sort: ProductSort, cursor: string): ListingPosition {
  const [issuedFor, value, id] = decodeCursor(cursor, 3);
  const parsed = issuedFor === sort && typeof id === 'string' && isUuid(id) ? parseValue(sort, value) : undefined;
  if (parsed === undefined) {
    throw DomainError.badUserInput(`"after" is not a cursor of a listing sorted by ${sort}.`, 'after');
  }
  return { value: parsed, id: id as string };
}

function cursorValue(sort: ProductSort, product: CursorFields): string | number {
  switch (sort) {
    case ProductSort.NEWEST:
      return product.createdAt.toISOString();
    case ProductSort.PRICE_ASC:
    case ProductSort.PRICE_DESC:
      return product.priceAmount;
    case ProductSort.NAME_ASC:
      return product.name;
  }
}

function parseValue(sort: ProductSort, value: unknown): ListingPosition['value'] | undefined {
  switch (sort) {
    case ProductSort.NEWEST: {
      if (typeof value !== 'string') return undefined;
      const date = new Date(value);
      return Number.isNaN(date.getTime()) ? undefined : date;
    }
    case ProductSort.PRICE_ASC:
    case ProductSort.PRICE_DESC:
      return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
    case ProductSort.NAME_ASC:
      return typeof value === 'string' ? value : undefined;
  }
}
