import { Args, ArgsType, Ctx, Field, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { NotificationsContext } from '../context';
import { LowStockThresholdType, lowStockThresholdOf } from './low-stock-threshold.type';

@ArgsType()
export class SetLowStockThresholdArgs {
  @Field(() => ID)
  productId!: string;

  @Field(() => ID, { nullable: true, description: 'Omit for the product’s own threshold.' })
  warehouseId?: string | null;

  @Field(() => Int, { description: '0 or more; 0 never alerts.' })
  threshold!: number;
}

/** `setLowStockThreshold` and `lowStockThresholds`: administrators only; thin, the service decides. */
@Resolver(() => LowStockThresholdType)
export class LowStockThresholdResolver {
  @Mutation(() => LowStockThresholdType, {
    description:
      'Sets the low-stock threshold of a product, or of a product in one warehouse (administrators only). Applies from the product’s next stock change.',
  })
  async setLowStockThreshold(
    @Args(() => SetLowStockThresholdArgs) args: SetLowStockThresholdArgs,
    @Ctx() { lowStockThresholds }: NotificationsContext,
  ): Promise<LowStockThresholdType> {
    return lowStockThresholdOf(await lowStockThresholds.set(args));
  }

  @Query(() => [LowStockThresholdType], {
    description: 'Every low-stock threshold an administrator set (administrators only); the rest of the products use the default.',
  })
  async lowStockThresholds(@Ctx() { lowStockThresholds }: NotificationsContext): Promise<LowStockThresholdType[]> {
    return (await lowStockThresholds.list()).map(lowStockThresholdOf);
  }
}
