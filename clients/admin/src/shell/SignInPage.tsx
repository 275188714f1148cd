import { useState, type FormEvent } from 'react';
import { useSession } from '@techally/app-kit';
import { Field } from '../ui/Field';
import { FormActions } from '../ui/bits';

/** Staff sign in with their shop account; the ADMIN role decides what they see next (App). */
export function SignInPage() {
  const { session } = useSession();
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    const result = await session.signIn(String(form.get('email')), String(form.get('password')));
    setBusy(false);
    setError(result.ok ? null : result.error);
  }
  return (
    <main id="content" className="sign-in">
      <form onSubmit={submit} aria-labelledby="sign-in-title" className="card">
        <h1 id="sign-in-title">TechAlly Admin</h1>
        <p>Sign in with your staff account.</p>
        <Field label="Email">
          <input name="email" type="email" autoComplete="username" required />
        </Field>
        <Field label="Password">
          <input name="password" type="password" autoComplete="current-password" required />
        </Field>
        <FormActions busy={busy} label="Sign in" busyLabel="Signing in…" />
        {error && (
          <p role="alert" className="notice notice-error">
            {error.code === 'INVALID_CREDENTIALS' ? 'That email and password do not match a staff account.' : error.message}
          </p>
        )}
      </form>
    </main>
  );
}
