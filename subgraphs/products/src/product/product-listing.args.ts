import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, PARTNER_TAG } from '@techally/platform';
import { ArgsType, Directive, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import type { ProductFilterInput } from './product.filter';
import { ProductSort } from './product-sort';

registerEnumType(ProductSort, {
  name: 'ProductSort',
  valuesConfig: {
    NEWEST: { description: 'Most recently added first.' },
    PRICE_ASC: { description: 'Cheapest first.' },
    PRICE_DESC: { description: 'Most expensive first.' },
    NAME_ASC: { description: 'Alphabetical by name.' },
  },
});

@InputType('ProductFilter', { description: 'Narrows a listing; all given conditions must hold.' })
@Directive(PARTNER_TAG)
export class ProductFilter implements ProductFilterInput {
  @Field(() => ID, { nullable: true, description: 'Products in this category or any category below it.' })
  categoryId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Lowest price, in minor units, inclusive.' })
  minPrice?: number | null;

  @Field(() => Int, { nullable: true, description: 'Highest price, in minor units, inclusive.' })
  maxPrice?: number | null;

  @Field(() => String, { nullable: true, description: 'Part of the name, case-insensitive.' })
  search?: string | null;
}

/** Partners list the catalogue with every argument: each is tagged (a contract hides an untagged argument). */
@ArgsType()
export class ProductsArgs {
  @Directive(PARTNER_TAG)
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: `Page size, 1 to ${MAX_PAGE_SIZE}.` })
  first?: number | null;

  @Directive(PARTNER_TAG)
  @Field(() => String, { nullable: true, description: 'The `cursor` of the last product already seen.' })
  after?: string | null;

  @Directive(PARTNER_TAG)
  @Field(() => ProductFilter, { nullable: true })
  filter?: ProductFilter | null;

  @Directive(PARTNER_TAG)
  @Field(() => ProductSort, { nullable: true, defaultValue: ProductSort.NEWEST })
  sort?: ProductSort | null;
}
