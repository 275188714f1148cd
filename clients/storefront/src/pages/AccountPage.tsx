import { Link, useNavigate } from 'react-router';
import { useSession } from '@techally/app-kit';
import { AddressBook } from '../account/address-book';
import { NotificationSettings } from '../account/notification-settings';
import { PageHeading } from '../account/page-heading';
import { ProfileForm } from '../account/profile-form';
import { RequireSignIn } from '../account/require-sign-in';
import '../account/account.css';

/** The signed-in shopper's account: profile, addresses, notification settings, orders, sign out. */
export function AccountPage() {
  return (
    <RequireSignIn>
      <Account />
    </RequireSignIn>
  );
}

function Account() {
  const { session, state } = useSession();
  const navigate = useNavigate();
  async function signOut() {
    // Leave first: this page would otherwise send the signed-out shopper to the sign-in page.
    navigate('/', { replace: true });
    await session.signOut();
  }
  return (
    <section className="account-page">
      <PageHeading title="Your account">Your account</PageHeading>
      <p>Signed in as {state?.user.email}.</p>
      <nav aria-label="Your account" className="account-actions">
        <Link to="/orders">Your orders</Link>
        <button type="button" className="account-secondary" onClick={() => void signOut()}>
          Sign out
        </button>
      </nav>
      <ProfileForm />
      <AddressBook />
      <NotificationSettings />
    </section>
  );
}
