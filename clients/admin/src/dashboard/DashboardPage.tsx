import { useState } from 'react';
import { Link } from 'react-router';
import { useSubscription } from 'urql';
import { AdminOrderFeedSubscription, AdminOrderListQuery } from '../orders/order.operations';
import { OrdersTable } from '../orders/OrdersTable';
import { ErrorNotice, Loading } from '../ui/ErrorNotice';
import { formatMoney } from '../ui/format';
import { useDebouncedValue } from '@techally/app-kit';
import { AdminStockQuery } from '../stock/stock.operations';
import { lowStock, startOfToday, todayFigures } from './dashboard-figures';
import { usePagedScan } from './usePagedScan';

const DEFAULT_THRESHOLD = 5;
const RECENT = 8;

/** Today's orders and revenue, what is running low, and the latest orders; kept current by the live feed. */
export function DashboardPage() {
  const [threshold, setThreshold] = useState(DEFAULT_THRESHOLD);
  const [generation, setGeneration] = useState(0);
  // Every order status change re-reads today's orders (a sale, a payment, a cancellation moves the figures).
  useSubscription({ query: AdminOrderFeedSubscription }, (_previous, event) => {
    setGeneration((n) => n + 1);
    return event;
  });
  // A burst of events (a busy minute) reads the orders once, after it.
  const scan = useDebouncedValue(generation, 500);
  const since = startOfToday();
  const orders = usePagedScan(
    AdminOrderListQuery,
    (data) => ({ nodes: data.orders.edges.map((e) => e.node), ...data.orders.pageInfo }),
    // Newest first: once a page reaches yesterday, the rest is older still.
    { pageSize: 100, maxPages: 20, enough: (nodes) => nodes.length > 0 && Date.parse(nodes[nodes.length - 1]!.placedAt) < since.getTime(), generation: scan },
  );
  const stock = usePagedScan(
    AdminStockQuery,
    (data) => ({ nodes: data.products.edges.map((e) => e.node), ...data.products.pageInfo }),
    { pageSize: 50, maxPages: 20, enough: () => false, generation: 0 },
  );
  const today = todayFigures(orders.nodes, since);
  const low = lowStock(stock.nodes, threshold);

  return (
    <section aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">Dashboard</h1>
      <ErrorNotice error={orders.error} action="Loading today's orders" />
      <div className="tiles">
        <Tile label="Orders today" value={orders.fetching && orders.nodes.length === 0 ? '…' : String(today.orders)} />
        <Tile
          label="Revenue today"
          value={orders.fetching && orders.nodes.length === 0 ? '…' : today.revenue.map((r) => formatMoney(r.amount, r.currency)).join(' + ') || formatMoney(0, 'USD')}
          note="Paid and fulfilled orders"
        />
        <Tile label="To fulfil (placed today)" value={String(today.awaitingFulfilment)} />
        <Tile label="Low stock" value={stock.fetching ? '…' : String(low.length)} note={`Below ${threshold} available`} />
      </div>
      <div className="columns">
        <section aria-labelledby="recent-title" className="card">
          <h2 id="recent-title">Recent orders</h2>
          {orders.fetching && orders.nodes.length === 0 && <Loading what="orders" />}
          {(orders.nodes.length > 0 || (!orders.fetching && !orders.error)) && (
            <OrdersTable orders={orders.nodes.slice(0, RECENT)} label="Recent orders" empty="No orders yet." />
          )}
          <p>
            <Link to="/orders">All orders, live</Link>
          </p>
        </section>
        <section aria-labelledby="low-title" className="card">
          <h2 id="low-title">Low stock</h2>
          <form className="toolbar" onSubmit={(event) => event.preventDefault()}>
            <label>
              Fewer than (units available)
              <input type="number" min={1} max={1000} value={threshold} onChange={(event) => setThreshold(Math.max(1, Number(event.target.value) || 1))} />
            </label>
          </form>
          <ErrorNotice error={stock.error} action="Loading the stock" />
          {stock.fetching && <Loading what="stock" />}
          {!stock.fetching && !stock.error && low.length === 0 && <p>Nothing below {threshold} units in any warehouse.</p>}
          {low.length > 0 && (
            <div className="table-wrap scroll-y">
              <table aria-label="Low stock">
                <thead>
                  <tr>
                    <th scope="col">Product</th>
                    <th scope="col">Warehouse</th>
                    <th scope="col" className="num">Available</th>
                    <th scope="col" className="num">On hand</th>
                  </tr>
                </thead>
                <tbody>
                  {low.map((row) => (
                    <tr key={`${row.productId}-${row.warehouseCode}`}>
                      <th scope="row">
                        <Link to={`/products/${row.productId}`}>{row.name}</Link>
                      </th>
                      <td>{row.warehouseCode}</td>
                      <td className={row.available === 0 ? 'num warn' : 'num'}>{row.available}</td>
                      <td className="num">{row.onHand}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {!stock.fetching && !stock.complete && !stock.error && <p className="muted small">Only the first {stock.nodes.length} products were scanned.</p>}
        </section>
      </div>
    </section>
  );
}

function Tile({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="tile">
      <p className="tile-label">{label}</p>
      <p className="tile-value">{value}</p>
      {note && <p className="tile-note">{note}</p>}
    </div>
  );
}
