import type { CombinedError } from '@urql/core';

/** What went wrong, in a form an app can switch on (`code`) and show (`message`). */
export interface GraphError {
  /** The gateway's `extensions.code` (e.g. INVALID_CREDENTIALS), NETWORK_ERROR when the gateway was not reached. */
  readonly code: string;
  /** Fit to show a user: the gateway's message, written for client developers and their users. */
  readonly message: string;
  /** Extra facts some codes carry (retryAfterSeconds, retryable…). */
  readonly extensions: Readonly<Record<string, unknown>>;
}

/** The first error of an urql result as a {@link GraphError}. */
export function graphErrorOf(error: CombinedError | undefined): GraphError {
  if (!error) return { code: 'NO_DATA', message: 'The server answered without data.', extensions: {} };
  if (error.networkError && error.graphQLErrors.length === 0) {
    return { code: 'NETWORK_ERROR', message: 'Could not reach the shop. Check your connection and try again.', extensions: {} };
  }
  const first = error.graphQLErrors[0];
  const extensions = (first?.extensions ?? {}) as Record<string, unknown>;
  return {
    code: typeof extensions['code'] === 'string' ? extensions['code'] : 'ERROR',
    message: first?.message ?? error.message,
    extensions,
  };
}
