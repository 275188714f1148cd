import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { Field, FormError } from '../ui/Field';
import { FormActions, ScrollRegion } from '../ui/bits';
import { ErrorNotice, Loading } from '../ui/ErrorNotice';
import { formErrorsOf, NO_ERRORS, type FormErrors } from '../ui/field-errors';
import { effectiveThresholds, isBelow, type EffectiveThreshold, type ThresholdSource } from './effective-threshold';
import { AdminLowStockThresholdsQuery, AdminSetLowStockThresholdMutation } from './low-stock-threshold.operations';

interface WarehouseOption {
  readonly id: string;
  readonly code: string;
  readonly name: string;
}

// The list may be empty (no threshold set yet): urql's cache then knows no type to refresh it by, so it is named.
const THRESHOLD_TYPES = { additionalTypenames: ['LowStockThreshold'] };
const ALL = 'all';

const SOURCE: Readonly<Record<ThresholdSource, string>> = {
  WAREHOUSE: 'Set for this warehouse',
  PRODUCT: 'The product’s own',
  DEFAULT: 'The shop’s default',
};

/**
 * A product's low-stock thresholds (issue #14): the one that applies over all warehouses and in each (with where
 * it comes from, and the stock against it), and setting one with `setLowStockThreshold`. Staff are alerted once
 * when available stock falls below it, from the product's next stock change.
 */
export function LowStockThresholds({
  productId,
  productName,
  warehouses,
  available,
}: {
  productId: string;
  productName: string;
  warehouses: ReadonlyArray<WarehouseOption>;
  /** Available units per warehouse id, and over all (`all`). */
  available: ReadonlyMap<string, number>;
}) {
  const [{ data, error, fetching }] = useQuery({ query: AdminLowStockThresholdsQuery, context: THRESHOLD_TYPES });
  const [, setThreshold] = useMutation(AdminSetLowStockThresholdMutation);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const effective = effectiveThresholds(data?.lowStockThresholds ?? [], productId, warehouses.map((warehouse) => warehouse.id));
  const scopeName = (warehouseId: string | null) => (warehouseId === null ? 'All warehouses' : (warehouses.find((w) => w.id === warehouseId)?.code ?? warehouseId));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const typed = String(form.get('threshold')).trim();
    const scope = String(form.get('warehouseId'));
    setDone(null);
    // Only what is not a number at all is refused here; the range is the server's to say (BAD_USER_INPUT).
    if (!/^-?\d+$/.test(typed)) return setErrors({ fields: { threshold: 'Enter a whole number of units: 0 turns the alerts off.' }, form: null });
    const warehouseId = scope === ALL ? null : scope;
    setBusy(true);
    const result = await setThreshold({ productId, warehouseId, threshold: Number(typed) }, THRESHOLD_TYPES);
    setBusy(false);
    setErrors(formErrorsOf(result.error, ['threshold', 'warehouseId']));
    if (result.data) {
      const { threshold } = result.data.setLowStockThreshold;
      const where = warehouseId === null ? 'over all warehouses' : `at ${scopeName(warehouseId)}`;
      setDone(threshold === 0 ? `No low-stock alerts ${where}.` : `Alerts below ${threshold} available ${where}, from the next stock change.`);
    }
  }

  return (
    <section aria-labelledby="thresholds-title" className="card">
      <h2 id="thresholds-title">Low-stock alerts</h2>
      <p className="muted">Staff are told once (in the bell, and by email or as each chose) when the available stock falls below the threshold.</p>
      <ErrorNotice error={error} action="Loading the thresholds" />
      {fetching && !data && <Loading what="the thresholds" />}
      {data && (
        <ScrollRegion label="Low-stock thresholds">
          <table aria-label={`Low-stock thresholds of ${productName}`}>
            <thead>
              <tr>
                <th scope="col">Where</th>
                <th scope="col" className="num">Available</th>
                <th scope="col" className="num">Alert below</th>
                <th scope="col">From</th>
              </tr>
            </thead>
            <tbody>
              {effective.map((row) => (
                <ThresholdRowView key={row.warehouseId ?? ALL} row={row} name={scopeName(row.warehouseId)} available={available.get(row.warehouseId ?? ALL) ?? 0} />
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <form onSubmit={submit} className="form threshold-form" aria-label="Set a low-stock threshold" noValidate>
        <div className="field-row">
          <Field label="Applies to" error={errors.fields['warehouseId']}>
            <select name="warehouseId" defaultValue={ALL}>
              <option value={ALL}>All warehouses (the product’s own)</option>
              {warehouses.map((warehouse) => (
                <option key={warehouse.id} value={warehouse.id}>
                  {warehouse.code} — {warehouse.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Alert below (units)" hint="0 turns the alerts off." error={errors.fields['threshold']}>
            <input name="threshold" inputMode="numeric" required />
          </Field>
        </div>
        <FormError error={errors.form} />
        <FormActions busy={busy} label="Save threshold" busyLabel="Saving…" done={done} />
      </form>
    </section>
  );
}

function ThresholdRowView({ row, name, available }: { row: EffectiveThreshold; name: string; available: number }) {
  const low = isBelow(available, row);
  return (
    <tr>
      <th scope="row">{name}</th>
      <td className={low ? 'num warn' : 'num'}>
        {available}
        {low ? (
          <>
            {' '}
            <span className="badge badge-warn">Low</span>
          </>
        ) : null}
      </td>
      <td className="num">{row.threshold === null ? 'default' : row.threshold === 0 ? 'off' : row.threshold}</td>
      <td>{SOURCE[row.source]}</td>
    </tr>
  );
}
