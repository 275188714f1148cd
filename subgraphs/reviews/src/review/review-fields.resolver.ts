import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ReviewsContext } from '../context';
import { productRef, ProductRef } from '../product/product.type';
import { userRef, UserRef } from '../user/user.type';
import type { Review } from './review.entity';
import { ReviewType } from './review.type';

/**
 * A review's author and product are other subgraphs' entities: this subgraph answers with their keys and the
 * gateway asks users and products for the rest (one batched `_entities` call each, whatever the list length).
 * `verifiedPurchase` reads this subgraph's purchases read model through the request's loader.
 */
@Resolver(() => ReviewType)
export class ReviewFieldsResolver {
  @FieldResolver(() => UserRef)
  author(@Root() review: Review): UserRef {
    return userRef(review.authorId);
  }

  @FieldResolver(() => ProductRef)
  product(@Root() review: Review): ProductRef {
    return productRef(review.productId);
  }

  @FieldResolver(() => Boolean, {
    description:
      'True only when the review\'s author bought the product: one of their orders holding it was paid (a later ' +
      'refund does not undo that). Fed by the orders subgraph\'s order-paid events, so it can lag a payment by a moment.',
  })
  verifiedPurchase(@Root() review: Review, @Ctx() { loaders }: ReviewsContext): Promise<boolean> {
    return loaders.purchased.load({ customerId: review.authorId, productId: review.productId });
  }
}
