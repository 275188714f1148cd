/**
 * Where a product is in its life. Archived products leave every listing but keep resolving by reference:
 * orders placed before archiving still show what was bought.
 */
export enum ProductStatus {
  ACTIVE = 'ACTIVE',
  ARCHIVED = 'ARCHIVED',
}
