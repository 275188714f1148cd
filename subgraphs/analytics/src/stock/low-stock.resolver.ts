import { CACHE_PRIVATE, requireAdmin } from '@techally/platform';
import { Arg, Ctx, Directive, Int, Query, Resolver } from 'type-graphql';
import type { AnalyticsContext } from '../context';
import { LowStockProduct } from './low-stock.type';

@Resolver()
export class LowStockResolver {
  @Directive(CACHE_PRIVATE)
  @Query(() => [LowStockProduct], {
    description:
      'Products whose units available across their warehouses are at or below `threshold`, least first, with each warehouse; from the stock events. Administrators only.',
  })
  lowStock(
    @Arg('threshold', () => Int, { defaultValue: 5, description: 'At or below this many units available (0 to 1000000).' }) threshold: number,
    @Arg('first', () => Int, { defaultValue: 20, description: 'At most this many products (1 to 100).' }) first: number,
    @Ctx() context: AnalyticsContext,
  ): Promise<LowStockProduct[]> {
    requireAdmin(context.viewer);
    return context.stockLevels.lowStock(threshold, first);
  }
}
