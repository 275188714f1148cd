import { useState, type FormEvent } from 'react';
import type { CombinedError } from 'urql';
import { Field, FormError } from '../ui/Field';
import { formErrorsOf, NO_ERRORS, type FormErrors } from '../ui/field-errors';
import { parsePrice, priceText } from '../ui/format';
import { CURRENCIES } from './ProductForm';
import { FormActions } from '../ui/bits';

/** A new price for a product (the catalogue's price-changed event; the shop shows it at once). */
export function RepriceForm({
  price,
  onSubmit,
}: {
  price: { amount: number; currency: string };
  onSubmit: (price: { amount: number; currency: string }) => Promise<CombinedError | undefined>;
}) {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const amount = parsePrice(String(form.get('price') ?? ''));
    if (amount === null) return setErrors({ fields: { price: 'Enter the price as a number, like 19.99.' }, form: null });
    setBusy(true);
    const error = await onSubmit({ amount, currency: String(form.get('currency')) });
    setBusy(false);
    setErrors(formErrorsOf(error, ['price']));
  }
  return (
    <form onSubmit={submit} className="form" aria-label="Reprice" noValidate>
      <div className="field-row">
        <Field label="New price" error={errors.fields['price']}>
          <input name="price" inputMode="decimal" defaultValue={priceText(price.amount)} required />
        </Field>
        <Field label="Currency">
          <select name="currency" defaultValue={price.currency}>
            {CURRENCIES.map((currency) => (
              <option key={currency}>{currency}</option>
            ))}
          </select>
        </Field>
      </div>
      <FormError error={errors.form} />
      <FormActions busy={busy} label="Save price" busyLabel="Saving…" />
    </form>
  );
}
