import { NavLink, Outlet } from 'react-router';
import { useSession } from '@techally/app-kit';
import { AdminNotificationBell } from '../notifications/AdminNotificationBell';

const SECTIONS = [
  { to: '/', label: 'Dashboard', end: true },
  { to: '/products', label: 'Products' },
  { to: '/categories', label: 'Categories' },
  { to: '/stock', label: 'Stock' },
  { to: '/orders', label: 'Orders' },
  { to: '/reviews', label: 'Reviews' },
  { to: '/api-keys', label: 'API keys' },
  { to: '/settings', label: 'Settings' },
] as const;

/**
 * The frame of every staff page: skip link, sections (the current one marked for assistive technology), the
 * notification bell, who is signed in.
 */
export function Layout() {
  const { session, state } = useSession();
  return (
    <>
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">TechAlly Admin</span>
        <nav aria-label="Sections">
          <ul>
            {SECTIONS.map((section) => (
              <li key={section.to}>
                <NavLink to={section.to} end={'end' in section}>
                  {section.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="whoami">
          <AdminNotificationBell />
          <span>{state?.user.name}</span>
          <button type="button" onClick={() => void session.signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <main id="content" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
