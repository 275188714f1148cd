import { Check, Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { ReservationStatus } from './reservation-status';

/**
 * One order's hold on stock (issue #4): at most one row per order, which is what makes reserving, committing
 * and releasing idempotent per order whatever the bus redelivers. Its lines (stock_reservation_line) say which
 * warehouse holds how many units of which product.
 *
 * A RELEASED row without lines is a **tombstone**: the order was cancelled before its order-placed event was
 * handled, so that event, arriving late, must reserve nothing. The order id is another subgraph's: stored, never
 * a foreign key (README.md, Design decisions).
 */
@Entity({ tableName: 'stock_reservation' })
@Check({ name: 'stock_reservation_expiry_check', expression: `status <> 'ACTIVE' or expires_at is not null` })
export class StockReservation {
  @PrimaryKey({ type: 'uuid' })
  orderId!: string;

  @Enum({ items: () => ReservationStatus })
  status!: ReservationStatus;

  /** When the hold lapses: the order's `payBy`. Null for a tombstone, which never held anything. */
  @Property({ type: 'datetime', length: 3, nullable: true })
  expiresAt: Date | null = null;

  @Property({ type: 'datetime', length: 3 })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', length: 3 })
  updatedAt: Date = new Date();
}
