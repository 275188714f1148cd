import { DomainError, ErrorCode } from '@techally/platform';

/** The session domain's deliberate errors. */
export const SessionError = {
  /**
   * One answer for unknown, expired, revoked and reused tokens: the client's only move is to log in again,
   * and telling them apart would help whoever stole a token.
   */
  invalidRefreshToken(): DomainError {
    return new DomainError(ErrorCode.INVALID_REFRESH_TOKEN, 'The refresh token is not valid; log in again.');
  },
};
