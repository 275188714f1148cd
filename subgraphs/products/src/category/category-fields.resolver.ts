import { PARTNER_TAG } from '@techally/platform';
import { Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { ProductsContext } from '../context';
import type { CategoryRecord } from './category.record';
import { CategoryType } from './category.type';

/**
 * The tree fields of a category, each through a request DataLoader so a list of categories stays cheap. The
 * tree is public catalogue structure, so partners see it.
 */
@Resolver(() => CategoryType)
export class CategoryFieldsResolver {
  @Directive(PARTNER_TAG)
  @FieldResolver(() => CategoryType, { nullable: true, description: 'Null for a top-level category.' })
  parent(@Root() category: CategoryRecord, @Ctx() { categories }: ProductsContext): Promise<CategoryRecord | null> {
    return categories.parentOf(category);
  }

  @Directive(PARTNER_TAG)
  @FieldResolver(() => [CategoryType], { description: 'Direct subcategories, in display order.' })
  children(@Root() category: CategoryRecord, @Ctx() { categories }: ProductsContext): Promise<CategoryRecord[]> {
    return categories.childrenOf(category);
  }

  @Directive(PARTNER_TAG)
  @FieldResolver(() => [CategoryType], {
    description: 'The breadcrumb: from the top-level category down to this one (root first, this one last).',
  })
  path(@Root() category: CategoryRecord, @Ctx() { categories }: ProductsContext): Promise<CategoryRecord[]> {
    return categories.pathOf(category);
  }

  @Directive(PARTNER_TAG)
  @FieldResolver(() => Int, { description: 'Active products in this category and every category below it.' })
  productCount(@Root() category: CategoryRecord, @Ctx() { categories }: ProductsContext): Promise<number> {
    return categories.productCountOf(category);
  }
}
