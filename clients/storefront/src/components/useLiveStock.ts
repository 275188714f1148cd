import { graphErrorOf } from '@techally/app-kit';
import { useSubscription } from 'urql';
import { graphql } from '../gql';

const StorefrontStockChangedSubscription = graphql(`
  subscription StorefrontStockChanged($productIds: [ID!]!) {
    stockChanged(productIds: $productIds) {
      available
      inStock
      product {
        id
      }
    }
  }
`);

/**
 * The product's stock as it changes (an adjustment, another shopper's checkout), from `stockChanged`; null until
 * the first change after the page opened — until then the page's own query is the latest figure — and why
 * live updates stopped, if they did.
 */
export function useLiveStock(productId: string | undefined): { stock: { available: number; inStock: boolean } | null; error: string | null } {
  const [{ data, error }] = useSubscription({
    query: StorefrontStockChangedSubscription,
    variables: { productIds: productId ? [productId] : [] },
    pause: !productId,
  });
  const change = data?.stockChanged;
  // The last event of the product shown before (navigating from one product to another) is not this one's.
  return {
    stock: change && change.product.id === productId ? { available: change.available, inStock: change.inStock } : null,
    // The socket reconnects by itself (app-kit); meanwhile the shopper is told the figure may be behind.
    error: error ? graphErrorOf(error).message : null,
  };
}
