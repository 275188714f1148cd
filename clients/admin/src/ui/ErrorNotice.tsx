import { graphErrorOf } from '@techally/app-kit';
import type { CombinedError } from 'urql';

/** What went wrong with a read or an action, said plainly, with the gateway's code for support. */
export function ErrorNotice({ error, action }: { error: CombinedError | undefined; action?: string }) {
  if (!error) return null;
  const { code, message } = graphErrorOf(error);
  return (
    <div role="alert" className="notice notice-error">
      <p>
        {action ? <strong>{action} failed: </strong> : null}
        {describe(code, message)}
      </p>
      <p className="notice-code">Code: {code}</p>
    </div>
  );
}

function describe(code: string, message: string): string {
  switch (code) {
    case 'UNAUTHENTICATED':
      return 'Your session has ended. Sign in again.';
    case 'FORBIDDEN':
      return 'This account may not do that: it needs the administrator role.';
    default:
      return message;
  }
}

/** A read in progress (announced to screen readers once, politely). */
export function Loading({ what }: { what: string }) {
  return (
    <p role="status" className="loading">
      Loading {what}…
    </p>
  );
}
