import { Money, PARTNER_TAG } from '@techally/platform';
import { Directive, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { CategoryRecord } from '../category/category.record';
import { CategoryType } from '../category/category.type';
import type { ProductsContext } from '../context';
import type { ProductRecord } from './product.record';
import { ProductType } from './product.type';

/** The product fields whose public shape differs from the stored one. */
@Resolver(() => ProductType)
export class ProductFieldsResolver {
  @Directive(PARTNER_TAG)
  @FieldResolver(() => Money)
  price(@Root() product: ProductRecord): Money {
    return Money.of(product.priceAmount, product.currency);
  }

  @Directive(PARTNER_TAG)
  @FieldResolver(() => Int, { description: 'Shipping weight in grams.' })
  weight(@Root() product: ProductRecord): number {
    return product.weightGrams;
  }

  /**
   * Through the request's category loader: a page of 100 products costs one category statement, or none when
   * the listing's statement joined the categories. Those are answered synchronously: a promise here would make
   * graphql-js complete every product of the page asynchronously (a promise and a Promise.all per product).
   */
  @Directive(PARTNER_TAG)
  @FieldResolver(() => CategoryType)
  category(@Root() product: ProductRecord, @Ctx() { categories }: ProductsContext): CategoryRecord | Promise<CategoryRecord> {
    const known = categories.known(product.categoryId);
    if (known) return known;
    return categories.byId(product.categoryId).then((category) => {
      // The foreign key guarantees the row; a miss here is a bug, surfaced (and masked) as an internal error.
      if (!category) throw new Error(`category ${product.categoryId} of product ${product.id} is missing`);
      return category;
    });
  }
}
