import { Field, Int, ObjectType } from 'type-graphql';
import { ProductType, type ProductRef } from '../product/product.type';
import type { Warehouse } from '../warehouse/warehouse.entity';
import { WarehouseType } from '../warehouse/warehouse.type';
import type { StockLevel } from './stock-level.entity';

/** The stock of one product in one warehouse, as administrators see it. A value, built from a stock row. */
@ObjectType('WarehouseStock', { description: 'The stock of one product in one warehouse (administrators only).' })
export class WarehouseStock {
  @Field(() => WarehouseType)
  warehouse!: Warehouse;

  @Field(() => ProductType)
  product!: ProductRef;

  @Field(() => Int, { description: 'Units physically in the warehouse.' })
  onHand!: number;

  @Field(() => Int, { description: 'Units of `onHand` promised to orders not yet shipped.' })
  reserved!: number;

  @Field(() => Int, { description: '`onHand` minus `reserved`: what can still be sold from here.' })
  available!: number;

  @Field(() => Date, { description: 'When these figures last changed.' })
  updatedAt!: Date;

  static of(figures: StockFigures): WarehouseStock {
    const stock = new WarehouseStock();
    stock.warehouse = figures.warehouse;
    stock.product = { id: figures.productId };
    stock.onHand = figures.onHand;
    stock.reserved = figures.reserved;
    stock.available = figures.onHand - figures.reserved;
    stock.updatedAt = figures.updatedAt;
    return stock;
  }

  static fromLevel(level: StockLevel): WarehouseStock {
    const { productId, warehouse, onHand, reserved, updatedAt } = level;
    return WarehouseStock.of({ productId, warehouse, onHand, reserved, updatedAt });
  }
}

export interface StockFigures {
  readonly productId: string;
  readonly warehouse: Warehouse;
  readonly onHand: number;
  readonly reserved: number;
  readonly updatedAt: Date;
}
