import { useState, type FormEvent } from 'react';
import { graphErrorOf } from '@techally/app-kit';
import { useMutation } from 'urql';
import { Field, FormError } from '../ui/Field';
import { formErrorsOf, NO_ERRORS, type FormErrors } from '../ui/field-errors';
import { humanize } from '../ui/format';
import { AdminAdjustStockMutation, ADJUSTMENT_REASONS } from './stock.operations';
import { FormActions } from '../ui/bits';

interface WarehouseOption {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly active?: boolean;
}

/**
 * Adds or removes units of one product in one warehouse, with the reason and note the audit trail keeps. A
 * removal the stock cannot cover (NEGATIVE_STOCK) is refused whole by the server: say how much could go.
 */
export function AdjustStockForm({ productId, productName, warehouses, defaultWarehouseId }: { productId: string; productName: string; warehouses: ReadonlyArray<WarehouseOption>; defaultWarehouseId?: string }) {
  const [, adjust] = useMutation(AdminAdjustStockMutation);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [refused, setRefused] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const delta = Number(String(form.get('delta')).trim());
    setDone(null);
    setRefused(null);
    if (!Number.isInteger(delta) || delta === 0) {
      return setErrors({ fields: { delta: 'Enter a whole number of units other than 0: positive adds, negative removes.' }, form: null });
    }
    const warehouseId = String(form.get('warehouseId'));
    const note = String(form.get('note') ?? '').trim();
    setBusy(true);
    const result = await adjust({
      input: { productId, warehouseId, delta, reason: String(form.get('reason')) as (typeof ADJUSTMENT_REASONS)[number], ...(note ? { note } : {}) },
    });
    setBusy(false);
    if (result.error && graphErrorOf(result.error).code === 'NEGATIVE_STOCK') {
      const { extensions } = graphErrorOf(result.error);
      const onHand = Number(extensions['onHand']);
      const reserved = Number(extensions['reserved']);
      const code = warehouses.find((w) => w.id === warehouseId)?.code ?? 'this warehouse';
      setErrors(NO_ERRORS);
      return setRefused(
        `Not enough stock: ${code} has ${onHand} on hand, ${reserved} of them reserved for orders, so at most ${Math.max(onHand - reserved, 0)} can be removed. Nothing was changed.`,
      );
    }
    setErrors(formErrorsOf(result.error, ['delta', 'warehouseId', 'reason', 'note']));
    if (result.data) {
      const row = result.data.adjustStock;
      setDone(`${delta > 0 ? 'Added' : 'Removed'} ${Math.abs(delta)} at ${row.warehouse.code}: ${row.onHand} on hand, ${row.available} available.`);
      formElement.reset();
    }
  }

  return (
    <form onSubmit={submit} className="form adjust-form" aria-label={`Adjust stock of ${productName}`} noValidate>
      <div className="field-row">
        <Field label="Warehouse" error={errors.fields['warehouseId']}>
          <select name="warehouseId" defaultValue={defaultWarehouseId ?? warehouses[0]?.id}>
            {warehouses.map((warehouse) => (
              <option key={warehouse.id} value={warehouse.id}>
                {warehouse.code} — {warehouse.name}
                {warehouse.active === false ? ' (inactive)' : ''}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Change (units)" hint="Positive adds, negative removes." error={errors.fields['delta']}>
          <input name="delta" inputMode="numeric" required />
        </Field>
        <Field label="Reason" error={errors.fields['reason']}>
          <select name="reason" defaultValue="RECEIVED">
            {ADJUSTMENT_REASONS.map((reason) => (
              <option key={reason} value={reason}>
                {humanize(reason)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field label="Note (optional)" error={errors.fields['note']}>
        <input name="note" maxLength={500} />
      </Field>
      <FormError error={errors.form} />
      {refused && (
        <div role="alert" className="notice notice-error">
          <p>
            <strong>{refused}</strong>
          </p>
          <p className="notice-code">Code: NEGATIVE_STOCK</p>
        </div>
      )}
      <FormActions busy={busy} label="Adjust stock" busyLabel="Adjusting…" done={done} />
    </form>
  );
}
