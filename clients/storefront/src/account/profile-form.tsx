import { useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphErrorOf, useSession } from '@techally/app-kit';
import { graphql } from '../gql';
import { useFocusOnFirstInvalid, formErrorsOf, type FormErrors } from './field-errors';
import { FormAlert, Status, TextField } from './form-fields';

const StorefrontProfileQuery = graphql(`
  query StorefrontProfile {
    me {
      id
      name
      email
    }
  }
`);

const StorefrontUpdateProfileMutation = graphql(`
  mutation StorefrontUpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      id
      name
      email
    }
  }
`);

const FIELDS = ['name', 'email'] as const;
type Field = (typeof FIELDS)[number];

/** Name and email. The session is refreshed afterwards so the header shows the new name at once. */
export function ProfileForm() {
  const { session } = useSession();
  const [{ data, error }] = useQuery({ query: StorefrontProfileQuery });
  const [, updateProfile] = useMutation(StorefrontUpdateProfileMutation);
  const [errors, setErrors] = useState<FormErrors<Field>>({ fields: {} });
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnFirstInvalid(formRef, errors);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get('name') ?? '').trim();
    const email = String(form.get('email') ?? '').trim();
    setSaved(false);
    setBusy(true);
    const result = await updateProfile({ input: { name, email } });
    setBusy(false);
    if (result.data) {
      setErrors({ fields: {} });
      setSaved(true);
      // The session's user (the header's name) comes with the tokens: the next pair carries the new profile.
      await session.refresh();
      return;
    }
    setErrors(formErrorsOf(graphErrorOf(result.error), FIELDS));
  }

  return (
    <section aria-labelledby="account-profile" className="account-section">
      <h2 id="account-profile">Profile</h2>
      {error ? <FormAlert>Your profile could not be loaded: {graphErrorOf(error).message}</FormAlert> : null}
      {data?.me ? (
        <form ref={formRef} onSubmit={submit} noValidate aria-label="Profile" className="account-form">
          <FormAlert>{errors.form ? `Your profile was not saved: ${errors.form}` : null}</FormAlert>
          <TextField label="Name" name="name" autoComplete="name" required defaultValue={data.me.name} error={errors.fields.name} />
          <TextField label="Email" name="email" type="email" autoComplete="email" required defaultValue={data.me.email} error={errors.fields.email} />
          <div className="account-actions">
            <button type="submit" disabled={busy}>
              {busy ? 'Saving…' : 'Save profile'}
            </button>
            {saved ? <Status>Profile saved.</Status> : null}
          </div>
        </form>
      ) : null}
    </section>
  );
}
