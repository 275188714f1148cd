import { PARTNER_TAG } from '@techally/platform';
import { Directive, Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { ProductsContext } from '../context';
import { IdOrSlugArgs } from '../shared/lookup.args';
import { categoryRecordOf, type CategoryRecord } from './category.record';
import { CreateCategoryInput } from './category.inputs';
import { CategoryType } from './category.type';

/** Category queries and the admin mutation: parse the arguments, call the request's CategoryService, return. */
@Resolver(() => CategoryType)
export class CategoryResolver {
  @Directive(PARTNER_TAG)
  @Query(() => [CategoryType], {
    description: 'Every category, in tree order: each category followed by its descendants, depth first.',
  })
  categories(@Ctx() { categories }: ProductsContext): Promise<CategoryRecord[]> {
    return categories.all();
  }

  @Directive(PARTNER_TAG)
  @Query(() => CategoryType, {
    nullable: true,
    description: 'A category by exactly one of `id` or `slug`; null when there is none.',
  })
  category(@Args(() => IdOrSlugArgs) lookup: IdOrSlugArgs, @Ctx() { categories }: ProductsContext): Promise<CategoryRecord | null> {
    return categories.lookup(lookup);
  }

  @Mutation(() => CategoryType, { description: 'Adds a category, as a root or under a parent (admins only).' })
  async createCategory(
    @Arg('input', () => CreateCategoryInput) input: CreateCategoryInput,
    @Ctx() { categories }: ProductsContext,
  ): Promise<CategoryRecord> {
    return categoryRecordOf(await categories.create(input));
  }
}
