import { useEffect, useState } from 'react';
import { useClient, type CombinedError } from 'urql';
import { graphErrorOf } from '@techally/app-kit';
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

export interface CartProducts {
  /** Each line's state, for a page that shows them one by one (the cart). */
  readonly states: ReadonlyMap<string, CartProductState>;
  /** Each answered line's product as the catalogue has it now; null when it no longer exists or failed to load. */
  readonly byId: ReadonlyMap<string, CartProduct | null>;
  /** Some line has no answer yet. */
  readonly loading: boolean;
  /** The first failure's message, if any line failed. */
  readonly error: string | null;
  /** Asks again for every line. */
  retry(): void;
}

/**
 * The current name, price and stock of every product in the cart, one `product(id:)` each (the graph has no
 * lookup of several ids; a cart holds a few lines, and urql runs them side by side). Always from the network:
 * prices are never kept in the cart, and these are the ones checkout will charge. The cart page and checkout
 * both read it.
 */
export function useCartProducts(productIds: ReadonlyArray<string>): CartProducts {
  const client = useClient();
  const [states, setStates] = useState<ReadonlyMap<string, CartProductState>>(new Map());
  const [attempt, setAttempt] = useState(0);
  const key = productIds.join(',');
  useEffect(() => {
    const ids = key ? key.split(',') : [];
    const subscriptions = ids.map((id) =>
      client.query(StorefrontCartProductQuery, { id }, { requestPolicy: 'network-only' }).subscribe((result) => {
        const state: CartProductState = result.data ? { status: 'done', product: result.data.product } : result.error ? { status: 'error', error: result.error } : { status: 'loading' };
        setStates((current) => new Map(current).set(id, state));
      }),
    );
    return () => subscriptions.forEach((subscription) => subscription.unsubscribe());
  }, [client, key, attempt]);

  const ids = key ? key.split(',') : [];
  const byId = new Map<string, CartProduct | null>();
  let loading = false;
  let error: string | null = null;
  for (const id of ids) {
    const state = states.get(id) ?? { status: 'loading' };
    if (state.status === 'loading') loading = true;
    else if (state.status === 'error') {
      byId.set(id, null);
      error ??= graphErrorOf(state.error).message;
    } else byId.set(id, state.product);
  }
  return { states, byId, loading, error, retry: () => setAttempt((n) => n + 1) };
}

/** `amount` minor units of `currency`, formatted like the server's `formatted`. */
export function formatMoney(amount: number, currency: string): string {
  const format = new Intl.NumberFormat('en-US', { style: 'currency', currency });
  return format.format(amount / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}
