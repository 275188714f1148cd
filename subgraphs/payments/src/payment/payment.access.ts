import { isAdmin, type Viewer } from '@techally/platform';
import type { Payment } from './payment.entity';

/**
 * Who may see a payment: the customer of its order (as stored when the payment was created) and admins.
 * Checked here, where the data lives, for every way in: `payment(id)`, `Order.payment` and `_entities`.
 */
export function canSeePayment(viewer: Viewer, payment: Payment): boolean {
  return isAdmin(viewer) || payment.customerId === viewer.userId;
}
