import { GraphQLError } from 'graphql';
import { ErrorCode } from './error-codes';

/**
 * The one error class the graph throws on purpose. Its `code` lands in `extensions.code`; its message is
 * written for the developer of a client. Anything thrown that is not a DomainError (or a protocol error) is
 * a bug and is masked at the boundary.
 *
 * Create them with the named factories below or with a domain's own factory module
 * (`UserError.emailTaken()`), never with ad-hoc codes.
 */
export class DomainError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { ...details, code } });
    this.name = 'DomainError';
  }

  static badUserInput(message: string, field?: string): DomainError {
    return new DomainError(ErrorCode.BAD_USER_INPUT, message, field ? { field } : {});
  }

  static unauthenticated(message = 'You must be signed in to do this.'): DomainError {
    // `http.status` is read (and removed) by Apollo Server when this is thrown while building the context.
    return new DomainError(ErrorCode.UNAUTHENTICATED, message, { http: { status: 401 } });
  }

  static forbidden(message = 'You are not allowed to do this.'): DomainError {
    return new DomainError(ErrorCode.FORBIDDEN, message);
  }

  static notFound(what: string, id: string): DomainError {
    return new DomainError(ErrorCode.NOT_FOUND, `${what} ${id} was not found.`, { id });
  }
}
