import { DomainError } from '@techally/platform';

/** The address domain's deliberate errors. */
export const AddressError = {
  /** Also the answer for another user's address: whether an id exists is not the viewer's business. */
  notFound(id: string): DomainError {
    return DomainError.notFound('Address', id);
  },

  invalidField(field: string, reason: string): DomainError {
    return DomainError.badUserInput(`The address ${field} ${reason}.`, field);
  },
};
