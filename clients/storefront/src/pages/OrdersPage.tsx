import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphErrorOf } from '@techally/app-kit';
import { FormAlert, Status } from '../account/form-fields';
import { StorefrontMyOrdersQuery } from '../account/order-operations';
import { formatDateTime, ORDER_STATUS_TEXT } from '../account/order-status';
import { PageHeading } from '../account/page-heading';
import { RequireSignIn } from '../account/require-sign-in';
import '../account/account.css';

const PAGE_SIZE = 10;

/** The signed-in shopper's orders, newest first, a page at a time ("Show more" appends the next). */
export function OrdersPage() {
  return (
    <RequireSignIn>
      <section className="account-page">
        <PageHeading title="Your orders">Your orders</PageHeading>
        <Orders />
      </section>
    </RequireSignIn>
  );
}

interface PageState {
  readonly fetching: boolean;
  readonly error: string | null;
  readonly totalCount: number | null;
  readonly nextCursor: string | null;
}

function Orders() {
  // One cursor per page shown: null for the first, then each page's endCursor.
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const [last, setLast] = useState<PageState>({ fetching: true, error: null, totalCount: null, nextCursor: null });
  return (
    <>
      <ol className="account-orders" aria-label="Orders">
        {cursors.map((after, index) => (
          <OrdersChunk key={after ?? 'first'} after={after} onState={index === cursors.length - 1 ? setLast : undefined} />
        ))}
      </ol>
      {last.fetching ? <Status>Loading your orders…</Status> : null}
      {last.error ? <FormAlert>Your orders could not be loaded: {last.error}</FormAlert> : null}
      {last.totalCount === 0 ? (
        <p>
          You have no orders yet. <Link to="/">Browse the shop</Link>
        </p>
      ) : null}
      {last.nextCursor ? (
        <button type="button" onClick={() => setCursors((all) => [...all, last.nextCursor])}>
          Show more orders
        </button>
      ) : last.totalCount ? (
        <p className="account-hint">All {last.totalCount} orders shown.</p>
      ) : null}
    </>
  );
}

/** One page of orders; the last page reports how it went (loading, failed, whether more follow). */
function OrdersChunk({ after, onState }: { after: string | null; onState: ((state: PageState) => void) | undefined }) {
  const [{ data, fetching, error }] = useQuery({ query: StorefrontMyOrdersQuery, variables: { first: PAGE_SIZE, after }, requestPolicy: 'cache-and-network' });
  const orders = data?.me?.orders;
  const errorText = error ? graphErrorOf(error).message : null;
  const nextCursor = orders?.pageInfo.hasNextPage ? (orders.pageInfo.endCursor ?? null) : null;
  const totalCount = orders?.totalCount ?? null;
  useEffect(() => {
    onState?.({ fetching: fetching && !data, error: errorText, totalCount, nextCursor });
  }, [onState, fetching, data, errorText, totalCount, nextCursor]);
  return (
    <>
      {orders?.edges.map(({ node }) => (
        <li key={node.id} className="account-card account-order-row">
          <Link to={`/orders/${node.id}`}>Order {node.number}</Link>
          <span>{formatDateTime(node.placedAt)}</span>
          <span>
            {node.items.reduce((sum, item) => sum + item.quantity, 0)} item(s) · {node.total.formatted}
          </span>
          <span className={`account-status-${node.status.toLowerCase()}`}>{ORDER_STATUS_TEXT[node.status]}</span>
        </li>
      ))}
    </>
  );
}
