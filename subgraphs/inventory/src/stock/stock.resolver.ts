import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { InventoryContext } from '../context';
import { AdjustStockInput } from './stock-adjustment.inputs';
import { WarehouseStock } from './warehouse-stock.type';

@Resolver(() => WarehouseStock)
export class StockResolver {
  @Mutation(() => WarehouseStock, {
    description:
      'Adds or removes units of a product in a warehouse, atomically, and records it in the audit trail ' +
      '(administrators only). NEGATIVE_STOCK when the stock cannot cover a removal.',
  })
  adjustStock(@Arg('input', () => AdjustStockInput) input: AdjustStockInput, @Ctx() { stock }: InventoryContext): Promise<WarehouseStock> {
    return stock.adjust(input);
  }
}
