import { useState } from 'react';
import { useMutation } from 'urql';
import type { AdminReviewFieldsFragment } from '../gql/graphql';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Field } from '../ui/Field';
import { formatDateTime } from '../ui/format';
import { AdminModerateReviewMutation } from './review.operations';
import { ActionsHeader } from '../ui/bits';

type Review = AdminReviewFieldsFragment;

/** Reviews with their moderation: hide (with a reason the author sees) or show again. */
export function ReviewTable({
  reviews,
  label,
  onModerated,
  showProduct = false,
}: {
  reviews: ReadonlyArray<Review>;
  label: string;
  onModerated: (review: Review) => void;
  showProduct?: boolean;
}) {
  const [state, moderate] = useMutation(AdminModerateReviewMutation);
  const [target, setTarget] = useState<Review | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();

  async function confirm() {
    if (!target) return;
    const hiding = !target.hidden;
    if (hiding && !reason.trim()) return setReasonError('Say why: the author sees this reason.');
    const result = await moderate({ id: target.id, hidden: hiding, ...(hiding ? { reason: reason.trim() } : {}) });
    if (result.data) {
      onModerated(result.data.moderateReview);
      setTarget(null);
    }
  }

  if (reviews.length === 0) return <p>No reviews.</p>;
  return (
    <>
      <ErrorNotice error={state.error} action="Moderating the review" />
      <div className="table-wrap">
        <table aria-label={label}>
          <thead>
            <tr>
              <th scope="col">Review</th>
              {showProduct && <th scope="col">Product</th>}
              <th scope="col">Author</th>
              <th scope="col">Written</th>
              <th scope="col">Visibility</th>
              <ActionsHeader />
            </tr>
          </thead>
          <tbody>
            {reviews.map((review) => (
              <tr key={review.id}>
                <th scope="row" className="review-cell">
                  <span aria-label={`${review.rating} of 5 stars`}>{'★'.repeat(review.rating) + '☆'.repeat(5 - review.rating)}</span> {review.title}
                  <p className="small">{review.body}</p>
                </th>
                {showProduct && <td>{review.product.name}</td>}
                <td>
                  {review.author.name}
                  {review.verifiedPurchase && <span className="badge badge-ok">Verified</span>}
                </td>
                <td>{formatDateTime(review.createdAt)}</td>
                <td>{review.hidden ? `Hidden: ${review.hiddenReason ?? 'no reason given'}` : 'Visible'}</td>
                <td>
                  <button
                    type="button"
                    onClick={() => {
                      setTarget(review);
                      setReason('');
                      setReasonError(undefined);
                    }}
                  >
                    {review.hidden ? 'Show' : 'Hide'}
                    <span className="visually-hidden"> review “{review.title}”</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ConfirmDialog
        open={target !== null}
        title={target?.hidden ? 'Show this review again?' : 'Hide this review?'}
        confirmLabel={target?.hidden ? 'Show review' : 'Hide review'}
        danger={!target?.hidden}
        busy={state.fetching}
        onCancel={() => setTarget(null)}
        onConfirm={() => void confirm()}
      >
        <p>
          “{target?.title}” by {target?.author.name}.
        </p>
        {target && !target.hidden && (
          <Field label="Reason (the author sees it)" error={reasonError}>
            <textarea value={reason} onChange={(event) => setReason(event.target.value)} maxLength={500} rows={3} />
          </Field>
        )}
      </ConfirmDialog>
    </>
  );
}
