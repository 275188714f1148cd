import { PARTNER_TAG } from '@techally/platform';
import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { InventoryContext } from '../context';
import { ProductInventory } from './product-inventory.type';
import { ProductType, type ProductRef } from './product.type';

/** The stock fields this subgraph adds to the products subgraph's Product. Public; one batched query per request. */
@Resolver(() => ProductType)
export class ProductInventoryResolver {
  @FieldResolver(() => ProductInventory, { description: 'Stock across the warehouses; zero when the product has none.' })
  inventory(@Root() product: ProductRef, @Ctx() { stock }: InventoryContext): Promise<ProductInventory> {
    return stock.inventoryOf(product.id);
  }

  @Directive(PARTNER_TAG)
  @FieldResolver(() => Boolean, { description: 'True when at least one unit can be bought now.' })
  async inStock(@Root() product: ProductRef, @Ctx() { stock }: InventoryContext): Promise<boolean> {
    return (await stock.inventoryOf(product.id)).available > 0;
  }
}
