import { useSubscription } from 'urql';
import { graphql } from '../gql';
import type { StorefrontProductDetailsFragment } from '../gql/graphql';

/** What the product page shows of a product besides its stock: read once by the page, then again on every edit. */
export const StorefrontProductDetails = graphql(`
  fragment StorefrontProductDetails on Product {
    id
    name
    slug
    sku
    description
    status
    price {
      amount
      formatted
    }
    shippingEstimate {
      amount
      formatted
    }
    rating {
      average
      count
    }
    category {
      id
      path {
        id
        name
        slug
      }
    }
  }
`);

const StorefrontProductChangedSubscription = graphql(`
  subscription StorefrontProductChanged($productIds: [ID!]!) {
    productChanged(productIds: $productIds) {
      ...StorefrontProductDetails
    }
  }
`);

/**
 * The product as an admin's last edit left it (repriced, renamed, archived…), from `productChanged`; null until
 * the first edit after the page opened.
 */
export function useLiveProduct(productId: string | undefined): StorefrontProductDetailsFragment | null {
  const [{ data }] = useSubscription({
    query: StorefrontProductChangedSubscription,
    variables: { productIds: productId ? [productId] : [] },
    pause: !productId,
  });
  const changed = data?.productChanged;
  return changed && changed.id === productId ? changed : null;
}
