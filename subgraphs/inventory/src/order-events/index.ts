import type { EventConsumer } from '@techally/events';
import type { OrderEventDependencies } from './order-events.dependencies';
import { reserveStockConsumer } from './order-placed.handler';
import { settleStockConsumer } from './order-settled.handler';

export type { OrderEventDependencies } from './order-events.dependencies';
export { OUT_OF_STOCK, RESERVE_STOCK_GROUP, reserveStockConsumer } from './order-placed.handler';
export { SETTLE_STOCK_GROUP, settleStockConsumer } from './order-settled.handler';

/** The inventory subgraph's reactions to the orders subgraph's events, one consumer group each. */
export function createOrderEventConsumers(dependencies: OrderEventDependencies): EventConsumer[] {
  return [reserveStockConsumer(dependencies), settleStockConsumer(dependencies)];
}
