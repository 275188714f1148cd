import { useId, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphErrorOf } from '@techally/app-kit';
import type { StorefrontAddressFieldsFragment } from '../gql/graphql';
import { StorefrontAddAddressMutation, StorefrontUpdateAddressMutation } from './address-operations';
import { useFocusOnFirstInvalid, formErrorsOf, type FormErrors } from './field-errors';
import { FormAlert, TextField } from './form-fields';

export type Address = StorefrontAddressFieldsFragment;

const FIELDS = ['label', 'fullName', 'line1', 'line2', 'city', 'region', 'postalCode', 'country', 'phone'] as const;
type Field = (typeof FIELDS)[number];
const REQUIRED: ReadonlyArray<Field> = ['fullName', 'line1', 'city', 'postalCode', 'country'];
const LABELS: Record<Field, string> = {
  label: 'Name for this address',
  fullName: 'Full name',
  line1: 'Address line 1',
  line2: 'Address line 2',
  city: 'City',
  region: 'State, province or county',
  postalCode: 'Postal code',
  country: 'Country code',
  phone: 'Phone',
};
const AUTOCOMPLETE: Record<Field, string> = {
  label: 'off',
  fullName: 'name',
  line1: 'address-line1',
  line2: 'address-line2',
  city: 'address-level2',
  region: 'address-level1',
  postalCode: 'postal-code',
  country: 'country',
  phone: 'tel',
};

/**
 * Adds an address, or edits `address` when given. Optional fields left empty are cleared. The first address a
 * shopper adds becomes the default (the users subgraph's rule); later ones when "use as default" is ticked.
 */
export function AddressForm({ address, onSaved, onCancel, title }: { address?: Address; onSaved: (address: Address) => void; onCancel?: () => void; title: string }) {
  const [, addAddress] = useMutation(StorefrontAddAddressMutation);
  const [, updateAddress] = useMutation(StorefrontUpdateAddressMutation);
  const [errors, setErrors] = useState<FormErrors<Field>>({ fields: {} });
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnFirstInvalid(formRef, errors);
  const defaultId = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const values = Object.fromEntries(FIELDS.map((field) => [field, String(data.get(field) ?? '').trim()])) as Record<Field, string>;
    const missing = Object.fromEntries(REQUIRED.filter((field) => !values[field]).map((field) => [field, `Enter the ${LABELS[field].toLowerCase()}.`]));
    if (Object.keys(missing).length > 0) {
      setErrors({ fields: missing });
      return;
    }
    const optional = (value: string) => (value === '' ? null : value);
    const input = {
      label: optional(values.label),
      fullName: values.fullName,
      line1: values.line1,
      line2: optional(values.line2),
      city: values.city,
      region: optional(values.region),
      postalCode: values.postalCode,
      country: values.country.toUpperCase(),
      phone: optional(values.phone),
      isDefault: data.get('isDefault') === 'on' ? true : undefined,
    };
    setBusy(true);
    setErrors({ fields: {} });
    const result = address ? await updateAddress({ id: address.id, input }) : await addAddress({ input });
    setBusy(false);
    const saved = result.data && ('updateAddress' in result.data ? result.data.updateAddress : result.data.addAddress);
    if (saved) {
      onSaved(saved);
      return;
    }
    setErrors(formErrorsOf(graphErrorOf(result.error), FIELDS));
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={title} className="account-form account-address-form">
      <FormAlert>{errors.form ? `The address was not saved: ${errors.form}` : null}</FormAlert>
      <div className="account-grid">
        {FIELDS.map((field) => (
          <TextField
            key={field}
            label={LABELS[field]}
            name={field}
            required={REQUIRED.includes(field)}
            autoComplete={AUTOCOMPLETE[field]}
            defaultValue={address?.[field] ?? ''}
            error={errors.fields[field]}
            hint={field === 'country' ? 'Two letters, e.g. US, GB, DE.' : field === 'label' ? 'e.g. Home, Office.' : undefined}
            maxLength={field === 'country' ? 2 : undefined}
            type={field === 'phone' ? 'tel' : 'text'}
          />
        ))}
      </div>
      {address?.isDefault ? null : (
        <div className="account-check">
          <input id={defaultId} type="checkbox" name="isDefault" />
          <label htmlFor={defaultId}>Use as my default address</label>
        </div>
      )}
      <div className="account-actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : address ? 'Save address' : 'Add address'}
        </button>
        {onCancel ? (
          <button type="button" className="account-secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** An address as a few lines of text, for lists and the order page. */
export function AddressLines({ address }: { address: Omit<Address, 'id' | 'isDefault' | 'label' | '__typename'> }) {
  return (
    <address className="account-address">
      {address.fullName}
      <br />
      {address.line1}
      {address.line2 ? (
        <>
          <br />
          {address.line2}
        </>
      ) : null}
      <br />
      {[address.postalCode, address.city, address.region].filter(Boolean).join(' ')}
      <br />
      {address.country}
      {address.phone ? (
        <>
          <br />
          {address.phone}
        </>
      ) : null}
    </address>
  );
}
