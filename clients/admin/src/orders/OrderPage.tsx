import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery, useSubscription } from 'urql';
import { NotFound } from '../ui/bits';
import { ErrorNotice, Loading } from '../ui/ErrorNotice';
import { formatDateTime, humanize } from '../ui/format';
import { OrderActions } from './OrderActions';
import { StatusBadge } from './StatusBadge';
import { AdminOrderChangedSubscription, AdminOrderQuery } from './order.operations';

/** One order: lines, totals, address, payment, its history, and what staff can do with it now. */
export function OrderPage() {
  const { id = '' } = useParams();
  const [{ data, error, fetching }, reread] = useQuery({ query: AdminOrderQuery, variables: { id } });
  // A change made elsewhere (the customer pays, the saga cancels) reads the order again.
  useSubscription({ query: AdminOrderChangedSubscription, variables: { orderId: id } }, (_previous, event) => {
    reread({ requestPolicy: 'network-only' });
    return event;
  });
  const [lastAction, setLastAction] = useState<string | null>(null);

  if (error) return <ErrorNotice error={error} action="Loading the order" />;
  if (fetching && !data) return <Loading what="the order" />;
  const order = data?.order;
  if (!order) {
    return <NotFound what="Order" back="/orders" backLabel="Back to orders" />;
  }
  const address = order.shippingAddress;
  return (
    <section aria-labelledby="order-title">
      <p className="breadcrumb">
        <Link to="/orders">Orders</Link> › {order.number}
      </p>
      <div className="page-head">
        <h1 id="order-title">Order {order.number}</h1>
        <span aria-label={`Status: ${humanize(order.status)}`} data-testid="order-status">
          <StatusBadge status={order.status} />
        </span>
      </div>
      <p className="meta">
        Placed {formatDateTime(order.placedAt)} by {order.customer.name} ({order.customer.email})
        {order.cancellationReason ? ` · cancelled: ${order.cancellationReason}` : ''}
      </p>
      <OrderActions order={order} onDone={setLastAction} />
      {lastAction && (
        <p role="status" className="notice notice-ok">
          {lastAction}
        </p>
      )}
      <div className="columns">
        <section aria-labelledby="items-title" className="card">
          <h2 id="items-title">Items</h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Product</th>
                  <th scope="col" className="num">Qty</th>
                  <th scope="col" className="num">Unit price</th>
                  <th scope="col" className="num">Line total</th>
                </tr>
              </thead>
              <tbody>
                {order.items.map((item) => (
                  <tr key={item.id}>
                    <th scope="row">
                      <Link to={`/products/${item.product.id}`}>{item.name}</Link>
                      <br />
                      <code className="muted small">{item.sku}</code>
                    </th>
                    <td className="num">{item.quantity}</td>
                    <td className="num">{item.unitPrice.formatted}</td>
                    <td className="num">{item.lineTotal.formatted}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={3}>Subtotal</th>
                  <td className="num">{order.subtotal.formatted}</td>
                </tr>
                <tr>
                  <th scope="row" colSpan={3}>Shipping</th>
                  <td className="num">{order.shipping.formatted}</td>
                </tr>
                <tr>
                  <th scope="row" colSpan={3}>Tax</th>
                  <td className="num">{order.tax.formatted}</td>
                </tr>
                <tr>
                  <th scope="row" colSpan={3}>Total</th>
                  <td className="num">
                    <strong>{order.total.formatted}</strong>
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
        </section>
        <div>
          <section aria-labelledby="payment-title" className="card">
            <h2 id="payment-title">Payment</h2>
            {order.payment ? (
              <dl className="facts">
                <dt>Status</dt>
                <dd>
                  <StatusBadge status={order.payment.status} />
                  {order.payment.failureCode ? ` (${order.payment.failureCode})` : ''}
                </dd>
                <dt>Amount</dt>
                <dd>{order.payment.amount.formatted}</dd>
                <dt>Provider</dt>
                <dd>{order.payment.provider}</dd>
                <dt>Attempts</dt>
                <dd>{order.payment.attempts}</dd>
              </dl>
            ) : (
              <p>No payment yet{order.paymentDueAt ? `; due by ${formatDateTime(order.paymentDueAt)}` : ''}.</p>
            )}
          </section>
          <section aria-labelledby="ship-title" className="card">
            <h2 id="ship-title">Ship to</h2>
            <address>
              {address.fullName}
              <br />
              {address.line1}
              {address.line2 ? (
                <>
                  <br />
                  {address.line2}
                </>
              ) : null}
              <br />
              {address.postalCode} {address.city}
              {address.region ? `, ${address.region}` : ''}
              <br />
              {address.country}
              {address.phone ? (
                <>
                  <br />
                  {address.phone}
                </>
              ) : null}
            </address>
          </section>
        </div>
      </div>
      <section aria-labelledby="history-title" className="card">
        <h2 id="history-title">History</h2>
        <ol className="history">
          {order.statusHistory.map((change) => (
            <li key={`${change.status}-${change.at}`}>
              <time dateTime={change.at}>{formatDateTime(change.at)}</time> — {change.from ? `${humanize(change.from)} → ` : ''}
              <strong>{humanize(change.status)}</strong> <span className="muted">({change.reason})</span>
            </li>
          ))}
        </ol>
      </section>
    </section>
  );
}
