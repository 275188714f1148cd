import { useEffect, useState } from 'react';
import { useClient, type CombinedError } from 'urql';
import { graphql } from '../gql';
import type { StorefrontCartProductQuery } from '../gql/graphql';

const StorefrontCartProductQuery = graphql(`
  query StorefrontCartProduct($id: ID!) {
    product(id: $id) {
      id
      name
      slug
      status
      inStock
      inventory {
        available
      }
      price {
        amount
        currency
        formatted
      }
    }
  }
`);

export type CartProduct = NonNullable<StorefrontCartProductQuery['product']>;

/** What the graph says now of one product in the cart: loading, an error, the product, or null (gone). */
export type CartProductState = { readonly status: 'loading' } | { readonly status: 'error'; readonly error: CombinedError } | { readonly status: 'done'; readonly product: CartProduct | null };

/**
 * The current name, price and stock of every product in the cart, one `product(id:)` each (the graph has no
 * lookup of several ids; a cart holds a few lines, and urql runs them side by side). Prices are never kept in
 * the cart: these are the ones checkout will charge.
 */
export function useCartProducts(productIds: ReadonlyArray<string>): { states: ReadonlyMap<string, CartProductState>; retry(): void } {
  const client = useClient();
  const [states, setStates] = useState<ReadonlyMap<string, CartProductState>>(new Map());
  const [attempt, setAttempt] = useState(0);
  const key = productIds.join(',');
  useEffect(() => {
    const ids = key ? key.split(',') : [];
    const subscriptions = ids.map((id) =>
      client.query(StorefrontCartProductQuery, { id }, { requestPolicy: attempt === 0 ? 'cache-and-network' : 'network-only' }).subscribe((result) => {
        const state: CartProductState = result.data ? { status: 'done', product: result.data.product } : result.error ? { status: 'error', error: result.error } : { status: 'loading' };
        setStates((current) => new Map(current).set(id, state));
      }),
    );
    return () => subscriptions.forEach((subscription) => subscription.unsubscribe());
  }, [client, key, attempt]);
  return { states, retry: () => setAttempt((n) => n + 1) };
}
