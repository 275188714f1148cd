import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { AddressLines } from './address-form';
import type { OrderDetail } from './live-order';
import { cancellationText, declineText, formatDateTime, ORDER_STATUS_TEXT, PAYMENT_STATUS_TEXT } from './order-status';

/** The order's lines and totals, as priced when it was placed. */
export function OrderLines({ order }: { order: OrderDetail }) {
  return (
    <table className="account-table">
      <caption className="account-visually-hidden">Items in order {order.number}</caption>
      <LinesHead />
      <tbody>
        {order.items.map((item) => (
          <tr key={item.id}>
            <th scope="row">
              <Link to={`/product/${item.product.slug}`}>{item.name}</Link>
            </th>
            <td>{item.unitPrice.formatted}</td>
            <td>{item.quantity}</td>
            <td>{item.lineTotal.formatted}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <SumRow label="Subtotal" amount={order.subtotal.formatted} />
        <SumRow label="Shipping" amount={order.shipping.formatted} />
        <SumRow label="Tax" amount={order.tax.formatted} />
        <SumRow label="Total" amount={order.total.formatted} total />
      </tfoot>
    </table>
  );
}

/** The header of a table of lines (the order's, checkout's cart). */
export function LinesHead() {
  return (
    <thead>
      <tr>
        <th scope="col">Item</th>
        <th scope="col">Price</th>
        <th scope="col">Qty</th>
        <th scope="col">Total</th>
      </tr>
    </thead>
  );
}

/** A sum under a table of lines, its label spanning the first three columns. */
export function SumRow({ label, amount, total = false }: { label: ReactNode; amount: string; total?: boolean }) {
  return (
    <tr className={total ? 'account-total' : undefined}>
      <th scope="row" colSpan={3}>
        {label}
      </th>
      <td>{amount}</td>
    </tr>
  );
}

/** The order's status, announced when it changes. */
export function OrderStatusLine({ order }: { order: OrderDetail }) {
  return (
      <p role="status" className={`account-order-status account-status-${order.status.toLowerCase()}`}>
        Order status: <strong>{ORDER_STATUS_TEXT[order.status]}</strong>
        {order.status === 'CANCELLED' ? <> — {cancellationText(order.cancellationReason)}</> : null}
        {order.status === 'AWAITING_PAYMENT' && order.paymentDueAt ? <> — to be paid by {formatDateTime(order.paymentDueAt)}</> : null}
      </p>
  );
}

/** Shipping address, payment and history. */
export function OrderFacts({ order }: { order: OrderDetail }) {
  return (
    <>
      <div className="account-columns">
        <section aria-labelledby="order-address">
          <h2 id="order-address">Shipping to</h2>
          <AddressLines address={order.shippingAddress} />
        </section>
        <section aria-labelledby="order-payment">
          <h2 id="order-payment">Payment</h2>
          {order.payment ? (
            <p>
              {order.payment.amount.formatted}: {PAYMENT_STATUS_TEXT[order.payment.status]}
              {order.payment.status === 'FAILED' ? <> — {declineText(order.payment.failureCode)}</> : null}
            </p>
          ) : (
            <p>No payment yet.</p>
          )}
        </section>
      </div>
      <section aria-labelledby="order-history">
        <h2 id="order-history">History</h2>
        <ol className="account-history">
          {order.statusHistory.map((step) => (
            <li key={`${step.status}-${step.at}`}>
              <time dateTime={step.at}>{formatDateTime(step.at)}</time> {ORDER_STATUS_TEXT[step.status]} <span className="account-hint">({step.reason})</span>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
