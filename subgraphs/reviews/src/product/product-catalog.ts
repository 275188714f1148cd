import type { ForwardedRequest, ServiceClient } from '@techally/platform';

/** Whether a product may be reviewed: for sale, no longer sold, or not in the catalog at all. */
export type ProductAvailability = 'ACTIVE' | 'ARCHIVED' | 'UNKNOWN';

/** What this subgraph needs to know about products it does not own. */
export interface ProductCatalog {
  /**
   * Asks the products subgraph (its `_entities`, as the gateway would) for a product's status. Throws
   * SERVICE_UNAVAILABLE when it does not answer. Never call it inside a transaction (README.md, Design decisions).
   */
  availability(productId: string, forwarded: ForwardedRequest): Promise<ProductAvailability>;
}

interface ProductStatusFacts {
  readonly id: string;
  readonly status: string;
}

/** The products subgraph over its own GraphQL API (`SUBGRAPH_PRODUCTS_URL`), so its visibility rules apply. */
export function createProductCatalog(products: ServiceClient): ProductCatalog {
  return {
    async availability(productId, forwarded) {
      const [product] = await products.entities<ProductStatusFacts>('Product', [{ id: productId }], 'id status', forwarded);
      if (!product) return 'UNKNOWN';
      // Any status other than ACTIVE (ARCHIVED today, a DRAFT tomorrow) is not for sale, so not reviewable.
      return product.status === 'ACTIVE' ? 'ACTIVE' : 'ARCHIVED';
    },
  };
}
