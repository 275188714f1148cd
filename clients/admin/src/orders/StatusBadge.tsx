import { humanize } from '../ui/format';

const TONE: Record<string, string> = {
  PENDING: 'badge-muted',
  AWAITING_PAYMENT: 'badge-warn',
  PAID: 'badge-ok',
  FULFILLED: 'badge-done',
  CANCELLED: 'badge-muted',
  REFUNDED: 'badge-muted',
  // payments
  SUCCEEDED: 'badge-ok',
  FAILED: 'badge-warn',
};

/** An order's or a payment's status in words (the colour only repeats what the words say). */
export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge ${TONE[status] ?? 'badge-muted'}`}>{humanize(status)}</span>;
}
