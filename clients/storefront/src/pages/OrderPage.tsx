import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphErrorOf } from '@techally/app-kit';
import { FormAlert, Status } from '../account/form-fields';
import { newest, useLiveOrder } from '../account/live-order';
import { OrderFacts, OrderLines, OrderStatusLine } from '../account/order-details';
import { formatDateTime } from '../account/order-status';
import { StorefrontCancelOrderMutation, StorefrontMyReviewsQuery, StorefrontOrderQuery } from '../account/order-operations';
import { PageHeading } from '../account/page-heading';
import { RequireSignIn } from '../account/require-sign-in';
import { ReviewForm } from '../account/review-form';
import '../account/account.css';

const REVIEWABLE = new Set(['PAID', 'FULFILLED']);

/** One of the shopper's orders, its status moving live (orderStatusChanged) without a reload. */
export function OrderPage() {
  const { id = '' } = useParams();
  return (
    <RequireSignIn>
      <Order key={id} id={id} />
    </RequireSignIn>
  );
}

function Order({ id }: { id: string }) {
  const [{ data, fetching, error }] = useQuery({ query: StorefrontOrderQuery, variables: { id }, requestPolicy: 'cache-and-network' });
  const live = useLiveOrder(id);
  const [, cancelOrder] = useMutation(StorefrontCancelOrderMutation);
  const [cancelFailure, setCancelFailure] = useState<string | null>(null);
  const order = newest(data?.order, live);
  const failure = error ? graphErrorOf(error) : null;

  if (!order) {
    if (fetching) {
      return (
        <section className="account-page">
          <PageHeading title="Order">Order</PageHeading>
          <Status>Loading the order…</Status>
        </section>
      );
    }
    const notFound = !failure || failure.code === 'NOT_FOUND';
    return (
      <section className="account-page">
        <PageHeading title={notFound ? 'Order not found' : 'Order'}>{notFound ? 'Order not found' : 'Order'}</PageHeading>
        {notFound ? <p>There is no order of yours with this number. It may belong to another account.</p> : <FormAlert>The order could not be loaded: {failure.message}</FormAlert>}
        <p>
          <Link to="/orders">Your orders</Link>
        </p>
      </section>
    );
  }

  async function cancel() {
    const result = await cancelOrder({ id });
    setCancelFailure(result.error ? `The order was not cancelled: ${graphErrorOf(result.error).message}` : null);
  }

  return (
    <section className="account-page">
      <PageHeading title={`Order ${order.number}`}>Order {order.number}</PageHeading>
      <p className="account-hint">
        Placed {formatDateTime(order.placedAt)} · <Link to="/orders">Your orders</Link>
      </p>
      <OrderStatusLine order={order} />
      <FormAlert>{cancelFailure}</FormAlert>
      {order.status === 'PENDING' || order.status === 'AWAITING_PAYMENT' ? (
        <button type="button" className="account-secondary" onClick={() => void cancel()}>
          Cancel this order
        </button>
      ) : null}
      <section aria-labelledby="order-items">
        <h2 id="order-items">Items</h2>
        <OrderLines order={order} />
      </section>
      <OrderFacts order={order} />
      {REVIEWABLE.has(order.status) ? <Reviews order={order} /> : null}
    </section>
  );
}

/** A review form for each product of a paid order (or the review already written). */
function Reviews({ order }: { order: NonNullable<ReturnType<typeof newest>> }) {
  const [{ data }, refetch] = useQuery({ query: StorefrontMyReviewsQuery });
  const written = new Map((data?.me?.reviews.edges ?? []).map(({ node }) => [node.product.id, node]));
  const products = [...new Map(order.items.map((item) => [item.product.id, item])).values()];
  return (
    <section aria-labelledby="order-reviews">
      <h2 id="order-reviews">Review what you bought</h2>
      <ul className="account-cards">
        {products.map((item) => (
          <li key={item.product.id} className="account-card">
            <h3>{item.name}</h3>
            <ReviewForm productId={item.product.id} productName={item.name} existing={written.get(item.product.id)} onReviewed={() => refetch({ requestPolicy: 'network-only' })} />
          </li>
        ))}
      </ul>
    </section>
  );
}
