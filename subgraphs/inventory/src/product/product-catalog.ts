import type { ForwardedRequest, ServiceClient } from '@techally/platform';

/** What this subgraph needs to know about a product it does not own. */
export interface CatalogProduct {
  readonly id: string;
  readonly status: string;
}

/**
 * The products subgraph, as far as inventory is concerned: does a product exist. Asked over its own GraphQL
 * (`_entities`, as the gateway would), so its rules apply; never from inside a transaction (README.md, Design decisions).
 */
export interface ProductCatalog {
  /** The product, or null when the catalog does not know it. SERVICE_UNAVAILABLE when products is down. */
  find(productId: string, forwarded: ForwardedRequest): Promise<CatalogProduct | null>;
}

export function createProductCatalog(client: ServiceClient): ProductCatalog {
  return {
    async find(productId, forwarded) {
      const [product] = await client.entities<CatalogProduct>('Product', [{ id: productId }], 'id status', forwarded);
      return product ?? null;
    },
  };
}
