import { Link, Outlet } from 'react-router';
import { useSession } from '@techally/app-kit';
import { useCart } from './cart/cart';

/** Header (brand, search, account, cart) around every page. (Skeleton, issue #12.) */
export function Layout() {
  const { state } = useSession();
  const lines = useCart();
  const count = lines.reduce((sum, line) => sum + line.quantity, 0);
  return (
    <>
      <header>
        <Link to="/">TechAlly</Link>
        <nav aria-label="Account">
          {state ? <Link to="/account">{state.user.name}</Link> : <Link to="/sign-in">Sign in</Link>}
          <Link to="/cart">Cart ({count})</Link>
        </nav>
      </header>
      <main>
        <Outlet />
      </main>
    </>
  );
}
