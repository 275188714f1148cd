import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useSession } from '@techally/app-kit';
import { useFocusOnFirstInvalid, formErrorsOf, type FormErrors } from '../account/field-errors';
import { FormAlert, TextField } from '../account/form-fields';
import { PageHeading } from '../account/page-heading';
import { safeNextPath } from '../account/sign-in-path';
import '../account/account.css';

const FIELDS = ['name', 'email', 'password'] as const;
type Field = (typeof FIELDS)[number];

/** The rules the users subgraph applies (WEAK_PASSWORD names the one broken, in `extensions.rule`). */
const PASSWORD_RULES = '10 to 128 characters, not a common password, and not containing the part of your email before the @.';

/** Create an account (signed in at once), then back to where the shopper was. */
export function SignUpPage() {
  const { session, state } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const [errors, setErrors] = useState<FormErrors<Field>>({ fields: {} });
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnFirstInvalid(formRef, errors);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input = { name: String(data.get('name') ?? '').trim(), email: String(data.get('email') ?? '').trim(), password: String(data.get('password') ?? '') };
    const missing: Partial<Record<Field, string>> = {};
    if (!input.name) missing.name = 'Enter your name.';
    if (!input.email) missing.email = 'Enter your email address.';
    if (!input.password) missing.password = 'Choose a password.';
    if (Object.keys(missing).length > 0) {
      setErrors({ fields: missing });
      return;
    }
    setBusy(true);
    setErrors({ fields: {} });
    const result = await session.signUp(input);
    setBusy(false);
    if (result.ok) {
      navigate(next, { replace: true });
      return;
    }
    setErrors(formErrorsOf(result.error, FIELDS));
  }

  if (state) {
    return (
      <section className="account-page">
        <PageHeading title="Create an account">Create an account</PageHeading>
        <p>
          You are signed in as {state.user.name}. <Link to={next}>Continue</Link>
        </p>
      </section>
    );
  }

  return (
    <section className="account-page account-narrow">
      <PageHeading title="Create an account">Create an account</PageHeading>
      <form ref={formRef} onSubmit={submit} noValidate aria-label="Create an account" className="account-form">
        <FormAlert>{errors.form}</FormAlert>
        <TextField label="Name" name="name" autoComplete="name" required maxLength={100} error={errors.fields.name} />
        <TextField label="Email" name="email" type="email" autoComplete="email" required error={errors.fields.email} />
        <TextField label="Password" name="password" type="password" autoComplete="new-password" required hint={PASSWORD_RULES} error={errors.fields.password} />
        <button type="submit" disabled={busy}>
          {busy ? 'Creating your account…' : 'Create account'}
        </button>
      </form>
      <p>
        Already have an account? <Link to={`/sign-in?next=${encodeURIComponent(next)}`}>Sign in</Link>
      </p>
    </section>
  );
}
