import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '@techally/app-kit';
import { signInPath } from './sign-in-path';

/** Its children for a signed-in shopper; otherwise the sign-in page, which comes back here afterwards. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const location = useLocation();
  if (!state) return <Navigate to={signInPath(location.pathname + location.search)} replace />;
  return <>{children}</>;
}
