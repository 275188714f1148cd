/** The orders a product listing can be read in. Each is a keyset: one column, then `id` as the tie-breaker. */
export enum ProductSort {
  NEWEST = 'NEWEST',
  PRICE_ASC = 'PRICE_ASC',
  PRICE_DESC = 'PRICE_DESC',
  NAME_ASC = 'NAME_ASC',
}
