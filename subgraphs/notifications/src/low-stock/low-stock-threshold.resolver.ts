import { Args, ArgsType, Ctx, Field, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { NotificationsContext } from '../context';
import { LowStockThresholdType, lowStockThresholdOf } from './low-stock-threshold.type';

@ArgsType()
export class LowStockThresholdScopeArgs {
  @Field(() => ID)
  productId!: string;

  @Field(() => ID, { nullable: true, description: 'Omit for the product’s own threshold.' })
  warehouseId?: string | null;
}

@ArgsType()
export class SetLowStockThresholdArgs extends LowStockThresholdScopeArgs {
  @Field(() => Int, { description: '0 or more; 0 never alerts.' })
  threshold!: number;
}

@ArgsType()
export class LowStockThresholdsArgs {
  @Field(() => ID, { nullable: true, description: 'Only this product’s thresholds (its own and its warehouses’).' })
  productId?: string | null;
}

/**
 * `setLowStockThreshold`, `removeLowStockThreshold`, `lowStockThresholds` and `lowStockDefaultThreshold`:
 * administrators only; thin, the service decides.
 */
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

  @Mutation(() => Boolean, {
    description:
      'Removes the low-stock threshold of a product, or of a product in one warehouse (administrators only), so the product’s own (then the default) applies from its next stock change. False when none was set.',
  })
  removeLowStockThreshold(
    @Args(() => LowStockThresholdScopeArgs) args: LowStockThresholdScopeArgs,
    @Ctx() { lowStockThresholds }: NotificationsContext,
  ): Promise<boolean> {
    return lowStockThresholds.remove(args);
  }

  @Query(() => [LowStockThresholdType], {
    description: 'Every low-stock threshold an administrator set, or one product’s (administrators only); the rest use the default.',
  })
  async lowStockThresholds(
    @Args(() => LowStockThresholdsArgs) { productId }: LowStockThresholdsArgs,
    @Ctx() { lowStockThresholds }: NotificationsContext,
  ): Promise<LowStockThresholdType[]> {
    return (await lowStockThresholds.list(productId)).map(lowStockThresholdOf);
  }

  @Query(() => Int, {
    description: 'The low-stock threshold of every product and warehouse without one set (LOW_STOCK_DEFAULT_THRESHOLD; administrators only).',
  })
  lowStockDefaultThreshold(@Ctx() { lowStockThresholds }: NotificationsContext): number {
    return lowStockThresholds.default();
  }
}
