import { DomainError } from '@techally/platform';

/** The API-key domain's deliberate errors. */
export const ApiKeyError = {
  notFound(id: string): DomainError {
    return DomainError.notFound('API key', id);
  },

  unknownOwner(): DomainError {
    return DomainError.badUserInput('No user has this id.', 'ownerId');
  },

  expiryOutOfRange(maxDays: number): DomainError {
    return DomainError.badUserInput(`The expiry must be in the future and at most ${maxDays} days ahead.`, 'expiresAt');
  },

  notRotatable(reason: 'revoked' | 'expired'): DomainError {
    return DomainError.badUserInput(`The key is ${reason}: create a new key instead of rotating this one.`, 'id');
  },
};
