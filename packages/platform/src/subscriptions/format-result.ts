import type { ExecutionResult, GraphQLError, GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { formatError, isExposedError } from '../errors/format-error';

/** A result as a subscription delivers it: graphql-js errors, or errors already formatted upstream. */
export type SubscriptionResult = Omit<ExecutionResult, 'errors'> & {
  readonly errors?: ReadonlyArray<GraphQLError | GraphQLFormattedError>;
};

/** What goes on the wire: the platform's error boundary applied to every error of a result. */
export type FormattedSubscriptionResult = Omit<ExecutionResult, 'errors'> & {
  readonly errors?: ReadonlyArray<GraphQLFormattedError>;
};

/**
 * The error boundary of a WebSocket result (the HTTP path has Apollo Server's `formatError`): registered codes
 * pass with their message, anything else becomes INTERNAL_SERVER_ERROR — and is logged here with its stack,
 * since the client will never see it.
 */
export function formatSubscriptionErrors(
  errors: ReadonlyArray<GraphQLError | GraphQLFormattedError>,
  logger: Logger,
): GraphQLFormattedError[] {
  return errors.map((error) => {
    const formatted = toFormatted(error);
    if (!isExposedError(formatted)) {
      const original = 'originalError' in error && error.originalError ? error.originalError : error;
      logger.error({ err: original, path: formatted.path }, 'unexpected error (masked as INTERNAL_SERVER_ERROR)');
    }
    return formatError(withoutHttp(formatted));
  });
}

/** `extensions.http` tells Apollo Server which HTTP status to answer with; it has no meaning on a WebSocket. */
function withoutHttp(error: GraphQLFormattedError): GraphQLFormattedError {
  if (!error.extensions || !('http' in error.extensions)) return error;
  const { http: _http, ...extensions } = error.extensions;
  return { ...error, extensions };
}

export function formatSubscriptionResult(result: SubscriptionResult, logger: Logger): FormattedSubscriptionResult {
  if (!result.errors || result.errors.length === 0) {
    const { errors: _none, ...rest } = result;
    return rest;
  }
  return { ...result, errors: formatSubscriptionErrors(result.errors, logger) };
}

function toFormatted(error: GraphQLError | GraphQLFormattedError): GraphQLFormattedError {
  return 'toJSON' in error && typeof error.toJSON === 'function' ? error.toJSON() : (error as GraphQLFormattedError);
}
