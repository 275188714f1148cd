import { Link } from 'react-router';
import { formatDateTime } from '../ui/format';
import type { OrderRow } from './order-feed';
import { StatusBadge } from './StatusBadge';

/** Orders as rows: number (to the order's page), customer, when, total, status. */
export function OrdersTable({ orders, label, empty, withEmail = false }: { orders: ReadonlyArray<OrderRow>; label: string; empty: string; withEmail?: boolean }) {
  return (
    <div className="table-wrap">
      <table aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Order</th>
            <th scope="col">Customer</th>
            <th scope="col">Placed</th>
            <th scope="col" className="num">
              Total
            </th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr key={order.id}>
              <th scope="row" className="nowrap">
                <Link to={`/orders/${order.id}`}>{order.number}</Link>
              </th>
              <td>
                {order.customer.name}
                {withEmail && (
                  <>
                    <br />
                    <span className="muted small">{order.customer.email}</span>
                  </>
                )}
              </td>
              <td>{formatDateTime(order.placedAt)}</td>
              <td className="num">{order.total.formatted}</td>
              <td>
                <StatusBadge status={order.status} />
              </td>
            </tr>
          ))}
          {orders.length === 0 && (
            <tr>
              <td colSpan={5}>{empty}</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
