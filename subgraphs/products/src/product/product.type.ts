import { PARTNER_TAG, CACHE_PUBLIC } from '@techally/platform';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ProductStatus } from './product-status';

registerEnumType(ProductStatus, {
  name: 'ProductStatus',
  description: 'Whether a product is for sale.',
  valuesConfig: {
    ACTIVE: { description: 'For sale: listed and searchable.' },
    ARCHIVED: { description: 'No longer sold: out of every listing, but still resolvable (past orders refer to it).' },
  },
});

/**
 * The public contract of a product. Resolvers return a `ProductRecord` (product.record.ts); the fields whose
 * shape differs from it (price, weight, category) are resolved in product-fields.resolver.ts.
 *
 * Two keys: other subgraphs refer to a product by id, and integrations that only know the SKU (warehouse
 * feeds, search indexing) by sku.
 */
@ObjectType('Product', { description: 'Something the shop sells.' })
@Directive('@key(fields: "id")')
@Directive('@key(fields: "sku")')
@Directive(CACHE_PUBLIC)
export class ProductType {
  @Directive(PARTNER_TAG)
  @Field(() => ID)
  id!: string;

  @Directive(PARTNER_TAG)
  @Field({ description: 'Stock-keeping unit: uppercase letters, digits and dashes, unique in the catalog.' })
  sku!: string;

  @Directive(PARTNER_TAG)
  @Field()
  name!: string;

  @Directive(PARTNER_TAG)
  @Field({ description: 'Unique, URL-safe; for storefront links.' })
  slug!: string;

  @Directive(PARTNER_TAG)
  @Field()
  description!: string;

  // Partners read archived products by id too (product(id) resolves them): they need to tell them apart.
  @Directive(PARTNER_TAG)
  @Field(() => ProductStatus)
  status!: ProductStatus;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}
