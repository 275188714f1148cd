import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The public contract of a category. Resolvers return the `Category` entity; the tree fields (parent,
 * children, path, productCount) are resolved in category-fields.resolver.ts through DataLoaders.
 */
@ObjectType('Category', { description: 'A node of the catalog’s category tree.' })
@Directive('@key(fields: "id")')
export class CategoryType {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field({ description: 'Unique, URL-safe; for storefront links.' })
  slug!: string;
}
