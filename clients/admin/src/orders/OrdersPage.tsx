import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery, useSubscription } from 'urql';
import { ErrorNotice, Loading } from '../ui/ErrorNotice';
import { formatTime, humanize } from '../ui/format';
import { OrdersTable } from './OrdersTable';
import { mergeFeed, withEvent, type FeedEvent } from './order-feed';
import { AdminOrderFeedSubscription, AdminOrderListQuery, ORDER_STATUSES } from './order.operations';

/**
 * Every order, newest first, kept current by the live feed (`orderStatusChanges`): a new order appears and a
 * status moves without a reload. The feed itself is listed beside the table.
 */
export function OrdersPage() {
  const [status, setStatus] = useState<string>('');
  const [first, setFirst] = useState(50);
  const [{ data, error, fetching }] = useQuery({
    query: AdminOrderListQuery,
    variables: { first, filter: status ? { status: status as (typeof ORDER_STATUSES)[number] } : {} },
  });
  const [feed] = useSubscription({ query: AdminOrderFeedSubscription }, (previous: FeedEvent[] = [], event) => withEvent(previous, event.orderStatusChanges));
  const events = feed.data ?? [];
  const orders = mergeFeed(data?.orders.edges.map((edge) => edge.node) ?? [], events, status || null);

  return (
    <section aria-labelledby="orders-title">
      <div className="page-head">
        <h1 id="orders-title">Orders</h1>
        <LiveIndicator connected={!feed.error} />
      </div>
      <ErrorNotice error={feed.error} action="The live feed" />
      <form className="toolbar" onSubmit={(event) => event.preventDefault()}>
        <label>
          Status
          <select value={status} onChange={(event) => setStatus(event.target.value)}>
            <option value="">Every status</option>
            {ORDER_STATUSES.map((value) => (
              <option key={value} value={value}>
                {humanize(value)}
              </option>
            ))}
          </select>
        </label>
      </form>
      <div className="orders-layout">
        <div>
          <ErrorNotice error={error} action="Loading orders" />
          {fetching && !data && <Loading what="orders" />}
          {data && <OrdersTable orders={orders} label="Orders" withEmail empty={`No orders${status ? ` with status ${humanize(status)}` : ''} yet.`} />}
          {data?.orders.pageInfo.hasNextPage && first < 100 && (
            <button type="button" onClick={() => setFirst(100)}>
              Show more orders ({data.orders.totalCount} in all)
            </button>
          )}
        </div>
        <section aria-labelledby="feed-title" className="card feed">
          <h2 id="feed-title">Live feed</h2>
          {events.length === 0 ? (
            <p className="muted">Status changes appear here as they happen.</p>
          ) : (
            <ol aria-label="Live order events" aria-live="polite">
              {events.map((event) => (
                <li key={`${event.order.id}-${event.status}-${event.at}`}>
                  <time dateTime={event.at}>{formatTime(event.at)}</time> <Link to={`/orders/${event.order.id}`}>{event.order.number}</Link>{' '}
                  {event.previousStatus ? `${humanize(event.previousStatus)} → ` : ''}
                  <strong>{humanize(event.status)}</strong>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
    </section>
  );
}

function LiveIndicator({ connected }: { connected: boolean }) {
  return (
    <span className={connected ? 'badge badge-live' : 'badge badge-muted'} role="status">
      {connected ? 'Live' : 'Not live'}
    </span>
  );
}
