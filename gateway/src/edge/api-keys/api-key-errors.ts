import { DomainError, ErrorCode } from '@techally/platform';

/**
 * The edge's answers to a bad `x-api-key`: 401 before any subgraph is called. Unknown and revoked keys get the
 * same words, so the answer does not tell a guesser which keys once existed.
 */
export const ApiKeyRefusal = {
  invalid(): DomainError {
    return DomainError.unauthenticated('Invalid or revoked API key.');
  },

  expired(): DomainError {
    return DomainError.unauthenticated('The API key has expired; ask for a new one.');
  },

  withAccessToken(): DomainError {
    // A partner is an anonymous public reader: a request cannot be both a partner's and a user's.
    return DomainError.unauthenticated('Send either an API key (x-api-key) or an access token (Authorization), not both.');
  },

  lookupUnavailable(): DomainError {
    return new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'API keys cannot be checked right now; try again shortly.', { http: { status: 503 } });
  },
};
