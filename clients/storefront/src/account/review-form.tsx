import { useId, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphErrorOf } from '@techally/app-kit';
import { useFocusOnFirstInvalid, formErrorsOf, type FormErrors } from './field-errors';
import { FormAlert, Status, TextAreaField, TextField } from './form-fields';
import { StorefrontAddReviewMutation } from './order-operations';

const FIELDS = ['rating', 'title', 'body'] as const;
type Field = (typeof FIELDS)[number];

export interface ExistingReview {
  readonly rating: number;
  readonly title: string;
}

/**
 * A review of one product the shopper bought: 1–5 stars, a title (≤ 120) and a text (≤ 5,000), as addReview takes
 * them. One review per product and customer: REVIEW_ALREADY_EXISTS says so, and a review already written is shown
 * instead of the form.
 */
export function ReviewForm({ productId, productName, existing, onReviewed }: { productId: string; productName: string; existing: ExistingReview | undefined; onReviewed: () => void }) {
  const [, addReview] = useMutation(StorefrontAddReviewMutation);
  const [errors, setErrors] = useState<FormErrors<Field>>({ fields: {} });
  const [busy, setBusy] = useState(false);
  const [written, setWritten] = useState<ExistingReview | undefined>(undefined);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnFirstInvalid(formRef, errors);
  const ratingErrorId = useId();

  const shown = written ?? existing;
  if (shown) {
    return (
      <p className="account-review-done">
        {written ? <Status>Thank you, your review was published.</Status> : null}
        You rated {productName} {shown.rating} of 5: “{shown.title}”.
      </p>
    );
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const rating = Number(data.get('rating'));
    const title = String(data.get('title') ?? '').trim();
    const body = String(data.get('body') ?? '').trim();
    const missing: Partial<Record<Field, string>> = {};
    if (!(rating >= 1 && rating <= 5)) missing.rating = 'Choose from 1 to 5 stars.';
    if (!title) missing.title = 'Give your review a title.';
    if (!body) missing.body = 'Say what you think of it.';
    if (Object.keys(missing).length > 0) {
      setErrors({ fields: missing });
      return;
    }
    setBusy(true);
    const result = await addReview({ input: { productId, rating, title, body } });
    setBusy(false);
    if (result.data) {
      setWritten({ rating, title });
      onReviewed();
      return;
    }
    const error = graphErrorOf(result.error);
    if (error.code === 'REVIEW_ALREADY_EXISTS') {
      setErrors({ fields: {}, form: `You have already reviewed ${productName}: each product takes one review per customer.` });
      return;
    }
    setErrors(formErrorsOf(error, FIELDS));
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={`Review ${productName}`} className="account-form account-review-form">
      <FormAlert>{errors.form}</FormAlert>
      <fieldset aria-invalid={errors.fields.rating ? true : undefined} aria-describedby={errors.fields.rating ? ratingErrorId : undefined}>
        <legend>Your rating</legend>
        <div className="account-stars">
          {[1, 2, 3, 4, 5].map((stars) => (
            <label key={stars}>
              <input type="radio" name="rating" value={stars} aria-invalid={errors.fields.rating && stars === 1 ? true : undefined} />
              {stars} {stars === 1 ? 'star' : 'stars'}
            </label>
          ))}
        </div>
        {errors.fields.rating ? (
          <p id={ratingErrorId} className="account-field-error">
            {errors.fields.rating}
          </p>
        ) : null}
      </fieldset>
      <TextField label="Title" name="title" required maxLength={120} error={errors.fields.title} />
      <TextAreaField label="Your review" name="body" required maxLength={5000} rows={4} error={errors.fields.body} />
      <button type="submit" disabled={busy}>
        {busy ? 'Publishing…' : 'Publish review'}
      </button>
    </form>
  );
}
