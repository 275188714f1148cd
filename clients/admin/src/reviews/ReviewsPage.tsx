import { useState } from 'react';
import { useQuery } from 'urql';
import type { AdminReviewFieldsFragment } from '../gql/graphql';
import { AdminProductListQuery } from '../products/product.operations';
import { ErrorNotice, Loading } from '../ui/ErrorNotice';
import { useDebouncedValue } from '@techally/app-kit';
import { AdminCustomerReviewsQuery, AdminCustomersQuery, AdminProductReviewsQuery } from './review.operations';
import { ReviewTable } from './ReviewTable';

/**
 * Review moderation. A product shows its visible reviews (hidden ones leave its page, for everyone); a customer's
 * reviews include the hidden ones, so a hidden review is found, and shown again, there. Reviews hidden in this
 * visit stay listed below either way.
 */
export function ReviewsPage() {
  const [by, setBy] = useState<'product' | 'customer'>('product');
  const [moderated, setModerated] = useState<AdminReviewFieldsFragment[]>([]);
  const remember = (review: AdminReviewFieldsFragment) => setModerated((list) => [review, ...list.filter((r) => r.id !== review.id)]);
  return (
    <section aria-labelledby="reviews-title">
      <h1 id="reviews-title">Reviews</h1>
      <fieldset className="toolbar segmented">
        <legend>Find reviews</legend>
        <label>
          <input type="radio" name="by" checked={by === 'product'} onChange={() => setBy('product')} /> By product
        </label>
        <label>
          <input type="radio" name="by" checked={by === 'customer'} onChange={() => setBy('customer')} /> By customer (hidden ones too)
        </label>
      </fieldset>
      {by === 'product' ? <ByProduct onModerated={remember} /> : <ByCustomer onModerated={remember} />}
      {moderated.length > 0 && (
        <section aria-labelledby="moderated-title" className="card">
          <h2 id="moderated-title">Moderated in this visit</h2>
          <ReviewTable reviews={moderated} label="Moderated reviews" onModerated={remember} />
        </section>
      )}
    </section>
  );
}

function ByProduct({ onModerated }: { onModerated: (review: AdminReviewFieldsFragment) => void }) {
  const [search, setSearch] = useState('');
  const [productId, setProductId] = useState('');
  const term = useDebouncedValue(search.trim(), 250);
  const [products] = useQuery({ query: AdminProductListQuery, variables: { first: 20, filter: term ? { search: term } : {} } });
  const [reviews] = useQuery({ query: AdminProductReviewsQuery, variables: { id: productId }, pause: !productId });
  const product = reviews.data?.product;
  return (
    <>
      <form className="toolbar" role="search" onSubmit={(event) => event.preventDefault()}>
        <label>
          Search products
          <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
        </label>
        <label>
          Product
          <select value={productId} onChange={(event) => setProductId(event.target.value)}>
            <option value="">Choose a product</option>
            {products.data?.products.edges.map(({ node }) => (
              <option key={node.id} value={node.id}>
                {node.name}
              </option>
            ))}
          </select>
        </label>
      </form>
      <ErrorNotice error={products.error ?? reviews.error} action="Loading reviews" />
      {reviews.fetching && !product && <Loading what="reviews" />}
      {product && (
        <section aria-labelledby="product-reviews-title" className="card">
          <h2 id="product-reviews-title">
            {product.name}: {product.reviews.totalCount} visible reviews
            {product.rating.average !== null ? `, rated ${product.rating.average.toFixed(1)} of 5` : ''}
          </h2>
          <ReviewTable reviews={product.reviews.edges.map((edge) => edge.node)} label={`Reviews of ${product.name}`} onModerated={onModerated} />
        </section>
      )}
    </>
  );
}

function ByCustomer({ onModerated }: { onModerated: (review: AdminReviewFieldsFragment) => void }) {
  const [userId, setUserId] = useState('');
  const [users] = useQuery({ query: AdminCustomersQuery, variables: { first: 100 } });
  const [reviews] = useQuery({ query: AdminCustomerReviewsQuery, variables: { id: userId }, pause: !userId });
  const user = reviews.data?.user;
  return (
    <>
      <form className="toolbar" onSubmit={(event) => event.preventDefault()}>
        <label>
          Customer
          <select value={userId} onChange={(event) => setUserId(event.target.value)}>
            <option value="">Choose a customer</option>
            {users.data?.users.edges
              .filter(({ node }) => !node.roles.includes('ADMIN'))
              .map(({ node }) => (
                <option key={node.id} value={node.id}>
                  {node.name} ({node.email})
                </option>
              ))}
          </select>
        </label>
      </form>
      <ErrorNotice error={users.error ?? reviews.error} action="Loading reviews" />
      {reviews.fetching && !user && <Loading what="reviews" />}
      {user && (
        <section aria-labelledby="customer-reviews-title" className="card">
          <h2 id="customer-reviews-title">
            {user.name}: {user.reviews.totalCount} reviews
          </h2>
          <ReviewTable reviews={user.reviews.edges.map((edge) => edge.node)} label={`Reviews by ${user.name}`} onModerated={onModerated} showProduct />
        </section>
      )}
    </>
  );
}
