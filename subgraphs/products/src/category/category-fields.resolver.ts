import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { ProductsContext } from '../context';
import type { CategoryRecord } from './category.record';
import { CategoryType } from './category.type';

/** The tree fields of a category, each through a request DataLoader so a list of categories stays cheap. */
@Resolver(() => CategoryType)
export class CategoryFieldsResolver {
  @FieldResolver(() => CategoryType, { nullable: true, description: 'Null for a top-level category.' })
  parent(@Root() category: CategoryRecord, @Ctx() { categories }: ProductsContext): Promise<CategoryRecord | null> {
    return categories.parentOf(category);
  }

  @FieldResolver(() => [CategoryType], { description: 'Direct subcategories, in display order.' })
  children(@Root() category: CategoryRecord, @Ctx() { categories }: ProductsContext): Promise<CategoryRecord[]> {
    return categories.childrenOf(category);
  }

  @FieldResolver(() => [CategoryType], {
    description: 'The breadcrumb: from the top-level category down to this one (root first, this one last).',
  })
  path(@Root() category: CategoryRecord, @Ctx() { categories }: ProductsContext): Promise<CategoryRecord[]> {
    return categories.pathOf(category);
  }

  @FieldResolver(() => Int, { description: 'Active products in this category and every category below it.' })
  productCount(@Root() category: CategoryRecord, @Ctx() { categories }: ProductsContext): Promise<number> {
    return categories.productCountOf(category);
  }
}
