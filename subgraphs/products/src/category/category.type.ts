import { PARTNER_TAG, CACHE_PUBLIC } from '@techally/platform';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The public contract of a category. Resolvers return a `CategoryRecord` (category.record.ts); the tree fields (parent,
 * children, path, productCount) are resolved in category-fields.resolver.ts through DataLoaders.
 */
@ObjectType('Category', { description: 'A node of the catalog’s category tree.' })
@Directive('@key(fields: "id")')
@Directive(CACHE_PUBLIC)
export class CategoryType {
  @Directive(PARTNER_TAG)
  @Field(() => ID)
  id!: string;

  @Directive(PARTNER_TAG)
  @Field()
  name!: string;

  @Directive(PARTNER_TAG)
  @Field({ description: 'Unique, URL-safe; for storefront links.' })
  slug!: string;
}
