import type { ServiceClient } from '@techally/platform';
import type { ProductDocument } from '../backend/search-backend';

/** The products subgraph's answer for one product, as `_entities` and the listing give it. */
interface ProductFacts {
  readonly id: string;
  readonly sku: string;
  readonly name: string;
  readonly slug: string;
  readonly description: string;
  readonly status: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly price: { readonly amount: number; readonly currency: string };
  readonly category: { readonly id: string; readonly path: ReadonlyArray<{ readonly id: string; readonly name: string }> };
}

const PRODUCT_SELECTION = 'id sku name slug description status createdAt updatedAt price { amount currency } category { id path { id name } }';

const LISTING = `query SearchBootstrapProducts($after: String) {
  products(first: 100, after: $after, sort: NEWEST) {
    edges { node { ${PRODUCT_SELECTION} } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export interface StockSnapshot {
  readonly productId: string;
  readonly inStock: boolean;
  readonly available: number;
}

export interface RatingSnapshot {
  readonly productId: string;
  readonly average: number | null;
  readonly count: number;
}

/**
 * What search asks the subgraphs that own the catalogue, over their own GraphQL APIs (their visibility rules
 * apply): the text of a product an event named (the catalogue's events carry ids, not text), and the whole
 * catalogue once, when the index is first built. Never called inside a transaction; never at query time.
 */
export interface CatalogSource {
  /** The products' documents (null for one products does not know), in the order asked. */
  products(ids: ReadonlyArray<string>): Promise<Array<ProductDocument | null>>;
  /** One page of the active catalogue, newest first. */
  productPage(after: string | null): Promise<{ documents: ProductDocument[]; endCursor: string | null; hasNextPage: boolean }>;
  stock(ids: ReadonlyArray<string>): Promise<StockSnapshot[]>;
  ratings(ids: ReadonlyArray<string>): Promise<RatingSnapshot[]>;
}

export interface CatalogClients {
  readonly products: ServiceClient;
  readonly inventory: ServiceClient;
  readonly reviews: ServiceClient;
}

export function createCatalogSource(clients: CatalogClients): CatalogSource {
  return {
    async products(ids) {
      const answers = await clients.products.entities<ProductFacts>('Product', ids.map((id) => ({ id })), PRODUCT_SELECTION);
      return answers.map((facts) => (facts ? documentOf(facts) : null));
    },
    async productPage(after) {
      const data = await clients.products.request<{
        products: { edges: Array<{ node: ProductFacts }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
      }>(LISTING, { after });
      return {
        documents: data.products.edges.map((edge) => documentOf(edge.node)),
        endCursor: data.products.pageInfo.endCursor,
        hasNextPage: data.products.pageInfo.hasNextPage,
      };
    },
    async stock(ids) {
      const answers = await clients.inventory.entities<{ id: string; inStock: boolean; inventory: { available: number } }>(
        'Product',
        ids.map((id) => ({ id })),
        'id inStock inventory { available }',
      );
      return answers.flatMap((answer) => (answer ? [{ productId: answer.id, inStock: answer.inStock, available: answer.inventory.available }] : []));
    },
    async ratings(ids) {
      const answers = await clients.reviews.entities<{ id: string; rating: { average: number | null; count: number } }>(
        'Product',
        ids.map((id) => ({ id })),
        'id rating { average count }',
      );
      return answers.flatMap((answer) => (answer ? [{ productId: answer.id, average: answer.rating.average, count: answer.rating.count }] : []));
    },
  };
}

function documentOf(facts: ProductFacts): ProductDocument {
  return {
    id: facts.id,
    sku: facts.sku,
    name: facts.name,
    slug: facts.slug,
    description: facts.description,
    status: facts.status,
    price: { amount: facts.price.amount, currency: facts.price.currency },
    categoryId: facts.category.id,
    categoryPath: facts.category.path.map((category) => ({ id: category.id, name: category.name })),
    createdAt: new Date(facts.createdAt),
    updatedAt: new Date(facts.updatedAt),
  };
}
