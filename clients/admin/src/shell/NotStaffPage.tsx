import { useSession } from '@techally/app-kit';

/** A customer account signed in here: say so, rather than a portal whose every read is refused. */
export function NotStaffPage() {
  const { session, state } = useSession();
  return (
    <main id="content" className="sign-in">
      <section className="card" aria-labelledby="not-staff-title">
        <h1 id="not-staff-title">TechAlly Admin</h1>
        <p role="alert" className="notice notice-error">
          Signed in as {state?.user.email}, but this account is not staff: the back office needs the administrator
          role.
        </p>
        <button type="button" onClick={() => void session.signOut()}>
          Sign out and use another account
        </button>
      </section>
    </main>
  );
}
