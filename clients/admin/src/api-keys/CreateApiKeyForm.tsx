import { useState, type FormEvent } from 'react';
import { useSession } from '@techally/app-kit';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { AdminCustomersQuery } from '../reviews/review.operations';
import { Field, FormError } from '../ui/Field';
import { formErrorsOf, NO_ERRORS, type FormErrors } from '../ui/field-errors';
import { humanize } from '../ui/format';
import { FormActions } from '../ui/bits';

const AdminCreateApiKeyMutation = graphql(`
  mutation AdminCreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
      apiKey {
        ...AdminApiKeyFields
      }
    }
  }
`);

const TIERS = ['BASIC', 'STANDARD', 'PREMIUM'] as const;

/** A year from today, as a date input wants it. */
function inAYear(): string {
  const date = new Date();
  date.setFullYear(date.getFullYear() + 1);
  return date.toISOString().slice(0, 10);
}

/** Issues a key for a partner account; the secret goes up to the page to be shown once. */
export function CreateApiKeyForm({ onIssued }: { onIssued: (issued: { name: string; secret: string }) => void }) {
  const { state } = useSession();
  const [users] = useQuery({ query: AdminCustomersQuery, variables: { first: 100 } });
  const [, create] = useMutation(AdminCreateApiKeyMutation);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const expires = String(form.get('expiresAt'));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(expires)) return setErrors({ fields: { expiresAt: 'Choose the day the key stops working.' }, form: null });
    setBusy(true);
    const result = await create({
      input: {
        name: String(form.get('name')).trim(),
        ownerId: String(form.get('ownerId')),
        tier: String(form.get('tier')) as (typeof TIERS)[number],
        expiresAt: new Date(`${expires}T23:59:59Z`).toISOString(),
      },
    });
    setBusy(false);
    setErrors(formErrorsOf(result.error, ['name', 'ownerId', 'tier', 'expiresAt']));
    if (result.data) {
      onIssued({ name: result.data.createApiKey.apiKey.name, secret: result.data.createApiKey.secret });
      formElement.reset();
    }
  }
  return (
    <form onSubmit={submit} className="form" noValidate>
      <Field label="Name" hint="Who it is for, like “Acme price feed”." error={errors.fields['name']}>
        <input name="name" required maxLength={100} />
      </Field>
      <Field label="Owner" error={errors.fields['ownerId']}>
        <select name="ownerId" defaultValue={state?.user.id} key={users.data ? 'loaded' : 'loading'}>
          {state && !users.data && <option value={state.user.id}>{state.user.name} (you)</option>}
          {users.data?.users.edges.map(({ node }) => (
            <option key={node.id} value={node.id}>
              {node.name} ({node.email}){node.id === state?.user.id ? ' — you' : ''}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Rate tier" error={errors.fields['tier']}>
        <select name="tier" defaultValue="STANDARD">
          {TIERS.map((tier) => (
            <option key={tier} value={tier}>
              {humanize(tier)}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Expires on" error={errors.fields['expiresAt']}>
        <input name="expiresAt" type="date" defaultValue={inAYear()} required />
      </Field>
      <FormError error={errors.form} />
      <FormActions busy={busy} label="Create key" busyLabel="Issuing…" />
    </form>
  );
}
