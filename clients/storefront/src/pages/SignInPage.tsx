import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useSession } from '@techally/app-kit';
import { FormAlert, TextField } from '../account/form-fields';
import { PageHeading } from '../account/page-heading';
import { safeNextPath } from '../account/sign-in-path';
import '../account/account.css';

type Errors = { email?: string; password?: string; form?: string };

/** Sign in, then back to where the shopper was (`?next=/checkout`). */
export function SignInPage() {
  const { session, state } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);

  // LOGIN_THROTTLED: the button stays disabled until the wait the server named is over.
  useEffect(() => {
    if (waitUntil === null) return;
    const timer = setTimeout(() => {
      setWaitUntil(null);
      setErrors({ form: 'You can try to sign in again now.' });
    }, Math.max(0, waitUntil - Date.now()));
    return () => clearTimeout(timer);
  }, [waitUntil]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const email = String(data.get('email') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const missing: Errors = {};
    if (!email) missing.email = 'Enter your email address.';
    if (!password) missing.password = 'Enter your password.';
    if (missing.email || missing.password) {
      setErrors(missing);
      (missing.email ? emailRef : passwordRef).current?.focus();
      return;
    }
    setBusy(true);
    setErrors({});
    const result = await session.signIn(email, password);
    setBusy(false);
    if (result.ok) {
      navigate(next, { replace: true });
      return;
    }
    const { code, message, extensions } = result.error;
    if (code === 'INVALID_CREDENTIALS') {
      setErrors({ password: 'The email address or the password is incorrect.' });
      if (passwordRef.current) passwordRef.current.value = '';
      passwordRef.current?.focus();
    } else if (code === 'LOGIN_THROTTLED') {
      const seconds = Number(extensions['retryAfterSeconds']) || 1;
      setWaitUntil(Date.now() + seconds * 1000);
      setErrors({ form: `Too many sign-in attempts from here. Wait ${seconds} second${seconds === 1 ? '' : 's'}, then try again.` });
    } else {
      setErrors({ form: code === 'NETWORK_ERROR' ? message : `Could not sign in: ${message}` });
    }
  }

  if (state) {
    return (
      <section className="account-page">
        <PageHeading title="Sign in">Sign in</PageHeading>
        <p>
          You are signed in as {state.user.name} ({state.user.email}). <Link to={next}>Continue</Link>
        </p>
      </section>
    );
  }

  return (
    <section className="account-page account-narrow">
      <PageHeading title="Sign in">Sign in</PageHeading>
      <form onSubmit={submit} noValidate aria-label="Sign in" className="account-form">
        <FormAlert>{errors.form}</FormAlert>
        <TextField ref={emailRef} label="Email" name="email" type="email" autoComplete="email" required error={errors.email} />
        <TextField ref={passwordRef} label="Password" name="password" type="password" autoComplete="current-password" required error={errors.password} />
        <button type="submit" disabled={busy || waitUntil !== null}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p>
        New here? <Link to={`/sign-up?next=${encodeURIComponent(next)}`}>Create an account</Link>
      </p>
    </section>
  );
}
