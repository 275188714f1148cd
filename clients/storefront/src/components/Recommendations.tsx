import { useEffect } from 'react';
import { useMutation, useQuery } from 'urql';
import { useSession } from '@techally/app-kit';
import { graphql } from '../gql';
import type { StorefrontProductCardFragment } from '../gql/graphql';
import { ProductCard } from './ProductCard';

/** How many products a recommendation shelf shows (one row on a wide screen). */
const SHELF_SIZE = 4;

const StorefrontAlsoBoughtQuery = graphql(`
  query StorefrontAlsoBought($id: ID!, $first: Int!) {
    product(id: $id) {
      id
      alsoBought(first: $first) {
        ...StorefrontProductCard
      }
    }
  }
`);

const StorefrontRecommendedProductsQuery = graphql(`
  query StorefrontRecommendedProducts($first: Int!) {
    me {
      id
      recommendedProducts(first: $first) {
        ...StorefrontProductCard
      }
    }
  }
`);

const StorefrontPopularProductsQuery = graphql(`
  query StorefrontPopularProducts($first: Int!) {
    popularProducts(first: $first) {
      ...StorefrontProductCard
    }
  }
`);

const StorefrontProductViewedMutation = graphql(`
  mutation StorefrontProductViewed($productId: ID!) {
    productViewed(productId: $productId)
  }
`);

/**
 * A titled row of product cards. Nothing at all while it loads, fails or is empty: recommendations are a bonus
 * on a page that has its own content, and a shop with no paid orders yet has none to show.
 */
function ProductShelf({ id, title, products }: { id: string; title: string; products: ReadonlyArray<StorefrontProductCardFragment> | undefined }) {
  if (!products || products.length === 0) return null;
  return (
    <section className="product-shelf" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul className="product-grid" aria-label={title}>
        {products.map((product) => (
          <li key={product.id}>
            <ProductCard product={product} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** "Customers also bought" on a product page (`Product.alsoBought`, learned from paid orders). */
export function AlsoBought({ productId }: { productId: string }) {
  // A query of its own, not part of the product's: the product's details stay cacheable while this moves with every order.
  const [{ data }] = useQuery({ query: StorefrontAlsoBoughtQuery, variables: { id: productId, first: SHELF_SIZE }, requestPolicy: 'cache-and-network' });
  return <ProductShelf id="also-bought-heading" title="Customers also bought" products={data?.product?.alsoBought} />;
}

/** The home page's shelf: the signed-in customer's own recommendations, the best-sellers for anyone else. */
export function HomeRecommendations() {
  const { state } = useSession();
  const signedIn = state !== null;
  const [mine] = useQuery({ query: StorefrontRecommendedProductsQuery, variables: { first: SHELF_SIZE }, pause: !signedIn, requestPolicy: 'cache-and-network' });
  const [popular] = useQuery({ query: StorefrontPopularProductsQuery, variables: { first: SHELF_SIZE }, pause: signedIn, requestPolicy: 'cache-and-network' });
  return signedIn ? (
    <ProductShelf id="recommended-heading" title="Recommended for you" products={mine.data?.me?.recommendedProducts} />
  ) : (
    <ProductShelf id="popular-heading" title="Popular right now" products={popular.data?.popularProducts} />
  );
}

/** Tells recommendations that the signed-in customer opened this product (steers their own recommendations only). */
export function useProductViewed(productId: string | undefined): void {
  const { state } = useSession();
  const signedIn = state !== null;
  const [, productViewed] = useMutation(StorefrontProductViewedMutation);
  useEffect(() => {
    // Once per product opened; a failure costs nothing worth telling the shopper about.
    if (productId && signedIn) void productViewed({ productId });
  }, [productId, signedIn, productViewed]);
}
