import type { EntityManager } from '@mikro-orm/postgresql';
import { createEntityLoader } from '@techally/platform';
import type DataLoader from 'dataloader';
import { Payment } from './payment.entity';

export interface PaymentLoaders {
  readonly paymentById: DataLoader<string, Payment | null>;
  /** `Order.payment` for a page of orders: one statement however many orders. */
  readonly paymentByOrderId: DataLoader<string, Payment | null>;
}

/** Per request (the cache must not outlive the request's EntityManager). */
export function createPaymentLoaders(em: EntityManager): PaymentLoaders {
  return {
    paymentById: createEntityLoader(em, Payment, 'id'),
    paymentByOrderId: createEntityLoader(em, Payment, 'orderId'),
  };
}
