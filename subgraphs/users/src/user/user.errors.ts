import { DomainError, ErrorCode } from '@techally/platform';
import type { PasswordWeakness } from './password.policy';

/** The users domain's deliberate errors; each has a registered code clients can switch on. */
export const UserError = {
  invalidEmail(email: string): DomainError {
    return new DomainError(ErrorCode.BAD_USER_INPUT, `"${email}" is not a valid email address.`, { field: 'email' });
  },

  invalidName(reason: string): DomainError {
    return new DomainError(ErrorCode.BAD_USER_INPUT, `The name ${reason}.`, { field: 'name' });
  },

  emailTaken(): DomainError {
    // Says nothing about the existing account beyond what the sign-up form must say anyway.
    return new DomainError(ErrorCode.EMAIL_TAKEN, 'An account with this email address already exists.', { field: 'email' });
  },

  weakPassword(weakness: PasswordWeakness): DomainError {
    return new DomainError(ErrorCode.WEAK_PASSWORD, weakness.message, { field: 'password', rule: weakness.rule });
  },

  /** The same answer for an unknown email and a wrong password, so it cannot be used to find accounts. */
  invalidCredentials(): DomainError {
    return new DomainError(ErrorCode.INVALID_CREDENTIALS, 'The email address or the password is incorrect.');
  },

  /**
   * This client must wait before its next log-in attempt (issue #9): the same answer whether or not the email
   * has an account, and never a lock of the account (its owner, from their own client, is not held back).
   */
  loginThrottled(retryAfterSeconds: number): DomainError {
    return new DomainError(
      ErrorCode.LOGIN_THROTTLED,
      `Too many failed log-in attempts from here; wait ${retryAfterSeconds} second(s) before trying again.`,
      { retryAfterSeconds },
    );
  },

  notYours(): DomainError {
    return DomainError.forbidden('Only the user themself or an administrator may see this.');
  },
};
