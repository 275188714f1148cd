import { graphErrorOf } from '@techally/app-kit';
import type { CombinedError } from 'urql';

/** "Loading the products…", as a polite status for screen readers. */
export function Loading({ what }: { what: string }) {
  return (
    <p role="status" className="status status-loading">
      Loading {what}…
    </p>
  );
}

/**
 * What went wrong, in words: "Could not load the products: Could not reach the shop…", with the gateway's code
 * for support, and a button that asks again.
 */
export function LoadError({ what, error, onRetry }: { what: string; error: CombinedError; onRetry?: () => void }) {
  const { code, message } = graphErrorOf(error);
  return (
    <div role="alert" className="status status-error">
      <p>
        Could not load {what}: {message} <span className="error-code">({code})</span>
      </p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
