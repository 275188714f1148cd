import { useEffect, useRef } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useSession } from '@techally/app-kit';
import { useCart } from './cart/cart';
import { CategoryNav } from './components/CategoryNav';
import { SearchBox } from './components/SearchBox';
import { ShopNotificationBell } from './notifications/ShopNotificationBell';
import './styles.css';

/** Header (brand, search, categories, account, cart) and footer around every page. */
export function Layout() {
  const { state } = useSession();
  const lines = useCart();
  const count = lines.reduce((sum, line) => sum + line.quantity, 0);
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  // A new page starts at its top, and a screen reader's focus moves to it (not on the first load).
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    main.current?.focus({ preventScroll: true });
  }, [pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="header-bar container">
          <Link to="/" className="brand">
            TechAlly
          </Link>
          <SearchBox />
          <nav aria-label="Account" className="header-links">
            {state ? (
              <>
                <ShopNotificationBell />
                <Link to="/account">
                  <span className="account-name">{state.user.name}</span>
                </Link>
              </>
            ) : (
              <Link to="/sign-in">Sign in</Link>
            )}
            <Link to="/cart" className="cart-link" aria-label={`Cart, ${count} item${count === 1 ? '' : 's'}`}>
              Cart <span className="cart-count">{count}</span>
            </Link>
          </nav>
        </div>
        <CategoryNav />
      </header>
      <main id="main" ref={main} tabIndex={-1} className="container">
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>TechAlly — electronics, audio, home and more. Prices in US dollars; free shipping from $100.</p>
          <nav aria-label="Footer">
            <Link to="/">Catalogue</Link> <Link to="/orders">My orders</Link> <Link to="/cart">Cart</Link>
          </nav>
        </div>
      </footer>
    </>
  );
}
