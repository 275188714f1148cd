import { Money, PARTNER_TAG } from '@techally/platform';
import { Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { SHOP_CURRENCY, shippingCost } from '../checkout/shipping.policy';
import { ProductReference } from './product.type';

/** What the router sends for `shippingEstimate`: the key and the fields it @requires from products. */
export interface ProductRepresentation {
  readonly id: string;
  readonly weight: number;
  readonly price: { readonly amount: number; readonly currency: string };
}

/** The field orders adds to Product. Public and not personal, so partners may see it. */
@Resolver(() => ProductReference)
export class ProductFieldsResolver {
  @Directive('@requires(fields: "weight price { amount currency }")')
  @Directive(PARTNER_TAG)
  @FieldResolver(() => Money, {
    description:
      'What shipping this product alone costs, by the same rule checkout charges: free from $100.00, otherwise $4.99 plus $1.00 per started kg above the first.',
  })
  shippingEstimate(@Root() product: ProductRepresentation): Money {
    const { price, weight } = product;
    return Money.of(shippingCost({ value: price.amount, currency: price.currency, weightGrams: weight }), SHOP_CURRENCY);
  }
}

/**
 * `Product @key(fields: "id")`: the router's representation already carries everything this subgraph resolves
 * (the id, plus weight and price when `shippingEstimate` is asked for), so it is the entity.
 */
export function resolveProductReference(representation: Record<string, unknown>): Record<string, unknown> {
  return representation;
}
