import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { LoadError, Loading } from './QueryStatus';
import { Stars } from './StarRating';

const REVIEWS_PAGE = 5;

const StorefrontProductReviewsQuery = graphql(`
  query StorefrontProductReviews($id: ID!, $first: Int!, $after: String) {
    product(id: $id) {
      id
      reviews(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            rating
            title
            body
            createdAt
            verifiedPurchase
            author {
              id
              name
            }
          }
        }
      }
    }
  }
`);

const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' });

/** A product's visible reviews, newest first, five at a time ("More reviews" loads the next five below). */
export function ReviewList({ productId }: { productId: string }) {
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  return (
    <section aria-labelledby="reviews-heading" className="reviews">
      <h2 id="reviews-heading">Reviews</h2>
      {cursors.map((after, index) => (
        <ReviewPage key={after ?? 'first'} productId={productId} after={after} last={index === cursors.length - 1} onMore={(cursor) => setCursors([...cursors, cursor])} />
      ))}
    </section>
  );
}

function ReviewPage({ productId, after, last, onMore }: { productId: string; after: string | null; last: boolean; onMore(cursor: string): void }) {
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: StorefrontProductReviewsQuery,
    variables: { id: productId, first: REVIEWS_PAGE, after },
    requestPolicy: 'cache-and-network',
  });
  if (error) return <LoadError what="the reviews" error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!data) return fetching ? <Loading what="the reviews" /> : null;
  const reviews = data.product?.reviews;
  if (!reviews || (after === null && reviews.totalCount === 0)) return <p className="status">No reviews yet.</p>;
  return (
    <>
      <ol className="review-list" aria-label={after === null ? `Reviews, ${reviews.totalCount} in all` : 'More reviews'}>
        {reviews.edges.map(({ node }) => (
          <li key={node.id} className="review">
            <article aria-label={node.title}>
              <p className="review-stars" role="img" aria-label={`${node.rating} out of 5 stars`}>
                <Stars value={node.rating} />
              </p>
              <h3>{node.title}</h3>
              <p className="review-meta">
                {node.author.name} · <time dateTime={node.createdAt}>{dateFormat.format(new Date(node.createdAt))}</time>
                {node.verifiedPurchase && <span className="verified"> · Verified purchase</span>}
              </p>
              <p className="review-body">{node.body}</p>
            </article>
          </li>
        ))}
      </ol>
      {last && reviews.pageInfo.hasNextPage && reviews.pageInfo.endCursor && (
        <button type="button" className="button" onClick={() => onMore(reviews.pageInfo.endCursor!)}>
          More reviews
        </button>
      )}
    </>
  );
}
