import { FieldResolver, Resolver, Root } from 'type-graphql';
import { productRef, ProductRef } from '../product/product.type';
import { userRef, UserRef } from '../user/user.type';
import type { Review } from './review.entity';
import { ReviewType } from './review.type';

/**
 * A review's author and product are other subgraphs' entities: this subgraph answers with their keys and the
 * gateway asks users and products for the rest (one batched `_entities` call each, whatever the list length).
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
}
