import { useState, type FormEvent } from 'react';
import type { CombinedError } from 'urql';
import { useCategoryOptions } from '../categories/category.operations';
import { Field, FormError } from '../ui/Field';
import { formErrorsOf, NO_ERRORS, type FormErrors } from '../ui/field-errors';
import { parsePrice, priceText } from '../ui/format';
import { FormActions } from '../ui/bits';

export const CURRENCIES = ['USD', 'EUR', 'GBP'] as const;

export interface ProductFormValues {
  readonly sku: string;
  readonly name: string;
  readonly slug: string;
  readonly description: string;
  readonly price: { readonly amount: number; readonly currency: string };
  readonly categoryId: string;
  readonly weight: number;
}

const FIELDS = ['sku', 'name', 'slug', 'description', 'price', 'categoryId', 'weight'];

/**
 * A product's fields for creating one (with SKU and price) or editing one (price has its own form: a reprice is
 * its own event). Checks what a browser can (a number where a number goes), then shows the server's
 * BAD_USER_INPUT under the field it names.
 */
export function ProductForm({
  initial,
  withSkuAndPrice,
  submitLabel,
  onSubmit,
}: {
  initial: ProductFormValues;
  withSkuAndPrice: boolean;
  submitLabel: string;
  onSubmit: (values: ProductFormValues) => Promise<CombinedError | undefined>;
}) {
  const categories = useCategoryOptions();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const amount = withSkuAndPrice ? parsePrice(text('price')) : initial.price.amount;
    const weight = Number(text('weight'));
    if (amount === null) return setErrors({ fields: { price: 'Enter the price as a number, like 19.99.' }, form: null });
    if (!Number.isInteger(weight)) return setErrors({ fields: { weight: 'Enter the weight in whole grams, like 450.' }, form: null });
    setBusy(true);
    setSaved(false);
    const error = await onSubmit({
      sku: withSkuAndPrice ? text('sku').toUpperCase() : initial.sku,
      name: text('name'),
      slug: text('slug'),
      description: text('description'),
      price: { amount, currency: withSkuAndPrice ? text('currency') : initial.price.currency },
      categoryId: text('categoryId'),
      weight,
    });
    setBusy(false);
    setErrors(formErrorsOf(error, FIELDS));
    setSaved(!error);
  }

  return (
    <form onSubmit={submit} className="form" noValidate>
      {withSkuAndPrice && (
        <Field label="SKU" hint="3 to 32 uppercase letters, digits or dashes, like SNY-WH1000XM5-BLK." error={errors.fields['sku']}>
          <input name="sku" defaultValue={initial.sku} required autoCapitalize="characters" />
        </Field>
      )}
      <Field label="Name" error={errors.fields['name']}>
        <input name="name" defaultValue={initial.name} required maxLength={200} />
      </Field>
      <Field label="Slug" hint="The product's address in the shop; leave empty to make one from the name." error={errors.fields['slug']}>
        <input name="slug" defaultValue={initial.slug} />
      </Field>
      <Field label="Description" error={errors.fields['description']}>
        <textarea name="description" defaultValue={initial.description} rows={5} />
      </Field>
      {withSkuAndPrice && (
        <div className="field-row">
          <Field label="Price" hint="In the currency's units, like 19.99." error={errors.fields['price']}>
            <input name="price" inputMode="decimal" defaultValue={initial.price.amount ? priceText(initial.price.amount) : ''} required />
          </Field>
          <Field label="Currency">
            <select name="currency" defaultValue={initial.price.currency}>
              {CURRENCIES.map((currency) => (
                <option key={currency}>{currency}</option>
              ))}
            </select>
          </Field>
        </div>
      )}
      <Field label="Category" error={errors.fields['categoryId'] ?? (categories.error ? 'The categories could not be loaded.' : undefined)}>
        <select name="categoryId" defaultValue={initial.categoryId} key={categories.options.length} required>
          <option value="" disabled>
            Choose a category
          </option>
          {categories.options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Weight (grams)" error={errors.fields['weight']}>
        <input name="weight" inputMode="numeric" defaultValue={String(initial.weight)} required />
      </Field>
      <FormError error={errors.form} />
      <FormActions busy={busy} label={submitLabel} busyLabel="Saving…" done={saved && !withSkuAndPrice && 'Saved.'} />
    </form>
  );
}
