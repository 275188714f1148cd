import type { ForwardedRequest, ServiceClient } from '@techally/platform';

/** A product as the products subgraph answers it at checkout: the facts an order copies. */
export interface CatalogProduct {
  readonly id: string;
  readonly sku: string;
  readonly name: string;
  readonly status: 'ACTIVE' | 'ARCHIVED';
  readonly price: { readonly amount: number; readonly currency: string };
  /** Grams. */
  readonly weight: number;
}

const PRODUCT_SELECTION = 'id sku name status price { amount currency } weight';

/**
 * The catalog, asked over the products subgraph's own `_entities` (the owner's rules apply): one request for
 * every line of a checkout, answered in the order asked, null for a product it does not know. A network
 * failure is SERVICE_UNAVAILABLE (the platform's service client). Never call it inside a transaction.
 */
export class ProductCatalog {
  constructor(private readonly client: ServiceClient) {}

  products(ids: ReadonlyArray<string>, forwarded: ForwardedRequest): Promise<Array<CatalogProduct | null>> {
    // The catalog is public: only the request id travels, not the customer's credentials.
    return this.client.entities<CatalogProduct>(
      'Product',
      ids.map((id) => ({ id })),
      PRODUCT_SELECTION,
      { requestId: forwarded.requestId },
    );
  }
}
