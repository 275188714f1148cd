import { useEffect, useState } from 'react';
import { useClient } from 'urql';
import { graphErrorOf } from '@techally/app-kit';
import type { CartLine } from '../cart/cart';
import { graphql } from '../gql';
import type { StorefrontCheckoutProductQuery as ProductResult } from '../gql/graphql';

const StorefrontCheckoutProductQuery = graphql(`
  query StorefrontCheckoutProduct($id: ID!) {
    product(id: $id) {
      id
      name
      slug
      status
      inStock
      price {
        amount
        currency
        formatted
      }
    }
  }
`);

export type CartProduct = NonNullable<ProductResult['product']>;

export interface CartProducts {
  /** Each line's product as the catalogue has it now (its current price); null when it no longer exists. */
  readonly byId: ReadonlyMap<string, CartProduct | null>;
  readonly loading: boolean;
  readonly error: string | null;
}

/** The products of the cart's lines, read from the catalogue (prices are the server's, never the cart's). */
export function useCartProducts(lines: ReadonlyArray<CartLine>): CartProducts {
  const client = useClient();
  const ids = lines.map((line) => line.productId).join(',');
  const [state, setState] = useState<CartProducts>({ byId: new Map(), loading: true, error: null });
  useEffect(() => {
    let current = true;
    const wanted = ids ? ids.split(',') : [];
    setState((previous) => ({ ...previous, loading: true }));
    void Promise.all(wanted.map((id) => client.query(StorefrontCheckoutProductQuery, { id }, { requestPolicy: 'network-only' }).toPromise())).then((results) => {
      if (!current) return;
      const failed = results.find((result) => result.error);
      setState({
        byId: new Map(wanted.map((id, index) => [id, results[index]?.data?.product ?? null])),
        loading: false,
        error: failed ? graphErrorOf(failed.error).message : null,
      });
    });
    return () => {
      current = false;
    };
  }, [client, ids]);
  return state;
}

/** `amount` minor units of `currency` times `quantity`, formatted like the server's `formatted`. */
export function formatMoney(amount: number, currency: string): string {
  const format = new Intl.NumberFormat('en-US', { style: 'currency', currency });
  return format.format(amount / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}
