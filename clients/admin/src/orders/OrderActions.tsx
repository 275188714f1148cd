import { useState } from 'react';
import { useMutation, type CombinedError } from 'urql';
import type { AdminOrderQuery } from '../gql/graphql';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { AdminCancelOrderMutation, AdminFulfillOrderMutation, AdminRefundPaymentMutation } from './order.operations';

type Order = NonNullable<AdminOrderQuery['order']>;
type Action = 'fulfil' | 'cancel' | 'refund';

const COPY: Record<Action, { button: string; title: string; body: string; done: string }> = {
  fulfil: { button: 'Fulfil order', title: 'Fulfil this order?', body: 'Marks it as handed to the carrier. The customer sees it as fulfilled.', done: 'The order is fulfilled.' },
  cancel: { button: 'Cancel order', title: 'Cancel this order?', body: 'Releases its reserved stock and cancels its payment. This cannot be undone.', done: 'The order is cancelled.' },
  refund: { button: 'Refund payment', title: 'Refund the whole payment?', body: 'The customer is paid back in full. This cannot be undone.', done: 'The payment is refunded.' },
};

/**
 * What staff can do with the order in its current status: fulfil a PAID one, cancel one not yet paid, refund a
 * payment that succeeded. Each asks first, and says why the graph refused when it does.
 */
export function OrderActions({ order, onDone }: { order: Order; onDone: (message: string) => void }) {
  const [fulfilling, fulfil] = useMutation(AdminFulfillOrderMutation);
  const [cancelling, cancel] = useMutation(AdminCancelOrderMutation);
  const [refunding, refund] = useMutation(AdminRefundPaymentMutation);
  const [asking, setAsking] = useState<Action | null>(null);
  const [failed, setFailed] = useState<{ action: Action; error: CombinedError } | null>(null);

  const available: Action[] = [];
  if (order.status === 'PAID') available.push('fulfil');
  if (order.status === 'PENDING' || order.status === 'AWAITING_PAYMENT') available.push('cancel');
  if (order.payment?.status === 'SUCCEEDED') available.push('refund');

  async function run(action: Action) {
    const result =
      action === 'fulfil' ? await fulfil({ id: order.id }) : action === 'cancel' ? await cancel({ id: order.id }) : await refund({ id: order.payment!.id });
    setAsking(null);
    if (result.error) return setFailed({ action, error: result.error });
    setFailed(null);
    onDone(COPY[action].done);
  }

  if (available.length === 0 && !failed) return null;
  const busy = fulfilling.fetching || cancelling.fetching || refunding.fetching;
  return (
    <div className="order-actions">
      <div className="actions">
        {available.map((action) => (
          <button key={action} type="button" className={action === 'fulfil' ? 'primary' : 'danger'} onClick={() => setAsking(action)} disabled={busy}>
            {COPY[action].button}
          </button>
        ))}
      </div>
      {failed && <ErrorNotice error={failed.error} action={COPY[failed.action].button} />}
      <ConfirmDialog
        open={asking !== null}
        title={asking ? COPY[asking].title : ''}
        confirmLabel={asking ? COPY[asking].button : ''}
        danger={asking !== 'fulfil'}
        busy={busy}
        onCancel={() => setAsking(null)}
        onConfirm={() => asking && void run(asking)}
      >
        <p>
          Order {order.number}, {order.total.formatted}. {asking ? COPY[asking].body : ''}
        </p>
      </ConfirmDialog>
    </div>
  );
}
