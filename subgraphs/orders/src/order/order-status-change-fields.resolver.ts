import type { OrderStatus } from './order-status';
import { FieldResolver, Resolver, Root } from 'type-graphql';
import type { OrderStatusChange } from './order-status-change.entity';
import { OrderStatusChangeType } from './order-status-change.type';

/** `from`/`status` read the stored `from_status`/`to_status`. */
@Resolver(() => OrderStatusChangeType)
export class OrderStatusChangeFieldsResolver {
  @FieldResolver()
  from(@Root() change: OrderStatusChange): OrderStatus | null {
    return change.fromStatus;
  }

  @FieldResolver()
  status(@Root() change: OrderStatusChange): OrderStatus {
    return change.toStatus;
  }
}
