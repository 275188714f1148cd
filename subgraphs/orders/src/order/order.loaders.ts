import type { EntityManager } from '@mikro-orm/postgresql';
import { createEntityLoader, createGroupedLoader } from '@techally/platform';
import DataLoader from 'dataloader';
import type { OrderItem } from './order-item.entity';
import type { OrderStatusChange } from './order-status-change.entity';
import { Order } from './order.entity';
import { OrderRepository, type CustomerPageQuery, type OrdersPage } from './order.repository';

export interface OrderLoaders {
  readonly orderById: DataLoader<string, Order | null>;
  readonly itemsByOrderId: DataLoader<string, OrderItem[]>;
  readonly historyByOrderId: DataLoader<string, OrderStatusChange[]>;
  /** `User.orders`: a page per (customer, first, after), every customer of a response in one statement. */
  readonly customerPage: DataLoader<CustomerPageQuery, OrdersPage, string>;
  readonly orderCountByCustomer: DataLoader<string, number>;
}

/**
 * Per request (the cache must not outlive the request's EntityManager): every list field and every reference
 * of a response costs one statement per kind, whatever the number of orders.
 */
export function createOrderLoaders(em: EntityManager): OrderLoaders {
  const repository = new OrderRepository(em);
  return {
    orderById: createEntityLoader(em, Order, 'id'),
    itemsByOrderId: createGroupedLoader(
      (orderIds: ReadonlyArray<string>) => repository.itemsOf(orderIds),
      (item: OrderItem) => item.order.id,
    ),
    historyByOrderId: createGroupedLoader(
      (orderIds: ReadonlyArray<string>) => repository.historyOf(orderIds),
      (change: OrderStatusChange) => change.order.id,
    ),
    customerPage: new DataLoader<CustomerPageQuery, OrdersPage, string>((queries) => repository.customerPages(queries), {
      maxBatchSize: 500,
      cacheKeyFn: (query) => JSON.stringify([query.customerId, query.first, query.after?.placedAt.toISOString() ?? null, query.after?.id ?? null]),
    }),
    orderCountByCustomer: new DataLoader<string, number>(
      async (customerIds) => {
        const counts = await repository.countByCustomer(customerIds);
        return customerIds.map((id) => counts.get(id) ?? 0);
      },
      { maxBatchSize: 500 },
    ),
  };
}
