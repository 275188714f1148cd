import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { Provider } from 'urql';
import { createGraphClient } from './graph-client';
import type { Session, SessionState } from './session';

const SessionContext = createContext<Session | null>(null);

/**
 * Gives the tree its session and an urql client for the signed-in user (a new one, with a new socket, when the
 * user changes; a token refresh keeps the client).
 */
export function GraphProvider({ url, session, children }: { url: string; session: Session; children: ReactNode }) {
  const userId = useSyncExternalStore(
    (listener) => session.subscribe(listener),
    () => session.current?.user.id ?? null,
  );
  const graph = useMemo(() => createGraphClient({ url, session }), [url, session, userId]);
  useEffect(() => () => graph.dispose(), [graph]);
  return (
    <SessionContext.Provider value={session}>
      <Provider value={graph.client}>{children}</Provider>
    </SessionContext.Provider>
  );
}

/** The session and who is signed in (null when nobody); re-renders on sign-in and sign-out. */
export function useSession(): { session: Session; state: SessionState | null } {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside <GraphProvider>');
  const [state, setState] = useState(session.current);
  useEffect(() => session.subscribe(setState), [session]);
  return { session, state };
}
