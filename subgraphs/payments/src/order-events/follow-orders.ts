import type { Logger, SubgraphOrm } from '@techally/platform';
import type { PaymentProvider } from '../provider/payment-provider';

/** The consumer group: named after the reaction and never renamed (a new name is a new group, README.md, Design decisions). */
export const FOLLOW_ORDERS_GROUP = 'payments.follow-orders';

/** What the order-event handlers use; built once in app.ts. */
export interface FollowOrdersDependencies {
  readonly orm: SubgraphOrm;
  readonly provider: PaymentProvider;
  readonly logger: Logger;
  readonly clock: () => Date;
}
