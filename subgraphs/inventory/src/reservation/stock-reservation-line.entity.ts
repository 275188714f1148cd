import { Check, Entity, ManyToOne, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { Warehouse } from '../warehouse/warehouse.entity';
import { StockReservation } from './stock-reservation.entity';

/**
 * Units of one product held for one order in one warehouse. A product the order wants more of than any one
 * warehouse has is split over several warehouses, one line each; the lines of one product add up to what the
 * order asked for (its duplicate lines summed). Written once, with the reservation; never changed after.
 */
@Entity({ tableName: 'stock_reservation_line' })
@Check({ name: 'stock_reservation_line_quantity_check', expression: 'quantity > 0' })
export class StockReservationLine {
  [PrimaryKeyProp]?: ['reservation', 'productId', 'warehouse'];

  @ManyToOne(() => StockReservation, { primary: true, fieldName: 'order_id', deleteRule: 'cascade' })
  reservation!: StockReservation;

  @PrimaryKey({ type: 'uuid' })
  productId!: string;

  @ManyToOne(() => Warehouse, { primary: true, deleteRule: 'restrict', index: 'stock_reservation_line_warehouse_id_index' })
  warehouse!: Warehouse;

  @Property({ type: 'integer' })
  quantity!: number;
}
