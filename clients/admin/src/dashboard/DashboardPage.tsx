import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useClient, useQuery, useSubscription } from 'urql';
import { useDebouncedValue } from '@techally/app-kit';
import { AdminOrderFeedSubscription, AdminOrderListQuery } from '../orders/order.operations';
import { OrdersTable } from '../orders/OrdersTable';
import { ErrorNotice, Loading } from '../ui/ErrorNotice';
import { formatMoney } from '../ui/format';
import { dailySeries, formatConversion, lastDays, mainCurrency } from './dashboard-figures';
import { SalesChart, type ChartMetric } from './SalesChart';
import { AdminSalesDashboardQuery, AdminSalesReportCsvQuery } from './sales.operations';
import { useCsvDownload } from './useCsvDownload';

const DEFAULT_THRESHOLD = 5;
const RECENT = 8;

/**
 * Today's orders, revenue and conversion, the last 14 or 30 days as a chart, and what is running low — all from
 * the analytics read model (UTC days) — with the latest orders; re-read after every live order event.
 */
export function DashboardPage() {
  const [threshold, setThreshold] = useState(DEFAULT_THRESHOLD);
  const [span, setSpan] = useState<14 | 30>(14);
  const [metric, setMetric] = useState<ChartMetric>('revenue');
  const [generation, setGeneration] = useState(0);
  // Every order status change re-reads the figures (a sale, a payment, a cancellation moves them).
  useSubscription({ query: AdminOrderFeedSubscription }, (_previous, event) => {
    setGeneration((n) => n + 1);
    return event;
  });
  // A burst of events (a busy minute) reads once, after it; the read model has applied them by then, as a rule.
  const refresh = useDebouncedValue(generation, 500);
  const days = lastDays(span);
  const today = days[days.length - 1]!;
  const [sales, reexecuteSales] = useQuery({
    query: AdminSalesDashboardQuery,
    variables: { from: days[0]!, to: today, threshold },
    requestPolicy: 'cache-and-network',
  });
  const [recent, reexecuteRecent] = useQuery({ query: AdminOrderListQuery, variables: { first: RECENT }, requestPolicy: 'cache-and-network' });
  useEffect(() => {
    if (refresh === 0) return;
    reexecuteSales({ requestPolicy: 'network-only' });
    reexecuteRecent({ requestPolicy: 'network-only' });
  }, [refresh, reexecuteSales, reexecuteRecent]);

  const rows = sales.data?.salesReport.rows ?? [];
  const currency = mainCurrency(rows);
  const series = dailySeries(rows, days, currency);
  const todays = series[series.length - 1]!;
  const low = sales.data?.lowStock ?? [];
  const pending = sales.fetching && !sales.data;
  const csv = useCsvDownload(useClient(), AdminSalesReportCsvQuery, { from: days[0]!, to: today }, `sales-${days[0]}-to-${today}.csv`);

  return (
    <section aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">Dashboard</h1>
      <ErrorNotice error={sales.error} action="Loading the sales figures" />
      <div className="tiles">
        <Tile label="Orders today" value={pending ? '…' : String(todays.orders)} note="Placed, UTC day" />
        <Tile label="Revenue today" value={pending ? '…' : formatMoney(todays.revenue, currency)} note="Paid today" />
        <Tile label="Conversion today" value={pending ? '…' : formatConversion(todays.conversion)} note="Placed → paid" />
        <Tile label="Low stock" value={pending ? '…' : String(low.length)} note={`${threshold} or fewer available`} />
      </div>
      <section aria-labelledby="chart-title" className="card">
        <h2 id="chart-title">Sales, last {span} days</h2>
        <div className="chart-controls">
          <fieldset className="segmented">
            <legend>Show</legend>
            <label>
              <input type="radio" name="metric" checked={metric === 'revenue'} onChange={() => setMetric('revenue')} /> Revenue
            </label>
            <label>
              <input type="radio" name="metric" checked={metric === 'orders'} onChange={() => setMetric('orders')} /> Orders
            </label>
          </fieldset>
          <fieldset className="segmented">
            <legend>Days</legend>
            {([14, 30] as const).map((n) => (
              <label key={n}>
                <input type="radio" name="span" checked={span === n} onChange={() => setSpan(n)} /> {n}
              </label>
            ))}
          </fieldset>
          <button type="button" onClick={() => void csv.download()} disabled={csv.busy}>
            {csv.busy ? 'Preparing CSV…' : 'Download CSV'}
          </button>
        </div>
        <ErrorNotice error={csv.error} action="Exporting the CSV" />
        {pending ? <Loading what="sales figures" /> : <SalesChart series={series} metric={metric} currency={currency} />}
      </section>
      <div className="columns">
        <section aria-labelledby="recent-title" className="card">
          <h2 id="recent-title">Recent orders</h2>
          <ErrorNotice error={recent.error} action="Loading the recent orders" />
          {recent.fetching && !recent.data && <Loading what="orders" />}
          {recent.data && <OrdersTable orders={recent.data.orders.edges.map((edge) => edge.node)} label="Recent orders" empty="No orders yet." />}
          <p>
            <Link to="/orders">All orders, live</Link>
          </p>
        </section>
        <section aria-labelledby="low-title" className="card">
          <h2 id="low-title">Low stock</h2>
          <form className="toolbar" onSubmit={(event) => event.preventDefault()}>
            <label>
              At most (units available)
              <input type="number" min={0} max={1000} value={threshold} onChange={(event) => setThreshold(Math.min(1000, Math.max(0, Number(event.target.value) || 0)))} />
            </label>
          </form>
          {pending && <Loading what="stock" />}
          {!pending && !sales.error && low.length === 0 && <p>No product has {threshold} or fewer units available.</p>}
          {low.length > 0 && (
            <div className="table-wrap scroll-y">
              <table aria-label="Low stock">
                <thead>
                  <tr>
                    <th scope="col">Product</th>
                    <th scope="col">Warehouses</th>
                    <th scope="col" className="num">Available</th>
                    <th scope="col" className="num">On hand</th>
                  </tr>
                </thead>
                <tbody>
                  {low.map((row) => (
                    <tr key={row.product.id}>
                      <th scope="row">
                        <Link to={`/products/${row.product.id}`}>{row.product.name}</Link>
                      </th>
                      <td>{row.warehouses.map((w) => `${w.warehouseCode}: ${w.available}`).join(', ')}</td>
                      <td className={row.available === 0 ? 'num warn' : 'num'}>{row.available}</td>
                      <td className="num">{row.onHand}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
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
