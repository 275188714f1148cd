import { CACHE_PRIVATE, PARTNER_TAG } from '@techally/platform';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The products subgraph's entity as recommendations knows it: its key. Recommendations adds `alsoBought` to it
 * (recommendation.resolver.ts); the gateway asks products for the rest of every product returned.
 */
@ObjectType('Product')
@Directive('@key(fields: "id")')
export class ProductRef {
  @Directive(PARTNER_TAG)
  @Field(() => ID)
  id!: string;
}

/** The users subgraph's entity, by key; recommendations adds `recommendedProducts` to it. */
@ObjectType('User')
@Directive('@key(fields: "id")')
@Directive(CACHE_PRIVATE)
export class UserRef {
  @Field(() => ID)
  id!: string;
}

export function productRef(id: string): ProductRef {
  return Object.assign(new ProductRef(), { id });
}

/** `Product @key(fields: "id")`: any id is taken as it comes (no statement); an unknown product has no partners. */
export function resolveProductReference(representation: Record<string, unknown>): ProductRef | null {
  const id = representation['id'];
  return typeof id === 'string' ? productRef(id) : null;
}

/** `User @key(fields: "id")`: any id is taken as it comes (no statement); the field resolver authorises. */
export function resolveUserReference(representation: Record<string, unknown>): UserRef | null {
  const id = representation['id'];
  return typeof id === 'string' ? Object.assign(new UserRef(), { id }) : null;
}
