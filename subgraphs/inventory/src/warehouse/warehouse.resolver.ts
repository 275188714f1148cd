import { Ctx, Query, Resolver } from 'type-graphql';
import type { InventoryContext } from '../context';
import type { Warehouse } from './warehouse.entity';
import { WarehouseType } from './warehouse.type';

@Resolver(() => WarehouseType)
export class WarehouseResolver {
  @Query(() => [WarehouseType], { description: 'Every warehouse, active or not, ordered by code (administrators only).' })
  warehouses(@Ctx() { warehouses }: InventoryContext): Promise<Warehouse[]> {
    return warehouses.list();
  }
}
